import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestHerald } from '../helpers/test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startMastodonJourney } from './browser.ts';

// The Ideas board in Chromium: a card written with text and a photo, dragged to another column
// (still there after a reload), moved from the keyboard, then turned into a post whose composer
// starts from the card; the saved draft is in Drafts and the card links to it.
describe('Ideas board in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
  }, 180_000);
  afterAll(async () => journey?.close());

  it('collects an idea, drags it along, and turns it into a draft post', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Ida Ideas', email: 'ida@example.com', password: 'ida has a long password', workspace: 'Ida Bakery' });
    await connectMastodonInBrowser(page, mastodon.domain);

    await page.getByRole('link', { name: 'Ideas', exact: true }).click();
    await page.getByRole('heading', { name: 'Ideas', level: 1 }).waitFor();
    const columns = page.getByTestId('ideas-column');
    await expect.poll(() => columns.count()).toBe(3);
    expect(await columns.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Ideas 0 cards', 'In progress 0 cards', 'Ready 0 cards']);
    await snap(page, 'ideas-empty-1440');

    // A card with text, notes and a photo, in the first column.
    const photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#d97706' } }).jpeg().toBuffer();
    await columns.nth(0).getByRole('button', { name: '+ Add a card' }).click();
    const editor = page.getByTestId('idea-editor');
    await editor.getByLabel('Title').fill('Spring menu teaser');
    await editor.getByLabel('Text', { exact: true }).fill('Our spring menu arrives on Friday: rhubarb tart, wild garlic bread and more.');
    await editor.getByLabel('Notes').fill('Ask Sam for the photo of the tart');
    await editor.getByLabel('Add media to this idea').setInputFiles({ name: 'tart.jpg', mimeType: 'image/jpeg', buffer: photo });
    await editor.getByLabel('Alt text for tart.jpg').fill('A rhubarb tart on a wooden table');
    await snap(page, 'ideas-editor-1440');
    await editor.getByRole('button', { name: 'Add idea' }).click();
    const card = page.getByTestId('idea-card').filter({ hasText: 'Spring menu teaser' });
    await card.waitFor();
    expect(await columns.nth(0).getByTestId('idea-card').count()).toBe(1);
    expect(await card.innerText()).toContain('1 file');
    // A second card, so the drop lands between cards.
    await columns.nth(1).getByRole('button', { name: '+ Add a card' }).click();
    await editor.getByLabel('Title').fill('Meet the bakers');
    await editor.getByRole('button', { name: 'Add idea' }).click();
    await columns.nth(1).getByTestId('idea-card').waitFor();

    // Dragged on top of "Meet the bakers" in In progress: it goes first there.
    await card.dragTo(columns.nth(1).getByTestId('idea-card').first(), { sourcePosition: { x: 60, y: 14 }, targetPosition: { x: 40, y: 4 } });
    await expect.poll(() => columns.nth(1).getByTestId('idea-card').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining('Spring menu teaser'), expect.stringContaining('Meet the bakers')]);
    await expect.poll(() => columns.nth(0).getByTestId('idea-card').count()).toBe(0);
    await page.reload();
    await expect.poll(() => columns.nth(1).getByTestId('idea-card').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining('Spring menu teaser'), expect.stringContaining('Meet the bakers')]);

    // The keyboard way: the Move menu takes "Meet the bakers" to Ready.
    await page.getByRole('button', { name: 'Move “Meet the bakers”' }).press('Enter');
    await page.getByRole('button', { name: 'To Ready' }).waitFor();
    await snap(page, 'ideas-move-menu-1440');
    await page.getByRole('button', { name: 'To Ready' }).press('Enter');
    await expect.poll(() => columns.nth(2).getByTestId('idea-card').count()).toBe(1);
    await snap(page, 'ideas-board-1440');

    // Turn into a post: the composer starts from the card's text and photo.
    await card.getByRole('link', { name: 'Turn into a post' }).click();
    await page.waitForURL(/\/compose\?idea=/);
    await page.getByText('Starting from the idea “Spring menu teaser”').waitFor();
    await expect.poll(() => page.getByLabel('Shared text', { exact: true }).inputValue()).toBe('Our spring menu arrives on Friday: rhubarb tart, wild garlic bread and more.');
    await expect.poll(() => page.getByTestId('media-item').count()).toBe(1);
    expect(await page.getByLabel('Alt text for tart.jpg').first().inputValue()).toBe('A rhubarb tart on a wooden table');
    await page.getByRole('checkbox', { name: /Mastodon/ }).check();
    await snap(page, 'ideas-composer-1440');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/posts\/[^/]+$/);
    const postId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByRole('link', { name: 'Drafts' }).click();
    const row = page.getByTestId('draft-row').filter({ hasText: 'Our spring menu arrives on Friday' });
    await row.waitFor();
    expect(await row.getAttribute('data-post-id')).toBe(postId);

    await page.getByRole('link', { name: 'Ideas', exact: true }).click();
    await card.getByText('Turned into a post').waitFor();
    expect(await card.getByTestId('idea-post-link').getAttribute('href')).toBe(`/w/${workspaceId}/posts/${postId}`);
    await snap(page, 'ideas-linked-1440');
    await card.getByTestId('idea-post-link').click();
    await page.waitForURL(new RegExp(`/posts/${postId}$`));

    // On a phone the columns scroll sideways inside the board; the page itself never does.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/w/${workspaceId}/ideas`);
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const board = page.getByTestId('ideas-board');
    expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await snap(page, 'ideas-board-390');
    await card.getByRole('button', { name: /^Spring menu teaser/ }).click();
    await editor.getByLabel('Title').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'ideas-editor-390');
    await context.close();
  });
});
