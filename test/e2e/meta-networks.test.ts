import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import type { DemoNetworks } from '../../scripts/demo-networks.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { runJobNow } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace, snap } from './browser.ts';
import { postJourney, startDemoJourney, type JourneyPost } from './post-journey.ts';

type Post = JourneyPost;

// Issue 14's journey: a new person connects Threads, Facebook Pages and Instagram in the demo's
// setup (the same fakes and settings as `npm run demo`, media pulled from Herald's signed links),
// publishes one post per format from the composer, and reads each link and counter on the post page.
describe('Meta networks in Chromium (the demo setup)', () => {
  let h: TestHerald;
  let demo: DemoNetworks;
  let setup: Awaited<ReturnType<typeof startDemoJourney>>;
  let page: Page;
  let workspaceId: string;
  let photo: (color: string, name: string) => Promise<{ name: string; mimeType: string; buffer: Buffer }>;

  const journey$ = () => postJourney(page, () => h, () => workspaceId);
  const compose: ReturnType<typeof postJourney>['compose'] = (input) => journey$().compose(input);
  const deliveryShows: ReturnType<typeof postJourney>['deliveryShows'] = (...args) => journey$().deliveryShows(...args);
  const postShots = (name: string) => journey$().shots(name);

  beforeAll(async () => {
    setup = await startDemoJourney();
    ({ demo, h, page } = setup);
    const photos = new Map<string, Buffer>();
    photo = async (color, name) => {
      const buffer = photos.get(color) ?? (await sharp({ create: { width: 1080, height: 1350, channels: 3, background: color } }).jpeg().toBuffer());
      photos.set(color, buffer);
      return { name, mimeType: 'image/jpeg', buffer };
    };
  }, 180_000);
  afterAll(async () => {
    await setup?.close();
  });

  it('connects Threads through its authorization window, with the permissions shown on the Channels page', async () => {
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Mia Meta', email: 'mia@example.com', password: 'mia has a long password', workspace: 'Mia Agency' });
    await page.getByRole('link', { name: 'Channels' }).click();

    await page.getByRole('button', { name: 'Connect Threads' }).click();
    await page.waitForURL(new RegExp(`^${demo.fakes.threads.url}/oauth/authorize`));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const rows = page.getByTestId('channel-row');
    const threadsRow = rows.filter({ hasText: 'Herald Tester' });
    await expect.poll(() => threadsRow.count()).toBe(1);
    // Only the permissions the features need, named on the row.
    expect(await threadsRow.textContent()).toContain('threads_content_publish');
  });

  it('connects Facebook Pages through the Login dialog, then the picker choosing two of the Pages', async () => {
    const facebook = demo.fakes.facebook;
    await page.getByRole('button', { name: 'Connect Facebook' }).click();
    await page.waitForURL(new RegExp(`^${facebook.url}/`));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/channels\?choose=/);
    const dialog = page.getByRole('dialog', { name: /^Choose Facebook/ });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('picker-account').count()).toBeGreaterThanOrEqual(2);
    await dialog.getByLabel(/Herald Bakery/).check();
    await dialog.getByLabel(/Herald Books/).check();
    await snap(page, 'meta-facebook-picker-1440');
    await dialog.getByRole('button', { name: 'Connect 2 accounts' }).click();
    await page.getByText('2 channels connected.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const rows = page.getByTestId('channel-row');
    await expect.poll(() => rows.count()).toBe(3);
  });

  it('connects Instagram (Instagram Login) through its authorization window: three Meta networks on the Channels page', async () => {
    const instagram = demo.fakes.instagram;
    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    await page.getByRole('button', { name: 'Connect Instagram' }).click();
    await page.waitForURL(new RegExp(`^${instagram.url}/`));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const rows = page.getByTestId('channel-row');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.filter({ hasText: 'Instagram' }).textContent()).toContain('instagram_business_content_publish');
    await channelsShots();
  });

  it('publishes a Threads chain with a photo and shows its link and counters', async () => {
    const post = await compose({
      channels: [/Threads/],
      text: 'Launch week, day one: the new studio is open #herald',
      files: [await photo('#c05028', 'studio.jpg')],
      threadParts: ['Day two: the first workshop, all welcome.', 'Day three: the results, with thanks to everyone who came.'],
      shots: 'meta-composer-threads',
    });
    const threads = demo.fakes.threads;
    const root = post.deliveries[0]!;
    const published = threads.posts().filter((p) => p.rootId === root.externalId);
    // One post and two replies, each once.
    expect(published.map((p) => p.text)).toEqual(['Launch week, day one: the new studio is open #herald', 'Day two: the first workshop, all welcome.', 'Day three: the results, with thanks to everyone who came.']);
    expect(published[0]!.mediaType).toBe('IMAGE');
    // The photo went through Herald's signed link and arrived whole.
    expect(threads.containers().find((c) => c.id === published[0]!.containerId)?.download.state).toBe('done');

    threads.engage(root.externalId!, { views: 4321, likes: 321, replies: 12, reposts: 5, quotes: 2, shares: 7 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await showsLinkAndCounters(post, 'Threads', ['4,321', '321']);
    await postShots('meta-post-threads');
  });

  it('publishes two photos as a Facebook multi-photo post, an Instagram carousel and a Threads carousel, with the Meta previews side by side', async () => {
    const { facebook, threads, instagram } = demo.fakes;
    const post = await compose({
      channels: [/Herald Bakery/, /Herald Studio/, /Threads/],
      text: 'Fresh from the oven this morning: rye and sourdough',
      files: [await photo('#d9a441', 'rye.jpg'), await photo('#7a4b2a', 'sourdough.jpg')],
      shots: 'meta-composer',
    });
    const byNetwork = Object.fromEntries(post.deliveries.map((d) => [d.network, d]));
    const fbPost = facebook.posts.find((p) => p.id === byNetwork.facebook!.externalId);
    expect(fbPost).toMatchObject({ kind: 'photos', message: 'Fresh from the oven this morning: rye and sourdough' });
    expect(fbPost!.photoIds).toHaveLength(2);
    const thread = threads.posts().find((p) => p.id === byNetwork.threads!.externalId);
    expect(thread).toMatchObject({ mediaType: 'CAROUSEL' });
    expect(thread!.children).toHaveLength(2);

    const carousel = instagram.posts().find((m) => m.id === byNetwork.instagram!.externalId);
    expect(carousel).toMatchObject({ mediaType: 'CAROUSEL_ALBUM', productType: 'FEED', caption: 'Fresh from the oven this morning: rye and sourdough' });
    expect(carousel!.children).toHaveLength(2);
    // Instagram pulled both photos from Herald's signed links (the fake really downloads them).
    expect(instagram.downloads.filter((d) => d.url.includes('/media/public/') && d.status === 200)).toHaveLength(2);

    facebook.engage(fbPost!.id, { reactions: 250, shares: 9, comments: ['Lovely!'], reach: 1800, views: 2400 });
    instagram.engage(carousel!.id, { views: 5100, reach: 3900, likes: 410, comments: 17, shares: 23, saved: 61 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await deliveryShows(post, 'facebook', 'Herald Bakery', 'Facebook', ['250', '1,800', '2,400']);
    await deliveryShows(post, 'instagram', 'Herald Studio', 'Instagram', ['5,100', '3,900', '410', '61']);
    await postShots('meta-post-photos');
  });

  it('publishes an Instagram Reel (uploaded, not pulled) and shows its link and counters', async () => {
    const instagram = demo.fakes.instagram;
    const video = buildMp4({ durationSeconds: 8, width: 1080, height: 1920, frameRate: 30 });
    const post = await compose({
      channels: [/Herald Studio/],
      text: 'Behind the counter at 5 am #bakery',
      files: [{ name: 'morning.mp4', mimeType: 'video/mp4', buffer: video }],
      configure: async () => {
        const panel = page.getByTestId('instagram-panel');
        // A segmented control: the label is what a person clicks.
        await panel.locator('label', { hasText: /^Reel$/ }).click();
        expect(await panel.getByRole('radio', { name: 'Reel' }).isChecked()).toBe(true);
        await panel.getByText('Also show it in the profile grid').waitFor();
      },
      shots: 'meta-composer-reel',
    });
    const reel = instagram.posts().find((m) => m.id === post.deliveries[0]!.externalId);
    expect(reel).toMatchObject({ mediaType: 'VIDEO', productType: 'REELS', shareToFeed: true, caption: 'Behind the counter at 5 am #bakery' });
    // Uploaded through rupload, every byte, rather than pulled from a link.
    expect(instagram.uploads.filter((u) => u.containerId === reel!.containerId).map((u) => u.bytes)).toEqual([video.length]);
    instagram.engage(reel!.id, { views: 12_800, reach: 9_100, likes: 870, comments: 31, shares: 44, saved: 120 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await deliveryShows(post, 'instagram', 'Herald Studio', 'Instagram', ['12,800', '9,100', '870']);
    await postShots('meta-post-reel');
  });

  it('publishes an Instagram carousel mixing a photo and a video of the same shape', async () => {
    const instagram = demo.fakes.instagram;
    const clip = buildMp4({ durationSeconds: 5, width: 1080, height: 1350, frameRate: 30 });
    const post = await compose({
      channels: [/Herald Studio/],
      text: 'The week in one swipe #bakery',
      files: [await photo('#d9a441', 'loaves.jpg'), { name: 'kneading.mp4', mimeType: 'video/mp4', buffer: clip }],
    });
    const carousel = instagram.posts().find((m) => m.id === post.deliveries[0]!.externalId);
    expect(carousel).toMatchObject({ mediaType: 'CAROUSEL_ALBUM', productType: 'FEED' });
    const kinds = carousel!.children.map((id) => instagram.containers().find((c) => c.id === id || c.mediaId === id)?.kind);
    expect(kinds.sort()).toEqual(['IMAGE', 'VIDEO']);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    const link = page.getByRole('link', { name: 'View on Instagram' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(post.deliveries[0]!.externalUrl);
  });

  async function channelsShots() {
    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    await page.getByTestId('channel-row').first().waitFor();
    await snap(page, 'meta-channels-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'meta-channels-390');
    await page.setViewportSize({ width: 1440, height: 1000 });
  }
  /** The post page: the network's link, and its counters once the collector has read them. */
  async function showsLinkAndCounters(post: Post, network: string, numbers: string[]) {
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    const link = page.getByRole('link', { name: `View on ${network}` });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(post.deliveries[0]!.externalUrl);
    const counters = page.getByTestId('delivery-counters');
    await counters.first().waitFor();
    const text = (await counters.first().textContent()) ?? '';
    for (const n of numbers) expect(text).toContain(n);
  }
});
