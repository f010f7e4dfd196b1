import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { NOTIFICATION_MAIL_JOB } from '../../src/server/modules/notifications/alert-jobs.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv, runJobNow, waitFor } from '../helpers/publishing.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { connectMastodonInBrowser, signUpWithWorkspace, snap, startJourney } from './browser.ts';

// Issue 17, alerts: a person chooses which e-mails they get on Profile (the choice survives a
// reload), sets when scheduled posts are checked in Settings, and a failed post shows under
// Notifications with a link to the post, in the app even though its e-mail was turned off.
describe('Alerts and e-mail preferences in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let smtp: SmtpCatcher;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    mastodon = await startMastodonFake();
    journey = await startJourney({ env: { ...fastEngineEnv, SMTP_URL: smtp.url } });
    ({ h, browser } = journey);
  }, 180_000);
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
    await smtp?.close();
  });

  it('unticks failure e-mails, sets the pre-flight lead time, and follows a failure notification to its post', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const email = 'ines@example.com';
    const workspaceId = await signUpWithWorkspace(page, h.url, { name: 'Ines Alert', email, password: 'ines has a long password', workspace: 'Ines Studio' });
    const channelId = await connectMastodonInBrowser(page, mastodon.domain);

    await page.goto(`${h.url}/profile#email-notifications`);
    const prefs = page.getByTestId('email-preferences');
    const failures = prefs.getByRole('checkbox', { name: 'Failed posts' });
    await failures.waitFor();
    expect(await failures.isChecked()).toBe(true);
    expect(await prefs.getByText('A post failed or a network did not confirm it').count()).toBe(1);
    await failures.uncheck();
    await page.getByTestId('toast').getByText('Failed posts: no more e-mails (still shown in the app).').waitFor();
    await page.reload();
    await failures.waitFor();
    expect(await failures.isChecked()).toBe(false);
    expect(await prefs.getByRole('checkbox', { name: 'Before a post goes out' }).isChecked()).toBe(true);
    await prefs.scrollIntoViewIfNeeded();
    await prefs.screenshot({ path: 'test/e2e/screenshots/email-preferences-1440.png' });
    await snap(page, 'profile-1440');

    await page.goto(`${h.url}/w/${workspaceId}/settings`);
    const preflight = page.getByTestId('preflight-settings');
    const lead = preflight.getByLabel('Check each scheduled post');
    expect(await lead.inputValue()).toBe('60');
    await lead.selectOption('30');
    await page.getByTestId('toast').getByText('Posts are checked 30 minutes before their time.').waitFor();
    await page.reload();
    expect(await preflight.getByLabel('Check each scheduled post').inputValue()).toBe('30');
    await preflight.scrollIntoViewIfNeeded();
    await preflight.screenshot({ path: 'test/e2e/screenshots/preflight-settings-1440.png' });

    // A post the network refuses: the failure shows under Notifications and leads to the post.
    mastodon.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Text contains a forbidden word' } });
    const created = await page.evaluate(
      async ({ url, channelId }) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: { text: 'A forbidden word' }, channels: [{ channelId }], schedule: { mode: 'at', publishAt: new Date(Date.now() + 300).toISOString(), timeZone: 'Europe/Berlin' } }),
        });
        return { status: res.status, body: (await res.json()) as { id: string } };
      },
      { url: `${h.url}/api/v1/workspaces/${workspaceId}/posts`, channelId },
    );
    expect(created.status).toBe(201);
    const postUrl = `${h.url}/api/v1/workspaces/${workspaceId}/posts/${created.body.id}`;
    await waitFor(async () => page.evaluate(async (url) => ((await (await fetch(url)).json()) as { deliveries: { state: string }[] }).deliveries[0]!.state === 'failed', postUrl), { what: 'the failure' });
    await runJobNow(h, NOTIFICATION_MAIL_JOB);
    expect(smtp.to(email)).toHaveLength(0);

    await page.goto(`${h.url}/notifications`);
    const item = page.getByTestId('notification').filter({ hasText: 'Post failed on Mastodon' });
    await item.waitFor();
    expect(await item.innerText()).toContain('forbidden word');
    await snap(page, 'notifications-failure-1440');
    await item.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(new RegExp(`/w/${workspaceId}/posts/${created.body.id}$`));
    await page.getByText('forbidden word').first().waitFor();

    // Phone width: no sideways scroll, sections readable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/profile#email-notifications`);
    await failures.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await prefs.scrollIntoViewIfNeeded();
    await prefs.screenshot({ path: 'test/e2e/screenshots/email-preferences-390.png' });
    await page.goto(`${h.url}/w/${workspaceId}/settings`);
    await preflight.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await preflight.scrollIntoViewIfNeeded();
    await preflight.screenshot({ path: 'test/e2e/screenshots/preflight-settings-390.png' });
    await page.goto(`${h.url}/notifications`);
    await item.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snap(page, 'notifications-failure-390');
    await context.close();
  });
});
