import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// The agency view: a person in two workspaces sees both workspaces' posts on one calendar, each
// with its workspace's name and colour, narrows it to one workspace, opens a post in its
// workspace, and finds what needs attention in each.
describe('All workspaces in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  /** A draft with a planned time, written with the page's session. */
  const draft = (page: Page, workspaceId: string, channelId: string, text: string, publishAt: Date) =>
    page.evaluate(
      async ({ url, body }) => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return (await res.json()) as { id: string };
      },
      { url: `${h.url}/api/v1/workspaces/${workspaceId}/posts`, body: { content: { text }, channels: [{ channelId }], schedule: { mode: 'draft', publishAt: publishAt.toISOString(), timeZone: 'Europe/London' } } },
    );

  it('shows the posts of both workspaces, filters by workspace, opens a post, and lists what needs attention', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const alpha = await signUpWithWorkspace(page, h.url, { name: 'Ada Agency', email: 'ada@example.com', password: 'ada has a long password', workspace: 'Alpha Bakery' });
    const alphaChannel = await connectMastodonInBrowser(page, mastodon.domain);
    // One workspace: nothing to bring together.
    expect(await page.getByTestId('all-workspaces-link').count()).toBe(0);

    // The second workspace, created from the workspace switcher.
    await page.getByTestId('workspace-switcher').click();
    await page.getByTestId('new-workspace-link').click();
    await page.getByLabel('Workspace name').fill('Beta Bikes');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL((url) => /\/w\/[^/]+\/(getting-started|channels)/.test(url.pathname) && !url.pathname.includes(alpha));
    const beta = /\/w\/([^/]+)\//.exec(page.url())![1]!;
    const betaChannel = await connectMastodonInBrowser(page, mastodon.domain);

    // Next month, so no post is in the past and the month view shows both.
    const now = new Date();
    const at = (day: number, hour: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, day, hour));
    const alphaPost = await draft(page, alpha, alphaChannel, 'Sourdough Saturday is back', at(10, 9));
    const betaPost = await draft(page, beta, betaChannel, 'Spring service week for every bike', at(12, 14));
    // Due within 48 hours but still a draft: the attention dashboard says so.
    await draft(page, alpha, alphaChannel, 'Tomorrow’s croissant offer', new Date(Date.now() + 20 * 3_600_000));

    await page.getByTestId('all-workspaces-link').click();
    await page.getByRole('heading', { name: 'All workspaces', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Next month' }).click();
    const calendar = page.getByTestId('calendar');
    await calendar.and(page.locator('[data-loaded="true"][data-view="month"]')).waitFor();
    const posts = page.getByTestId('calendar-post');
    const alphaChip = posts.and(page.locator(`[data-post-id="${alphaPost.id}"]`));
    const betaChip = posts.and(page.locator(`[data-post-id="${betaPost.id}"]`));
    await alphaChip.waitFor();
    expect(await alphaChip.innerText()).toContain('Alpha Bakery');
    expect(await alphaChip.innerText()).toContain('Sourdough Saturday');
    expect(await betaChip.innerText()).toContain('Beta Bikes');
    expect(await betaChip.getAttribute('aria-label')).toContain('Beta Bikes');
    // Each post carries its workspace's colour, and the two workspaces' chips differ from each other only by it.
    const stripe = (chip: typeof alphaChip) => chip.evaluate((el) => getComputedStyle(el).borderLeftColor);
    const chips = page.getByTestId('workspace-filter');
    expect(await chips.allInnerTexts()).toEqual([expect.stringContaining('Alpha Bakery'), expect.stringContaining('Beta Bikes')]);
    expect(await stripe(alphaChip)).toBe(await chips.nth(0).locator('.cal-ws-mark').evaluate((el) => getComputedStyle(el).backgroundColor));
    await snap(page, 'agency-calendar-1440');

    // Only Beta Bikes.
    await chips.filter({ hasText: 'Beta Bikes' }).click();
    await expect.poll(() => alphaChip.count(), { timeout: 10_000 }).toBe(0);
    expect(await betaChip.count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('ws')).toBe(beta);
    await page.getByRole('button', { name: 'Week' }).click();
    await page.getByRole('button', { name: 'List' }).click();
    await calendar.and(page.locator('[data-view="list"]')).waitFor();
    await snap(page, 'agency-list-filtered-1440');

    // The post opens in its own workspace.
    await betaChip.click();
    await page.waitForURL(new RegExp(`/w/${beta}/posts/${betaPost.id}$`));
    await page.getByText('Spring service week for every bike').first().waitFor();

    // What needs attention: the draft due tomorrow, in Alpha Bakery's card.
    await page.goto(`${h.url}/agency?tab=attention`);
    const cards = page.getByTestId('attention-workspace');
    await cards.nth(1).waitFor();
    expect(await cards.count()).toBe(2);
    const alphaCard = cards.and(page.locator(`[data-workspace-id="${alpha}"]`));
    expect(await alphaCard.getByTestId('attention-total').innerText()).toBe('1 to look at');
    expect(await alphaCard.getByTestId('attention-entry').innerText()).toContain('Tomorrow’s croissant offer');
    expect(await cards.and(page.locator(`[data-workspace-id="${beta}"]`)).getByTestId('attention-total').innerText()).toBe('All clear');
    await snap(page, 'agency-attention-1440');
    await alphaCard.getByRole('link', { name: 'Tomorrow’s croissant offer' }).click();
    await page.waitForURL(new RegExp(`/w/${alpha}/posts/[^/]+$`));

    // On a phone: the list first, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/agency`);
    await page.getByRole('button', { name: 'Next month' }).click();
    await calendar.and(page.locator('[data-loaded="true"][data-view="list"]')).waitFor();
    await betaChip.waitFor();
    expect(await alphaChip.count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'agency-calendar-390');
    await page.goto(`${h.url}/agency?tab=attention`);
    await cards.nth(1).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'agency-attention-390');
    await context.close();
  }, 180_000);
});
