import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import { startDemoNetworks, type DemoNetworks } from '../../scripts/demo-networks.ts';
import { fastEngineEnv, runJobNow } from '../helpers/publishing.ts';
import { freePort, type TestHerald } from '../helpers/test-herald.ts';
import { signUpWithWorkspace, startJourney } from './browser.ts';
import { postJourney } from './post-journey.ts';

// Issue 15's journey in the demo's setup: a new person connects LinkedIn, YouTube and Pinterest
// through their consent pages, publishes a LinkedIn document, a YouTube Short and a Pinterest pin
// to a chosen board from the composer, and reads each link and counter on the post page.
describe('LinkedIn, YouTube and Pinterest in Chromium (the demo setup)', () => {
  let h: TestHerald;
  let demo: DemoNetworks;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let page: Page;
  let workspaceId: string;
  const steps = () => postJourney(page, () => h, () => workspaceId);

  beforeAll(async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    demo = await startDemoNetworks({ bluesky: false, mediaPublicUrl: origin });
    journey = await startJourney({ env: { ...fastEngineEnv, ...demo.env, PORT: String(port), HERALD_PUBLIC_URL: origin } });
    ({ h, browser } = journey);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' })).newPage();
    page.setDefaultTimeout(20_000);
  }, 180_000);
  afterAll(async () => {
    await journey?.close();
    await demo?.close();
  });

  it('connects Pinterest through its consent page, with the permissions shown on the Channels page', async () => {
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Lena Links', email: 'lena@example.com', password: 'lena has a long password', workspace: 'Lena Agency' });
    await page.getByRole('button', { name: 'Connect Pinterest' }).click();
    await page.waitForURL(new RegExp(`^${demo.fakes.pinterest.url}/`));
    await page.getByRole('button', { name: 'Give access' }).click();
    await page.waitForURL(/\/channels\?connected=/);
    const row = page.getByTestId('channel-row').filter({ hasText: 'Pinterest' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('pins:write');
  });

  it('publishes a pin to a chosen board and section, and shows its link and counters', async () => {
    const pinterest = demo.fakes.pinterest;
    const image = await sharp({ create: { width: 1000, height: 1500, channels: 3, background: '#3f7d58' } }).jpeg().toBuffer();
    const post = await steps().compose({
      channels: [/Pinterest/],
      text: 'A green salad for every season: twelve ideas',
      files: [{ name: 'salad.jpg', mimeType: 'image/jpeg', buffer: image }],
      configure: async () => {
        const panel = page.getByTestId('pinterest-panel');
        await panel.getByLabel('Board').selectOption({ label: 'Recipes' });
        await panel.getByLabel('Section').selectOption({ label: 'Salads' });
        await panel.getByLabel(/^Title/).fill('Twelve green salads');
        await panel.getByLabel('Destination link').fill('https://example.com/salads');
      },
      shots: 'pinterest-composer',
    });
    const recipes = pinterest.boards().find((b) => b.name === 'Recipes')!;
    const pin = pinterest.pins().find((p) => p.id === post.deliveries[0]!.externalId)!;
    expect(pin).toMatchObject({ kind: 'image', boardId: recipes.id, boardSectionId: recipes.sections.find((s) => s.name === 'Salads')!.id, title: 'Twelve green salads', link: 'https://example.com/salads' });
    expect(pin.images).toEqual([{ contentType: 'image/jpeg', bytes: image.length }]);

    pinterest.engage(pin.id, { IMPRESSION: 5400, SAVE: 230 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    await page.goto(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    await steps().deliveryShows(post, 'pinterest', 'Pinterest', 'Pinterest', ['5,400', '230']);
    await steps().shots('pinterest-post');
  });
});
