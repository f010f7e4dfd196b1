import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// Issue 17: posting times had no page and the workspace's zone silently stayed UTC. A person in
// São Paulo creates a workspace (it takes their zone), sets a channel's weekly times in Settings,
// and queues two posts from the composer: each shows the slot it will really get.
describe('Posting times in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  it('sets weekly times in the workspace zone and queues posts into consecutive free slots', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'America/Sao_Paulo' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Paula Times', email: 'paula@example.com', password: 'paula has a long password', workspace: 'Paula Café' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);

    await page.getByRole('link', { name: 'Settings' }).click();
    const zone = page.getByTestId('workspace-time-zone');
    expect(await zone.getByLabel('Workspace time zone').inputValue()).toBe('America/Sao_Paulo');
    expect(await zone.getByText('No time zone chosen yet').count()).toBe(0);

    const card = page.getByTestId('posting-times-channel');
    await card.getByText('0 times a week').waitFor();
    // 09:00 on weekdays (the days preset), then 17:30 on Saturday only.
    await card.getByLabel('Time', { exact: true }).fill('09:00');
    await card.getByRole('button', { name: 'Add', exact: true }).click();
    await card.getByLabel('Time', { exact: true }).fill('17:30');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await card.getByRole('checkbox', { name: day, exact: true }).uncheck();
    await card.getByRole('checkbox', { name: 'Saturday', exact: true }).check();
    await card.getByRole('button', { name: 'Add', exact: true }).click();
    await card.getByRole('button', { name: 'Remove 09:00 on Wednesday' }).click();
    await card.getByText('5 times a week').waitFor();
    await card.getByRole('button', { name: 'Save posting times' }).click();
    await page.getByTestId('toast').getByText('Posting times of Herald on Mastodon saved: 5 a week.').waitFor();
    await card.getByTestId('upcoming-slots').waitFor();
    expect(await card.getByTestId('upcoming-slots').innerText()).toContain('America/Sao Paulo');
    await snap(page, 'posting-times-1440');

    const upcoming = await page.evaluate(
      async (url) => ((await (await fetch(url)).json()) as { items: string[] }).items,
      `${h.url}/api/v1/workspaces/${workspaceId}/channels/${channelId}/slots/upcoming?count=2`,
    );

    // Two posts added to the queue, one after the other: the second is promised the next slot, not the first one's.
    for (const [i, text] of ['First queued post', 'Second queued post'].entries()) {
      await page.goto(`${h.url}/w/${workspaceId}/compose`);
      await page.getByRole('checkbox', { name: /Mastodon/ }).check();
      await page.getByLabel('Shared text', { exact: true }).fill(text);
      await page.getByRole('radio', { name: /Add to queue/ }).check();
      const promised = page.getByTestId('next-slot');
      await promised.waitFor();
      const expected = new Date(upcoming[i]!).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Sao_Paulo' });
      expect(await promised.innerText()).toContain(expected);
      await page.getByRole('button', { name: 'Add to queue', exact: true }).click();
      await page.waitForURL(/\/posts\/[^/]+$/);
      const saved = await page.evaluate(async (url) => ((await (await fetch(url)).json()) as { publishAt: string }).publishAt, `${h.url}/api/v1/workspaces/${workspaceId}/posts/${page.url().split('/').pop()}`);
      expect(new Date(saved).toISOString()).toBe(new Date(upcoming[i]!).toISOString());
    }

    // Posting times edited from the composer's queue card, without losing the post being written.
    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('checkbox', { name: /Mastodon/ }).check();
    await page.getByLabel('Shared text', { exact: true }).fill('Written before editing the times');
    await page.getByRole('radio', { name: /Add to queue/ }).check();
    await page.getByTestId('next-slot').waitFor();
    await page.getByRole('button', { name: 'Edit posting times' }).click();
    const dialog = page.getByTestId('posting-times-dialog');
    const inDialog = dialog.getByTestId('posting-times-channel');
    await inDialog.getByText('5 times a week').waitFor();
    await snap(page, 'posting-times-composer-dialog-1440');
    await inDialog.getByRole('button', { name: 'Remove 17:30 on Saturday' }).click();
    await inDialog.getByRole('button', { name: 'Save posting times' }).click();
    await page.getByTestId('toast').getByText('Posting times of Herald on Mastodon saved: 4 a week.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Shared text', { exact: true }).inputValue()).toBe('Written before editing the times');
    const [nextAfterEdit] = await page.evaluate(
      async (url) => ((await (await fetch(url)).json()) as { items: string[] }).items,
      `${h.url}/api/v1/workspaces/${workspaceId}/channels/${channelId}/slots/upcoming?count=1`,
    );
    const expectedNext = new Date(nextAfterEdit!).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Sao_Paulo' });
    await page.getByTestId('next-slot').filter({ hasText: expectedNext }).waitFor();

    await page.goto(`${h.url}/w/${workspaceId}/settings`);
    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByText('4 times a week').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await snap(page, 'posting-times-390');
    await context.close();
  });
});
