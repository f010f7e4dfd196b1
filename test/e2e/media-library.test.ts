import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

// Issue 21: a workspace turns its media library on, uploads a wide photo, crops it to 1:1 in the
// image editor (the server makes the new file), and picks the square in the composer.
describe('Media library in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;
  let photo: string;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser } = journey);
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'herald-library-')), 'harbour.png');
    // Wide, with a band of colour in the middle so the crop shows what it kept.
    await sharp({ create: { width: 800, height: 500, channels: 3, background: '#2b6cb0' } })
      .composite([{ input: await sharp({ create: { width: 300, height: 500, channels: 3, background: '#f6ad55' } }).png().toBuffer(), left: 250, top: 0 }])
      .png()
      .toFile(photo);
  }, 180_000);
  afterAll(async () => {
    await journey?.close();
    if (photo) fs.rmSync(path.dirname(photo), { recursive: true, force: true });
  });

  it('turns the library on, uploads, crops to a square and picks it in the composer', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Lena Library', email: 'lena@example.com', password: 'lena has a long password', workspace: 'Harbour Cafe' });
    await connectMastodonInBrowser(page, journey.mastodon.domain);

    // The opt-in, on the settings page (off by default).
    await page.getByRole('link', { name: 'Settings' }).click();
    const toggle = page.getByTestId('media-library-toggle');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.getByTestId('toast').getByText('Uploaded media is now kept in the library.').waitFor();
    await page.getByTestId('media-library-settings').screenshot({ path: 'test/e2e/screenshots/media-library-setting-1440.png' });

    await page.getByRole('link', { name: 'Media library', exact: true }).click();
    await page.getByText('No files yet').waitFor();
    await page.getByTestId('library-upload').locator('input[type=file]').setInputFiles(photo);
    const original = page.getByTestId('library-item').filter({ hasText: 'harbour.png' });
    await original.waitFor();
    await original.getByText('800×500').waitFor();

    // Name it, then open the editor and crop to 1:1.
    await original.getByRole('button', { name: 'Open harbour.png' }).click();
    const details = page.getByTestId('media-details');
    await details.getByLabel('Name').fill('Harbour at noon');
    await details.getByLabel('Alt text').fill('Boats in the harbour');
    await details.getByLabel('Tags').fill('harbour, summer');
    await details.getByTestId('media-details-save').click();
    await page.getByTestId('toast').getByText('Saved.').waitFor();
    await details.getByTestId('media-edit-image').click();
    const editor = page.getByTestId('image-editor');
    await editor.getByTestId('image-editor-stage').locator('img').waitFor();
    await editor.getByTestId('aspect-1:1').click();
    await editor.getByTestId('image-editor-result').getByText('The new image: 500 × 500 px.').waitFor();
    await snap(page, 'media-library-editor-1440');
    await editor.getByTestId('image-editor-save').click();
    // The editor closes on success and stays open with the reason on a refusal.
    await page.waitForFunction(() => !document.querySelector('[data-testid="image-editor"][open]') || document.querySelector('[data-testid="image-editor"] [role="alert"]'));
    if (await editor.isVisible()) throw new Error(`The editor refused: ${await editor.textContent()}`);
    await page.getByTestId('media-details').getByTestId('media-details-facts').getByText('500 × 500 px').waitFor();
    await page.getByTestId('media-details').getByRole('button', { name: 'Close' }).click();

    // The new item is square, on the server too, and keeps the original's details.
    const square = page.getByTestId('library-item').filter({ hasText: 'Harbour at noon (edited)' });
    await square.getByText('500×500').waitFor();
    const listed = await page.evaluate(async (ws) => (await fetch(`/api/v1/workspaces/${ws}/media?q=edited`)).json(), workspaceId);
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ width: 500, height: 500, altText: 'Boats in the harbour', tags: ['harbour', 'summer'] });
    const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], listed.items[0].url as string);
    const meta = await sharp(Buffer.from(bytes)).metadata();
    expect([meta.width, meta.height]).toEqual([500, 500]);

    // Search and tag filter.
    await page.getByTestId('library-search').fill('boats');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="library-item"]').length === 2);
    await page.getByTestId('library-search').fill('');
    await page.getByTestId('library-tag').selectOption('summer');
    await page.getByTestId('library-item').first().waitFor();
    await page.getByTestId('library-tag').selectOption('');
    await snap(page, 'media-library-1440');

    // In the composer: pick the square from the library.
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByTestId('pick-from-library').first().click();
    const picker = page.getByTestId('library-picker');
    await picker.getByRole('button', { name: 'Add Harbour at noon (edited)' }).click();
    const added = page.getByTestId('media-item').filter({ hasText: 'harbour-edited.png' });
    await added.getByText('500×500').waitFor();
    expect(await added.getByRole('textbox', { name: /Alt text/ }).inputValue()).toBe('Boats in the harbour');

    // A phone: the library without sideways scrolling, the editor stacked.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', storageState: await context.storageState() });
    const small = await phone.newPage();
    small.setDefaultTimeout(20_000);
    await small.goto(`${h.url}/w/${workspaceId}/media`);
    await small.getByTestId('library-item').first().waitFor();
    await noSideScroll(small);
    await snap(small, 'media-library-390');
    await small.getByRole('button', { name: 'Open Harbour at noon', exact: true }).click();
    await small.getByTestId('media-edit-image').click();
    await small.getByTestId('aspect-9:16').click();
    await small.getByTestId('image-editor-result').getByText(/The new image: \d+ × \d+ px/).waitFor();
    await noSideScroll(small);
    await snap(small, 'media-library-editor-390');
    await phone.close();
    await context.close();
    // A long journey (two viewports, a web build's worth of pages) on a shared machine.
  }, 300_000);
});
