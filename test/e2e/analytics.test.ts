import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv, runJobNow, waitFor } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';

// How a post performed, on its page; and objecting to analytics in the workspace settings:
// collection off for one channel, then deleting what was collected.
describe('analytics in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let page: Page;
  let workspaceId: string;
  let channelId: string;

  const api = (path: string) => `${h.url}/api/v1/workspaces/${workspaceId}${path}`;
  async function call(method: 'GET' | 'POST', path: string, data?: unknown) {
    const res = await page.request.fetch(api(path), { method, data, headers: { origin: h.url } });
    return { status: res.status(), body: (await res.json()) as any };
  }
  const collect = () => runJobNow(h, ANALYTICS_COLLECT_JOB);

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    journey = await startJourney({ env: fastEngineEnv });
    ({ h, browser } = journey);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.setDefaultTimeout(15_000);

    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Ana Lytics', email: 'ana@example.com', password: 'ana has a long password', workspace: 'Ana Studio' });
    channelId = await connectMastodonInBrowser(page, mastodon.domain);
  });
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  it('shows the counters the network reports on the post page, and none it does not', async () => {
    const created = await call('POST', '/posts', { content: { text: 'How did this one do?' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(created.status).toBe(201);
    const post = await waitFor(async () => {
      const res = await call('GET', `/posts/${created.body.id}`);
      return res.body.deliveries[0].state === 'published' ? res.body : null;
    });
    mastodon.engage(post.deliveries[0].externalId, { favourites: 1234, reblogs: 56 });
    await collect();

    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    const counters = page.getByTestId('delivery-counters');
    await expect.poll(() => counters.isVisible()).toBe(true);
    const text = (await counters.textContent()) ?? '';
    expect(text).toContain('Likes');
    expect(text).toContain((1234).toLocaleString('en-US'));
    expect(text).toContain('Shares');
    // Mastodon counts no views: the page does not pretend there were 0.
    expect(text).not.toContain('Views');
    await snap(page, 'analytics-post-counters');
  });

  it('turns analytics off for a channel and deletes what was collected, from the workspace settings', async () => {
    await page.goto(`${h.url}/w/${workspaceId}/settings`);
    const section = page.getByTestId('analytics-settings');
    await expect.poll(() => section.getByTestId('analytics-channel').count()).toBe(1);
    const channelToggle = section.getByTestId('analytics-channel').getByRole('checkbox');
    expect(await channelToggle.isChecked()).toBe(true);
    expect(await section.getByTestId('analytics-channel').textContent()).toContain('1 post with counters');

    await channelToggle.uncheck();
    await expect.poll(async () => (await call('GET', '/analytics/settings')).body.channels[0].enabled).toBe(false);
    await section.getByRole('button', { name: 'Delete collected analytics' }).click();
    await section.getByRole('button', { name: 'Delete counters' }).click();
    await expect.poll(async () => (await call('GET', '/analytics/settings')).body.collected).toBe(0);
    await expect.poll(() => section.getByTestId('analytics-channel').textContent()).toContain('0 posts with counters');

    // Nothing is read for it any more.
    const before = mastodon.requests.length;
    await collect();
    expect(mastodon.requests.slice(before).filter((r) => r.path.startsWith('/api/v1/statuses/'))).toHaveLength(0);

    await section.getByTestId('analytics-workspace-toggle').uncheck();
    await expect.poll(async () => (await call('GET', '/analytics/settings')).body.enabled).toBe(false);
    // With the workspace off, the per-channel choices cannot be changed.
    expect(await channelToggle.isDisabled()).toBe(true);
    await snap(page, 'analytics-settings-off');
  });
});
