import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import type { DemoNetworks } from '../../scripts/demo-networks.ts';
import { weightedLength } from '../../src/networks/x/counting.ts';
import { runJobNow } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace } from './browser.ts';
import { postJourney, startDemoJourney } from './post-journey.ts';

// Issue 16's journey in the demo's setup: a new person connects X and Reddit through their consent
// pages, publishes an X thread with an image (counted as X counts, with the posts left shown on the
// Channels page) and a Reddit image post to a subreddit that requires a flair (refused until one is
// chosen, in the subreddit's words), and reads each link and counter on the post page.
describe('X and Reddit in Chromium (the demo setup)', () => {
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

  it('connects X through its consent page; the Channels page shows the posts left', async () => {
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Rita Reddit', email: 'rita@example.com', password: 'rita has a long password', workspace: 'Rita Bakery' });
    // A new workspace opens on its checklist; the connect buttons are on the Channels page.
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('button', { name: 'Connect X' }).click();
    await page.waitForURL(new RegExp(`^${demo.fakes.x.url}/`));
    await page.getByRole('button', { name: 'Authorize app' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const row = page.getByTestId('channel-row').filter({ hasText: 'heraldtester' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('tweet.write');
    expect(await row.getByTestId('channel-usage').textContent()).toMatch(/left/i);
  });

  it('publishes an X thread with an image, counted as X counts, and shows its links and counters', async () => {
    const x = demo.fakes.x;
    const image = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2b6cb0' } }).png().toBuffer();
    // A long link counts 23 and each emoji 2: the composer's counter is X's own.
    const text = 'Our new sourdough is out 🍞🎉 Recipe and story: https://bakery.example/blog/2026/12/the-long-story-of-our-new-sourdough-loaf';
    const post = await steps().compose({
      channels: [/X/],
      text,
      files: [{ name: 'loaf.png', mimeType: 'image/png', buffer: image }],
      threadParts: ['Baked every morning at 6, gone by noon. 日本語でも。'],
      configure: async () => {
        const counter = page.getByTestId('counter-x').first();
        expect(await counter.getAttribute('title')).toBe(`${weightedLength(text)} of 280 characters`);
        await page.getByTestId('x-preview').getByTestId('x-preview-post').nth(1).waitFor();
      },
      shots: 'x-composer-thread',
    });
    const [first, reply] = x.posts();
    expect(x.posts()).toHaveLength(2);
    expect(first).toMatchObject({ id: post.deliveries[0]!.externalId, text, replyTo: null });
    expect(first!.mediaIds).toHaveLength(1);
    expect(reply).toMatchObject({ text: 'Baked every morning at 6, gone by noon. 日本語でも。', replyTo: first!.id });

    x.engage(first!.id, { impression_count: 12_400, like_count: 321, reply_count: 17, retweet_count: 45, quote_count: 6, bookmark_count: 30 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await steps().deliveryShows(post, 'x', 'Herald Tester', 'X', ['12,400', '321', '17']);
    await steps().shots('x-post');
  });

  it('connects Reddit through its consent page', async () => {
    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    await page.getByRole('button', { name: 'Connect Reddit' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const row = page.getByTestId('channel-row').filter({ hasText: 'herald_tester' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('submit');
    await steps().shots('x-reddit-channels');
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
