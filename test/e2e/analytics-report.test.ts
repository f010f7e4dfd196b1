import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv, runJobNow, waitFor } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';

// The client report in Chromium, from real data: a post published to the Mastodon fake, its
// counters read by the collector, then the printable report and its PDF.
describe('client report in Chromium', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let page: Page;
  let workspaceId: string;
  let channelId: string;
  // The workspace keeps the default zone (UTC): yesterday to today holds the post published now.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const range = { from: day(-1), to: day(0) };

  const api = (path: string) => `${h.url}/api/v1/workspaces/${workspaceId}${path}`;
  async function call(method: 'GET' | 'POST', path: string, data?: unknown) {
    const res = await page.request.fetch(api(path), { method, data, headers: { origin: h.url } });
    return { status: res.status(), body: (await res.json()) as any };
  }

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    journey = await startJourney({ env: fastEngineEnv });
    ({ h, browser } = journey);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
    page.setDefaultTimeout(20_000);
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Rita Port', email: 'rita@example.com', password: 'rita has a long password', workspace: 'Rita Bakery' });
    channelId = await connectMastodonInBrowser(page, mastodon.domain);

    const created = await call('POST', '/posts', { content: { text: 'Fresh sourdough every morning' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(created.status).toBe(201);
    const post = await waitFor(async () => {
      const res = await call('GET', `/posts/${created.body.id}`);
      return res.body.deliveries[0].state === 'published' ? res.body : null;
    });
    mastodon.engage(post.deliveries[0].externalId, { favourites: 4321, reblogs: 65 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
  });
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  it('shows the printable report with the workspace, its figures and top post', async () => {
    // From the dashboard's period to the report of the same period.
    await page.goto(`${h.url}/w/${workspaceId}/analytics?range=custom&from=${range.from}&to=${range.to}`);
    await page.getByTestId('analytics-report-link').click();
    await page.waitForURL(`**/analytics/report?from=${range.from}&to=${range.to}`);
    const report = page.getByRole('article', { name: 'Client report' });
    await report.getByRole('heading', { name: 'Rita Bakery' }).waitFor();
    await report.getByText('Fresh sourdough every morning').first().waitFor();
    const likes = report.getByRole('region', { name: 'Summary' }).locator('[data-metric="likes"]');
    expect(await likes.textContent()).toContain((4321).toLocaleString('en-GB'));
    // Mastodon counts no views or reach: said in words, not 0.
    expect(await report.getByRole('region', { name: 'Mastodon' }).locator('[data-metric="reach"]').textContent()).toContain('not reported by this network');
    await page.getByRole('button', { name: 'Print' }).waitFor();
    // Printed, the app around the report is gone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.report-toolbar').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await snap(page, 'analytics-report');
  });

  it('downloads the PDF with the same figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-report-${range.from}-to-${range.to}\\.pdf$`));
    const pdf = fs.readFileSync((await download.path())!);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Rita Bakery');
    expect(text).toContain((4321).toLocaleString('en-GB'));
    expect(text).toContain('Fresh sourdough every morning');
    expect(text).toContain('Mastodon');
  });

  it('lets the owner set the monthly e-mail on the same page', async () => {
    const settings = page.getByRole('region', { name: 'Report settings' });
    await settings.getByLabel('E-mail last month’s report (PDF) on the 1st of every month').check();
    await settings.getByLabel(/Recipients/).fill('client@example.com\nnot-an-address');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByRole('alert').waitFor();
    await settings.getByLabel(/Recipients/).fill('client@example.com');
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('toast').getByText('Report e-mail saved').waitFor();
    expect((await call('GET', '/analytics/report-schedule')).body).toMatchObject({ enabled: true, recipients: ['client@example.com'] });
  });
});
