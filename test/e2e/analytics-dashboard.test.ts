import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { channelDailyStats, channels, deliveries, deliveryMetrics, postGroups } from '../../src/server/db/schema/index.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace, snap, startJourney } from './browser.ts';

// The analytics dashboard in Chromium: the figures of the last 30 days, a shorter range, a chart as
// a table, the posts CSV downloaded and read, and the same page on a phone without sideways scroll.
// The daily rows are written directly (the collector's part is tested on its own): 100 days of a
// Mastodon channel (a post a day) and an Instagram channel (two posts every other day).
describe('analytics dashboard in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let page: Page;
  let workspaceId: string;
  const db = () => h.herald.database.db;
  const pad = (n: number) => String(n).padStart(2, '0');
  // The browser and this process share the machine's zone; the workspace keeps the default (UTC).
  const dayBack = (n: number) => {
    const d = new Date();
    d.setDate(d.getDate() - n);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const text = 'Spring sale, 20% off\n"Everything" must go';

  async function seed() {
    const masto = crypto.randomUUID();
    const ig = crypto.randomUUID();
    await db()
      .insert(channels)
      .values([
        { id: masto, workspaceId, network: 'mastodon', externalId: masto, username: 'bakery', displayName: 'Bakery on Mastodon' },
        { id: ig, workspaceId, network: 'instagram', externalId: ig, username: 'bakery.gram', displayName: 'Bakery on Instagram' },
      ]);
    const rows: (typeof channelDailyStats.$inferInsert)[] = [];
    for (let d = 0; d < 100; d += 1) {
      rows.push({ channelId: masto, workspaceId, day: dayBack(d), postsPublished: 1, likes: 10, comments: 1, shares: 1, followers: 1000 + (99 - d) });
      if (d % 2 === 0) rows.push({ channelId: ig, workspaceId, day: dayBack(d), postsPublished: 2, views: 100, likes: 5, comments: 0, shares: 0, reach: 50 });
    }
    await db().insert(channelDailyStats).values(rows);
    const postId = crypto.randomUUID();
    const deliveryId = crypto.randomUUID();
    const content = { parts: [{ text, media: [] }], settings: {} };
    const at = new Date(Date.now() - 86_400_000);
    await db().insert(postGroups).values({ id: postId, workspaceId, state: 'published', content, publishAt: at });
    await db().insert(deliveries).values({ id: deliveryId, workspaceId, postGroupId: postId, channelId: ig, network: 'instagram', state: 'published', content, idempotencyKey: deliveryId, publishedAt: at, externalUrl: 'https://instagram.example/p/1' });
    await db().insert(deliveryMetrics).values({ deliveryId, workspaceId, channelId: ig, views: 400, likes: 30, comments: 4, shares: 6, reach: 200 });
  }

  /** Waits until the dashboard shows `range` with its data and every chart drawn. */
  async function drawn(p: Page, range: string) {
    const root = p.getByTestId('analytics-dashboard');
    await expect.poll(() => root.getAttribute('data-range')).toBe(range);
    await expect.poll(() => root.getAttribute('data-loaded')).toBe('true');
    await expect.poll(async () => Number(await root.getAttribute('data-drawn'))).toBeGreaterThan(0);
  }
  const card = (p: Page, metric: string) => p.locator(`[data-metric="${metric}"]`);

  beforeAll(async () => {
    journey = await startJourney();
    ({ h, browser } = journey);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
    page.setDefaultTimeout(15_000);
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Dana Board', email: 'dana@example.com', password: 'dana has a long password', workspace: 'Dana Bakery' });
    await seed();
  });
  afterAll(async () => journey?.close());

  it('opens from the navigation with the last 30 days, summary, charts and top posts', async () => {
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL(/\/analytics$/);
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    await drawn(page, `${dayBack(29)}/${dayBack(0)}`);
    // 30 Mastodon posts and 15 × 2 Instagram ones; the previous 30 days had as many.
    expect(await card(page, 'posts').textContent()).toContain('60');
    expect(await card(page, 'posts').textContent()).toContain('same as before (60)');
    // Reach is Instagram's alone; Mastodon's followers rose by 29 over the range.
    expect(await card(page, 'reach').textContent()).toContain((750).toLocaleString('en-US'));
    expect(await card(page, 'followersGrowth').textContent()).toContain('+29');
    for (const chart of ['chart-metric', 'chart-posts', 'chart-rate', 'chart-followers']) expect(await page.getByTestId(chart).locator('canvas').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Top posts' }).textContent()).toContain('Spring sale');
    expect(await page.getByTestId('analytics-posts').locator('tbody tr').first().textContent()).toContain('Spring sale');
    await snap(page, 'analytics-dashboard-1440');
  });

  it('changes the range, keeps it in the URL, and shows a chart as a table', async () => {
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await drawn(page, `${dayBack(6)}/${dayBack(0)}`);
    expect(new URL(page.url()).searchParams.get('range')).toBe('7d');
    // 7 Mastodon posts, Instagram on 4 of the 7 days.
    await expect.poll(() => card(page, 'posts').textContent()).toContain('15');

    const postsChart = page.getByTestId('chart-posts');
    await postsChart.getByRole('button', { name: 'Show as table' }).click();
    const rows = postsChart.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await rows.last().textContent()).toContain(dayBack(0));

    // Mastodon reports no reach: picking it says so for that channel instead of drawing zeros.
    await page.getByLabel('Metric').selectOption('reach');
    await expect.poll(() => page.getByText('Reach not reported by this network: Bakery on Mastodon (Mastodon).').count()).toBe(1);
    expect(await page.getByTestId('chart-metric').textContent()).toContain('Reach per day, by channel');
    expect(await page.getByTestId('chart-metric').locator('.an-legend').textContent()).toBe('Bakery on Instagram (Instagram)');

    await page.reload();
    await drawn(page, `${dayBack(6)}/${dayBack(0)}`);
    expect(await page.getByLabel('Metric').inputValue()).toBe('reach');
  });

  it('downloads the posts as a CSV a spreadsheet reads (BOM, quoted commas, quotes and line breaks)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('posts-csv').click()]);
    expect(download.suggestedFilename()).toBe(`posts-${dayBack(6)}-${dayBack(0)}.csv`);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('published_at,workspace,channel,network,text,views,likes,comments,shares,reach,engagement,engagement_rate,url,post_id');
    expect(lines[1]).toContain(',Dana Bakery,Bakery on Instagram,Instagram,"Spring sale, 20% off\n""Everything"" must go",400,30,4,6,200,40,0.2,https://instagram.example/p/1,');

    const [series] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-posts').getByRole('link', { name: 'Download CSV' }).click()]);
    const seriesText = fs.readFileSync((await series.path())!, 'utf8');
    expect(seriesText.split('\r\n')[0]).toBe('\ufeffday,Bakery on Instagram (Instagram),Bakery on Mastodon (Mastodon)');
    expect(seriesText).toContain(`${dayBack(0)},2,1\r\n`);
  });

  it('fits a phone without sideways scroll', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() })).newPage();
    await phone.goto(`${h.url}/w/${workspaceId}/analytics?range=90d`);
    await drawn(phone, `${dayBack(89)}/${dayBack(0)}`);
    await snap(phone, 'analytics-dashboard-390');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
  });

  it('shows the agency view over every workspace', async () => {
    await page.goto(`${h.url}/agency?tab=analytics&range=7d`);
    await drawn(page, `${dayBack(6)}/${dayBack(0)}`);
    expect(await card(page, 'posts').textContent()).toContain('15');
    await expect.poll(() => page.getByTestId('analytics-posts').locator('tbody tr').count()).toBe(1);
    await snap(page, 'analytics-dashboard-agency-1440');
    await page.getByTestId('analytics-posts').getByRole('link', { name: /Spring sale/ }).click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}/posts/`));
  });
});
