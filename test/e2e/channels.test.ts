import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';
import { snap, startJourney } from './browser.ts';

// Connecting a TikTok account through the (fake) consent page, declining a permission, and
// disconnecting, all in the browser.
describe('channels in Chromium', () => {
  let h: TestHerald;
  let tiktok: TikTokFake;
  let mastodon: MastodonFake;
  let pds: LocalPds | undefined;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    mastodon = await startMastodonFake();
    if (pdsAvailable() || process.env.CI) pds = await startLocalPds([{ handle: 'dana.test', password: 'dana-main-password', displayName: 'Dana on Bluesky' }]);
    journey = await startJourney({ env: { ...tiktokEnv(tiktok), HERALD_MASTODON_ALLOW_HTTP: 'true', ...(pds ? blueskyEnv(pds) : {}) } });
    ({ h, browser } = journey);
  });
  afterAll(async () => {
    await journey?.close();
    await tiktok?.close();
    await mastodon?.close();
    await pds?.stop();
  });

  it('connects TikTok through the consent page, shows what is off, and disconnects with revocation', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${h.url}/signup`);
    await page.getByLabel('Name').fill('Cara Creator');
    await page.getByLabel('Email').fill('cara@example.com');
    await page.getByLabel('Password').fill('cara has a long password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByLabel('Workspace name').fill('Cara Studio');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/w\/[^/]+\/getting-started/);
    await page.getByRole('link', { name: 'Channels' }).click();

    await page.getByRole('button', { name: 'Connect TikTok' }).click();
    await page.waitForURL(new RegExp(`^${tiktok.url}/v2/auth/authorize/`));
    await snap(page, 'tiktok-consent');
    await page.getByLabel('video.list').uncheck();
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.waitForURL(/\/channels\?connected=/);
    await page.getByText('Herald Tester').waitFor();
    await page.getByText('Channel connected.').waitFor();
    await page.getByText(/Off because a permission was not granted: analytics/).waitFor();
    await snap(page, 'channels');

    const access = tiktok.tokens().at(-1)!.accessToken;
    await page.getByRole('button', { name: 'Disconnect…' }).click();
    await page.getByText(/purged/).first().waitFor();
    // What is purged and when, with this instance's retention (30 days by default).
    await expect.poll(() => page.getByTestId('disconnect-purge').textContent()).toMatch(/name, avatar and post statistics stay visible on past posts for 30 days \(until .+\)/);
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await page.getByText(/the network revoked Herald’s access/).waitFor();
    await page.getByText('Disconnected', { exact: true }).waitFor();
    expect(tiktok.isRevoked(access)).toBe(true);

    // Denying consent comes back with a clear message and no new channel.
    await page.getByRole('button', { name: 'Connect TikTok' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.getByText(/You did not allow Herald on TikTok/).waitFor();
    await snap(page, 'channels-denied');

    // Mastodon: any server by name; Herald registers itself there and runs OAuth.
    await page.getByLabel('Mastodon server').fill('not a server');
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByText('must be a server name like mastodon.social').waitFor();
    await page.getByLabel('Mastodon server').fill(mastodon.domain);
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    await page.getByText('Herald on Mastodon').waitFor();
    expect(mastodon.apps).toHaveLength(1);
    await snap(page, 'channels-mastodon');

    // Bluesky: handle and app password, checked in the page with the server's own rules first.
    // (Bluesky's own sign-in page, OAuth, is the default where Herald's address allows it.)
    if (!pds) return;
    const dana = pds.accounts[0]!;
    await page.getByLabel('Bluesky handle').waitFor();
    const appPasswordInstead = page.getByRole('button', { name: 'Use an app password instead' });
    if (await appPasswordInstead.isVisible()) await appPasswordInstead.click();
    await page.getByLabel('Bluesky handle').fill('dana');
    await page.getByLabel('App password').fill('dana-main-password');
    await page.getByRole('button', { name: 'Connect Bluesky' }).click();
    await page.getByText(/Handle must be a handle like alice.bsky.social/).waitFor();
    await page.getByText(/App password must be an app password like/).waitFor();
    await page.getByLabel('Bluesky handle').fill(dana.handle);
    await page.getByLabel('App password').fill('aaaa-bbbb-cccc-dddd');
    await page.getByRole('button', { name: 'Connect Bluesky' }).click();
    await page.getByText('Bluesky did not accept this handle and app password').waitFor();
    await page.getByLabel('App password').fill(dana.appPassword);
    await page.getByRole('button', { name: 'Connect Bluesky' }).click();
    await page.getByText('Dana on Bluesky').waitFor();
    await page.getByText('Channel connected.').waitFor();
    await page.getByText('Permissions granted: com.atproto.appPass').waitFor();
    await snap(page, 'channels-bluesky');
  });
});
