import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import type { TestHerald } from '../helpers/test-herald.ts';
import { snap, startJourney } from './browser.ts';

// What a careful user does on the Profile page: turn on two-factor, sign in with it, sign out
// another device, and recover a forgotten password through the link the operator finds in the log.
describe('account security in Chromium', () => {
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

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${h.url}/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('two-factor, sessions and password reset work end to end', async () => {
    const page = await newPage(390);
    await page.goto(`${h.url}/signup`);
    await page.getByLabel('Name').fill('Sam Secure');
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText(/at least 10 characters; a few random words/i).waitFor();
    await page.getByLabel('Password').fill('sam has a long password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByLabel('Workspace name').waitFor();

    // Turn on two-factor from the profile, reading the key the page shows like an authenticator app would.
    await page.goto(`${h.url}/profile`);
    await page.getByLabel('Password', { exact: true }).fill('sam has a long password');
    await page.getByRole('button', { name: 'Set up two-factor' }).click();
    await page.getByAltText(/QR code/).waitFor();
    const secret = (await page.locator('code.secret').innerText()).trim();
    await snap(page, 'profile-two-factor-setup');
    await page.getByLabel('Authentication code').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on two-factor' }).click();
    await page.getByText(/On: every sign-in asks for a code/).waitFor();

    // A second device must pass the code step.
    const laptop = await newPage();
    await signIn(laptop, 'sam@example.com', 'sam has a long password');
    await laptop.getByLabel('Authentication code').fill(await generate({ secret }));
    await laptop.getByRole('button', { name: 'Verify' }).click();
    await laptop.waitForURL(/new-workspace/);

    // The phone lists both sessions and signs the laptop out.
    await page.reload();
    await expect.poll(() => page.getByText('This device').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Revoke' }).count()).toBe(1);
    await snap(page, 'profile-sessions');
    await page.getByRole('button', { name: 'Sign out other devices' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    await laptop.goto(`${h.url}/profile`);
    await laptop.waitForURL(/\/login\?next=%2Fprofile/);

    // Forgotten password: the page warns that mail goes to the log; the link from the log works.
    await laptop.goto(`${h.url}/forgot-password`);
    await laptop.getByText(/written to the server log/).waitFor();
    await laptop.getByLabel('Email').fill('sam@example.com');
    await laptop.getByRole('button', { name: 'Send reset link' }).click();
    await laptop.getByText(/reset link is on its way/).waitFor();
    const line = h.logs.find((l) => l.includes('sam@example.com') && l.includes('/api/auth/reset-password/'))!;
    const link = /(http:\/\/[^\s"\\]+\/api\/auth\/reset-password\/[^\s"\\]+)/.exec(line)![1]!;
    await laptop.goto(link);
    await laptop.waitForURL(/\/reset-password\?token=/);
    await laptop.getByLabel('New password').fill('sam chose a new password');
    await laptop.getByRole('button', { name: 'Change password' }).click();
    await laptop.getByText(/Your password was changed/).waitFor();

    // The old password is refused with a clear message; the new one (plus the code) works.
    await signIn(laptop, 'sam@example.com', 'sam has a long password');
    await laptop.getByText(/Invalid email or password/).waitFor();
    await signIn(laptop, 'sam@example.com', 'sam chose a new password');
    await laptop.getByLabel('Authentication code').fill(await generate({ secret }));
    await laptop.getByRole('button', { name: 'Verify' }).click();
    await laptop.waitForURL(/new-workspace/);
    await snap(laptop, 'onboarding');
  });
});
