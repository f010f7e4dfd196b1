import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv } from '../helpers/publishing.ts';
import type { TestHerald } from '../helpers/test-herald.ts';
import { snap, startJourney } from './browser.ts';
import { expectAccessible } from './axe.ts';

// Herald in French, for a person whose browser prefers French: sign up, connect a channel, write a
// post in the composer, schedule it, and find it on the calendar and on its page, every word of
// those screens in French. The screens of sign-up, workspaces and channels are reached by their
// fields' purposes and addresses, not their words, so this journey holds whatever their language.

const zone = 'Europe/Paris';
const nbsp = '\u00a0';

/** Tomorrow at 10:00 in `zone`, as the date and time inputs take it, and as an instant. */
function tomorrowAtTen() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(Date.now() + 24 * 3600 * 1000))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: '10:00' };
}

describe('Herald in French in Chromium', () => {
  let h: TestHerald;
  let browser: Browser;
  let mastodon: MastodonFake;
  let journey: Awaited<ReturnType<typeof startJourney>>;

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    journey = await startJourney({ env: { ...fastEngineEnv } });
    ({ h, browser } = journey);
  });
  afterAll(async () => {
    await journey?.close();
    await mastodon?.close();
  });

  async function signUpAndConnect(page: Page): Promise<string> {
    await page.goto(`${h.url}/signup`);
    const form = page.getByTestId('signup-form');
    await form.locator('input[autocomplete="name"]').fill('Chloé Martin');
    await form.locator('input[autocomplete="email"]').fill('chloe@example.fr');
    await form.locator('input[autocomplete="new-password"]').fill('chloé a un long mot de passe');
    await form.locator('button[type="submit"], button:not([type])').last().click();
    await page.locator('input[autocomplete="organization"]').fill('Atelier Chloé');
    await page.locator('form:has(input[autocomplete="organization"]) button.btn-primary').click();
    await page.waitForURL(/\/w\/[^/]+\/getting-started/);
    const workspaceId = /\/w\/([^/]+)\//.exec(page.url())![1]!;

    await page.goto(`${h.url}/w/${workspaceId}/channels`);
    const mastodonForm = page.locator('form.network-form:has(input[placeholder="mastodon.social"])');
    await mastodonForm.locator('input').fill(mastodon.domain);
    await mastodonForm.locator('button.btn-primary').click();
    // The fake's own consent page.
    await page.locator('button[value="allow"]').click();
    await page.waitForURL(/\/channels\?connected=/);
    return workspaceId;
  }

  it('signs up, composes, schedules, and reads the calendar and the post page in French', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: zone, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const workspaceId = await signUpAndConnect(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');

    // The composer, before anything is chosen: what is missing, in French.
    await page.goto(`${h.url}/w/${workspaceId}/compose`);
    await page.getByRole('heading', { name: 'Créer une publication' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByRole('radio', { name: /Choisir une heure/ }).check();
    const blockers = page.getByTestId('blockers');
    await blockers.getByText('Choisissez au moins un canal').waitFor();
    expect(await blockers.locator('.cm-blockers-title').innerText()).toBe(`Programmer n’est pas encore possible${nbsp}:`);
    await page.getByText('Choisissez un canal pour voir le rendu de la publication.').waitFor();

    await page.getByRole('checkbox', { name: /Mastodon/ }).check();
    await page.getByRole('tab', { name: 'Tous les canaux' }).waitFor();
    const text = 'Bonjour à tous : notre atelier ouvre ses portes samedi !';
    await page.getByLabel('Texte partagé', { exact: true }).fill(text);
    // The counter counts as before; only its words are French.
    const counter = page.getByTestId('counter-mastodon');
    expect(await counter.locator('strong').innerText()).toBe(String(500 - [...text].length));
    expect(await counter.locator('.offscreen').innerText()).toContain('caractères restants');
    await page.getByRole('heading', { name: 'Aperçu' }).waitFor();
    // The network's own panel speaks French too (its folder's words, namespace network-mastodon).
    await page.getByLabel('Visibilité', { exact: true }).waitFor();
    await page.getByLabel('Avertissement de contenu', { exact: true }).waitFor();

    const when = tomorrowAtTen();
    await page.getByLabel('Date', { exact: true }).fill(when.date);
    await page.getByLabel('Heure', { exact: true }).fill(when.time);
    expect(await page.getByTestId('time-zone').innerText()).toContain(`Fuseau horaire${nbsp}: ${zone}`);
    await page.waitForFunction(() => !document.querySelector('[data-testid="blockers"]'));
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).waitFor();
    await snap(page, 'french-composer-1440');
    await expectAccessible(page, 'composer in French');
    await page.getByRole('button', { name: 'Programmer', exact: true }).click();

    // The post page.
    await page.waitForURL(/\/posts\/[^/]+$/);
    const postId = /\/posts\/([^/]+)$/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: 'Publication', level: 1 }).waitFor();
    expect(await page.getByTestId('post-state').innerText()).toBe('Programmée');
    expect(await page.locator('.post-when').innerText()).toMatch(/^Sera publiée le /);
    await page.getByRole('heading', { name: /^Canaux/ }).waitFor();
    expect(await page.getByTestId('delivery-state').innerText()).toBe('Programmée');
    await page.getByTestId('delivery-log').locator('summary').getByText('Journal des envois').waitFor();
    await page.getByRole('link', { name: 'Modifier' }).waitFor();
    await page.getByRole('button', { name: 'Dupliquer' }).waitFor();
    await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Calendrier' }).waitFor();
    await snap(page, 'french-post-1440');
    // The French words keep the names accessible (label in name, contrast of the longer words).
    await expectAccessible(page, 'post page in French');

    // The calendar, on the month of the post: French month and day names from the browser's Intl.
    await page.goto(`${h.url}/w/${workspaceId}/calendar?view=month&date=${when.date}`);
    await page.locator('[data-testid="calendar"][data-loaded="true"]').waitFor();
    await page.getByRole('heading', { name: 'Calendrier', level: 1 }).waitFor();
    const [year, month, day] = when.date.split('-').map(Number) as [number, number, number];
    const monthTitle = new Intl.DateTimeFormat('fr', { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));
    expect(await page.locator('#cal-title').innerText()).toBe(monthTitle);
    expect(monthTitle).toMatch(/^[a-zéû]+ \d{4}$/);
    const weekdays = await page.locator('.cal-weekdays > div').allTextContents();
    expect(weekdays[0]).toBe('lun.');
    await page.getByRole('button', { name: 'Aujourd’hui' }).waitFor();
    for (const view of ['Mois', 'Semaine', 'Jour', 'Liste']) await page.getByRole('group', { name: 'Affichage' }).getByRole('button', { name: view }).waitFor();
    await page.getByRole('group', { name: 'Filtrer par état' }).getByRole('button', { name: /Programmée/ }).waitFor();
    const chip = page.locator(`[data-testid="calendar-post"][data-post-id="${postId}"]`);
    const described = (await chip.getAttribute('aria-label')) ?? '';
    expect(described.startsWith(`10:00, ${text} (Programmée) sur `), described).toBe(true);
    expect(described).toMatch(/\(Mastodon\)$/);
    expect(await chip.innerText()).toContain('10:00');
    const dayCell = page.locator(`[data-testid="calendar-day"][data-day="${when.date}"]`);
    expect(await dayCell.getAttribute('aria-label')).toBe(`${new Intl.DateTimeFormat('fr', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(new Date(year, month - 1, day))}, 1 publication`);
    await snap(page, 'french-calendar-1440');
    await expectAccessible(page, 'calendar in French');

    // The list view: the day's heading and the post's state, in French.
    await page.getByRole('group', { name: 'Affichage' }).getByRole('button', { name: 'Liste' }).click();
    await page.locator('[data-testid="calendar"][data-view="list"][data-loaded="true"]').waitFor();
    const row = page.locator('.cal-row', { has: page.locator(`[data-post-id="${postId}"]`) });
    expect(await row.locator('.cal-badge').innerText()).toBe('Programmée');
    await row.getByRole('button', { name: /^Déplacer « / }).waitFor();
    await context.close();
  });
});
