import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { createClient } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const apiCall = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u as string, { method: m as string, headers: b ? { 'content-type': 'application/json' } : {}, body: b ? JSON.stringify(b) : undefined });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    [method, url, body] as const,
  );

// Issue 17's "Comments" and "Readable history": the team discusses a published post (a mention
// notifies the teammate), its delivery log says in words what Herald did, and the Activity page
// names posts, channels and people as links, never as ids.
describe('Comments and readable history in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  it('comments with a mention, reads the delivery log and the Activity page in words', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Hana History', email: 'hana@example.com', password: 'hana has a long password', workspace: 'Hana Studio' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);
    const api = `${h.url}/api/v1/workspaces/${workspaceId}`;

    const invite = await apiCall(page, 'POST', `${api}/invitations`, { email: 'eli@example.com', role: 'editor' });
    const editor = createClient(h.url);
    await editor.post('/api/auth/sign-up/email', { name: 'Eli Editor', email: 'eli@example.com', password: 'eli has a long password' });
    expect((await editor.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);

    const post = await apiCall(page, 'POST', `${api}/posts`, { content: { text: 'Our winter opening hours are here: come by any day from ten' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(post.status).toBe(201);
    const postId = post.body.id as string;
    await expect.poll(async () => (await apiCall(page, 'GET', `${api}/posts/${postId}`)).body.deliveries[0].state, { timeout: 20_000 }).toBe('published');
    await editor.post(`/api/v1/workspaces/${workspaceId}/posts/${postId}/comments`, { body: 'Should we pin this one on the profile?' });

    // The post page: comments, a mention picked with the keyboard.
    await page.goto(`${h.url}/w/${workspaceId}/posts/${postId}`);
    const comments = page.locator('#comments');
    await comments.getByText('Should we pin this one on the profile?').waitFor();
    const box = comments.getByLabel('Add a comment');
    await box.fill('Yes please ');
    await box.pressSequentially('@el');
    await page.getByRole('option', { name: 'Eli Editor' }).waitFor();
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await box.pressSequentially('can you do it today?');
    expect(await box.inputValue()).toBe('Yes please @Eli Editor can you do it today?');
    await comments.getByRole('button', { name: 'Comment', exact: true }).click();
    await comments.getByTestId('comment').nth(1).getByText('can you do it today?').waitFor();
    expect(await comments.getByTestId('comment').nth(1).locator('.mention').innerText()).toBe('@Eli Editor');
    expect(await box.inputValue()).toBe('');
    const told = await editor.get('/api/v1/notifications');
    expect(told.body.items.filter((n: { kind: string }) => n.kind === 'comment.mention')).toHaveLength(1);
    expect(told.body.items[0].link).toBe(`/w/${workspaceId}/posts/${postId}#comments`);

    // The delivery log says what happened, in words.
    await page.getByTestId('delivery-log').locator('summary').click();
    const steps = page.getByTestId('log-step');
    await expect.poll(() => steps.count()).toBeGreaterThanOrEqual(2);
    const log = await page.getByTestId('delivery-log').innerText();
    expect(log).toContain('Sent the post to Mastodon');
    expect(log).toContain('Mastodon published the post');
    expect(log).not.toMatch(/status:0/);
    expect(log).toMatch(/CET|GMT\+1/);
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await snap(page, 'post-comments-1440');
    expect(await page.locator('main').innerText()).not.toMatch(UUID);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'post-comments-390');

    // The Activity page: names and links, not ids.
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${h.url}/w/${workspaceId}/activity`);
    const rows = page.getByTestId('activity-row');
    await rows.first().waitFor();
    const table = await page.getByTestId('activity-table').innerText();
    await snap(page, 'activity-1440');
    expect(table.split('\n').filter((line) => UUID.test(line))).toEqual([]);
    expect(table).toContain('Channel connected');
    expect(table).toMatch(/@\S+\s+on Mastodon/);
    expect(table).toContain('Eli Editor');
    const postLink = page.getByTestId('activity-entity-link').filter({ hasText: 'Our winter opening hours are here' }).first();
    expect(await postLink.getAttribute('href')).toBe(`/w/${workspaceId}/posts/${postId}`);

    await page.getByLabel('What').selectOption({ label: 'Posts and comments' });
    await expect.poll(async () => (await page.getByTestId('activity-table').innerText()).includes('Channel connected')).toBe(false);
    expect(await page.getByTestId('activity-table').innerText()).toContain('Commented');
    await page.getByLabel('Who').selectOption({ label: 'Eli Editor' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Comment on');
    expect(page.url()).toContain('kind=posts');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(3);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'activity-390');

    await postLink.click();
    await page.waitForURL(new RegExp(`/posts/${postId}$`));
    await context.close();
  });
});
