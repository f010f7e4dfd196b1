import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, postGroups } from '../../src/server/db/schema/index.ts';
import { recycleDue } from '../../src/server/modules/evergreen/evergreen.service.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';

const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

// Issue 21: a published post made evergreen on its page; a bad interval is refused next to its
// input; once due, the copy with the first variation is listed in the panel.
describe('Evergreen posts in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    journey = await startJourney({ env: fastEngineEnv });
    ({ h, browser } = journey);
  }, 180_000);
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  it('turns recycling on from the post page, shows field errors, and lists the copies made', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Eve Green', email: 'eve@example.com', password: 'eve has a long password', workspace: 'Eve Garden' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);
    const created = await page.request.fetch(`${h.url}/api/v1/workspaces/${workspaceId}/posts`, {
      method: 'POST',
      data: { content: { text: 'How to keep basil alive all winter' }, channels: [{ channelId }], schedule: { mode: 'now' } },
      headers: { origin: h.url },
    });
    expect(created.status()).toBe(201);
    const postId = ((await created.json()) as { id: string }).id;

    await page.goto(`${h.url}/w/${workspaceId}/posts/${postId}`);
    await page.getByTestId('delivery').getByText('Published', { exact: true }).waitFor();
    const panel = page.getByTestId('evergreen-panel');
    await panel.getByLabel('Every (days)').fill('0');
    await panel.getByRole('button', { name: 'Turn on recycling' }).click();
    await panel.getByText('must be at least 1 day').waitFor();
    await panel.getByLabel('Every (days)').fill('14');
    await panel.getByLabel('Up to (times)').fill('4');
    await panel.getByRole('button', { name: 'Add a variation' }).click();
    await panel.getByRole('button', { name: 'Add a variation' }).click();
    await panel.getByRole('textbox', { name: 'Variation 1' }).fill('Basil in winter: three things that work');
    await panel.getByRole('button', { name: 'Turn on recycling' }).click();
    // The empty second variation is refused next to it.
    await panel.getByText('must not be empty').waitFor();
    await snap(page, 'evergreen-errors-1440');
    await panel.getByRole('textbox', { name: 'Variation 2' }).fill('Still have basil? Here is how');
    await panel.getByRole('button', { name: 'Turn on recycling' }).click();
    await panel.getByTestId('evergreen-summary').getByText('On: every 14 days, 0 of 4 copies made').waitFor();

    // Fourteen days on: the sweep makes the first copy, with the first variation.
    const db = h.herald.database.db;
    await db.update(deliveries).set({ publishedAt: new Date(Date.now() - 15 * 86_400_000) }).where(eq(deliveries.postGroupId, postId));
    const totals = await recycleDue(db, { posts: { boss: h.herald.boss, instance: { mediaByUrl: false } } });
    expect(totals.recycled).toBe(1);
    const [copy] = await db.select().from(postGroups).where(eq(postGroups.recycledFrom, postId));
    expect(copy!.content.parts[0]!.text).toBe('Basil in winter: three things that work');
    await page.reload();
    await panel.getByTestId('evergreen-summary').getByText('On: every 14 days, 1 of 4 copies made').waitFor();
    await panel.getByRole('list', { name: 'Copies made' }).getByRole('link', { name: 'Copy 1' }).waitFor();
    await snap(page, 'evergreen-1440');

    await page.setViewportSize({ width: 390, height: 844 });
    await panel.waitFor();
    await noSideScroll(page);
    await snap(page, 'evergreen-390');

    await panel.getByRole('button', { name: 'Turn off' }).click();
    await panel.getByTestId('evergreen-summary').getByText(/^Off: every 14 days/).waitFor();
    await panel.getByRole('list', { name: 'Copies made' }).getByRole('link', { name: 'Copy 1' }).click();
    await waitFor(async () => page.url().includes(copy!.id), { what: 'the copy page' });
    await page.getByTestId('evergreen-panel').getByText('This post is a recycled copy of an evergreen post.').waitFor();
    await page.getByTestId('evergreen-panel').getByRole('link', { name: 'Open the original' }).click();
    await page.getByTestId('evergreen-summary').waitFor();
    await context.close();
  });
});
