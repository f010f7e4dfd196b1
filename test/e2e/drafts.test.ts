import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { createClient } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { expectAccessible } from './axe.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// Issue 17's first broken item: a draft saved without a time could be found nowhere. The owner
// saves one in the composer, an editor saves another; both are in Drafts, newest first, and the
// author filter narrows the list. The calendar's Draft filter points there.
describe('Drafts in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  it('finds drafts without a time, filters them by author, and reads well on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Dora Drafts', email: 'dora@example.com', password: 'dora has a long password', workspace: 'Dora Studio' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);

    // An editor's draft, written through the API with their own session.
    const invite = await page.evaluate(async (url) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'eli@example.com', role: 'editor' }) });
      return (await res.json()) as { id: string };
    }, `${h.url}/api/v1/workspaces/${workspaceId}/invitations`);
    const editor = createClient(h.url);
    await editor.post('/api/auth/sign-up/email', { name: 'Eli Editor', email: 'eli@example.com', password: 'eli has a long password' });
    expect((await editor.post(`/api/v1/invitations/${invite.id}/accept`)).status).toBe(200);
    const editorDraft = await editor.post(`/api/v1/workspaces/${workspaceId}/posts`, { content: { text: 'Eli’s idea: a behind-the-scenes thread' }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(editorDraft.status).toBe(201);

    // The owner's draft, saved from the composer without choosing a time.
    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('checkbox', { name: /Mastodon/ }).check();
    await page.getByLabel('Shared text', { exact: true }).fill('Dora’s draft: spring menu teaser, no date yet');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/posts\/[^/]+$/);

    await page.getByRole('link', { name: 'Drafts' }).click();
    await page.getByRole('heading', { name: 'Drafts', level: 1 }).waitFor();
    const rows = page.getByTestId('draft-row');
    await expect.poll(() => rows.count()).toBe(2);
    await snap(page, 'drafts-1440');
    await expectAccessible(page, 'the drafts list');
    const [newest, older] = [await rows.nth(0).innerText(), await rows.nth(1).innerText()];
    expect(newest).toContain('Dora’s draft: spring menu teaser');
    // The composer had a time picked: the draft keeps it as its plan (and is on the calendar too).
    expect(newest).toContain('planned for');
    expect(older).toContain('no time yet');
    expect(older).toContain('by Eli Editor');

    await page.getByLabel('Author').selectOption({ label: 'Eli Editor' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Eli’s idea');
    expect(page.url()).toContain('author=');
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(new RegExp(`/posts/${editorDraft.body.id}/edit$`));

    // Duplicating the editor's draft from its page opens the copy in the composer.
    await page.goto(`${h.url}/w/${workspaceId}/posts/${editorDraft.body.id}`);
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await page.getByTestId('toast').getByText('Copied into a new draft.').waitFor();
    await page.waitForURL((url) => /\/posts\/[^/]+\/edit$/.test(url.pathname) && !url.pathname.includes(editorDraft.body.id));
    expect(await page.getByLabel('Shared text', { exact: true }).inputValue()).toBe('Eli’s idea: a behind-the-scenes thread');

    // The calendar's Draft filter says where drafts without a time are.
    await page.goto(`${h.url}/w/${workspaceId}/calendar?view=list&state=draft`);
    await page.getByTestId('calendar-drafts-hint').getByRole('link', { name: 'see all drafts' }).click();
    await page.getByRole('heading', { name: 'Drafts', level: 1 }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => rows.count()).toBe(3);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'drafts-390');
    await context.close();
  });
});
