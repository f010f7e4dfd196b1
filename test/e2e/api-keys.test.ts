import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// An owner makes a key for an automation on the API and webhooks page, the automation uses it,
// the page shows it was used, and revoking it stops the automation at once.
describe('API keys in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  it('creates a key shown once, sees it used, and revokes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Kai Keys', email: 'kai@example.com', password: 'kai has a long password', workspace: 'Kai Studio' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);

    await page.getByRole('link', { name: 'API and webhooks' }).click();
    await page.getByRole('heading', { name: 'API and webhooks', level: 1 }).waitFor();
    await page.getByTestId('api-key-new').click();
    const dialog = page.getByTestId('api-key-dialog');
    await dialog.getByTestId('api-key-name').fill('n8n calendar sync');
    await dialog.getByRole('button', { name: 'Write posts' }).click();
    expect(await dialog.getByRole('checkbox', { name: /Schedule and publish posts/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: /Approve posts/ }).isChecked()).toBe(false);
    await dialog.getByTestId('api-key-create').click();
    const key = (await dialog.getByTestId('api-key-value').innerText()).trim();
    expect(key).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);

    // The automation: no browser, no cookie, just the key.
    const call = (method: string, url: string, body?: unknown) =>
      fetch(`${h.url}${url}`, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const channels = await call('GET', `/api/v1/workspaces/${workspaceId}/channels`);
    expect(channels.status).toBe(200);
    const created = await call('POST', `/api/v1/workspaces/${workspaceId}/posts`, { content: { text: 'Written by the automation' }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(created.status).toBe(201);
    const refused = await call('PUT', `/api/v1/workspaces/${workspaceId}/channels/${channelId}/slots`, { slots: [] });
    expect(refused.status).toBe(403);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    const row = page.getByTestId('api-key-row').filter({ hasText: 'n8n calendar sync' });
    await expect.poll(() => row.innerText()).toMatch(/last used .* from 127\.0\.0\.1/);
    expect(await page.locator('body').innerText()).not.toContain(key);
    await snap(page, 'api-keys-1440');

    await row.getByRole('button', { name: 'Revoke n8n calendar sync' }).click();
    await page.getByTestId('api-key-revoke-dialog').getByRole('button', { name: 'Revoke key' }).click();
    await page.getByTestId('toast').getByText('n8n calendar sync revoked.').waitFor();
    await expect.poll(() => row.innerText()).toContain('Revoked');
    expect((await call('GET', `/api/v1/workspaces/${workspaceId}/channels`)).status).toBe(401);

    // The post the key wrote is there, by Kai (the key's creator).
    await page.getByRole('link', { name: 'Drafts' }).click();
    await page.getByText('Written by the automation').waitFor();

    // A personal key on Profile, and the page on a phone.
    await page.goto(`${h.url}/profile`);
    const personal = page.getByRole('region', { name: 'Personal API keys' });
    await personal.getByTestId('api-key-new').click();
    await page.getByTestId('api-key-name').fill('My laptop');
    await page.getByTestId('api-key-create').click();
    await page.getByTestId('api-key-value').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await personal.getByText('My laptop').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/w/${workspaceId}/developers`);
    await page.getByTestId('api-key-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'api-keys-390');
    await context.close();
  }, 120_000);
});
