import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deliveries, deliveryAttempts, postGroups } from '../../src/server/db/schema/index.ts';
import { refreshGroupState } from '../../src/server/modules/publishing/group-state.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';

// What a person sees when a post does not go out: the "Needs attention" list and its count, the
// post page with the network's reason and the delivery log, and the actions that settle it.
describe('delivery log and needs attention in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let page: Page;
  let workspaceId: string;
  let channelId: string;
  let retriedPostId: string;

  const api = (path: string) => `${h.url}/api/v1/workspaces/${workspaceId}${path}`;
  /** Calls the API as the signed-in page does: its cookies, and the Origin a browser sends. */
  async function call(method: 'GET' | 'POST', path: string, data?: unknown) {
    const res = await page.request.fetch(api(path), { method, data, headers: { origin: h.url } });
    return { status: res.status(), body: (await res.json()) as any };
  }
  const postNow = (text: string) => call('POST', '/posts', { content: { text }, channels: [{ channelId }], schedule: { mode: 'now' } });
  async function settledPost(id: string, done: (p: any) => boolean) {
    return waitFor(
      async () => {
        const res = await call('GET', `/posts/${id}`);
        return done(res.body) ? res.body : null;
      },
      { what: `post ${id}` },
    );
  }
  const attentionCount = () => page.getByTestId('attention-count');

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    journey = await startJourney({ env: fastEngineEnv });
    ({ h, browser } = journey);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.setDefaultTimeout(15_000);

    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Pia Publisher', email: 'pia@example.com', password: 'pia has a long password', workspace: 'Pia Studio' });
    channelId = await connectMastodonInBrowser(page, mastodon.domain);
  });
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  it('lists a refused post under Needs attention, shows why and its log, and retries it exactly once', async () => {
    mastodon.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Text contains a forbidden word' } });
    const created = await postNow('Our spring sale starts today: 20% off everything in the shop until Sunday.');
    expect(created.status).toBe(201);
    const failed = await settledPost(created.body.id, (p) => p.deliveries[0].state === 'failed');
    retriedPostId = failed.id;

    await page.goto(`${h.url}/w/${workspaceId}/attention`);
    await expect.poll(() => attentionCount().textContent()).toBe('1');
    const item = page.getByTestId('attention-item');
    await item.getByText('Our spring sale starts today').waitFor();
    await item.getByText(/forbidden word/).waitFor();
    await item.getByRole('button', { name: 'Retry' }).waitFor();
    await item.getByRole('button', { name: 'Mark as published…' }).waitFor();
    await snap(page, 'attention');

    await item.getByRole('link', { name: 'Open post and log' }).click();
    await page.waitForURL(new RegExp(`/posts/${failed.id}$`));
    await page.getByRole('heading', { name: 'Post', level: 1 }).waitFor();
    const delivery = page.getByTestId('delivery');
    await delivery.getByRole('heading', { name: 'Herald on Mastodon' }).waitFor();
    expect(await delivery.getByTestId('delivery-state').getAttribute('data-state')).toBe('failed');
    await delivery.getByTestId('delivery-error').getByText(/forbidden word/).waitFor();

    await delivery.getByText('Delivery log').click();
    const attempt = delivery.getByTestId('log-attempt').first();
    await attempt.getByText('1. Publish').waitFor();
    await attempt.getByText('Failed', { exact: true }).waitFor();
    await attempt.getByText(/Text contains a forbidden word/).waitFor();
    await attempt.getByText('Sent the post to Mastodon').waitFor();
    expect(await attempt.getByTestId('log-step').count()).toBeGreaterThanOrEqual(1);
    await attempt.getByText('Request').first().click();
    await snap(page, 'post-failed-with-log');

    const before = mastodon.creations();
    await delivery.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('toast').getByText(/Retrying/).waitFor();
    await delivery.locator('[data-testid="delivery-state"][data-state="published"]').waitFor();
    const link = delivery.getByRole('link', { name: 'View on Mastodon' });
    await link.waitFor();
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const published = (await call('GET', `/posts/${failed.id}`)).body.deliveries[0];
    expect(await link.getAttribute('href')).toBe(published.externalUrl);
    expect(mastodon.creations() - before).toBe(1);
    await page.getByTestId('post-state').and(page.locator('[data-state="published"]')).waitFor();
    // The log follows: the person's retry and the engine's second, successful attempt.
    await delivery.getByText('By a person').waitFor();
    await delivery.getByTestId('log-attempt').getByText('Published', { exact: true }).waitFor();
    await expect.poll(() => attentionCount().count()).toBe(0);
    await snap(page, 'post-retried');

    // Nothing is sent twice after the engine settled it.
    await new Promise((r) => setTimeout(r, 1500));
    expect(mastodon.creations() - before).toBe(1);
  });

  it('marks another failed delivery as published with a link, refusing a link that is not one', async () => {
    mastodon.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Text contains a forbidden word' } });
    const created = await postNow('A second announcement that the network refused.');
    await settledPost(created.body.id, (p) => p.deliveries[0].state === 'failed');
    await page.goto(`${h.url}/w/${workspaceId}/posts/${created.body.id}`);
    await expect.poll(() => attentionCount().textContent()).toBe('1');
    const before = mastodon.creations();

    await page.getByRole('button', { name: 'Mark as published…' }).click();
    const dialog = page.getByTestId('mark-published-dialog');
    const field = dialog.getByLabel('Link to the post (optional)');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('not a link');
    await dialog.getByRole('button', { name: 'Mark as published' }).click();
    await dialog.getByText('must be a link to the post').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await snap(page, 'mark-published-invalid');

    await field.fill('https://mastodon.example/@pia/1234');
    await dialog.getByRole('button', { name: 'Mark as published' }).click();
    await page.getByTestId('toast').getByText('Marked as published.').waitFor();
    const delivery = page.getByTestId('delivery');
    await delivery.locator('[data-testid="delivery-state"][data-state="published"]').waitFor();
    await delivery.getByText('(marked by hand)').waitFor();
    expect(await delivery.getByRole('link', { name: 'View on Mastodon' }).getAttribute('href')).toBe('https://mastodon.example/@pia/1234');
    await expect.poll(() => attentionCount().count()).toBe(0);
    expect(mastodon.creations() - before).toBe(0);
  });

  it('offers "Check again" for an unconfirmed delivery, and warns before a resend', async () => {
    // A lost answer Herald gave up checking automatically: as the engine leaves it after an hour.
    const created = await call('POST', '/posts', { content: { text: 'Did this one go out?' }, channels: [{ channelId }] });
    const deliveryId = created.body.deliveries[0].id as string;
    const db = h.herald.database.db;
    const sentAt = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const attemptId = crypto.randomUUID();
    await db.insert(deliveryAttempts).values({
      id: attemptId,
      deliveryId,
      number: 1,
      kind: 'publish',
      startedAt: sentAt,
      finishedAt: new Date(sentAt.getTime() + 2000),
      outcome: 'unconfirmed',
      steps: [{ at: sentAt.toISOString(), step: 'status:0: sending', request: { status: 'Did this one go out?', visibility: 'public' } }],
      errorCode: 'network.timeout',
      errorMessage: 'Mastodon did not answer within 2 seconds',
    });
    const reason = 'Mastodon did not answer within 2 seconds. Herald does not know whether the post was created and checks the network before anything is sent again.';
    await db
      .update(deliveries)
      .set({ state: 'unconfirmed', dueAt: sentAt, attemptCount: 1, nextAttemptAt: null, pendingStep: { step: 'status:0', attemptId, sentAt: sentAt.toISOString() }, errorCode: 'delivery.unconfirmed', errorMessage: reason })
      .where(eq(deliveries.id, deliveryId));
    await db.update(postGroups).set({ publishAt: sentAt }).where(eq(postGroups.id, created.body.id));
    await refreshGroupState(db, created.body.id);

    await page.goto(`${h.url}/w/${workspaceId}/attention`);
    const item = page.getByTestId('attention-item');
    await item.getByText('Did this one go out?').waitFor();
    await item.getByRole('button', { name: 'Check again' }).waitFor();
    expect(await item.getByRole('button', { name: /send again/ }).count()).toBe(0);
    await expect.poll(() => attentionCount().textContent()).toBe('1');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'attention-unconfirmed-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.goto(`${h.url}/w/${workspaceId}/posts/${created.body.id}`);
    const delivery = page.getByTestId('delivery');
    expect(await delivery.getByTestId('delivery-state').getAttribute('data-state')).toBe('unconfirmed');
    await delivery.getByText(/Not sure it went out/).waitFor();
    await delivery.getByRole('button', { name: 'Check again' }).waitFor();
    await delivery.getByText('Delivery log').click();
    await delivery.getByTestId('log-attempt').getByText('Unconfirmed', { exact: true }).waitFor();

    await delivery.getByRole('button', { name: 'I checked: it is not there, send again…' }).click();
    const resend = page.getByTestId('resend-dialog');
    await resend.getByText(/sending again makes a duplicate/).waitFor();
    expect(await resend.getByRole('button', { name: 'Keep waiting' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await snap(page, 'post-unconfirmed-resend-dialog');
    await resend.getByRole('button', { name: 'Keep waiting' }).click();
    expect(await resend.isVisible()).toBe(false);

    // "Check again" asks the network first; it finds nothing from two hours ago and sends it once.
    const before = mastodon.creations();
    await delivery.getByRole('button', { name: 'Check again' }).click();
    await delivery.locator('[data-testid="delivery-state"][data-state="published"]').waitFor({ timeout: 20_000 });
    expect(mastodon.creations() - before).toBe(1);
    await delivery.getByText(/Asked Mastodon about a call left unanswered: .* is not there, safe to send/).first().waitFor();
  });

  it('says so when nothing needs attention, and fits a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/w/${workspaceId}/attention`);
    await page.getByText('Nothing needs your attention').waitFor();
    expect(await attentionCount().count()).toBe(0);
    await snap(page, 'attention-empty-phone');
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);

    await page.goto(`${h.url}/w/${workspaceId}/posts/${retriedPostId}`);
    const delivery = page.getByTestId('delivery');
    await delivery.getByText('Delivery log').click();
    await delivery.getByTestId('log-attempt').first().getByText('Request').first().click();
    await snap(page, 'post-log-phone');
    expect(await fits()).toBe(true);
  });
});
