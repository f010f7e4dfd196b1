import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import type { DemoNetworks } from '../../scripts/demo-networks.ts';
import { runJobNow } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace } from './browser.ts';
import { postJourney, startDemoJourney } from './post-journey.ts';

// Issue 16's journey in the demo's setup: a new person connects Reddit through its consent page,
// publishes an image post to a subreddit that requires a flair (refused until one is chosen, in the
// subreddit's words), and reads its link and counters on the post page.
describe('Reddit in Chromium (the demo setup)', () => {
  let h: TestHerald;
  let demo: DemoNetworks;
  let setup: Awaited<ReturnType<typeof startDemoJourney>>;
  let page: Page;
  let workspaceId: string;
  const steps = () => postJourney(page, () => h, () => workspaceId);

  beforeAll(async () => {
    setup = await startDemoJourney();
    ({ demo, h, page } = setup);
  }, 180_000);
  afterAll(async () => {
    await setup?.close();
  });

  it('connects Reddit through its consent page', async () => {
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Rita Reddit', email: 'rita@example.com', password: 'rita has a long password', workspace: 'Rita Bakery' });
    await page.getByRole('button', { name: 'Connect Reddit' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const row = page.getByTestId('channel-row').filter({ hasText: 'herald_tester' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('submit');
  });

  it('publishes an image post with the flair r/AskHerald requires, and shows its link and counters', async () => {
    const reddit = demo.fakes.reddit;
    const image = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#d9822b' } }).jpeg().toBuffer();
    const post = await steps().compose({
      channels: [/Reddit/],
      text: '',
      files: [{ name: 'new-sign.jpg', mimeType: 'image/jpeg', buffer: image }],
      configure: async () => {
        const panel = page.getByTestId('reddit-panel');
        await panel.getByRole('combobox', { name: 'Subreddit' }).fill('AskHer');
        await panel.getByRole('option', { name: /r\/AskHerald/ }).click();
        await panel.getByText('required').first().waitFor();
        await panel.getByLabel(/^Title/).fill('What do you think of our new bakery sign?');
        // Without a flair the post cannot go out, and the blockers say why.
        await expect.poll(() => page.getByTestId('blockers').textContent()).toMatch(/flair/i);
        await panel.getByLabel(/^Flair/).selectOption({ label: 'Question' });
      },
      shots: 'reddit-composer-image',
    });
    const published = reddit.posts().find((p) => p.name === post.deliveries[0]!.externalId)!;
    expect(published).toMatchObject({ subreddit: 'AskHerald', kind: 'image', title: 'What do you think of our new bakery sign?', flairText: 'Question' });
    expect(reddit.posts()).toHaveLength(1);

    reddit.engage(published.name, { score: 412, ups: 431, upvoteRatio: 0.96, numComments: 58 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await steps().deliveryShows(post, 'reddit', 'Herald Tester', 'Reddit', ['431', '58']);
    await steps().shots('reddit-post');
  });
});
