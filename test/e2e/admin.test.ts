import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { signUp, type TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace, snap, startJourney } from './browser.ts';

// The operator (the first account) opens the Instance page from the sidebar: health, accounts,
// workspaces and the instance-wide audit log; someone else has no link and no page.
describe('the admin page in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    journey = await startJourney();
    ({ h, browser } = journey);
  }, 600_000);
  afterAll(async () => journey?.close());

  it('shows the operator the instance, at 1440 and 390 px, and nobody else', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signUpWithWorkspace(page, h.url, { name: 'Olga Operator', email: 'olga@example.com', password: 'olga has a long password', workspace: 'Olga Ops' });
    const other = await signUp(h.url, { name: 'Sam Someone' });
    await other.client.post('/api/v1/workspaces', { name: 'Sam Studio' });

    await page.getByTestId('admin-link').click();
    await page.getByRole('heading', { name: 'Instance', level: 1 }).waitFor();
    await page.getByTestId('admin-queue-waiting').waitFor();
    expect(await page.getByTestId('admin-failed').innerText()).toContain('0');
    expect(await page.getByTestId('admin-queues').locator('tbody tr').count()).toBeGreaterThan(0);
    await snap(page, 'admin-health-1440');

    await page.getByRole('button', { name: 'Accounts' }).click();
    const users = page.getByTestId('admin-users');
    await users.getByText('Sam Someone').waitFor();
    expect(await users.innerText()).toContain('Operator');
    await page.getByRole('button', { name: 'Workspaces' }).click();
    await page.getByTestId('admin-workspaces').getByText('Sam Studio').waitFor();

    await page.getByRole('button', { name: 'Audit log' }).click();
    await page.getByTestId('admin-audit').waitFor();
    await page.getByTestId('admin-audit-filter').selectOption('workspace.');
    await expect.poll(async () => (await page.getByTestId('admin-audit-row').allInnerTexts()).every((row) => row.includes('workspace.'))).toBe(true);
    expect(await page.getByTestId('admin-audit').innerText()).toContain('Sam Studio');
    await snap(page, 'admin-audit-1440');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/admin`);
    await page.getByTestId('admin-queue-waiting').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'admin-health-390');
    await page.goto(`${h.url}/admin?tab=audit`);
    await page.getByTestId('admin-audit').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'admin-audit-390');
    await context.close();

    // Someone else: no link in the sidebar, and /admin sends them home.
    const otherContext = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const otherPage = await otherContext.newPage();
    otherPage.setDefaultTimeout(20_000);
    await otherPage.goto(`${h.url}/login`);
    await otherPage.getByLabel('Email').fill(other.email);
    await otherPage.getByLabel('Password').fill(other.password);
    await otherPage.getByRole('button', { name: 'Sign in' }).click();
    await otherPage.waitForURL(/\/w\//);
    expect(await otherPage.getByTestId('admin-link').count()).toBe(0);
    await otherPage.goto(`${h.url}/admin`);
    await otherPage.waitForURL(/\/w\//);
    expect(await otherPage.getByRole('heading', { name: 'Instance', level: 1 }).count()).toBe(0);
    await otherContext.close();
  });
});
