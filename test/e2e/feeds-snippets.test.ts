import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { entries, rss, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';

const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

// Issue 21: a blog's feed added on the Feeds page becomes drafts with "Check now"; a hashtag
// group and a signature saved from the composer are inserted into the text, counters following.
describe('Feeds and snippets in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let server: FeedServer;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    server = await startFeedServer();
    journey = await startJourney({ env: { ...fastEngineEnv, HERALD_FEEDS_ALLOW_LOOPBACK: 'true' } });
    ({ h, browser } = journey);
  }, 180_000);
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
    await server?.close();
  });

  it('adds a feed, checks it, finds the drafts, and inserts snippets in the composer', async () => {
    server.serve('/blog.xml', 'application/rss+xml', () => rss(entries('bakery', 4)));
    server.serve('/page.html', 'text/html', () => '<html><body>Not a feed</body></html>');
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Rosa Feeds', email: 'rosa@example.com', password: 'rosa has a long password', workspace: 'Rosa Bakery' });
    await connectMastodonInBrowser(page, mastodon.domain);

    await page.getByRole('link', { name: 'Feeds' }).click();
    await page.getByText('No feeds yet').waitFor();
    await page.getByTestId('feed-add').click();
    const dialog = page.getByTestId('feed-dialog');
    await dialog.getByLabel('Name').fill('Bakery blog');
    await dialog.getByLabel('Feed address').fill(server.url('/blog.xml'));
    // The only channel is ticked already; an interval under 15 minutes is refused with the reason.
    await dialog.getByLabel('Check every (minutes)').fill('5');
    await dialog.getByLabel('Post text').fill('{title} {link} #bakery');
    await dialog.getByRole('button', { name: 'Add feed' }).click();
    await dialog.getByText('must be at least 15 minutes').waitFor();
    await dialog.getByLabel('Check every (minutes)').fill('30');
    await dialog.getByRole('button', { name: 'Add feed' }).click();
    await page.getByTestId('feed-row').getByText('Not checked yet').waitFor();

    // A second feed pointing at a web page: its check fails and says why.
    await page.getByTestId('feed-add').click();
    await dialog.getByLabel('Name').fill('Home page by mistake');
    await dialog.getByLabel('Feed address').fill(server.url('/page.html'));
    await dialog.getByRole('button', { name: 'Add feed' }).click();
    const broken = page.getByTestId('feed-row').filter({ hasText: 'Home page by mistake' });
    await broken.getByRole('button', { name: 'Check now' }).click();
    await broken.getByTestId('feed-error').getByText('answered with text/html, not a feed').waitFor();

    const blog = page.getByTestId('feed-row').filter({ hasText: 'Bakery blog' });
    await blog.getByRole('button', { name: 'Check now' }).click();
    await page.getByTestId('toast').getByText('Checked: 3 new drafts.').waitFor();
    await blog.getByText(/Checked .* last new item/).waitFor();
    await snap(page, 'feeds-1440');
    await blog.getByRole('button', { name: 'Items' }).click();
    const items = page.getByTestId('feed-items-dialog');
    await items.getByText('Already there').waitFor();
    expect(await items.getByText('Draft', { exact: true }).count()).toBe(3);
    await items.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('link', { name: 'Drafts' }).click();
    await page.getByTestId('draft-row').filter({ hasText: 'bakery post 4 http://blog.example/bakery/4 #bakery' }).waitFor();
    expect(await page.getByTestId('draft-row').count()).toBe(3);

    // Snippets: saved from the composer's menu, inserted at the cursor (hashtags) and at the end (signature).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New post' }).click();
    await page.getByRole('checkbox', { name: /Mastodon/ }).check();
    const text = page.getByLabel('Shared text', { exact: true });
    await text.fill('Fresh bread today');
    const counter = page.getByTestId('counter-mastodon');
    const before = Number((await counter.locator('strong').innerText()).replace(/\D/g, ''));
    await page.getByRole('button', { name: 'Snippets for the shared text' }).click();
    await page.getByRole('menuitem', { name: 'Manage snippets…' }).click();
    const manage = page.getByTestId('snippets-dialog');
    await manage.getByLabel('Name').fill('Bakery tags');
    await manage.getByLabel('Text').fill('#bread #bakery');
    await manage.getByRole('button', { name: 'Save snippet' }).click();
    await manage.getByRole('list', { name: 'Saved snippets' }).getByText('Bakery tags').waitFor();
    await manage.getByLabel('Name').fill('Sign-off');
    await manage.getByLabel('Kind').selectOption('signature');
    await manage.getByLabel('Text').fill('— Rosa');
    await manage.getByRole('button', { name: 'Save snippet' }).click();
    await manage.getByRole('list', { name: 'Saved snippets' }).getByText('Sign-off').waitFor();
    await page.keyboard.press('Escape');

    // The cursor after "Fresh": the hashtags go there, chosen with the keyboard.
    await text.focus();
    await text.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
    const button = page.getByRole('button', { name: 'Snippets for the shared text' });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Snippets' });
    await menu.waitFor();
    await snap(page, 'snippets-menu-1440');
    // Items by kind then name: Bakery tags (hashtags) first, Sign-off (signature) next.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Bakery tags');
    await page.keyboard.press('Enter');
    expect(await text.inputValue()).toBe('Fresh #bread #bakery bread today');
    await button.click();
    await page.getByRole('menuitem', { name: /Sign-off/ }).click();
    expect(await text.inputValue()).toBe('Fresh #bread #bakery bread today\n\n— Rosa');
    // Counted like typed text.
    const after = Number((await counter.locator('strong').innerText()).replace(/\D/g, ''));
    expect(before - after).toBe('Fresh #bread #bakery bread today\n\n— Rosa'.length - 'Fresh bread today'.length);

    // The Snippets page: rename and rewrite one, with the server's reasons next to the inputs, delete another.
    await page.goto(`${h.url}/w/${workspaceId}/snippets`);
    await page.getByRole('list', { name: 'Hashtag groups' }).getByText('Bakery tags').waitFor();
    expect(await page.getByTestId('snippet-row').count()).toBe(2);
    await page.getByRole('button', { name: 'Edit Bakery tags' }).click();
    const edit = page.getByTestId('snippet-dialog');
    await edit.getByLabel('Name').fill('Bread tags');
    await edit.getByLabel('Text').fill('   ');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('must not be empty').waitFor();
    await edit.getByLabel('Text').fill('#bread #sourdough');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('toast').getByText('Snippet saved.').waitFor();
    const renamed = page.getByTestId('snippet-row').filter({ hasText: 'Bread tags' });
    await renamed.getByText('#bread #sourdough').waitFor();
    expect(await page.getByTestId('snippet-row').filter({ hasText: 'Bakery tags' }).count()).toBe(0);
    // A new one without a name is refused, and says so next to the name.
    await page.getByTestId('snippet-add').click();
    const add = page.getByTestId('snippet-dialog');
    await add.getByLabel('Kind').selectOption('other');
    await add.getByLabel('Text').fill('Order by Friday for Saturday pick-up.');
    await add.getByRole('button', { name: 'Add snippet' }).click();
    await add.getByText('must not be empty').waitFor();
    await add.getByLabel('Name').fill('Ordering note');
    await add.getByRole('button', { name: 'Add snippet' }).click();
    await page.getByRole('list', { name: 'Other texts' }).getByText('Ordering note').waitFor();
    await snap(page, 'snippets-1440');
    await page.getByRole('button', { name: 'Delete Sign-off' }).click();
    await page.getByTestId('snippet-delete-dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('toast').getByText('Snippet deleted.').waitFor();
    await waitFor(async () => (await page.getByTestId('snippet-row').filter({ hasText: 'Sign-off' }).count()) === 0, { what: 'the deleted snippet to go' });
    expect(await page.getByRole('heading', { name: /Signatures/ }).count()).toBe(0);

    // A phone: the Feeds page and the composer menu fit in 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/w/${workspaceId}/feeds`);
    await page.getByTestId('feed-row').first().waitFor();
    await noSideScroll(page);
    await snap(page, 'feeds-390');
    await page.getByTestId('feed-add').click();
    await page.getByTestId('feed-dialog').getByLabel('Name').waitFor();
    await noSideScroll(page);
    await snap(page, 'feeds-form-390');
    await page.keyboard.press('Escape');
    await page.goto(`${h.url}/w/${workspaceId}/snippets`);
    await page.getByTestId('snippet-row').first().waitFor();
    await noSideScroll(page);
    await snap(page, 'snippets-390');
    await page.getByRole('button', { name: 'Edit Bread tags' }).click();
    await page.getByTestId('snippet-dialog').getByLabel('Name').waitFor();
    await noSideScroll(page);
    await snap(page, 'snippets-form-390');
    await page.keyboard.press('Escape');
    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('checkbox', { name: /Mastodon/ }).check();
    await page.getByRole('button', { name: 'Snippets for the shared text' }).click();
    await page.getByRole('menu', { name: 'Snippets' }).waitFor();
    await noSideScroll(page);
    await snap(page, 'snippets-menu-390');
    await context.close();
  });
});
