import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import type { TestHerald } from '../helpers/test-herald.ts';
import { snap, startJourney } from './browser.ts';

// Correcting one's own data on the Profile page: a new e-mail address, confirmed through the link
// sent to it (read from the log, as an operator without SMTP would), and a picture.
describe('rectification on the Profile page in Chromium', () => {
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

  async function signedUpPage(name: string, email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${h.url}/signup`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long enough password for this');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByLabel('Workspace name').waitFor();
    return page;
  }

  it('changes the e-mail address once the link sent to the new one is opened', async () => {
    const page = await signedUpPage('Erin Email', 'erin@example.com');
    await page.goto(`${h.url}/profile`);
    await expect.poll(() => page.getByLabel('Current e-mail').inputValue()).toBe('erin@example.com');
    await page.getByLabel('New e-mail').fill('Erin.Moved@Example.com');
    await page.getByRole('button', { name: 'Send confirmation link' }).click();
    await page.getByText(/If the address is free, we sent a link to/).waitFor();
    await page.getByText(/changes only once that link is opened/).waitFor();
    await snap(page, 'profile-email-link-sent');

    // Nothing changed yet.
    await page.reload();
    await expect.poll(() => page.getByLabel('Current e-mail').inputValue()).toBe('erin@example.com');

    const line = h.logs.find((l) => l.includes('"mailTo":"erin.moved@example.com"'))!;
    expect(line).toBeTruthy();
    const link = /(http:\/\/[^\s"\\]+\/api\/auth\/verify-email\?[^\s"\\]+)/.exec(line)![1]!;
    await page.goto(link);
    await page.waitForURL(/\/profile\?email=changed/);
    await page.getByText('E-mail address changed').waitFor();
    await page.getByText(/You now sign in with erin\.moved@example\.com/).waitFor();
    await expect.poll(() => page.getByLabel('Current e-mail').inputValue()).toBe('erin.moved@example.com');
    await expect.poll(() => page.locator('.sidebar-user-email').innerText()).toBe('erin.moved@example.com');
    await snap(page, 'profile-email-changed');

    // The same link again: refused, and said so on the page.
    await page.goto(link);
    await page.waitForURL(/error=/);
    await page.getByText('The address was not changed').waitFor();
  });

  it('uploads a picture, shows it, and removes it', async () => {
    const page = await signedUpPage('Paul Picture', 'paul@example.com');
    await page.goto(`${h.url}/profile`);
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2277bb' } }).png().toBuffer();
    await page.getByLabel('Upload picture').setInputFiles({ name: 'paul.png', mimeType: 'image/png', buffer: png });
    const picture = page.getByTestId('profile-avatar');
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    // The sidebar shows it too.
    await expect.poll(() => page.locator('.sidebar-user img.avatar-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
    await snap(page, 'profile-avatar');

    // Not a picture: refused with the reason.
    await page.getByLabel('Upload picture').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
    await page.getByText(/a picture must be PNG, JPEG, WebP or GIF/).waitFor();

    await page.getByRole('button', { name: 'Remove' }).click();
    await picture.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.sidebar-user img').count()).toBe(0);
  });
});
