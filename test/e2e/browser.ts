import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import pino from 'pino';
import { buildWebIfStale } from '../../src/server/web-build.ts';
import { startTestHerald } from '../helpers/test-herald.ts';

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
