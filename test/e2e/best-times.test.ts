import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { channels, deliveries, deliveryMetrics, postGroups, workspaceSettings } from '../../src/server/db/schema/index.ts';
import { nextFreeSlot, utcToZoned, zonedToUtc } from '../../src/shared/time-slots.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// Issue 18: best times to post. A person in New York runs a Berlin workspace. Before there are
// results the page says how much more it needs; after eight weeks in which Tuesday 09:00 and
// Thursday 18:00 (Berlin) did best, the posting-times page suggests those, one becomes a posting
// time in one click, and a chip in the composer sets the next Thursday 18:00 Berlin in New York time.
describe('Best times in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;
  const zone = 'Europe/Berlin';

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  /** Eight past weeks of published posts with counters, at `zone`'s wall-clock times. */
  async function seedResults(workspaceId: string, channelId: string) {
    const db = h.herald.database.db;
    const today = utcToZoned(new Date(), zone);
    const content = { parts: [{ text: 'From the archive', media: [] }], settings: {} };
    const pattern = [
      { weekday: 2, hour: 9, likes: 50 },
      { weekday: 4, hour: 18, likes: 60 },
      { weekday: 1, hour: 12, likes: 5 },
      { weekday: 3, hour: 15, likes: 5 },
      { weekday: 5, hour: 10, likes: 5 },
    ];
    for (let week = 1; week <= 8; week++) {
      for (const p of pattern) {
        // Days back from today to that weekday `week` weeks ago (today.weekday is 0 = Monday).
        const date = new Date(Date.UTC(today.year, today.month - 1, today.day - today.weekday - week * 7 + p.weekday - 1));
        const at = zonedToUtc({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: p.hour, minute: 0 }, zone);
        const id = randomUUID();
        await db.insert(postGroups).values({ id, workspaceId, state: 'published', content, publishAt: at });
        await db.insert(deliveries).values({ id, workspaceId, postGroupId: id, channelId, network: 'mastodon', state: 'published', content, idempotencyKey: id, publishedAt: at });
        await db.insert(deliveryMetrics).values({ deliveryId: id, workspaceId, channelId, likes: p.likes, comments: 0, shares: 0 });
      }
    }
  }

  it('suggests the times that did well, adds one as a posting time, and sets the composer to the next one', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Bettina Times', email: 'bettina@example.com', password: 'bettina has a long password', workspace: 'Bettina Bakery' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);
    const db = h.herald.database.db;
    await db.update(workspaceSettings).set({ timeZone: zone }).where(eq(workspaceSettings.workspaceId, workspaceId));
    expect((await db.select().from(channels).where(eq(channels.id, channelId))).length).toBe(1);

    // No results yet: no guess, and how much more it needs.
    await page.goto(`${h.url}/w/${workspaceId}/settings`);
    const part = page.getByTestId('best-times');
    await part.getByText('Not enough results yet to suggest times').waitFor();
    await part.getByText('Publish about 20 more posts with analytics on to get suggestions').waitFor();
    expect(await part.getByTestId('best-time').count()).toBe(0);
    await part.scrollIntoViewIfNeeded();
    await snap(page, 'best-times-empty-1440');

    await seedResults(workspaceId, channelId);
    await page.reload();
    await part.getByTestId('best-time').first().waitFor();
    expect(await part.getByTestId('best-time').allInnerTexts()).toEqual([expect.stringContaining('Thursday 18:00'), expect.stringContaining('Tuesday 09:00')]);
    expect(await part.getByTestId('best-times-basis').innerText()).toContain('based on 40 posts over 8 weeks. Times are in Europe/Berlin');
    const grid = part.getByRole('table', { name: /Engagement by weekday and hour/ });
    expect(await grid.getByRole('columnheader').allInnerTexts()).toEqual(['Hour', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(await grid.getByRole('rowheader').first().innerText()).toBe('09:00');
    await snap(page, 'best-times-1440');

    await part.getByRole('button', { name: 'Add as posting time: Tuesday 09:00 for Herald on Mastodon' }).click();
    await page.getByTestId('toast').getByText('Tuesday 09:00 added to the posting times of Herald on Mastodon.').waitFor();
    await part.getByText('✓ Already a posting time').waitFor();
    await page.getByTestId('posting-times-channel').getByText('1 time a week').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await part.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'best-times-390');
    await page.setViewportSize({ width: 1440, height: 1000 });

    // The composer: a chip sets the next Thursday 18:00 in Berlin, shown in New York's time.
    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('checkbox', { name: /Mastodon/ }).check();
    await page.getByRole('radio', { name: /Pick a time/ }).check();
    const chips = page.getByTestId('best-time-chips');
    // The chips wait on the channel's best times, read after the composer's own queries.
    await chips.getByRole('button').first().waitFor({ timeout: 60_000 });
    expect(await chips.getByRole('button').allInnerTexts()).toEqual(['Thu 18:00', 'Tue 09:00']);
    await chips.getByRole('button', { name: 'Thu 18:00: the next Thursday at 18:00 Europe/Berlin time' }).click();
    const next = nextFreeSlot({ slots: [{ weekday: 3, minute: 18 * 60 }], timeZone: zone, after: new Date(), occupied: [] })!;
    const inNewYork = utcToZoned(next, 'America/New_York');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe(`${inNewYork.year}-${pad(inNewYork.month)}-${pad(inNewYork.day)}`);
    expect(await page.getByLabel('Time', { exact: true }).inputValue()).toBe(`${pad(inNewYork.hour)}:${pad(inNewYork.minute)}`);
    await snap(page, 'best-times-composer-1440');
    await context.close();
  });
});
