import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// Issue 17: a new workspace opens on its getting-started checklist, whose steps tick themselves;
// the queue view lists a channel's upcoming posts with the free slots between them, and a post
// dragged (or moved with the buttons) to another place takes that place's time.
describe('Queue and getting started in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  const stepDone = async (page: Page, step: string) => page.getByTestId(`onboarding-${step}`).getAttribute('data-done');
  const queueTexts = async (page: Page) => page.getByTestId('queue-post').locator('.queue-text').allInnerTexts();
  const queueTimes = async (page: Page) => page.getByTestId('queue-post').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));

  it('ticks the checklist, then reorders the queue by drag and by buttons; the new order and times survive a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Quinn Queue', email: 'quinn@example.com', password: 'quinn has a long password', workspace: 'Quinn Bakery' });
    const api = (path: string) => `${h.url}/api/v1/workspaces/${workspaceId}${path}`;

    // The new workspace opens on the checklist, nothing done yet.
    await page.getByRole('heading', { name: 'Getting started' }).waitFor();
    for (const step of ['connect_channel', 'posting_times', 'invite_team', 'first_post']) expect(await stepDone(page, step)).toBe('false');
    expect(await page.getByTestId('onboarding-progress').innerText()).toBe('0 of 4 done');
    await snap(page, 'onboarding-new-1440');

    const channelId = await connectMastodonInBrowser(page, mastodon.domain);

    // Posting times: 09:00 and 17:30 on weekdays, from Settings.
    await page.getByRole('link', { name: 'Settings' }).click();
    const card = page.getByTestId('posting-times-channel');
    await card.getByText('0 times a week').waitFor();
    for (const time of ['09:00', '17:30']) {
      await card.getByLabel('Time', { exact: true }).fill(time);
      await card.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await card.getByText('10 times a week').waitFor();
    await card.getByRole('button', { name: 'Save posting times' }).click();
    await page.getByTestId('toast').getByText(/saved/).waitFor();

    // Three posts added to the queue (through the API the composer uses).
    for (const text of ['First in line', 'Second in line', 'Third in line']) {
      const status = await page.evaluate(
        async ([url, body]) => (await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status,
        [api('/posts'), JSON.stringify({ content: { text }, channels: [{ channelId }], schedule: { mode: 'queue' } })],
      );
      expect(status).toBe(201);
    }

    // The calendar shows the compact checklist with three ticks; invite the team is still open.
    await page.getByRole('link', { name: 'Calendar' }).click();
    const compact = page.getByTestId('onboarding');
    await compact.waitFor();
    expect(await compact.getByTestId('onboarding-progress').innerText()).toBe('3 of 4 done');
    expect(await stepDone(page, 'connect_channel')).toBe('true');
    expect(await stepDone(page, 'posting_times')).toBe('true');
    expect(await stepDone(page, 'first_post')).toBe('true');
    expect(await stepDone(page, 'invite_team')).toBe('false');
    await snap(page, 'onboarding-calendar-1440');

    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor();
    await page.getByTestId('queue-post').first().waitFor();
    expect(await queueTexts(page)).toEqual(['First in line', 'Second in line', 'Third in line']);
    const times = await queueTimes(page);
    expect(await page.getByTestId('queue-free-slot').count()).toBeGreaterThan(5);
    await snap(page, 'queue-1440');

    // Drag the third onto the first: it takes the first time, the others move one time later.
    const rows = page.getByTestId('queue-post');
    await rows.nth(2).dragTo(rows.nth(0));
    await page.getByTestId('toast').getByText('New order saved: the posts swapped times').waitFor();
    await page.reload();
    await page.getByTestId('queue-post').first().waitFor();
    expect(await queueTexts(page)).toEqual(['Third in line', 'First in line', 'Second in line']);
    expect(await queueTimes(page)).toEqual(times);

    // The keyboard way: "Move down" swaps it with the next one.
    await page.getByRole('button', { name: 'Move down: Third in line' }).click();
    await page.getByTestId('toast').getByText('Moved down: it took the later time').waitFor();
    await page.reload();
    await page.getByTestId('queue-post').first().waitFor();
    expect(await queueTexts(page)).toEqual(['First in line', 'Third in line', 'Second in line']);
    expect(await queueTimes(page)).toEqual(times);
    const stored = await page.evaluate(async (url) => ((await (await fetch(url)).json()) as { posts: { text: string; at: string }[] }).posts, api(`/channels/${channelId}/queue`));
    expect(stored.map((p) => [p.text, new Date(p.at).toISOString()])).toEqual([
      ['First in line', new Date(times[0]!).toISOString()],
      ['Third in line', new Date(times[1]!).toISOString()],
      ['Second in line', new Date(times[2]!).toISOString()],
    ]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('queue-post').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'queue-390');

    await page.goto(`${h.url}/w/${workspaceId}/getting-started`);
    await page.getByTestId('onboarding-progress').getByText('3 of 4 done').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'onboarding-390');
    await page.goto(`${h.url}/w/${workspaceId}/calendar`);
    await page.getByTestId('onboarding').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'onboarding-calendar-390');

    // Hidden by an owner, it leaves the calendar for good.
    await page.getByRole('button', { name: 'Hide checklist' }).click();
    await page.getByTestId('onboarding').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    expect(await page.getByTestId('onboarding').count()).toBe(0);
    await context.close();
  });
});
