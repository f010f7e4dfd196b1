import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import { startDemoNetworks, type DemoNetworks } from '../../scripts/demo-networks.ts';
import { fastEngineEnv, runJobNow, waitFor } from '../helpers/publishing.ts';
import { freePort, type TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace, snap, startJourney } from './browser.ts';

type Delivery = { id: string; network: string; state: string; externalId: string | null; externalUrl: string | null; content: any };
type Post = { id: string; deliveries: Delivery[] };

// Issue 14's journey: a new person connects Threads, Facebook Pages and Instagram in the demo's
// setup (the same fakes and settings as `npm run demo`, media pulled from Herald's signed links),
// publishes one post per format from the composer, and reads each link and counter on the post page.
describe('Meta networks in Chromium (the demo setup)', () => {
  let h: TestHerald;
  let demo: DemoNetworks;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let page: Page;
  let workspaceId: string;
  let photo: (color: string, name: string) => Promise<{ name: string; mimeType: string; buffer: Buffer }>;

  const api = (path: string) => `${h.url}/api/v1/workspaces/${workspaceId}${path}`;
  const getPost = async (id: string): Promise<Post> => (await (await page.request.get(api(`/posts/${id}`))).json()) as Post;
  const settled = (p: Post) => p.deliveries.every((d) => ['published', 'failed', 'unconfirmed'].includes(d.state));

  /** Picks the channels, writes the post, takes "Post now" and answers the post the engine finished. */
  async function compose(input: { channels: RegExp[]; text: string; files?: { name: string; mimeType: string; buffer: Buffer }[]; threadParts?: string[]; shots?: string }) {
    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('heading', { name: 'Create a post' }).waitFor();
    for (const channel of input.channels) await page.getByRole('checkbox', { name: channel }).check();
    await page.getByLabel('Shared text', { exact: true }).fill(input.text);
    if (input.files?.length) {
      await page.getByLabel('Add media to the shared text').setInputFiles(input.files);
      for (const file of input.files) await page.getByText(file.name).first().waitFor();
    }
    for (const [i, part] of (input.threadParts ?? []).entries()) {
      await page.getByRole('button', { name: '+ Add to thread' }).click();
      await page.getByLabel(`Thread part ${i + 2}`, { exact: true }).fill(part);
    }
    await page.getByRole('radio', { name: /Post now/ }).check();
    await page.waitForFunction(() => !document.querySelector('[data-testid="blockers"]'));
    if (input.shots) {
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      await page.setViewportSize({ width: 1440, height: 2000 });
      await snap(page, `${input.shots}-1440`);
      await page.setViewportSize({ width: 390, height: 844 });
      await snap(page, `${input.shots}-390`);
      await page.setViewportSize({ width: 1440, height: 1000 });
    }
    await page.getByRole('button', { name: 'Post now', exact: true }).click();
    await page.waitForURL(/\/posts\/[^/]+$/);
    const postId = /\/posts\/([^/]+)$/.exec(page.url())![1]!;
    const post = await waitFor(async () => {
      const p = await getPost(postId);
      return settled(p) ? p : null;
    }, { timeoutMs: 60_000, what: 'the post to be published' });
    for (const d of post.deliveries) expect(d, JSON.stringify(d)).toMatchObject({ state: 'published', externalUrl: expect.stringMatching(/^https:\/\//) });
    return post;
  }

  beforeAll(async () => {
    // Herald on a known port, so its signed media links (HERALD_MEDIA_PUBLIC_URL) point at it.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    demo = await startDemoNetworks({ bluesky: false, mediaPublicUrl: origin });
    journey = await startJourney({ env: { ...fastEngineEnv, ...demo.env, PORT: String(port), HERALD_PUBLIC_URL: origin } });
    ({ h, browser } = journey);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' })).newPage();
    page.setDefaultTimeout(20_000);
    const photos = new Map<string, Buffer>();
    photo = async (color, name) => {
      const buffer = photos.get(color) ?? (await sharp({ create: { width: 1080, height: 1350, channels: 3, background: color } }).jpeg().toBuffer());
      photos.set(color, buffer);
      return { name, mimeType: 'image/jpeg', buffer };
    };
  }, 180_000);
  afterAll(async () => {
    await journey?.close();
    await demo?.close();
  });

  it('connects Threads through its authorization window, with the permissions shown on the Channels page', async () => {
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Mia Meta', email: 'mia@example.com', password: 'mia has a long password', workspace: 'Mia Agency' });
    await page.getByRole('link', { name: 'Channels' }).click();

    await page.getByRole('button', { name: 'Connect Threads' }).click();
    await page.waitForURL(new RegExp(`^${demo.fakes.threads.url}/oauth/authorize`));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const rows = page.getByTestId('channel-row');
    await expect.poll(() => rows.filter({ hasText: 'Herald Tester' }).count()).toBe(1);

    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    await rows.first().waitFor();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await snap(page, 'meta-channels-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'meta-channels-390');
    await page.setViewportSize({ width: 1440, height: 1000 });
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
    await snap(page, 'meta-post-threads-1440');
  });

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
