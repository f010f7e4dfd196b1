import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';

const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// Issue 21: a spreadsheet of posts with a few mistakes; the preview names each row's problem by
// column, the valid rows are scheduled in one go and show up in the queue.
describe('Bulk import in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    journey = await startJourney({ env: fastEngineEnv });
    ({ h, browser } = journey);
  }, 180_000);
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  it('previews a CSV with errors, imports the valid rows and finds them in the queue', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signUpWithWorkspace(page, h.url, { name: 'Bea Bulk', email: 'bea@example.com', password: 'bea has a long password', workspace: 'Bea Bakery' });
    await connectMastodonInBrowser(page, mastodon.domain);

    await page.getByRole('link', { name: 'Bulk import' }).click();
    await page.getByRole('heading', { name: 'Bulk import', level: 1 }).waitFor();
    const template = page.waitForEvent('download');
    await page.getByTestId('bulk-template').click();
    expect((await template).suggestedFilename()).toBe('herald-bulk-template.csv');

    const csv = [
      '\uFEFFtext,channels,date,time,time_zone,publish_at,media_urls,media_ids,first_comment,settings',
      `"Fresh bread, every morning",Herald on Mastodon,${day(3)},08:00,Europe/Berlin,,,,,`,
      `"Our ""famous"" croissants\nare back",@herald,${day(4)},09:30,Europe/Berlin,,,,,`,
      `Posted to nowhere,@nobody,${day(5)},10:00,,,,,,`,
      `${'Too long for the network. '.repeat(25)},@herald,${day(5)},11:00,,,,,,`,
      `Too early,@herald,2020-05-01,10:00,,,,,,`,
    ].join('\r\n');
    await page.getByTestId('bulk-file').setInputFiles({ name: 'week.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('bulk-counts').getByText('5 rows: 2 ready, 3 with problems').waitFor();
    const bad = page.locator('[data-testid="bulk-row"][data-status="invalid"]');
    expect(await bad.count()).toBe(3);
    await bad.filter({ hasText: 'no channel "@nobody" in this workspace' }).waitFor();
    await bad.filter({ hasText: /Mastodon: \d+ of 500 characters/ }).waitFor();
    await bad.filter({ hasText: 'is in the past' }).waitFor();
    const errors = page.waitForEvent('download');
    await page.getByTestId('bulk-errors-csv').click();
    expect((await errors).suggestedFilename()).toBe('week-errors.csv');
    await snap(page, 'bulk-csv-preview-1440');

    await page.setViewportSize({ width: 390, height: 900 });
    await snap(page, 'bulk-csv-preview-390');
    await noSideScroll(page);
    await page.setViewportSize({ width: 1440, height: 1000 });

    await page.getByRole('button', { name: 'All rows' }).click();
    expect(await page.getByTestId('bulk-row').count()).toBe(5);
    await page.getByTestId('bulk-import').click();
    await page.getByText('2 posts scheduled', { exact: true }).waitFor();
    await snap(page, 'bulk-csv-imported-1440');

    await page.getByRole('link', { name: 'Queue', exact: true }).click();
    await page.getByTestId('queue-post').first().waitFor();
    const texts = await page.getByTestId('queue-post').locator('.queue-text').allInnerTexts();
    expect(texts.map((t) => t.replace(/\s+/g, ' '))).toEqual(['Fresh bread, every morning', 'Our "famous" croissants are back']);
    await context.close();
  });
});
