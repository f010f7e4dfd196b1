import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemoNetworks } from '../../scripts/demo-networks.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { freePort, type TestHerald } from '../helpers/test-herald.ts';
import { snap, startJourney } from './browser.ts';

// What the network journeys do through the composer and the post page, as a person would: pick
// channels, write, attach, set the network's options, "Post now", then read links and counters.

export type JourneyDelivery = { id: string; network: string; state: string; externalId: string | null; externalUrl: string | null; lastError?: string | null };
export type JourneyPost = { id: string; deliveries: JourneyDelivery[] };
export type JourneyFile = { name: string; mimeType: string; buffer: Buffer };

/**
 * The demo's networks and a Herald wired to them in Chromium, as `npm run demo` does: Herald on a
 * known port, so its signed media links (HERALD_MEDIA_PUBLIC_URL) point at it. `close` ends both.
 */
export async function startDemoJourney() {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const demo = await startDemoNetworks({ bluesky: false, mediaPublicUrl: origin });
  const journey = await startJourney({ env: { ...fastEngineEnv, ...demo.env, PORT: String(port), HERALD_PUBLIC_URL: origin } });
  const page = await (await journey.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' })).newPage();
  page.setDefaultTimeout(20_000);
  return {
    demo,
    h: journey.h,
    page,
    async close() {
      await journey.close();
      await demo.close();
    },
  };
}

export function postJourney(page: Page, h: () => TestHerald, workspaceId: () => string) {
  const api = (path: string) => `${h().url}/api/v1/workspaces/${workspaceId()}${path}`;
  const getPost = async (id: string): Promise<JourneyPost> => (await (await page.request.get(api(`/posts/${id}`))).json()) as JourneyPost;
  const settled = (p: JourneyPost) => p.deliveries.every((d) => ['published', 'failed', 'unconfirmed'].includes(d.state));

  /** Both widths a person uses, at one moment. */
  async function shots(name: string, height = 1000) {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.setViewportSize({ width: 1440, height });
    await snap(page, `${name}-1440`);
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, `${name}-390`);
    await page.setViewportSize({ width: 1440, height: 1000 });
  }

  /** Picks the channels, writes the post, takes "Post now" and answers the post the engine finished (every delivery published). */
  async function compose(input: { channels: RegExp[]; text: string; files?: JourneyFile[]; threadParts?: string[]; configure?: () => Promise<void>; shots?: string; publicMedia?: boolean }) {
    await page.goto(`${h().url}/w/${workspaceId()}/compose`);
    await page.getByRole('heading', { name: 'Create a post' }).waitFor();
    for (const channel of input.channels) await page.getByRole('checkbox', { name: channel }).check();
    await page.getByLabel('Shared text', { exact: true }).fill(input.text);
    if (input.files?.length) {
      await page.getByLabel('Add media to the shared text').setInputFiles(input.files);
      for (const file of input.files) await page.getByText(file.name).first().waitFor();
    }
    for (const [i, part] of (input.threadParts ?? []).entries()) {
      await page.getByRole('button', { name: '+ Add to thread' }).click();
      await page.getByLabel(`Thread part ${i + 2}`, { exact: true }).fill(part);
    }
    await input.configure?.();
    await page.getByRole('radio', { name: /Post now/ }).check();
    await page.waitForFunction(() => !document.querySelector('[data-testid="blockers"]'));
    // This Herald has a public media address: no network warns that it cannot download media.
    if (input.publicMedia !== false) expect(await page.locator('[data-testid^="no-public-media-"]').count()).toBe(0);
    if (input.shots) await shots(input.shots, 2000);
    await page.getByRole('button', { name: 'Post now', exact: true }).click();
    await page.waitForURL(/\/posts\/[^/]+$/);
    const postId = /\/posts\/([^/]+)$/.exec(page.url())![1]!;
    const post = await waitFor(
      async () => {
        const p = await getPost(postId);
        return settled(p) ? p : null;
      },
      { timeoutMs: 60_000, what: 'the post to be published' },
    );
    for (const d of post.deliveries) expect(d, JSON.stringify(d)).toMatchObject({ state: 'published', externalUrl: expect.stringMatching(/^https:\/\//) });
    return post;
  }

  /** One channel's part of the post page: its link and the counters the collector read. */
  async function deliveryShows(post: JourneyPost, network: string, name: string, label: string, numbers: string[]) {
    const delivery = page.getByTestId('delivery').filter({ hasText: name });
    const link = delivery.getByRole('link', { name: `View on ${label}` });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(post.deliveries.find((d) => d.network === network)!.externalUrl);
    const counters = (await delivery.getByTestId('delivery-counters').textContent()) ?? '';
    for (const n of numbers) expect(counters).toContain(n);
  }

  return { compose, deliveryShows, shots, getPost };
}
