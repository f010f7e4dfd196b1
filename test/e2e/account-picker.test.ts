import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { connectSelections } from '../../src/server/db/schema/index.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { createMultiAccountProvider, type MultiAccountProvider } from '../helpers/multi-account.ts';
import { signUpWithWorkspace, snap, startJourney } from './browser.ts';

// One consent covering several accounts: the Channels page asks which to connect. The
// multi-account provider stands in for the network (its consent page agrees at once).
describe('account picker in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let provider: MultiAccountProvider;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    provider = createMultiAccountProvider('tiktok', {
      accounts: [
        { externalId: '1001', displayName: 'Acme Bakery', username: 'acmebakery', note: 'Page · Bakery' },
        { externalId: '1002', displayName: 'Acme Coffee Roasters of the Old Harbour District', username: null, note: 'Page · Café' },
        // A picture the network no longer serves: the network's mark stays, not a broken image.
        { externalId: '1003', displayName: 'Acme Careers', username: 'acmejobs', note: null, avatarUrl: 'https://127.0.0.1:9/gone.png' },
      ],
    });
    journey = await startJourney({ providers: { tiktok: provider } });
    ({ h, browser } = journey);
  });
  afterAll(async () => journey?.close());

  it('picks two of three accounts, marks them connected on the next consent, and cancels cleanly', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await signUpWithWorkspace(page, h.url, { name: 'Pia Picker', email: 'pia@example.com', password: 'pia has a long password', workspace: 'Acme Agency' });
    await page.getByRole('link', { name: 'Channels' }).click();

    await page.getByRole('button', { name: 'Connect TikTok' }).click();
    await page.waitForURL(/\/channels\?choose=/);
    const dialog = page.getByRole('dialog', { name: 'Choose TikTok accounts to connect' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('picker-account').count()).toBe(3);
    const connect = dialog.getByRole('button', { name: /^Connect/ });
    expect(await connect.isDisabled()).toBe(true);
    await dialog.getByLabel(/Acme Bakery/).check();
    await dialog.getByLabel(/Acme Careers/).check();
    await dialog.getByRole('button', { name: 'Connect 2 accounts' }).waitFor();
    await snap(page, 'account-picker-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'account-picker-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    await dialog.getByRole('button', { name: 'Connect 2 accounts' }).click();
    await page.getByText('2 channels connected.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).search).toBe('');
    const rows = page.getByTestId('channel-row');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByText('Acme Bakery').first().waitFor();
    await page.getByText('Acme Careers').first().waitFor();
    await snap(page, 'account-picker-connected');

    // The next consent shows what is connected already; Cancel discards the list at once.
    await page.getByRole('button', { name: 'Connect TikTok' }).click();
    await page.waitForURL(/\/channels\?choose=/);
    const selectionId = new URL(page.url()).searchParams.get('choose')!;
    await dialog.waitFor();
    await expect.poll(() => dialog.getByText('Already connected', { exact: true }).count()).toBe(2);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(async () => (await h.herald.database.db.select().from(connectSelections).where(eq(connectSelections.id, selectionId))).length).toBe(0);
    expect(await rows.count()).toBe(2);

    // A list that is gone (used, expired, another session's) says so and closes.
    await page.goto(`${page.url()}?choose=${selectionId}`);
    const gone = page.getByRole('dialog', { name: 'Choose accounts to connect' });
    await gone.getByText(/unknown, was already used or belongs to another session/).waitFor();
    await snap(page, 'account-picker-gone');
    await gone.getByRole('button', { name: 'Close' }).click();
    await gone.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).search).toBe('');
  });
});
