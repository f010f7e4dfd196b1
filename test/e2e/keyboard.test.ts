import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon } from '../helpers/publishing.ts';
import { createClient, signUp, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { snap, startMastodonJourney } from './browser.ts';

// Herald with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7; issue 22): a post composed and
// scheduled, moved on the calendar, and approved in the app and by link, with no mouse click at
// all. Every control is reached with Tab as a person would, so one that Tab cannot reach fails the
// journey; and every control Tab stops on shows where the focus is.

const zone = 'Europe/Berlin';

/** A day and a time in Berlin, `days` from now, as the date inputs and the calendar's URL take them. */
function berlinDay(days: number, hour: number, minute = 0) {
  const then = new Date(Date.now() + days * 86_400_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(then)
      .map((p) => [p.type, p.value]),
  );
  const key = `${parts.year}-${parts.month}-${parts.day}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  // The instant: the wall time in Berlin, found from the zone's offset on that day.
  const guess = new Date(`${key}T${pad(hour)}:${pad(minute)}:00Z`);
  const offsetMinutes = Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(guess).match(/GMT([+-]\d\d)/)?.[1] ?? 0) * 60;
  return {
    key,
    at: new Date(guess.getTime() - offsetMinutes * 60_000),
    // What a person types into Chromium's date and time fields, which follow the browser's own
    // language (US English here, whatever the page's): month, day, year; 12-hour time and AM/PM.
    typedDate: `${parts.month}${parts.day}${parts.year}`,
    typedTime: `${pad(hour % 12 || 12)}${pad(minute)}${hour < 12 ? 'A' : 'P'}`,
  };
}

/** Whether the element with focus is, or is inside, the target. */
const holdsFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/**
 * Presses Tab until the target has focus, as a keyboard user would walk to it; fails when it never
 * comes, which is what an unreachable control or a focus trap looks like.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}) {
  await target.waitFor();
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await holdsFocus(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`Tab did not reach ${target} in ${limit} presses; the focus is on ${focused}`);
}

/** What the element with focus is called: its aria-label, else its text. */
async function focusedName(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '' : '';
  });
}

describe('keyboard only in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let journey: Awaited<ReturnType<typeof startMastodonJourney>>;
  let owner: Client;
  let editor: Client;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    journey = await startMastodonJourney();
    ({ h, browser, mastodon } = journey);
    ({ client: owner } = await signUp(h.url, { name: 'Kim Keys' }));
    const workspace = await owner.post('/api/v1/workspaces', { name: 'Keyboard Studio' });
    expect(workspace.status).toBe(201);
    workspaceId = workspace.body.id;
    channelId = await connectMastodon(h, owner, workspaceId, mastodon);
    // An editor, whose posts wait for approval once it is switched on.
    const invite = await owner.post(api('/invitations'), { email: 'ed@example.com', role: 'editor' });
    expect(invite.status).toBe(201);
    editor = createClient(h.url);
    await editor.post('/api/auth/sign-up/email', { name: 'Ed Editor', email: 'ed@example.com', password: 'ed has a long password' });
    expect((await editor.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);
  }, 180_000);
  afterAll(async () => journey?.close());

  async function openPage(signedIn = true): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: zone });
    if (signedIn) await context.addCookies([...owner.jar].map(([name, value]) => ({ name, value, url: h.url })));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page };
  }

  const scheduleThroughApi = async (as: Client, text: string, at: Date) => {
    const res = await as.post(api('/posts'), { content: { text }, channels: [{ channelId }], schedule: { mode: 'at', publishAt: at.toISOString(), timeZone: zone } });
    expect(res.status).toBe(201);
    return res.body as { id: string; state: string };
  };

  it('composes a post and schedules it', async () => {
    const { context, page } = await openPage();
    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('heading', { name: 'Create a post' }).waitFor();

    const mastodonBox = page.getByRole('checkbox', { name: /Mastodon/ });
    await tabTo(page, mastodonBox);
    await page.keyboard.press('Space');
    expect(await mastodonBox.isChecked()).toBe(true);
    await snap(page, 'keyboard-composer-channel-focus');

    const text = page.getByLabel('Shared text', { exact: true });
    await tabTo(page, text);
    await page.keyboard.type('Typed without a mouse #a11y');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'keyboard-composer-text-focus-390');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByTestId('preview-mastodon').getByText('Typed without a mouse').waitFor();

    // The "When" radios are one Tab stop; the arrows choose among them.
    const pickTime = page.getByRole('radio', { name: /Pick a time/ });
    await tabTo(page, page.locator('.cm-when-options input:checked'));
    for (let i = 0; i < 3 && !(await pickTime.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
    expect(await pickTime.isChecked()).toBe(true);

    const when = berlinDay(2, 10, 30);
    const date = page.getByLabel('Date', { exact: true });
    await tabTo(page, date);
    await page.keyboard.type(when.typedDate);
    expect(await date.inputValue()).toBe(when.key);
    await tabTo(page, page.getByLabel('Time', { exact: true }));
    await page.keyboard.type(when.typedTime);
    expect(await page.getByLabel('Time', { exact: true }).inputValue()).toBe('10:30');
    await page.waitForFunction(() => !document.querySelector('[data-testid="blockers"]'));

    await tabTo(page, page.getByRole('button', { name: 'Schedule', exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/posts\/[^/]+$/);
    await expect.poll(() => page.getByTestId('post-state').first().textContent()).toContain('Scheduled');
    await page.getByText('Typed without a mouse').first().waitFor();
    const postId = /\/posts\/([^/]+)$/.exec(page.url())![1]!;
    expect(new Date((await owner.get(api(`/posts/${postId}`))).body.publishAt as string).toISOString()).toBe(when.at.toISOString());
    await context.close();
  });

  it('moves a post on the calendar and finds it named with its time and state in every view', async () => {
    const from = berlinDay(3, 9);
    const to = berlinDay(4, 16, 45);
    await scheduleThroughApi(owner, 'Keyboard move', from.at);
    const { context, page } = await openPage();
    await page.goto(`${h.url}/w/${workspaceId}/calendar?view=month&date=${from.key}`);
    await page.locator('[data-testid="calendar"][data-loaded="true"]').waitFor();

    // The chip's name says time, title, state and channel: what a sighted person reads off it.
    const chip = page.getByRole('link', { name: '9:00 AM, Keyboard move (Scheduled) on Herald on Mastodon (Mastodon)' });
    await tabTo(page, chip);
    await snap(page, 'keyboard-calendar-post-focus');
    await page.keyboard.press('m');
    const dialog = page.getByTestId('move-dialog');
    await dialog.getByRole('heading', { name: 'Move post' }).waitFor();
    // The dialog takes the focus, on its first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cal-move-at');
    // The year takes up to six digits, so the arrow moves on to the time.
    await page.keyboard.type(to.typedDate);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(to.typedTime);
    expect(await dialog.getByLabel(/New date and time/).inputValue()).toBe(`${to.key}T16:45`);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('toast').filter({ hasText: 'Moved “Keyboard move' }).waitFor();
    await page.locator(`[data-day="${to.key}"]`).getByRole('link', { name: /^4:45 PM, Keyboard move \(Scheduled\)/ }).waitFor();
    // The focus comes back to the post it left, now on its new day.
    await expect.poll(() => focusedName(page)).toMatch(/^4:45 PM, Keyboard move/);
    await snap(page, 'keyboard-calendar-moved');

    // Week, day and list views, chosen from the keyboard: the same name in each.
    for (const view of ['Week', 'Day', 'List']) {
      await page.goto(`${h.url}/w/${workspaceId}/calendar?view=month&date=${to.key}`);
      await page.locator('[data-testid="calendar"][data-loaded="true"]').waitFor();
      await tabTo(page, page.getByRole('group', { name: 'View' }).getByRole('button', { name: view }));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`view=${view.toLowerCase()}`));
      await page.locator(`[data-testid="calendar"][data-view="${view.toLowerCase()}"][data-loaded="true"]`).waitFor();
      await tabTo(page, page.getByRole('link', { name: '4:45 PM, Keyboard move (Scheduled) on Herald on Mastodon (Mastodon)' }));
    }
    await context.close();
  });

  it('approves posts in the app and by link, and dialogs give the focus back', async () => {
    expect((await owner.put(api('/approval-settings'), { approvalRequired: true })).status).toBe(200);
    const inApp = await scheduleThroughApi(editor, 'Approve me in the app', berlinDay(5, 11).at);
    const byLink = await scheduleThroughApi(editor, 'Approve me by link', berlinDay(5, 12).at);
    expect([inApp.state, byLink.state]).toEqual(['in_review', 'in_review']);
    const link = await owner.post(api('/review-links'), { recipientName: 'Clara Client', postIds: [byLink.id] });
    expect(link.status).toBe(201);

    const { context, page } = await openPage();
    await page.goto(`${h.url}/w/${workspaceId}/posts/${inApp.id}`);
    await page.getByTestId('review-panel').waitFor();

    // "Request changes" opens a dialog with the focus in it; Escape closes it and the focus returns.
    const requestChanges = page.getByRole('button', { name: 'Request changes' });
    await tabTo(page, requestChanges);
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('request-changes-dialog');
    await dialog.getByRole('heading').waitFor();
    await expect.poll(() => holdsFocus(dialog)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => holdsFocus(requestChanges)).toBe(true);

    await tabTo(page, page.getByRole('button', { name: 'Approve', exact: true }), { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByTestId('toast').filter({ hasText: 'Approved: the post is scheduled.' }).waitFor();
    await expect.poll(() => page.getByTestId('post-state').first().textContent()).toContain('Scheduled');
    await context.close();

    // The client, with no account, approves from the link.
    const { context: clientContext, page: clientPage } = await openPage(false);
    await clientPage.goto(link.body.url as string);
    await clientPage.getByTestId('review-page').waitFor();
    await tabTo(clientPage, clientPage.getByRole('button', { name: 'Approve', exact: true }));
    await clientPage.keyboard.press('Enter');
    await clientPage.getByText('you approved this post').waitFor();
    await snap(clientPage, 'keyboard-review-approved');
    await clientContext.close();
    expect((await owner.get(api(`/posts/${byLink.id}`))).body.state).toBe('scheduled');
  });

  it('opens and closes the phone menu, with the focus kept in it and given back', async () => {
    const { context, page } = await openPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${h.url}/w/${workspaceId}/calendar`);
    await page.locator('[data-testid="calendar"][data-loaded="true"]').waitFor();
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await tabTo(page, menu);
    await page.keyboard.press('Enter');
    const drawer = page.locator('#sidebar');
    await expect.poll(() => holdsFocus(drawer)).toBe(true);
    // Tab goes through the drawer's links and never behind it into the page.
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(false);
    }
    await snap(page, 'keyboard-phone-menu-390');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => holdsFocus(menu)).toBe(true);
    // The drawer's own close button gives the focus back too.
    await page.keyboard.press('Enter');
    await expect.poll(() => holdsFocus(page.getByRole('button', { name: 'Close menu' }))).toBe(true);
    await page.keyboard.press('Enter');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => holdsFocus(menu)).toBe(true);
    await context.close();
  });

  it('shows where the focus is on every control Tab reaches', async () => {
    const post = await scheduleThroughApi(owner, 'Focus rings everywhere', berlinDay(6, 15).at);
    const link = await owner.post(api('/review-links'), { recipientName: 'Fran Focus', postIds: [post.id] });
    expect(link.status).toBe(201);
    // The calendars' walks start at their grid, past the navigation and the toolbar, so they reach the posts.
    const inCalendar = (page: Page) => page.locator('[data-testid="calendar"][data-loaded="true"]').locator('a, button').first();
    const screens: { name: string; path: string; signedIn: boolean; from?: (page: Page) => Locator }[] = [
      { name: 'calendar month', path: `/w/${workspaceId}/calendar?view=month&date=${berlinDay(6, 0).key}`, signedIn: true, from: inCalendar },
      { name: 'calendar week', path: `/w/${workspaceId}/calendar?view=week&date=${berlinDay(6, 0).key}`, signedIn: true, from: inCalendar },
      { name: 'calendar list', path: `/w/${workspaceId}/calendar?view=list&date=${berlinDay(6, 0).key}`, signedIn: true, from: inCalendar },
      { name: 'composer', path: `/w/${workspaceId}/compose`, signedIn: true },
      { name: 'post', path: `/w/${workspaceId}/posts/${post.id}`, signedIn: true },
      { name: 'review link', path: new URL(link.body.url as string).pathname, signedIn: false },
      { name: 'sign in', path: '/login', signedIn: false },
    ];
    const unseen: string[] = [];
    for (const screen of screens) {
      const { context, page } = await openPage(screen.signedIn);
      await page.goto(`${h.url}${screen.path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'));
      if (screen.from) {
        // Focus set there after a first Tab, so the browser still shows it as keyboard focus.
        await page.keyboard.press('Tab');
        await screen.from(page).focus();
      }
      // The first stops of each page (or of its grid): the navigation, the page's controls, enough of its body.
      for (let presses = 0; presses < 40; presses += 1) {
        if (presses > 0 || !screen.from) await page.keyboard.press('Tab');
        const found = await page.evaluate(async () => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          // Styles that ease in are read once they have arrived.
          await Promise.all(
            document
              .getAnimations()
              .filter((a) => a instanceof CSSTransition)
              .map((a) => a.finished.catch(() => undefined)),
          );
          // A focus indicator: an outline, a ring drawn as a box-shadow with a spread (a soft drop
          // shadow is no ring), or (for links drawn over their whole row) an outline on the ::after
          // that covers the row.
          const ring = (shadow: string) => [...shadow.matchAll(/(-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px (-?[\d.]+)px/g)].some((m) => parseFloat(m[4]!) >= 1);
          const shows = (style: CSSStyleDeclaration) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !/rgba\(.*, 0\)$|transparent/.test(style.outlineColor)) || ring(style.boxShadow);
          const showsOn = (node: Element) => shows(getComputedStyle(node)) || shows(getComputedStyle(node, '::after')) || shows(getComputedStyle(node, '::before'));
          // A control drawn invisible over its own picture (a tick box in a chip, a file input in a
          // drop zone) leaves the focus to its container: the nearest few ancestors are looked at.
          const box = el.getBoundingClientRect();
          const hidden = getComputedStyle(el).opacity === '0' || box.width <= 1 || box.height <= 1;
          const ancestors = [el.parentElement, el.parentElement?.parentElement, el.parentElement?.parentElement?.parentElement].filter((a): a is HTMLElement => !!a);
          const visible = hidden ? ancestors.some(showsOn) : showsOn(el);
          const label = `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 50)}`;
          // Back at an element already met: Tab has gone round the whole page.
          const met = ((window as unknown as { tabbed?: WeakSet<Element> }).tabbed ??= new WeakSet());
          const again = met.has(el);
          met.add(el);
          return { label, visible, again };
        });
        if (!found) continue;
        if (found.again) break;
        if (!found.visible) unseen.push(`${screen.name}: ${found.label}`);
      }
      await context.close();
    }
    expect(unseen).toEqual([]);

    // The tick box on the sign-in page, whose ring a later rule had taken away, at both widths.
    const { context, page } = await openPage(false);
    await page.goto(`${h.url}/login`);
    await tabTo(page, page.getByRole('checkbox', { name: 'Keep me signed in' }));
    await snap(page, 'keyboard-login-checkbox-focus');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'keyboard-login-checkbox-focus-390');
    await context.close();
  });
});
