import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import type { DemoNetworks } from '../../scripts/demo-networks.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { buildPdf } from '../helpers/pdf.ts';
import { runJobNow } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace, snap } from './browser.ts';
import { postJourney, startDemoJourney } from './post-journey.ts';

// Issue 15's journey in the demo's setup: a new person connects LinkedIn, YouTube and Pinterest
// through their consent pages, publishes a LinkedIn document, a YouTube Short and a Pinterest pin
// to a chosen board from the composer, and reads each link and counter on the post page.
describe('LinkedIn, YouTube and Pinterest in Chromium (the demo setup)', () => {
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

  it('connects Pinterest through its consent page, with the permissions shown on the Channels page', async () => {
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Lena Links', email: 'lena@example.com', password: 'lena has a long password', workspace: 'Lena Agency' });
    // A new workspace opens on its checklist; the connect buttons are on the Channels page.
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('button', { name: 'Connect Pinterest' }).click();
    await page.waitForURL(new RegExp(`^${demo.fakes.pinterest.url}/`));
    await page.getByRole('button', { name: 'Give access' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const row = page.getByTestId('channel-row').filter({ hasText: 'Pinterest' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('pins:write');
  });

  it('connects LinkedIn through its authorization page, then the picker choosing the profile and a Company Page', async () => {
    const linkedin = demo.fakes.linkedin;
    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    await page.getByRole('button', { name: 'Connect LinkedIn' }).click();
    await page.waitForURL(new RegExp(`^${linkedin.url}/`));
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/channels\?choose=/);
    const dialog = page.getByRole('dialog', { name: /^Choose LinkedIn/ });
    await dialog.waitFor();
    await dialog.getByLabel(/Hera Herald/).check();
    await dialog.getByLabel(/Herald Bakery/).check();
    await snap(page, 'linkedin-picker-1440');
    await dialog.getByRole('button', { name: 'Connect 2 accounts' }).click();
    await page.getByText('2 channels connected.').waitFor();
    await expect.poll(() => page.getByTestId('channel-row').count()).toBe(3);
  });

  it('publishes a PDF document to the Company Page and shows its link and counters', async () => {
    const linkedin = demo.fakes.linkedin;
    const pdf = buildPdf({ pages: 8 });
    const post = await steps().compose({
      channels: [/Herald Bakery/],
      text: 'Our 2026 baking report: eight pages of what sold & why (50% more rye!) #bakery',
      files: [{ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf }],
      configure: async () => {
        await page.getByText('8 pages').first().waitFor();
        await page.getByTestId('linkedin-panel').getByLabel('Document title').fill('The 2026 baking report');
      },
      shots: 'linkedin-composer-document',
    });
    const published = linkedin.posts().find((p) => p.urn === post.deliveries[0]!.externalId)!;
    // Little text: every character appears as written, the hashtag stays a hashtag.
    expect(published).toMatchObject({ author: 'urn:li:organization:2414183', text: 'Our 2026 baking report: eight pages of what sold & why (50% more rye!) #bakery', hashtags: ['bakery'] });
    expect(published.content).toMatchObject({ media: { title: 'The 2026 baking report' } });
    const document = linkedin.assets().find((a) => a.urn === (published.content as { media: { id: string } }).media.id);
    expect(Buffer.compare(document!.bytes!, pdf)).toBe(0);

    linkedin.engage(published.urn, { impressionCount: 7300, likeCount: 144, commentCount: 9, shareCount: 12 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await steps().deliveryShows(post, 'linkedin', 'Herald Bakery', 'LinkedIn', ['7,300', '144', '12']);
    await steps().shots('linkedin-post');
  });

  it('connects YouTube through the Google consent page', async () => {
    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    await page.getByRole('button', { name: 'Connect YouTube' }).click();
    await page.waitForURL(new RegExp(`^${demo.fakes.youtube.url}/`));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const row = page.getByTestId('channel-row').filter({ hasText: 'Herald Bakery TV' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('youtube.upload');
    await steps().shots('more-networks-channels');
  });

  it('publishes a YouTube Short (made-for-kids chosen, never defaulted) and shows its link and counters', async () => {
    const youtube = demo.fakes.youtube;
    const video = buildMp4({ durationSeconds: 20, width: 1080, height: 1920, frameRate: 30, totalBytes: 3 * 1024 * 1024 + 5 });
    const post = await steps().compose({
      channels: [/Herald Bakery TV/],
      text: 'How we shape a sourdough loaf in 20 seconds',
      files: [{ name: 'shaping.mp4', mimeType: 'video/mp4', buffer: video }],
      configure: async () => {
        const panel = page.getByTestId('youtube-panel');
        await panel.getByLabel(/^Title/).fill('Shaping sourdough in 20 seconds');
        // Nothing is chosen for the person: posting waits until they answer.
        await expect.poll(() => page.getByTestId('blockers').textContent()).toContain('made for kids');
        await panel.getByText('No, it’s not made for kids').click();
        await panel.getByText('Publish as a Short').click();
        // The channel's own playlists, read before the post is written, and the quota left today.
        await panel.getByLabel('Playlist').selectOption({ label: 'Favourites' });
        await panel.getByTestId('youtube-quota').waitFor();
      },
      shots: 'youtube-composer-short',
    });
    const published = youtube.videos().find((v) => v.id === post.deliveries[0]!.externalId)!;
    expect(published).toMatchObject({ title: 'Shaping sourdough in 20 seconds', description: 'How we shape a sourdough loaf in 20 seconds', madeForKids: false });
    expect(Buffer.compare(published.bytes, video)).toBe(0);
    expect(youtube.sessions()).toHaveLength(1);
    expect(youtube.playlists()[0]!.items.map((i) => i.videoId)).toEqual([published.id]);
    expect(post.deliveries[0]!.externalUrl).toBe(`https://www.youtube.com/shorts/${published.id}`);

    youtube.engage(published.id, { views: 18_200, likes: 940, comments: 37, shares: 55, minutesWatched: 4100 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await steps().deliveryShows(post, 'youtube', 'Herald Bakery TV', 'YouTube', ['18,200', '940', '37']);
    await steps().shots('youtube-post');
  });

  it('publishes a pin to a chosen board and section, and shows its link and counters', async () => {
    const pinterest = demo.fakes.pinterest;
    const image = await sharp({ create: { width: 1000, height: 1500, channels: 3, background: '#3f7d58' } }).jpeg().toBuffer();
    const post = await steps().compose({
      channels: [/Pinterest/],
      text: 'A green salad for every season: twelve ideas',
      files: [{ name: 'salad.jpg', mimeType: 'image/jpeg', buffer: image }],
      configure: async () => {
        const panel = page.getByTestId('pinterest-panel');
        await panel.getByLabel('Board').selectOption({ label: 'Recipes' });
        await panel.getByLabel('Section').selectOption({ label: 'Salads' });
        await panel.getByLabel(/^Title/).fill('Twelve green salads');
        await panel.getByLabel('Destination link').fill('https://example.com/salads');
      },
      shots: 'pinterest-composer',
    });
    const recipes = pinterest.boards().find((b) => b.name === 'Recipes')!;
    const pin = pinterest.pins().find((p) => p.id === post.deliveries[0]!.externalId)!;
    expect(pin).toMatchObject({ kind: 'image', boardId: recipes.id, boardSectionId: recipes.sections.find((s) => s.name === 'Salads')!.id, title: 'Twelve green salads', link: 'https://example.com/salads' });
    expect(pin.images).toEqual([{ contentType: 'image/jpeg', bytes: image.length }]);

    pinterest.engage(pin.id, { IMPRESSION: 5400, SAVE: 230 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await steps().deliveryShows(post, 'pinterest', 'Pinterest', 'Pinterest', ['5,400', '230']);
    await steps().shots('pinterest-post');
  });
});
