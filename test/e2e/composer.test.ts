import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';
import { snap, startJourney } from './browser.ts';

const zone = 'Europe/Berlin';

/** Date and time inputs' values for an instant, as a person in `zone` would type them. */
function localParts(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

async function connectAll(page: Page, h: TestHerald, tiktok: TikTokFake, mastodon: MastodonFake, pds: LocalPds) {
  await page.goto(`${h.url}/signup`);
  await page.getByLabel('Name').fill('Cara Creator');
  await page.getByLabel('Email').fill('cara@example.com');
  await page.getByLabel('Password').fill('cara has a long password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByLabel('Workspace name').fill('Cara Studio');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/w\/[^/]+\/getting-started/);
  const workspaceId = /\/w\/([^/]+)\//.exec(page.url())![1]!;
  await page.getByRole('link', { name: 'Channels' }).click();

  await page.getByRole('button', { name: 'Connect TikTok' }).click();
  await page.waitForURL(new RegExp(`^${tiktok.url}/v2/auth/authorize/`));
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(/\/channels\?connected=/);

  await page.getByLabel('Mastodon server').fill(mastodon.domain);
  await page.getByRole('button', { name: 'Connect Mastodon' }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(/\/channels\?connected=/);

  const dana = pds.accounts[0]!;
  // Bluesky's own sign-in page (OAuth) is the default where Herald's address allows it; this journey uses an app password.
  await page.getByLabel('Bluesky handle').waitFor();
  const appPasswordInstead = page.getByRole('button', { name: 'Use an app password instead' });
  if (await appPasswordInstead.isVisible()) await appPasswordInstead.click();
  await page.getByLabel('Bluesky handle').fill(dana.handle);
  await page.getByLabel('App password').fill(dana.appPassword);
  await page.getByRole('button', { name: 'Connect Bluesky' }).click();
  await page.getByText('Dana on Bluesky').waitFor();
  return workspaceId;
}

// The composer end to end: one post for TikTok (a video with every rule of TikTok's posting
// guidelines), Bluesky and Mastodon (text, an image with alt text, a thread part), scheduled a few
// seconds ahead and published by the engine to the fakes and a real PDS.
describe.skipIf(!pdsAvailable() && !process.env.CI)('composer in Chromium', () => {
  let h: TestHerald;
  let tiktok: TikTokFake;
  let mastodon: MastodonFake;
  let pds: LocalPds;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    tiktok = await startTikTokFake({ processingMs: 200 });
    mastodon = await startMastodonFake();
    pds = await startLocalPds([{ handle: 'dana.test', password: 'dana-main-password', displayName: 'Dana on Bluesky' }]);
    journey = await startJourney({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok), ...blueskyEnv(pds) } });
    ({ h, browser } = journey);
  });
  afterAll(async () => {
    await journey?.close();
    await tiktok?.close();
    await mastodon?.close();
    await pds?.stop();
  });

  it('composes for TikTok, Bluesky and Mastodon with previews, checks every rule, schedules, and publishes', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: zone, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // The video preview plays the local file (an object URL) while it uploads: the CSP must allow it.
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    const workspaceId = await connectAll(page, h, tiktok, mastodon, pds);

    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('heading', { name: 'Create a post' }).waitFor();
    const schedule = page.getByRole('button', { name: 'Schedule', exact: true });
    const blockers = page.getByTestId('blockers');
    await expect(blockers.textContent()).resolves.toContain('Choose at least one channel');

    for (const network of ['TikTok', 'Bluesky', 'Mastodon']) await page.getByRole('checkbox', { name: new RegExp(network) }).check();
    await page.getByRole('radio', { name: /Pick a time/ }).check();
    // This Herald has no public media address: the network that would download photos says so at once.
    await expect(page.getByTestId('no-public-media-tiktok').textContent()).resolves.toContain('HERALD_MEDIA_PUBLIC_URL');
    expect(await page.getByTestId('no-public-media-mastodon').count()).toBe(0);

    // Bluesky counts graphemes against 300: over the limit, its counter turns red and nothing saves.
    const shared = page.getByLabel('Shared text', { exact: true });
    await shared.fill(`${'Long text '.repeat(31)}and emoji 👩‍👩‍👧`);
    await expect(page.getByTestId('counter-bluesky').getAttribute('class')).resolves.toContain('is-over');
    await expect(page.getByTestId('counter-mastodon').getAttribute('class')).resolves.not.toContain('is-over');
    await page.getByText('Bluesky: 321 of 300 graphemes, 21 too many').first().waitFor();
    expect(await schedule.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save draft' }).isDisabled()).toBe(true);

    await shared.fill('Launch day! Read the notes at https://herald.example/launch #herald');
    await expect(page.getByTestId('counter-bluesky').getAttribute('class')).resolves.not.toContain('is-over');
    // Live previews highlight links and hashtags the way the network will.
    await page.getByTestId('preview-bluesky').locator('.pv-tag', { hasText: '#herald' }).waitFor();
    await page.getByTestId('preview-mastodon').locator('.pv-link', { hasText: 'https://herald.example/launch' }).waitFor();

    const image = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f59f00' } })
      .composite([{ input: await sharp({ create: { width: 400, height: 300, channels: 3, background: '#1c7ed6' } }).png().toBuffer(), left: 200, top: 150 }])
      .png()
      .toBuffer();
    await page.getByLabel('Add media to the shared text').setInputFiles({ name: 'sunrise.png', mimeType: 'image/png', buffer: image });
    await page.getByText('800×600').first().waitFor();
    await page.getByLabel('Alt text for sunrise.png').fill('An orange square with a blue one inside');

    await page.getByRole('button', { name: '+ Add to thread' }).click();
    await page.getByLabel('Thread part 2', { exact: true }).fill('Part two: what changed since the beta.');
    await page.getByTestId('preview-bluesky').getByText('Part two: what changed').waitFor();

    // TikTok: a PNG is not a TikTok photo; its own caption and a video instead.
    await page.getByText('TikTok: photos must be JPEG or WebP (this one is image/png)').first().waitFor();
    await page.getByRole('tab', { name: /TikTok/ }).click();
    await page.getByRole('button', { name: 'Customise for TikTok' }).click();
    await page.getByLabel('Caption for TikTok', { exact: true }).fill('Behind the scenes of launch day #herald');
    await page.getByRole('button', { name: 'Remove sunrise.png' }).click();
    const video = buildMp4({ durationSeconds: 12, width: 1080, height: 1920, frameRate: 30, totalBytes: 10 * 1024 * 1024 + 77 });
    await page.getByLabel('Add media to the TikTok caption').setInputFiles({ name: 'launch.mp4', mimeType: 'video/mp4', buffer: video });
    await page.getByText('1080×1920 · 12 s').waitFor();

    // TikTok panel: creator info shown, no default privacy, and posting is blocked until chosen.
    const panel = page.getByTestId('tiktok-panel');
    await panel.getByText('Posting as').waitFor();
    await panel.getByText('Herald Tester').waitFor();
    const privacy = panel.getByLabel('Who can see this video');
    expect(await privacy.inputValue()).toBe('');
    await page.getByText('TikTok: choose who can see this post (there is no default)').first().waitFor();
    expect(await schedule.isDisabled()).toBe(true);
    await panel.getByText('Video length 12 s; this account can post up to 600 s.').waitFor();

    // Interactions start off; the creator may switch them on.
    const comment = panel.getByRole('checkbox', { name: /^Comment/ });
    expect(await comment.isChecked()).toBe(false);
    await comment.check();
    await panel.getByRole('checkbox', { name: /^Duet/ }).check();

    // Commercial content: a choice is needed once disclosed, and each choice has its label.
    await panel.getByRole('checkbox', { name: /Disclose commercial content/ }).check();
    await page.getByText('TikTok: say whether this promotes your brand, a third party, or both').first().waitFor();
    await panel.getByRole('checkbox', { name: /Your brand/ }).check();
    await panel.getByText('Your video will be labeled as ‘Promotional content’.').waitFor();
    await panel.getByRole('checkbox', { name: /Branded content/ }).check();
    await panel.getByText('Your video will be labeled as ‘Paid partnership’.', { exact: false }).waitFor();
    await expect(panel.getByTestId('tiktok-consent').textContent()).resolves.toContain('Branded Content Policy and Music Usage Confirmation');
    expect(await panel.locator('option[value="SELF_ONLY"]').isDisabled()).toBe(true);
    await panel.getByRole('checkbox', { name: /Branded content/ }).uncheck();
    await expect(panel.getByTestId('tiktok-consent').textContent()).resolves.toBe('By posting, you agree to TikTok’s Music Usage Confirmation.');
    await privacy.selectOption('PUBLIC_TO_EVERYONE');

    // Schedule a few seconds ahead, in the zone shown.
    await page.getByRole('tab', { name: 'All channels' }).click();
    await page.getByTestId('time-zone').getByText(zone).waitFor();
    const at = localParts(new Date(Date.now() + 12_000));
    await page.getByLabel('Date', { exact: true }).fill(at.date);
    await page.getByLabel('Time', { exact: true }).fill(at.time);
    await page.waitForFunction(() => !document.querySelector('[data-testid="blockers"]'));
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    // A tall window, so the preview column shows all three networks at once.
    await page.setViewportSize({ width: 1440, height: 2000 });
    await snap(page, 'composer');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'composer-phone');
    await page.setViewportSize({ width: 1440, height: 1000 });

    // Ctrl+Enter takes the primary action from anywhere in the composer.
    expect(await schedule.isEnabled()).toBe(true);
    await page.getByLabel('Shared text', { exact: true }).press('Control+Enter');
    await page.waitForURL(/\/posts\/[^/]+$/);
    const postId = /\/posts\/([^/]+)$/.exec(page.url())![1]!;

    const post = await waitFor(
      async () => {
        const res = await page.request.get(`${h.url}/api/v1/workspaces/${workspaceId}/posts/${postId}`);
        const body = await res.json();
        return body.deliveries.every((d: { state: string }) => ['published', 'failed', 'unconfirmed'].includes(d.state)) ? body : null;
      },
      { timeoutMs: 60_000, what: 'the post to be published' },
    );
    expect(post.timeZone).toBe(zone);
    const byNetwork = Object.fromEntries(post.deliveries.map((d: any) => [d.network, d]));
    for (const network of ['tiktok', 'bluesky', 'mastodon']) {
      expect(byNetwork[network], network).toMatchObject({ state: 'published', externalUrl: expect.stringMatching(/^https?:\/\//) });
    }
    expect(byNetwork.tiktok.settings).toMatchObject({ privacyLevel: 'PUBLIC_TO_EVERYONE', disableComment: false, disableDuet: false, disableStitch: true, brandOrganic: true, brandContent: false });
    expect(byNetwork.tiktok.content).toMatchObject({ text: 'Behind the scenes of launch day #herald', threadParts: [], firstComment: null });
    expect(byNetwork.bluesky.content.media[0]).toMatchObject({ altText: 'An orange square with a blue one inside' });
    expect(byNetwork.bluesky.content.threadParts).toEqual([{ text: 'Part two: what changed since the beta.', media: [] }]);
    expect(byNetwork.mastodon.content.threadParts).toHaveLength(1);
    const published = tiktok.posts().at(-1)!;
    expect(Buffer.compare(published.received, video)).toBe(0);
    expect(cspErrors).toEqual([]);

    // The post page the composer opened follows the engine: each channel ends with its link.
    for (const network of ['TikTok', 'Bluesky', 'Mastodon']) {
      const link = page.getByRole('link', { name: `View on ${network}` });
      await link.waitFor({ timeout: 30_000 });
      expect(await link.getAttribute('href')).toBe(byNetwork[network.toLowerCase()].externalUrl);
    }
    // And the calendar shows it as published.
    await page.goto(`${h.url}/w/${workspaceId}/calendar?view=list`);
    await page.locator(`[data-testid="calendar-post"][data-post-id="${postId}"][data-state="published"]`).waitFor({ timeout: 15_000 });
  });
});
