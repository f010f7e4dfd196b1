import { eq, inArray } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, postGroups } from '../../src/server/db/schema/index.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv, waitForPost } from '../helpers/publishing.ts';
import { signUp, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { snap, startJourney } from './browser.ts';

// The calendar in Chromium: posts made through the API shown by state in month, week, day and
// list views, filtered, and moved by drag and drop and by keyboard, with the server deciding.

/**
 * A real zone where it is early afternoon now, so "earlier today" and "later today" both exist
 * whenever the test runs; the browser runs in it.
 */
function afternoonZone(): string {
  // Zones whose names Chromium's ICU keeps as written (it answers Asia/Calcutta for Asia/Kolkata).
  const zones = ['Pacific/Auckland', 'Asia/Tokyo', 'Asia/Bangkok', 'Asia/Dubai', 'Europe/Berlin', 'Atlantic/Azores', 'America/Sao_Paulo', 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu'];
  const hourIn = (timeZone: string) => Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  return zones.map((zone) => ({ zone, distance: Math.abs(hourIn(zone) - 13) })).sort((a, b) => a.distance - b.distance)[0]!.zone;
}

describe('calendar in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let client: Client;
  let workspaceId: string;
  let channelId: string;
  const timeZone = afternoonZone();

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    journey = await startJourney({ env: { ...fastEngineEnv } });
    ({ h, browser } = journey);
    ({ client } = await signUp(h.url, { name: 'Cal Endar' }));
    const workspace = await client.post('/api/v1/workspaces', { name: 'Calendar Studio' });
    expect(workspace.status).toBe(201);
    workspaceId = workspace.body.id;
    channelId = await connectMastodon(h, client, workspaceId, mastodon);
  });
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  async function openContext(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, timezoneId: timeZone, locale: 'en-US' });
    await context.addCookies([...client.jar].map(([name, value]) => ({ name, value, url: h.url })));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page };
  }

  const calendarUrl = (query: string) => `${h.url}/w/${workspaceId}/calendar${query ? `?${query}` : ''}`;
  const loaded = (page: Page) => page.locator('[data-testid="calendar"][data-loaded="true"]').waitFor();
  const chip = (page: Page, text: string) => page.locator('[data-testid="calendar-post"]', { hasText: text });
  const schedule = async (text: string, publishAt: string) => {
    const res = await client.post(`/api/v1/workspaces/${workspaceId}/posts`, { content: { text }, channels: [{ channelId }], schedule: { mode: 'at', publishAt, timeZone } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const publishAtOf = async (postId: string) => (await client.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}`)).body.publishAt as string;

  it('shows posts by state, filters them, and reschedules by drag and drop and by keyboard', async () => {
    const { context, page } = await openContext({ width: 1360, height: 900 });
    await page.goto(calendarUrl(''));
    await loaded(page);
    await expect(page.getByTestId('calendar-timezone').textContent()).resolves.toBe(timeZone);

    // Instants and day keys are worked out in the browser, in its zone, as the page works them out.
    const t = await page.evaluate(() => {
      const now = new Date();
      const at = (monthOffset: number, day: number, hour: number, minute = 0) => new Date(now.getFullYear(), now.getMonth() + monthOffset, day, hour, minute);
      const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const today = (hour: number, minute = 0) => new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, minute);
      return {
        launch: at(1, 10, 10).toISOString(),
        launchMoved: at(1, 11, 10).toISOString(),
        day11: key(at(1, 11, 0)),
        day10: key(at(1, 10, 0)),
        day12: key(at(1, 12, 0)),
        recap: at(1, 12, 14, 30).toISOString(),
        recapMoved: at(1, 12, 16).toISOString(),
        teaser: at(1, 14, 9).toISOString(),
        teaserMoved: at(1, 15, 11, 30).toISOString(),
        teaserInput: `${key(at(1, 15, 0))}T11:30`,
        broken: at(1, 13, 12).toISOString(),
        unsure: at(1, 13, 15).toISOString(),
        idea: at(1, 16, 8).toISOString(),
        evening: today(18).toISOString(),
        todayKey: key(now),
      };
    });

    const launch = await schedule('Launch day is here\nsecond line is not shown', t.launch);
    const recap = await schedule('Weekly recap thread', t.recap);
    const teaser = await schedule('Teaser for the new feature', t.teaser);
    const broken = await schedule('This one failed at the network', t.broken);
    const unsure = await schedule('Did this one go out?', t.unsure);
    const idea = await schedule('An idea kept as a draft', t.idea);
    const evening = await schedule('Evening post today', t.evening);
    const now = await client.post(`/api/v1/workspaces/${workspaceId}/posts`, { content: { text: 'Published right away' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(now.status).toBe(201);
    await waitForPost(client, workspaceId, now.body.id, (p) => p.state === 'published');
    // States that need the network to misbehave are set in the database; the engine's own tests cover how they arise.
    const db = h.herald.database.db;
    await db.update(deliveries).set({ state: 'failed', errorCode: 'network.rejected', errorMessage: 'Rejected' }).where(eq(deliveries.postGroupId, broken));
    await db.update(postGroups).set({ state: 'failed' }).where(eq(postGroups.id, broken));
    await db.update(deliveries).set({ state: 'unconfirmed' }).where(eq(deliveries.postGroupId, unsure));
    await db.update(postGroups).set({ state: 'published' }).where(eq(postGroups.id, unsure));
    await db.update(deliveries).set({ state: 'draft' }).where(inArray(deliveries.postGroupId, [idea]));
    await db.update(postGroups).set({ state: 'draft' }).where(eq(postGroups.id, idea));

    // Month view of next month.
    await page.goto(calendarUrl(`view=month&date=${t.day10}`));
    await loaded(page);
    await expect(page.getByRole('link', { name: 'New post' }).first().isVisible()).resolves.toBe(true);
    const states = { 'Launch day is here': 'scheduled', 'Weekly recap thread': 'scheduled', 'This one failed': 'failed', 'Did this one go out?': 'unconfirmed', 'An idea kept as a draft': 'draft' };
    for (const [text, state] of Object.entries(states)) {
      await expect(chip(page, text).getAttribute('data-state')).resolves.toBe(state);
    }
    // The first line only, with the time and the channel's avatar.
    await expect(chip(page, 'Launch day').textContent()).resolves.toMatch(/10:00 AM\s*Launch day is here$/);
    await expect(chip(page, 'Launch day').locator('.cal-avatar').count()).resolves.toBe(1);
    const colour = (text: string) => chip(page, text).evaluate((el) => getComputedStyle(el).borderLeftColor);
    const colours = new Set([await colour('Launch day'), await colour('This one failed'), await colour('Did this one go out?'), await colour('An idea kept')]);
    expect(colours.size).toBe(4);
    await expect(colour('Launch day')).resolves.toBe('rgb(59, 91, 219)');
    await expect(colour('This one failed')).resolves.toBe('rgb(224, 49, 49)');
    await expect(chip(page, 'Launch day').getAttribute('draggable')).resolves.toBe('true');
    await expect(chip(page, 'This one failed').getAttribute('draggable')).resolves.toBe('false');
    await expect(chip(page, 'Launch day').getAttribute('href')).resolves.toBe(`/w/${workspaceId}/posts/${launch}/edit`);
    await expect(chip(page, 'This one failed').getAttribute('href')).resolves.toBe(`/w/${workspaceId}/posts/${broken}`);
    await snap(page, 'calendar-month');

    // Filter by state: kept in the URL through a reload.
    const shown = await page.getByTestId('calendar-post').count();
    await page.getByRole('group', { name: 'Filter by state' }).getByRole('button', { name: /^Failed/ }).click();
    await page.waitForURL(/state=failed/);
    await expect.poll(() => page.getByTestId('calendar-post').count()).toBe(1);
    await page.reload();
    await loaded(page);
    await expect(page.getByTestId('calendar-post').count()).resolves.toBe(1);
    await expect(chip(page, 'This one failed').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.getByTestId('calendar-post').count()).toBe(shown);

    // Drag to another day: same time of day, checked by the server.
    await chip(page, 'Launch day').dragTo(page.locator(`[data-testid="calendar-day"][data-day="${t.day11}"]`));
    await page.getByTestId('toast').filter({ hasText: 'Moved' }).waitFor();
    expect(new Date(await publishAtOf(launch)).toISOString()).toBe(t.launchMoved);
    await page.locator(`[data-day="${t.day11}"] [data-testid="calendar-post"]`, { hasText: 'Launch day' }).waitFor();

    // Keyboard: focus a post, M, a date and time.
    await chip(page, 'Teaser').focus();
    await page.keyboard.press('m');
    const dialog = page.getByTestId('move-dialog');
    await dialog.getByLabel(/New date and time/).fill(t.teaserInput);
    await dialog.getByRole('button', { name: 'Move' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new Date(await publishAtOf(teaser)).toISOString()).toBe(t.teaserMoved);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Teaser');

    // Week view: hour rows of half-hour slots; a drop on a slot takes the slot's time.
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' }).click();
    await page.waitForURL(/view=week/);
    await page.goto(calendarUrl(`view=week&date=${t.day12}`));
    await loaded(page);
    await chip(page, 'Weekly recap').waitFor();
    await snap(page, 'calendar-week');
    await chip(page, 'Weekly recap').dragTo(page.locator(`[data-drop-day="${t.day12}"][data-drop-minute="960"]`));
    await page.getByTestId('toast').filter({ hasText: 'Moved “Weekly recap' }).waitFor();
    expect(new Date(await publishAtOf(recap)).toISOString()).toBe(t.recapMoved);
    await page.locator(`[data-drop-minute="960"][data-drop-day="${t.day12}"] [data-testid="calendar-post"]`).waitFor();

    // Back returns to the month, as the URL had it.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/view=month/);

    // Day view of today: the published post cannot be dragged; a drop in the past is refused and snaps back.
    // A tall window shows the whole day, so source and target are on screen together.
    await page.setViewportSize({ width: 1360, height: 1600 });
    await page.goto(calendarUrl(`view=day&date=${t.todayKey}`));
    await loaded(page);
    await expect(chip(page, 'Published right away').getAttribute('data-state')).resolves.toBe('published');
    await expect(chip(page, 'Published right away').getAttribute('draggable')).resolves.toBe('false');
    await chip(page, 'Evening post').dragTo(page.locator(`[data-drop-day="${t.todayKey}"][data-drop-minute="360"]`));
    const failure = page.getByTestId('move-failure');
    await failure.waitFor();
    await expect(failure.textContent()).resolves.toMatch(/was not moved.*in the past/);
    await page.locator(`[data-drop-minute="1080"] [data-testid="calendar-post"]`, { hasText: 'Evening post' }).waitFor();
    expect(new Date(await publishAtOf(evening)).toISOString()).toBe(t.evening);
    await snap(page, 'calendar-day');

    // List view on a wide screen.
    await page.goto(calendarUrl(`view=list&date=${t.day10}`));
    await loaded(page);
    await chip(page, 'Launch day').waitFor();
    await expect(page.getByRole('button', { name: /^Move “Launch day/ }).count()).resolves.toBe(1);
    await snap(page, 'calendar-list');
    await context.close();
  });

  it('defaults to the list view on a phone', async () => {
    const { context, page } = await openContext({ width: 390, height: 844 });
    await page.goto(calendarUrl(''));
    await loaded(page);
    await expect(page.getByTestId('calendar').getAttribute('data-view')).resolves.toBe('list');
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.waitForURL(/date=/);
    await loaded(page);
    await chip(page, 'Launch day').waitFor();
    await snap(page, 'calendar-phone-list');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Month' }).click();
    await loaded(page);
    await snap(page, 'calendar-phone-month');
    await context.close();
  });
});
