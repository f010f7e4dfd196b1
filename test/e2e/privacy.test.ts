import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { users, workspaces } from '../../src/server/db/schema/index.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { signUp, type TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';
import { readZip } from '../helpers/zip.ts';

// What a person does under Profile → privacy: takes their data with them, pauses what Herald does
// on their behalf and resumes it, and deletes their account (at once, or after a grace period).


async function newPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function signIn(h: TestHerald, page: Page, email: string, password: string) {
  await page.goto(`${h.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const deleteSection = (page: Page) => page.getByRole('region', { name: 'Delete account' });

describe('privacy on the profile page in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let page: Page;
  let workspaceId: string;
  const pia = { name: 'Pia Private', email: 'pia@example.com', password: 'pia has a long password' };
  const db = () => h.herald.database.db;

  /** Calls the API as the signed-in page does: its cookies, and the Origin a browser sends. */
  async function call(method: 'GET' | 'POST', path: string, data?: unknown) {
    const res = await page.request.fetch(`${h.url}${path}`, { method, data, headers: { origin: h.url } });
    return { status: res.status(), body: (await res.json()) as any };
  }

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    journey = await startJourney({ env: fastEngineEnv });
    ({ h, browser } = journey);
    page = await newPage(browser);

    workspaceId = await signUpWithWorkspace(page, h.url, { ...pia, workspace: 'Pia Studio' });
    await connectMastodonInBrowser(page, mastodon.domain);
  });
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  it('prepares an archive of my data, downloads it, and it holds my profile but no token', async () => {
    await page.goto(`${h.url}/profile`);
    const section = page.getByRole('region', { name: 'Your data' });
    await section.getByRole('button', { name: 'Download all my data' }).click();
    await page.getByTestId('toast').getByText('Your archive is being prepared.').waitFor();
    const row = section.getByRole('list', { name: 'Data exports' }).getByRole('listitem');
    const link = row.getByRole('link', { name: 'Download' });
    await link.waitFor();
    await row.getByText('Ready').waitFor();
    await row.getByText(/link expires/).waitFor();
    expect(await section.getByRole('button', { name: 'Download all my data' }).isEnabled()).toBe(true);
    await snap(page, 'profile-data-export-ready');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^herald-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = fs.readFileSync((await download.path())!);
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['README.md', 'profile.json', 'workspaces.json', 'channels.json', 'posts.json']));
    expect(JSON.parse(files.get('profile.json')!.toString('utf8')).user).toMatchObject({ email: pia.email, name: pia.name });
    expect(files.get('README.md')!.toString('utf8')).toContain('profile.json');
    const everything = Buffer.concat([...files.values()]).toString('latin1');
    const issued = mastodon.tokens().map((t) => t.token);
    expect(issued.length).toBeGreaterThan(0);
    const session = (await page.context().cookies()).find((c) => c.name === 'herald.session_token')!.value.split('.')[0]!;
    for (const secret of [...issued, decodeURIComponent(session)]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/_sealed|accessTokenSealed|"password"/);

    // The download is recorded: the list says so once it is loaded again.
    await page.reload();
    await row.getByText(/downloaded/).waitFor();

    // The workspace's activity log shows the member's request (the actor is the member).
    await page.goto(`${h.url}/w/${workspaceId}/activity`);
    const requested = page.getByTestId('activity-row').filter({ hasText: 'Data export requested' });
    await requested.getByText(pia.name).waitFor();
  });

  it('pauses processing: a scheduled post shows as paused, and is scheduled again after resuming', async () => {
    const channelId = (await call('GET', `/api/v1/workspaces/${workspaceId}/channels`)).body.items[0].id as string;
    const created = await call('POST', `/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: 'Our autumn newsletter is out tomorrow.' },
      channels: [{ channelId }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 86_400_000).toISOString(), timeZone: 'Europe/Berlin' },
    });
    expect(created.status).toBe(201);
    const postUrl = `${h.url}/w/${workspaceId}/posts/${created.body.id}`;
    const before = mastodon.creations();

    await page.goto(`${h.url}/profile`);
    const section = page.getByRole('region', { name: 'Pause processing' });
    const toggle = section.getByRole('checkbox', { name: 'Pause processing' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.getByTestId('toast').getByText('Processing is paused.').waitFor();
    expect(await toggle.isChecked()).toBe(true);
    const since = section.getByText(/^Paused since /);
    await since.waitFor();
    expect(await toggle.getAttribute('aria-describedby')).toBe(await since.getAttribute('id'));
    await snap(page, 'profile-processing-paused');

    await page.goto(postUrl);
    const delivery = page.getByTestId('delivery');
    await delivery.getByText('Paused', { exact: true }).waitFor();
    expect(await delivery.getByTestId('delivery-state').getAttribute('data-state')).toBe('queued');
    await snap(page, 'post-paused');

    // Resumed with the keyboard alone.
    await page.goto(`${h.url}/profile`);
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('toast').getByText(/Processing resumed/).waitFor();
    expect(await toggle.isChecked()).toBe(false);
    expect(await since.count()).toBe(0);

    await page.goto(postUrl);
    await delivery.getByTestId('delivery-state').getByText('Scheduled').waitFor();
    expect(await delivery.getByText('Paused', { exact: true }).count()).toBe(0);
    expect(mastodon.creations()).toBe(before);
  });

  it('deletes my account after a password check; the shared workspace stays, without my name', async () => {
    const ann = await signUp(h.url, { name: 'Ann Leaving', email: 'ann@example.com', password: 'ann has a long password' });
    const bob = await signUp(h.url, { name: 'Bob Staying', email: 'bob@example.com', password: 'bob has a long password' });
    const solo = (await ann.client.post('/api/v1/workspaces', { name: 'Ann Solo' })).body.id as string;
    const shared = (await bob.client.post('/api/v1/workspaces', { name: 'Bob Shared' })).body.id as string;
    const channelId = await connectMastodon(h, bob.client, shared, mastodon);
    const invite = await bob.client.post(`/api/v1/workspaces/${shared}/invitations`, { email: ann.email, role: 'editor' });
    expect((await ann.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);
    const annPost = await ann.client.post(`/api/v1/workspaces/${shared}/posts`, { content: { text: 'Ann wrote this for the shared workspace' }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(annPost.status).toBe(201);

    const annPage = await newPage(browser);
    await signIn(h, annPage, ann.email, ann.password);
    await annPage.waitForURL((url) => url.pathname !== '/login');
    await annPage.goto(`${h.url}/profile`);
    const section = deleteSection(annPage);
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    const preview = section.getByTestId('deletion-preview');
    await preview.getByTestId('deleted-workspace').getByText('Ann Solo').waitFor();
    expect(await preview.getByTestId('deleted-workspace').count()).toBe(1);
    expect(await preview.getByTestId('deleted-workspace').filter({ hasText: 'Bob Shared' }).count()).toBe(0);
    await preview.getByRole('status').filter({ hasText: 'Kept, without your name' }).getByText(/Bob Shared/).waitFor();
    await preview.getByText(/This happens at once and cannot be undone/).waitFor();

    const password = section.getByLabel('Your password', { exact: true });
    const submit = section.getByRole('button', { name: 'Delete my account' });
    await password.fill('not my password at all');
    expect(await submit.isDisabled()).toBe(true);
    await section.getByLabel('Type DELETE to confirm').fill('DELETE');
    await submit.click();
    await section.getByText('The password is not correct').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await snap(annPage, 'profile-delete-account-wrong-password');
    expect(await db().select({ id: users.id }).from(users).where(eq(users.id, ann.id))).toHaveLength(1);
    expect(await db().select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, solo))).toHaveLength(1);

    await password.fill(ann.password);
    await submit.click();
    const goodbye = annPage.getByRole('dialog', { name: 'Your account is deleted' });
    await goodbye.getByText(/you are signed out/).waitFor();
    await snap(annPage, 'profile-account-deleted');
    await goodbye.getByRole('button', { name: 'Goodbye' }).click();
    await annPage.waitForURL(/\/login$/);

    await signIn(h, annPage, ann.email, ann.password);
    await annPage.getByText(/Invalid email or password/).waitFor();
    expect(await db().select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, solo))).toHaveLength(0);

    // Bob keeps the shared workspace and Ann's post; nothing there names Ann any more.
    const bobPage = await newPage(browser);
    await signIn(h, bobPage, bob.email, bob.password);
    await bobPage.waitForURL((url) => url.pathname !== '/login');
    await bobPage.goto(`${h.url}/w/${shared}/posts/${annPost.body.id}`);
    await bobPage.getByText('Ann wrote this for the shared workspace').waitFor();
    await bobPage.goto(`${h.url}/w/${shared}/members`);
    await bobPage.getByText(bob.email).first().waitFor();
    await bobPage.goto(`${h.url}/w/${shared}/activity`);
    // Ann's joining stays in the log, by an actor without a name.
    const joined = bobPage.getByTestId('activity-row').filter({ hasText: 'Member joined' });
    await joined.first().waitFor();
    expect((await joined.first().locator('td[data-label="Who"]').innerText()).trim()).toBe('A former member');
    await snap(bobPage, 'activity-after-member-deleted');
    for (const url of [`/w/${shared}/members`, `/w/${shared}/activity`, `/w/${shared}/posts/${annPost.body.id}`]) {
      await bobPage.goto(`${h.url}${url}`);
      await bobPage.getByRole('heading', { level: 1 }).waitFor();
      await bobPage.waitForLoadState('networkidle');
      const text = await bobPage.locator('main').innerText();
      expect(text, url).not.toContain('Ann Leaving');
      expect(text, url).not.toContain(ann.email);
    }
  });
});

describe('account deletion with a grace period in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  const db = () => h.herald.database.db;

  beforeAll(async () => {
    journey = await startJourney({ env: { HERALD_ACCOUNT_DELETION_GRACE_DAYS: '7' } });
    ({ h, browser } = journey);
  });
  afterAll(async () => {
    await journey?.close();
  });

  it('schedules the deletion and signs me out; signing in again keeps the account', async () => {
    const gil = await signUp(h.url, { name: 'Gil Grace', email: 'gil@example.com', password: 'gil has a long password' });
    await gil.client.post('/api/v1/workspaces', { name: 'Gil Solo' });
    const page = await newPage(browser);
    await signIn(h, page, gil.email, gil.password);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(`${h.url}/profile`);

    const section = deleteSection(page);
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    await section.getByText(/The deletion happens 7 days after you confirm; signing in again before then cancels it/).waitFor();
    await section.getByLabel('Your password', { exact: true }).fill(gil.password);
    await section.getByLabel('Type DELETE to confirm').fill('DELETE');
    await section.getByRole('button', { name: 'Delete my account' }).click();
    const goodbye = page.getByRole('dialog', { name: 'Your account will be deleted' });
    await goodbye.getByText(/The account will be deleted on .+; sign in before then if you change your mind/).waitFor();
    await snap(page, 'profile-account-deletion-scheduled');
    await goodbye.getByRole('button', { name: 'Goodbye' }).click();
    await page.waitForURL(/\/login$/);
    const [marked] = await db().select().from(users).where(eq(users.id, gil.id));
    expect(marked!.deletionRequestedAt).not.toBeNull();

    // Changing my mind: signing in again cancels the deletion, and Herald works for me again.
    await signIn(h, page, gil.email, gil.password);
    await page.waitForURL((url) => url.pathname !== '/login');
    // At once, with the sign-in (not at the next daily run).
    const [kept] = await db().select().from(users).where(eq(users.id, gil.id));
    expect(kept!.deletionRequestedAt).toBeNull();
    await page.goto(`${h.url}/profile`);
    const toggle = page.getByRole('region', { name: 'Pause processing' }).getByRole('checkbox', { name: 'Pause processing' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await deleteSection(page).getByRole('button', { name: 'Delete my account…' }).click();
    await deleteSection(page).getByTestId('deletion-preview').waitFor();
    await snap(page, 'profile-after-cancelled-deletion');
  });
});
