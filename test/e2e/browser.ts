import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import pino from 'pino';
import { buildWebIfStale } from '../../src/server/web-build.ts';
import { startTestHerald } from '../helpers/test-herald.ts';
import { fastEngineEnv } from '../helpers/publishing.ts';
import { startMastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const screenshotDir = path.resolve('test/e2e/screenshots');

/** Saves a full-page screenshot as a CI artefact (not committed). */
export async function snap(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A built web app, a real Herald on a fresh database, and Chromium: what every journey starts from. */
export async function startJourney(options: Parameters<typeof startTestHerald>[0] = {}) {
  await buildWebIfStale(pino({ level: 'warn' }));
  const h = await startTestHerald(options);
  const browser = await launchBrowser();
  return {
    h,
    browser,
    async close() {
      await browser.close();
      await h.close();
    },
  };
}

/** A journey with the Mastodon fake to publish to, and Herald's engine on quick timings. */
export async function startMastodonJourney() {
  const mastodon = await startMastodonFake();
  const journey = await startJourney({ env: fastEngineEnv });
  return {
    ...journey,
    mastodon,
    async close() {
      await journey.close();
      await mastodon.close();
    },
  };
}

/** Signs a new person up through the pages and creates their first workspace; answers its id. */
export async function signUpWithWorkspace(page: Page, baseUrl: string, person: { name: string; email: string; password: string; workspace: string }): Promise<string> {
  await page.goto(`${baseUrl}/signup`);
  // The first page of a journey can wait on a cold Chromium and a Herald still warming up beside
  // another journey (CI saw 15 s pass once): the form gets longer than the usual action timeout.
  await page.getByLabel('Name').waitFor({ timeout: 60_000 });
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByLabel('Workspace name').fill(person.workspace);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/w\/[^/]+\/getting-started/);
  return /\/w\/([^/]+)\//.exec(page.url())![1]!;
}

/** Connects the Mastodon fake's account from the Channels page (consent page included); answers the channel id. */
export async function connectMastodonInBrowser(page: Page, instanceDomain: string): Promise<string> {
  await page.getByRole('link', { name: 'Channels' }).click();
  await page.getByLabel('Mastodon server').fill(instanceDomain);
  await page.getByRole('button', { name: 'Connect Mastodon' }).click();
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(/\/channels\?connected=/);
  return new URL(page.url()).searchParams.get('connected')!;
}
