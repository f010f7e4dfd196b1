import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { createClient } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { expectAccessible } from './axe.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// Approval by link: an editor submits a post, the admin shares it with a client, the client (no
// account) sees the Mastodon preview and asks for changes; the author sees the comment, resubmits,
// the client approves through the same link and the post is scheduled.
describe('Approval by link in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  it('a client requests changes, then approves the resubmitted post, without an account', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Ada Admin', email: 'ada@example.com', password: 'ada has a long password', workspace: 'Ada Agency' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);

    // The owner turns approval on in Settings.
    await page.goto(`${h.url}/w/${workspaceId}/settings`);
    await page.getByTestId('approval-workspace-toggle').check();
    await page.getByTestId('toast').getByText('Posts now need approval.').waitFor();

    // An editor schedules a post: it goes to review instead.
    const invite = await page.evaluate(async (url) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'eve@example.com', role: 'editor' }) });
      return (await res.json()) as { id: string };
    }, `${h.url}/api/v1/workspaces/${workspaceId}/invitations`);
    const editor = createClient(h.url);
    await editor.post('/api/auth/sign-up/email', { name: 'Eve Editor', email: 'eve@example.com', password: 'eve has a long password' });
    expect((await editor.post(`/api/v1/invitations/${invite.id}/accept`)).status).toBe(200);
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const submitted = await editor.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: 'Spring menu is here! #food' },
      channels: [{ channelId }],
      schedule: { mode: 'at', publishAt: at, timeZone: 'Europe/Berlin' },
    });
    expect(submitted.body.state).toBe('in_review');
    const postId = submitted.body.id as string;

    // The admin shares it from the post page.
    await page.goto(`${h.url}/w/${workspaceId}/posts/${postId}`);
    await page.getByTestId('review-panel').waitFor();
    expect(await page.getByTestId('post-state').first().textContent()).toContain('In review');
    await page.getByTestId('share-for-review').click();
    await page.getByTestId('review-link-name').fill('Clara Client');
    await page.getByTestId('review-link-create').click();
    const url = (await page.getByTestId('review-link-url').textContent())!.trim();
    expect(url).toContain('/review/');
    await page.keyboard.press('Escape');

    // A fresh browser, no session: the client opens the link.
    const client = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const clientPage = await client.newPage();
    clientPage.setDefaultTimeout(20_000);
    await clientPage.goto(url);
    await clientPage.getByTestId('review-page').waitFor();
    await clientPage.getByTestId('review-preview-mastodon').getByText('Spring menu is here!').waitFor();
    await snap(clientPage, 'review-link-1440');
    await expectAccessible(clientPage, 'the review page a client opens');
    await clientPage.getByTestId('review-link-comment').fill('Please mention the vegan dishes.');
    await clientPage.getByTestId('review-link-request-changes').click();
    await clientPage.getByText('your comment was sent to the team').waitFor();

    // The author sees the comment.
    const reviews = await editor.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}/reviews`);
    expect(reviews.body.items.at(-1)).toMatchObject({ decision: 'changes_requested', actorName: 'Clara Client', comment: 'Please mention the vegan dishes.' });
    const notes = await editor.get('/api/v1/notifications');
    expect(JSON.stringify(notes.body)).toContain('Please mention the vegan dishes.');

    // The author edits and resubmits.
    await editor.patch(`/api/v1/workspaces/${workspaceId}/posts/${postId}`, { content: { text: 'Spring menu is here, vegan dishes included! #food' }, channels: [{ channelId }] });
    expect((await editor.post(`/api/v1/workspaces/${workspaceId}/posts/${postId}/schedule`, { mode: 'at', publishAt: at, timeZone: 'Europe/Berlin' })).body.state).toBe('in_review');

    // The client approves through the same link.
    await clientPage.reload();
    await clientPage.getByText('vegan dishes included').waitFor();
    await clientPage.getByTestId('review-link-approve').click();
    await clientPage.getByText('you approved this post').waitFor();
    await clientPage.setViewportSize({ width: 390, height: 844 });
    await snap(clientPage, 'review-link-390');
    expect(await clientPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const post = await editor.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}`);
    expect(post.body.state).toBe('scheduled');
    expect(post.body.review.approvedByName).toBe('Clara Client');
    expect(post.body.deliveries[0].state).toBe('queued');

    // The review panel tells the story.
    await page.reload();
    await page.getByTestId('review-history').getByText('Clara Client').first().waitFor();
    await snap(page, 'review-panel-1440');
    await expectAccessible(page, 'the post page with its review history');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'review-panel-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // A revoked link shows a clear screen.
    const links = await page.evaluate(async (u) => (await (await fetch(u)).json()) as { items: { id: string }[] }, `${h.url}/api/v1/workspaces/${workspaceId}/review-links`);
    await page.evaluate(async (u) => fetch(u, { method: 'POST' }), `${h.url}/api/v1/workspaces/${workspaceId}/review-links/${links.items[0]!.id}/revoke`);
    await clientPage.reload();
    await clientPage.getByText('This link was withdrawn').waitFor();
    await snap(clientPage, 'review-link-revoked-390');
    await client.close();
    await context.close();
  });
});
