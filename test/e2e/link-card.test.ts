import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';
import { signUpWithWorkspace, snap, startJourney } from './browser.ts';

type ExternalEmbed = { $type: string; external: { uri: string; title: string; description: string; thumb?: { ref: { $link: string }; mimeType: string; size: number } } };

/** A page with Open Graph tags and its picture, served on loopback (Herald reads loopback pages only with HERALD_LINK_PREVIEWS_ALLOW_LOOPBACK). */
async function startArticleServer(picture: Buffer) {
  const server = http.createServer((req, res) => {
    if (req.url === '/card.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(picture);
    if (req.url?.startsWith('/spring-menu')) {
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html><head><title>Menu</title><meta property="og:title" content="Our spring menu"><meta property="og:description" content="Twelve new breads, baked every morning."><meta property="og:image" content="/card.png"></head><body>Menu</body></html>',
        );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// A Bluesky post with a link: Herald reads the page's card, the person edits its title and adds
// campaign tags, and the post on a real PDS carries app.bsky.embed.external with the edited
// title, the tagged link and the page's picture uploaded as its thumb.
describe.skipIf(!pdsAvailable() && !process.env.CI)('link cards in Chromium', () => {
  let h: TestHerald;
  let pds: LocalPds;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let site: Awaited<ReturnType<typeof startArticleServer>>;
  let picture: Buffer;

  beforeAll(async () => {
    picture = await sharp({ create: { width: 600, height: 314, channels: 3, background: '#e8590c' } })
      .composite([{ input: await sharp({ create: { width: 300, height: 157, channels: 3, background: '#fff4e6' } }).png().toBuffer(), left: 150, top: 78 }])
      .png()
      .toBuffer();
    site = await startArticleServer(picture);
    pds = await startLocalPds([{ handle: 'bakery.test', password: 'bakery-main-password', displayName: 'Bakery on Bluesky' }]);
    journey = await startJourney({ env: { ...fastEngineEnv, ...blueskyEnv(pds), HERALD_LINK_PREVIEWS_ALLOW_LOOPBACK: 'true' } });
    ({ h, browser } = journey);
    // A stale web build is rebuilt first: on a busy machine that alone takes minutes.
  }, 300_000);
  afterAll(async () => {
    await journey?.close();
    await pds?.stop();
    await site?.close();
  });

  it('publishes a Bluesky post whose edited link card reaches the PDS with its thumb', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' })).newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Bea Baker', email: 'bea@example.com', password: 'bea has a long password', workspace: 'Bakery' });
    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    const account = pds.accounts[0]!;
    await page.getByLabel('Bluesky handle').waitFor();
    const appPasswordInstead = page.getByRole('button', { name: 'Use an app password instead' });
    if (await appPasswordInstead.isVisible()) await appPasswordInstead.click();
    await page.getByLabel('Bluesky handle').fill(account.handle);
    await page.getByLabel('App password').fill(account.appPassword);
    await page.getByRole('button', { name: 'Connect Bluesky' }).click();
    await page.getByText('Bakery on Bluesky').waitFor();

    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('heading', { name: 'Create a post' }).waitFor();
    await page.getByRole('checkbox', { name: /Bluesky/ }).check();
    const link = `${site.origin}/spring-menu`;
    await page.getByLabel('Shared text', { exact: true }).fill(`Spring is here: ${link}`);

    // The card is read from the page, then edited.
    const title = page.getByLabel('Card title');
    await expect.poll(() => title.inputValue(), { timeout: 15_000 }).toBe('Our spring menu');
    await expect(page.getByLabel('Card description').inputValue()).resolves.toBe('Twelve new breads, baked every morning.');
    await expect(page.getByLabel('Card picture address').inputValue()).resolves.toBe(`${site.origin}/card.png`);
    await title.fill('Twelve new breads for spring');
    const preview = page.getByTestId('link-card-preview-bluesky');
    await preview.getByText('Twelve new breads for spring').waitFor();
    // The picture comes through Herald (the page's policy allows no other origin): it loads.
    await expect.poll(() => preview.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(600);
    await expect.poll(() => page.getByTestId('link-card-editor').locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);

    await page.getByRole('button', { name: 'Add UTM tags…' }).click();
    await page.getByRole('switch', { name: /UTM tags for Bluesky/ }).check();
    await page.getByLabel('Campaign').fill('spring');

    await page.getByRole('radio', { name: /Post now/ }).check();
    await page.waitForFunction(() => !document.querySelector('[data-testid="blockers"]'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, 'link-card-composer-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'link-card-composer-390');
    await page.setViewportSize({ width: 1440, height: 1000 });

    await page.getByRole('button', { name: 'Post now', exact: true }).click();
    await page.waitForURL(/\/posts\/[^/]+$/);
    const postId = /\/posts\/([^/]+)$/.exec(page.url())![1]!;
    const delivery = await waitFor(
      async () => {
        const post = (await (await page.request.get(`${h.url}/api/v1/workspaces/${workspaceId}/posts/${postId}`)).json()) as { deliveries: { state: string; externalId: string | null; errorMessage: string | null }[] };
        const d = post.deliveries[0]!;
        return ['published', 'failed', 'unconfirmed'].includes(d.state) ? d : null;
      },
      { timeoutMs: 60_000, what: 'the post to be published' },
    );
    expect(delivery, JSON.stringify(delivery)).toMatchObject({ state: 'published' });

    const rkey = delivery.externalId!.split('/').at(-1)!;
    const record = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.getRecord?${new URLSearchParams({ repo: account.did, collection: 'app.bsky.feed.post', rkey })}`);
    const { value } = (await record.json()) as { value: { text: string; embed: ExternalEmbed } };
    const tagged = `${link}?utm_source=bluesky&utm_campaign=spring`;
    expect(value.text).toBe(`Spring is here: ${tagged}`);
    expect(value.embed).toMatchObject({ $type: 'app.bsky.embed.external', external: { uri: tagged, title: 'Twelve new breads for spring', description: 'Twelve new breads, baked every morning.', thumb: { mimeType: 'image/png', size: picture.length } } });
    const blob = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.sync.getBlob?${new URLSearchParams({ did: account.did, cid: value.embed.external.thumb!.ref.$link })}`);
    expect(Buffer.from(await blob.arrayBuffer()).equals(picture)).toBe(true);
  });
});
