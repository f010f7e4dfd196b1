import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { signUp, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { axeFindings, describeFindings, isBlocking, type AxeFinding } from './axe.ts';
import { screenshotDir, snap, startMastodonJourney } from './browser.ts';

// WCAG 2.2 AA is Herald's bar (issue 22): axe on every page of the app at desktop and phone widths
// and on the main dialogs and menus, no sideways scroll on a 390 px phone, no motion when the system
// asks for less, and text at 200% without lost content.

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

type Screen = { name: string; path: string; signedIn: boolean; ready?: (page: Page) => Promise<void> };

describe('accessibility in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;
  let client: Client;
  let screens: Screen[];

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
    ({ client } = await signUp(h.url, { name: 'Alex Access' }));
    const workspace = await client.post('/api/v1/workspaces', { name: 'Access Studio' });
    expect(workspace.status).toBe(201);
    const w = workspace.body.id as string;
    const api = (path: string) => `/api/v1/workspaces/${w}${path}`;
    const channelId = await connectMastodon(h, client, w, mastodon);
    await uploadMedia(h, client, w, { bytes: png, name: 'dot.png', type: 'image/png' });
    const publishAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const scheduled = await client.post(api('/posts'), { content: { text: 'Spring menu is here! #food' }, channels: [{ channelId }], schedule: { mode: 'at', publishAt, timeZone: 'Europe/Berlin' } });
    expect(scheduled.status).toBe(201);
    expect((await client.post(api('/posts'), { content: { text: 'An idea kept as a draft' }, channels: [{ channelId }], schedule: { mode: 'draft' } })).status).toBe(201);
    const now = await client.post(api('/posts'), { content: { text: 'Published right away' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(now.status).toBe(201);
    await waitForPost(client, w, now.body.id, (p) => p.state === 'published');
    const link = await client.post(api('/review-links'), { recipientName: 'Clara Client', postIds: [scheduled.body.id] });
    expect(link.status).toBe(201);
    const reviewPath = new URL(link.body.url as string).pathname;
    const invitation = await client.post(api('/invitations'), { email: 'ivy@example.com', role: 'editor' });
    expect(invitation.status).toBe(201);

    // The composer's text, in either language the passes use.
    const sharedText = /^(Shared text|Texte partagé)$/;
    const calendarLoaded = async (page: Page) => page.locator('[data-testid="calendar"][data-loaded="true"]').waitFor();
    screens = [
      { name: 'login', path: '/login', signedIn: false },
      { name: 'signup', path: '/signup', signedIn: false },
      { name: 'review-link', path: reviewPath, signedIn: false, ready: async (page) => page.getByTestId('review-page').waitFor() },
      { name: 'calendar-week', path: `/w/${w}/calendar?view=week`, signedIn: true, ready: calendarLoaded },
      { name: 'calendar-month', path: `/w/${w}/calendar?view=month`, signedIn: true, ready: calendarLoaded },
      // The month of the scheduled post, which two days ahead may be the next one.
      { name: 'calendar-scheduled', path: `/w/${w}/calendar?view=month&date=${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(publishAt))}`, signedIn: true, ready: calendarLoaded },
      {
        name: 'composer',
        path: `/w/${w}/compose`,
        signedIn: true,
        ready: async (page) => {
          await page.getByRole('checkbox', { name: /Mastodon/ }).check();
          await page.getByLabel(sharedText).fill('Checking the composer with a channel picked');
        },
      },
      { name: 'post', path: `/w/${w}/posts/${now.body.id}`, signedIn: true, ready: async (page) => page.getByTestId('delivery').first().waitFor() },
      { name: 'drafts', path: `/w/${w}/drafts`, signedIn: true },
      { name: 'queue', path: `/w/${w}/queue`, signedIn: true },
      { name: 'channels', path: `/w/${w}/channels`, signedIn: true },
      { name: 'analytics', path: `/w/${w}/analytics`, signedIn: true },
      { name: 'media-library', path: `/w/${w}/media`, signedIn: true },
      { name: 'members', path: `/w/${w}/members`, signedIn: true },
      { name: 'settings', path: `/w/${w}/settings`, signedIn: true },
      { name: 'profile', path: '/profile', signedIn: true },
      { name: 'notifications', path: '/notifications', signedIn: true },
      // The rest of the app's routes (src/web/app.tsx), so no page escapes the check.
      { name: 'forgot-password', path: '/forgot-password', signedIn: false },
      { name: 'reset-password-expired', path: '/reset-password', signedIn: false },
      { name: 'invitation', path: `/invite/${invitation.body.id}`, signedIn: false },
      { name: 'not-found', path: '/no-such-page', signedIn: false },
      { name: 'calendar-day', path: `/w/${w}/calendar?view=day`, signedIn: true, ready: calendarLoaded },
      { name: 'calendar-list', path: `/w/${w}/calendar?view=list`, signedIn: true, ready: calendarLoaded },
      { name: 'post-edit', path: `/w/${w}/posts/${scheduled.body.id}/edit`, signedIn: true, ready: async (page) => page.getByLabel(sharedText).waitFor() },
      { name: 'attention', path: `/w/${w}/attention`, signedIn: true },
      { name: 'getting-started', path: `/w/${w}/getting-started`, signedIn: true },
      { name: 'ideas', path: `/w/${w}/ideas`, signedIn: true },
      { name: 'feeds', path: `/w/${w}/feeds`, signedIn: true },
      { name: 'bulk', path: `/w/${w}/bulk`, signedIn: true },
      { name: 'snippets', path: `/w/${w}/snippets`, signedIn: true },
      { name: 'analytics-report', path: `/w/${w}/analytics/report`, signedIn: true },
      { name: 'activity', path: `/w/${w}/activity`, signedIn: true },
      { name: 'developers', path: `/w/${w}/developers`, signedIn: true },
      { name: 'new-workspace', path: '/new-workspace', signedIn: true },
      { name: 'agency', path: '/agency', signedIn: true },
      // The first person to sign up operates the instance.
      { name: 'admin', path: '/admin', signedIn: true },
    ];
  }, 180_000);
  afterAll(async () => journey?.close());

  async function openContext(viewport: { width: number; height: number }, signedIn: boolean, reducedMotion: 'reduce' | 'no-preference' = 'no-preference', locale = 'en-US'): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, locale, timezoneId: 'Europe/Berlin', reducedMotion });
    if (signedIn) await context.addCookies([...client.jar].map(([name, value]) => ({ name, value, url: h.url })));
    return context;
  }

  /** The page's heading is shown, nothing says "Loading…", and the screen's own sign of being ready is there. */
  async function visit(page: Page, screen: Screen) {
    await page.goto(`${h.url}${screen.path}`);
    await page.locator('h1').first().waitFor();
    await screen.ready?.(page);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    // Pages that poll never go quiet for long: a short wait for the network, then on.
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
  }

  // The phone pass is in French: its longer words are what would push a narrow screen sideways or
  // part a button's visible words from its accessible name.
  it.each([
    { width: 1440, height: 1000, locale: 'en-US' },
    { width: 390, height: 844, locale: 'fr-FR' },
  ])('finds no serious or critical WCAG A/AA violation on the main pages at $width px in $locale (and, on the phone, no sideways scroll)', async ({ locale, ...viewport }) => {
    const found: { screen: string; findings: AxeFinding[] }[] = [];
    const sideways: string[] = [];
    const contexts = { true: await openContext(viewport, true, 'no-preference', locale), false: await openContext(viewport, false, 'no-preference', locale) };
    for (const screen of screens) {
      const page = await contexts[`${screen.signedIn}`].newPage();
      page.setDefaultTimeout(20_000);
      await visit(page, screen);
      const where = `${screen.name} at ${viewport.width} px in ${locale}`;
      found.push({ screen: where, findings: await axeFindings(page) });
      await snap(page, `a11y-${screen.name}-${viewport.width}-${locale}`);
      if (viewport.width === 390) {
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (widths.scroll > widths.inner) sideways.push(`${where}: the page is ${widths.scroll} px wide`);
      }
      await page.close();
    }
    await contexts.true.close();
    await contexts.false.close();

    // Every finding, blocking or not, is printed: the moderate and minor ones are worth reading too.
    const byRule = new Map<string, number>();
    for (const { findings } of found) for (const f of findings) byRule.set(`${f.impact} ${f.rule}`, (byRule.get(`${f.impact} ${f.rule}`) ?? 0) + 1);
    if (byRule.size) console.log(`axe findings by rule (pages where found):\n${[...byRule].map(([rule, n]) => `  ${rule}: ${n}`).join('\n')}`);
    const blocking = found.map(({ screen, findings }) => ({ screen, findings: findings.filter(isBlocking) })).filter(({ findings }) => findings.length);
    const problems = [...blocking.map(({ screen, findings }) => `${screen}:\n${describeFindings(findings)}`), ...sideways];
    expect(problems.join('\n\n')).toBe('');
  }, 600_000);

  it('finds no serious or critical WCAG A/AA violation in the main dialogs and menus', async () => {
    const context = await openContext({ width: 1440, height: 1000 }, true);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const found: string[] = [];
    /** Opens a screen, opens one of its dialogs or menus the way a person would, and runs axe with it open. */
    const check = async (screenName: string, what: string, open: (page: Page) => Promise<void>, exclude: string[] = []) => {
      await visit(page, screens.find((s) => s.name === screenName)!);
      await open(page);
      // What is on screen with the dialog open (a full-page picture would resize the window).
      await page.screenshot({ path: path.join(screenshotDir, `a11y-dialog-${what.replaceAll(' ', '-')}.png`) });
      const blocking = (await axeFindings(page, { exclude })).filter(isBlocking);
      if (blocking.length) found.push(`${what}:\n${describeFindings(blocking)}`);
    };
    const dialogOpen = (testId: string) => async (page: Page) => page.locator(`dialog[data-testid="${testId}"][open]`).waitFor();

    await check('calendar-month', 'share for review dialog', async (page) => {
      await page.getByRole('button', { name: 'Share for review…' }).click();
      await page.locator('dialog[open]').waitFor();
    });
    await check('calendar-scheduled', 'move dialog', async (page) => {
      await page.getByTestId('calendar-post').filter({ hasText: 'Spring menu' }).focus();
      await page.keyboard.press('m');
      await dialogOpen('move-dialog')(page);
    });
    await check('composer', 'media library picker', async (page) => {
      await page.getByTestId('pick-from-library').first().click();
      await dialogOpen('library-picker')(page);
    });
    await check('composer', 'snippets menu', async (page) => {
      await page.getByTestId('snippets-button').first().click();
      await page.getByRole('menu').waitFor();
    });
    await check('post', 'delete post dialog', async (page) => {
      await page.getByRole('button', { name: 'Delete…' }).click();
      await page.locator('dialog[open]').waitFor();
    });
    // The menu opens over the navigation: axe counts the strip of a link left showing under its edge
    // as a target smaller than 24 px (2.5.8), though nobody aims at a link a menu covers.
    await check(
      'calendar-week',
      'workspace menu',
      async (page) => {
        await page.getByTestId('workspace-switcher').click();
        await page.getByTestId('workspace-switcher-menu').waitFor();
      },
      ['.nav'],
    );
    await check('members', 'invitation form', async (page) => {
      await page.getByTestId('invite-member-button').click();
      await page.getByRole('textbox').first().waitFor();
    });
    await check('profile', 'delete account form', async (page) => {
      await page.getByTestId('delete-account-start').click();
      await page.getByTestId('delete-account-form').waitFor();
    });
    // On a phone the navigation is a drawer behind "Menu".
    await page.setViewportSize({ width: 390, height: 844 });
    await check('calendar-list', 'navigation drawer', async (page) => {
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await page.locator('#sidebar').waitFor();
    });
    await context.close();
    expect(found.join('\n\n')).toBe('');
  }, 180_000);

  it('moves nothing on the main screens when the system asks for reduced motion', async () => {
    /** Every transition and animation longer than 10 ms on the page (elements and their ::before/::after), and running animations. */
    const moving = (page: Page) =>
      page.evaluate(() => {
        const seconds = (list: string) => Math.max(...list.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v)) || 0));
        const found = new Set<string>();
        for (const el of document.querySelectorAll('*')) {
          for (const pseudo of [null, '::before', '::after']) {
            const style = getComputedStyle(el, pseudo);
            const iterations = style.animationIterationCount.split(',').map((n) => (n.trim() === 'infinite' ? Infinity : Number(n)));
            const transition = seconds(style.transitionDuration) + seconds(style.transitionDelay);
            const animation = style.animationName !== 'none' ? seconds(style.animationDuration) * Math.max(...iterations) + seconds(style.animationDelay) : 0;
            if (transition > 0.01 || animation > 0.01) found.add(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${pseudo ?? ''}: transition ${transition}s, animation ${animation}s`);
          }
        }
        for (const animation of document.getAnimations()) {
          const duration = animation.effect?.getComputedTiming().activeDuration;
          if (typeof duration === 'number' && duration > 10) found.add(`running animation of ${duration} ms on ${(animation.effect as KeyframeEffect | null)?.target?.className}`);
        }
        return [...found];
      });
    const names = ['calendar-month', 'calendar-week', 'composer', 'post', 'channels', 'settings', 'media-library', 'ideas', 'login'];
    const problems: string[] = [];
    for (const reduced of [false, true]) {
      const contexts = { true: await openContext({ width: 1440, height: 1000 }, true, reduced ? 'reduce' : 'no-preference'), false: await openContext({ width: 1440, height: 1000 }, false, reduced ? 'reduce' : 'no-preference') };
      for (const name of reduced ? names : ['calendar-month']) {
        const screen = screens.find((s) => s.name === name)!;
        const page = await contexts[`${screen.signedIn}`].newPage();
        page.setDefaultTimeout(20_000);
        await visit(page, screen);
        const found = await moving(page);
        // Without the preference the same check finds the usual motion: proof that it sees it.
        if (!reduced) expect(found.length).toBeGreaterThan(0);
        else problems.push(...found.map((f) => `${name}: ${f}`));
        await page.close();
      }
      await contexts.true.close();
      await contexts.false.close();
    }
    expect(problems).toEqual([]);
  });

  it('keeps content and navigation whole with text at 200%', async () => {
    // Browser zoom to 200% in a 1440 x 1000 window, the usual way to meet WCAG 1.4.4: the page lays
    // out in 720 x 500 CSS px drawn at twice the size. Chromium's text-only size setting can be set
    // over the DevTools protocol (Page.setFontSizes), but Chromium put the profile's size back while
    // Herald's pages loaded, so it could not be relied on; Herald sizes text in rem from a percentage
    // root and its breakpoints are in em, so that setting brings the same narrow layout as zoom.
    const context = await browser.newContext({ viewport: { width: 720, height: 500 }, deviceScaleFactor: 2, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    await context.addCookies([...client.jar].map(([name, value]) => ({ name, value, url: h.url })));
    const problems: string[] = [];
    for (const name of ['calendar-month', 'composer', 'post', 'channels', 'settings']) {
      const screen = screens.find((s) => s.name === name)!;
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await visit(page, screen);
      problems.push(
        ...(await page.evaluate((where) => {
          const found: string[] = [];
          const doc = document.documentElement;
          if (doc.scrollWidth > window.innerWidth) found.push(`${where}: the page scrolls sideways (${doc.scrollWidth} px)`);
          const main = document.querySelector('main');
          if (main && main.scrollWidth > main.clientWidth + 1) found.push(`${where}: the main content overflows (${main.scrollWidth} > ${main.clientWidth} px)`);
          return found;
        }, name)),
      );
      await snap(page, `a11y-text-200-${name}`);
      // At this size the navigation is in the drawer behind "Menu".
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await page.locator('#sidebar').waitFor();
      problems.push(
        ...(await page.evaluate((where) => {
          const found: string[] = [];
          // Text cut off in the navigation: an element that hides its overflow while its content is larger.
          for (const el of document.querySelectorAll<HTMLElement>('#sidebar, #sidebar *, .mobile-bar, .mobile-bar *')) {
            // Text kept for screen readers only (1 px, clipped on purpose) is not lost text.
            if (el.closest('.visually-hidden')) continue;
            const style = getComputedStyle(el);
            const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
            const clippedX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
            const clippedY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
            if ((clippedX || clippedY) && el.textContent?.trim()) found.push(`${where}: navigation text clipped in <${el.tagName.toLowerCase()} class="${el.className}">${el.textContent.trim().slice(0, 40)}`);
          }
          return found;
        }, name)),
      );
      await snap(page, `a11y-text-200-${name}-menu`);
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
