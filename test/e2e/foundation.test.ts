import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { snap, startJourney } from './browser.ts';

// The foundation's promise in one journey: sign up → create a workspace → invite → the invitee
// signs up through the link and accepts → as an editor they cannot manage members, neither in
// the UI nor through the API.
describe('foundation journey in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    journey = await startJourney();
    ({ h, browser } = journey);
  });
  afterAll(async () => {
    await journey?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A CSP violation shows up as a console error; the SPA must pass the CSP as served.
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  it('owner invites an editor, who joins and is refused member management', async () => {
    const owner = await newPage();
    await owner.goto(`${h.url}/signup`);
    await owner.getByLabel('Name').fill('Olivia Owner');
    await owner.getByLabel('Email').fill('olivia@example.com');
    await owner.getByLabel('Password').fill('olivia has a long password');
    await snap(owner, 'signup');
    // The terms and the privacy policy are one click away before agreeing.
    const policies = owner.getByTestId('signup-policies');
    expect(await policies.getByRole('link', { name: 'terms of service' }).getAttribute('href')).toBe('/terms');
    expect(await policies.getByRole('link', { name: 'privacy policy' }).getAttribute('href')).toBe('/privacy');
    await owner.getByRole('button', { name: 'Sign up' }).click();

    // First sign-in without a workspace: onboarding asks for one.
    await owner.getByLabel(/workspace name/i).fill('Acme Brand');
    await owner.getByRole('button', { name: 'Create workspace' }).click();
    // A new workspace opens on its getting-started checklist (connect a channel first).
    await owner.waitForURL(/\/w\/[^/]+\/getting-started/);
    const workspaceId = /\/w\/([^/]+)/.exec(owner.url())![1]!;

    await owner.goto(`${h.url}/w/${workspaceId}/members`);
    await owner.getByTestId('invite-member-button').click();
    await owner.getByLabel('Email').fill('eddie@example.com');
    await owner.getByLabel('Role').selectOption('editor');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    const link = await owner.getByTestId('invitation-link').inputValue().catch(async () => owner.getByTestId('invitation-link').innerText());
    expect(link).toMatch(/\/invite\/[\w-]+$/);
    await snap(owner, 'members-owner');

    // The invitee has no account yet: the link leads through sign-up and back.
    const editor = await newPage();
    await editor.goto(link.replace(/^https?:\/\/[^/]+/, h.url));
    await editor.getByText(/Acme Brand/).first().waitFor();
    await snap(editor, 'invitation');
    await editor.getByRole('link', { name: /create an account/i }).click();
    await editor.getByLabel('Name').fill('Eddie Editor');
    await expect.poll(() => editor.getByLabel('Email').inputValue()).toBe('eddie@example.com');
    await editor.getByLabel('Password').fill('eddie has a long password');
    await editor.getByRole('button', { name: 'Sign up' }).click();
    await editor.getByRole('button', { name: 'Accept invitation' }).click();
    await editor.waitForURL(new RegExp(`/w/${workspaceId}`));

    await editor.goto(`${h.url}/w/${workspaceId}/members`);
    await editor.getByText('Olivia Owner').first().waitFor();
    await editor.getByText('Eddie Editor').first().waitFor();
    expect(await editor.getByTestId('invite-member-button').count()).toBe(0);
    await snap(editor, 'members-editor');

    // The server refuses what the UI hides, with the editor's own session cookie.
    const refused = await editor.evaluate(async (id) => {
      const r = await fetch(`/api/v1/workspaces/${id}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mallory@example.com', role: 'admin' }),
      });
      return { status: r.status, body: await r.json() };
    }, workspaceId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');

    // The owner's Activity page shows what happened, with who and from where.
    await owner.goto(`${h.url}/w/${workspaceId}/activity`);
    await owner.getByText('Member joined', { exact: true }).first().waitFor();
    await owner.getByText('Member invited', { exact: true }).first().waitFor();
    await snap(owner, 'activity');

    for (const page of [owner, editor]) expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('serves the API reference at /api/docs without a Content Security Policy error', async () => {
    const page = await newPage();
    // Swagger UI draws the sections near the viewport only (130 paths now): the link to the posts
    // section is how a reader gets there, and it must draw them.
    await page.goto(`${h.url}/api/docs#/posts`);
    await page.getByText('/api/v1/workspaces/{workspaceId}/posts').first().waitFor();
    await snap(page, 'api-docs');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });
});
