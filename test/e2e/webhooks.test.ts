import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import type { TestHerald } from '../helpers/test-herald.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';
import { signUpWithWorkspace, snap, startJourney } from './browser.ts';

// An admin adds a webhook endpoint on the API and webhooks page, copies its secret, sends a test
// event the receiver verifies, and reads it in the delivery log; the page works on a phone.
describe('webhooks in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let journey: Awaited<ReturnType<typeof startJourney>>;
  let receiver: WebhookReceiver;
  let page: Page;
  let workspaceId: string;
  let secret: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    journey = await startJourney({ env: { HERALD_WEBHOOKS_ALLOW_PRIVATE: 'true' } });
    ({ h, browser } = journey);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Wendy Hooks', email: 'wendy@example.com', password: 'wendy has a long password', workspace: 'Hook Studio' });
  });
  afterAll(async () => {
    await journey?.close();
    await receiver?.close();
  });

  it('adds an endpoint and shows its signing secret once', async () => {
    await page.goto(`${h.url}/w/${workspaceId}/developers`);
    await page.getByRole('heading', { name: 'Webhooks', exact: true }).waitFor();
    await page.getByTestId('webhook-add').click();
    const dialog = page.getByTestId('webhook-dialog');
    await dialog.getByLabel('URL').fill('ftp://nowhere.example/hook');
    await dialog.getByTestId('webhook-save').click();
    await dialog.getByText(/must start with https/).waitFor();
    await dialog.getByLabel('URL').fill(`${receiver.base}/e2e`);
    await dialog.getByLabel('Description (optional)').fill('Automation server');
    await dialog.getByTestId('webhook-event-post.scheduled').check();
    await snap(page, 'webhooks-add-1440');
    await dialog.getByTestId('webhook-save').click();
    secret = await page.getByTestId('webhook-secret-value').inputValue();
    expect(secret).toMatch(/^whsec_/);
    const row = page.getByTestId('webhook-row');
    await expect.poll(() => row.textContent()).toContain(`${receiver.base}/e2e`);
    expect(await row.textContent()).toContain('3 events');
    await snap(page, 'webhooks-secret-1440');
    await page.getByRole('button', { name: 'I stored it' }).click();
    await page.getByTestId('webhook-secret').waitFor({ state: 'detached' });
    // Gone for good: the page and the API never show it again.
    await page.reload();
    await page.getByTestId('webhook-row').waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('sends a test event the receiver verifies, and shows it in the delivery log with Redeliver', async () => {
    await page.getByTestId('webhook-test').click();
    await page.getByText(/Test event delivered \(HTTP 200\)/).waitFor();
    const [request] = await receiver.waitFor('/e2e', 1);
    const payload = new Webhook(secret).verify(request!.body, request!.headers) as { type: string };
    expect(payload.type).toBe('webhook.test');

    await page.getByTestId('webhook-log').click();
    const log = page.getByTestId('webhook-log-dialog');
    const entry = log.getByTestId('webhook-delivery-row').first();
    await expect.poll(() => entry.textContent()).toMatch(/webhook\.test.*Delivered.*1 attempt.*HTTP 200/);
    await snap(page, 'webhooks-log-1440');
    await entry.getByRole('button').click();
    const detail = log.getByTestId('webhook-delivery-detail');
    await detail.getByTestId('webhook-attempt').first().waitFor();
    expect(await detail.getByTestId('webhook-attempt-answer').first().textContent()).toBe('thanks');
    await detail.getByTestId('webhook-redeliver').click();
    await expect.poll(() => detail.getByTestId('webhook-attempt').count()).toBe(2);
    expect(await detail.getByTestId('webhook-attempt').first().textContent()).toContain('Redelivery');
    const [, again] = await receiver.waitFor('/e2e', 2);
    expect(again!.headers['webhook-id']).toBe(request!.headers['webhook-id']);
    new Webhook(secret).verify(again!.body, again!.headers);
    await detail.getByText('Request').first().click();
    await snap(page, 'webhooks-detail-1440');
    await log.getByRole('button', { name: 'Close' }).click();
  });

  it('fits a 390 px wide phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('webhook-row').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await snap(page, 'webhooks-390');
    await page.getByTestId('webhook-log').click();
    await page.getByTestId('webhook-delivery-row').first().getByRole('button').click();
    await page.getByTestId('webhook-attempt').first().waitFor();
    await page.getByText('Request').first().click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await snap(page, 'webhooks-detail-390');
  });
});
