import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networks } from '../../src/shared/networks.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';

const page = async (h: TestHerald, url: string, acceptLanguage?: string) => {
  const res = await fetch(`${h.url}${url}`, { headers: { accept: 'text/html', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) } });
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), language: res.headers.get('content-language'), vary: res.headers.get('vary'), html: await res.text() };
};
const FRENCH_BROWSER = 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7';
const facts = async (h: TestHerald) => (await fetch(`${h.url}/api/v1/policy`)).json();
/** The page's text between one section heading and the next. */
const section = (html: string, id: string) => html.slice(html.indexOf(`<h2 id="${id}"`), html.indexOf('</section>', html.indexOf(`<h2 id="${id}"`)));

describe('/privacy and /terms', () => {
  let h: TestHerald;
  let tiktok: TikTokFake;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-policy-'));
    tiktok = await startTikTokFake();
    h = await startTestHerald();
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves standalone pages without a session that say what the operator has not filled in', async () => {
    const privacy = await page(h, '/privacy');
    expect(privacy.status).toBe(200);
    expect(privacy.type).toBe('text/html; charset=utf-8');
    expect(privacy.csp).toContain("script-src 'self'");
    expect(privacy.html).toMatch(/^<!doctype html>/);
    expect(privacy.html).toContain('<main>');
    expect(privacy.html).not.toContain('<script');
    expect(privacy.html).toContain("Last generated from this instance's configuration on");
    // No operator name: the page says who the operator is by role, never "run by the operator of this Herald".
    expect(section(privacy.html, 'operator')).toContain('run by the person or organisation that installed it');
    expect(privacy.html).not.toContain('run by <strong>the operator of this Herald');
    expect(privacy.html).toContain('<title>Privacy policy · Herald</title>');
    for (const setting of ['HERALD_OPERATOR_NAME', 'HERALD_OPERATOR_ADDRESS', 'HERALD_OPERATOR_CONTACT']) {
      expect(privacy.html).toContain(`Not filled in by the operator (<code>${setting}</code>)`);
    }
    expect(privacy.html).toContain('None listed by the operator (<code>HERALD_SUBPROCESSORS</code>)');
    // Defaults: Mastodon and Bluesky, no TikTok without its client key and secret.
    expect(privacy.html).toContain('id="network-mastodon"');
    expect(privacy.html).toContain('id="network-bluesky"');
    expect(privacy.html).not.toContain('TikTok');
    expect(privacy.html).toContain('app password');
    expect(section(privacy.html, 'retention')).toContain('<td>Access log (requests, IP addresses, user agents)</td><td>90 days</td>');
    expect(section(privacy.html, 'retention')).toContain('<td>Post statistics</td><td>the newest reading, read for 30 days after publishing');
    expect(section(privacy.html, 'retention')).toContain('Earlier readings and daily channel figures: 730 days (after a week, one reading per post per day)');
    expect(section(privacy.html, 'storage')).toContain('about every hour');
    // The default promise, and the one way a workspace can change it for itself.
    expect(section(privacy.html, 'storage')).toContain('then the file is deleted. A workspace’s owners and admins may turn on its <strong>media library</strong>');
    expect(section(privacy.html, 'retention')).toContain('until every post using it is published or deleted; in a workspace that turned its media library on, until a member deletes it');
    expect(section(privacy.html, 'rights')).toContain('deletes your data at once');
    expect(section(privacy.html, 'rights')).toContain('Workspace settings → Analytics');
    expect(section(privacy.html, 'connections')).toContain('https://public.api.bsky.app');
    for (const words of ['scrypt', 'AES-256-GCM', 'revoked at the network', 'no telemetry', 'append-only', 'supervisory authority', 'href="/profile"']) {
      expect(privacy.html).toContain(words);
    }

    const terms = await page(h, '/terms');
    expect(terms.status).toBe(200);
    expect(terms.html).toContain('<strong>Placeholder:</strong>');
    // Account deletion is self-service (Profile), not a request to the operator.
    expect(section(terms.html, 'termination')).toContain('<em>Delete my account</em> on the <a href="/profile">Profile page</a>');
    expect(section(terms.html, 'termination')).not.toContain('ask the operator');
    expect(terms.html).toContain('HERALD_TERMS_EXTRA_FILE');
    expect(terms.html).toContain('https://bsky.social/about/support/tos');

    const json = await facts(h);
    expect(json.operator).toEqual({ name: null, address: null, contact: null });
    expect(json.networks.map((n: { id: string }) => n.id)).toEqual(['mastodon', 'bluesky']);
    expect(json.subprocessors).toEqual([]);
  });

  it('speaks the reader\'s language: ?lang=, else Accept-Language, else English, with a switch between them', async () => {
    const english = await page(h, '/privacy');
    expect(english.html).toContain('<html lang="en">');
    expect(english.language).toBe('en');
    expect(english.vary).toContain('Accept-Language');
    expect(english.html).toContain('<nav class="languages" aria-label="Language"><ul><li><span aria-current="true" lang="en">English</span></li><li><a href="?lang=fr" hreflang="fr" lang="fr">Français</a></li></ul></nav>');

    const french = await page(h, '/privacy', FRENCH_BROWSER);
    expect(french.status).toBe(200);
    expect(french.language).toBe('fr');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.html).toContain('<title>Politique de confidentialité · Herald</title>');
    expect(french.html).toContain('<h1>Politique de confidentialité</h1>');
    expect(french.html).toContain('<span aria-current="true" lang="fr">Français</span>');
    expect(french.html).toContain('<a href="?lang=en" hreflang="en" lang="en">English</a>');
    expect(french.html).toMatch(/Page générée le <time datetime="[^"]+">(1er|\d{1,2}) \S+ \d{4}<\/time>/);
    // Every heading in French, the content too, and nothing of the English text left.
    for (const heading of ['Sommaire', 'Responsable de traitement', 'Réseaux sociaux et accès demandés par Herald', 'Ce que Herald conserve, et comment', 'Durées de conservation', 'Connexions sortantes et télémétrie', 'Sous-traitants', 'Vos droits']) {
      expect(french.html).toContain(`>${heading}</h2>`);
    }
    expect(section(french.html, 'operator')).toContain('«\u00a0responsable de traitement\u00a0» au sens du RGPD');
    expect(section(french.html, 'operator')).toContain('Information non renseignée par l’opérateur (<code>HERALD_OPERATOR_NAME</code>)');
    expect(section(french.html, 'retention')).toContain('<td>Journal d’accès (requêtes, adresses IP, agents utilisateurs)</td><td>90\u00a0jours</td>');
    expect(section(french.html, 'storage')).toContain('environ toutes les heures');
    const rights = section(french.html, 'rights');
    expect(rights).toContain('droit d’accès, de rectification, d’effacement, de limitation, d’opposition et à la portabilité');
    expect(rights).toContain('loi Informatique et Libertés');
    expect(rights).toContain('<a href="https://www.cnil.fr/fr/plaintes">CNIL</a>');
    expect(rights).toContain('<em>Télécharger toutes mes données</em> sur la <a href="/profile">page Profil</a>');
    expect(section(french.html, 'subprocessors')).toContain('(<code>HERALD_SUBPROCESSORS</code>)');
    for (const english of ['Who is responsible', 'Your rights', 'Not filled in', 'days', 'supervisory authority']) expect(french.html).not.toContain(english);
    expect(french.html).toContain('<a href="/terms?lang=fr">Conditions générales d’utilisation</a>');

    // The switch wins over the browser, and a language Herald does not speak is passed over.
    expect((await page(h, '/privacy?lang=en', FRENCH_BROWSER)).html).toBe(english.html);
    expect((await page(h, '/privacy?lang=fr')).html).toBe(french.html);
    expect((await page(h, '/privacy?lang=de', 'de-DE,fr;q=0.5')).language).toBe('fr');
    expect((await page(h, '/privacy', 'de-DE,de')).language).toBe('en');

    const terms = await page(h, '/terms?lang=fr');
    expect(terms.html).toContain('<html lang="fr">');
    expect(terms.html).toContain('<h1>Conditions générales d’utilisation</h1>');
    expect(section(terms.html, 'termination')).toContain('<em>Supprimer mon compte</em> sur la <a href="/profile">page Profil</a> (il est supprimé aussitôt)');
    expect(section(terms.html, 'service')).toContain('<a href="/privacy?lang=fr">politique de confidentialité</a>');
    // The placeholder tells operators which file replaces it on the French page.
    expect(section(terms.html, 'liability')).toContain('<strong>À compléter\u00a0:</strong>');
    expect(section(terms.html, 'liability')).toContain('<code>HERALD_TERMS_EXTRA_FILE_FR</code>');
    expect(section(terms.html, 'acceptable-use')).toContain('<li>Bluesky\u00a0: <a href="https://bsky.social/about/support/tos">');
    expect((await page(h, '/terms', FRENCH_BROWSER)).html).toBe(terms.html);
  });

  it('follows the configuration: operator, networks, retention, sub-processors and custom sections', async () => {
    const policyFile = path.join(dir, 'privacy.md');
    fs.writeFileSync(policyFile, '# Cookies\n\nWe set **one** cookie, see [our DPA](https://example.org/dpa).\n\n- <img src=x onerror=alert(1)>\n- [bad](javascript:alert(1))\n');
    const termsFile = path.join(dir, 'terms.md');
    fs.writeFileSync(termsFile, '## Liability\n\nProvided *as is*, to the extent the law allows.\n');
    h = await h.restart({
      ...tiktokEnv(tiktok),
      HERALD_OPERATOR_NAME: 'Acme <script>alert("x")</script> & Co',
      HERALD_OPERATOR_ADDRESS: '1 Rue de la Paix, 75002 Paris',
      HERALD_OPERATOR_CONTACT: 'privacy@acme.example',
      HERALD_SUBPROCESSORS: 'Hetzner — hosting — Germany; Postmark — e-mail delivery — USA',
      HERALD_NETWORKS_DISABLED: 'mastodon',
      HERALD_ACCESS_LOG_DAYS: '14',
      HERALD_DISCONNECTED_RETENTION_DAYS: '45',
      HERALD_SESSION_IDLE_DAYS: '7',
      HERALD_MEDIA_DELETE_AFTER_PUBLISH: 'false',
      HERALD_ANALYTICS_INTERVAL_MINUTES: '0',
      HERALD_ACCOUNT_DELETION_GRACE_DAYS: '7',
      HERALD_POLICY_EXTRA_FILE: policyFile,
      HERALD_TERMS_EXTRA_FILE: termsFile,
    });
    const { html } = await page(h, '/privacy');

    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('1 Rue de la Paix, 75002 Paris');
    expect(html).toContain('<a href="mailto:privacy@acme.example">privacy@acme.example</a>');
    expect(html).not.toContain('Not filled in');

    // Mastodon is off, and with it its scopes; TikTok is on with its six scopes.
    expect(html).not.toContain('Mastodon');
    // Off for real, not only on the page: it cannot be connected.
    const user = await signUp(h.url);
    const offered = await user.client.get('/api/v1/networks');
    expect(offered.body.items.find((n: { id: string }) => n.id === 'mastodon').enabled).toBe(false);
    const ws = (await user.client.post('/api/v1/workspaces', { name: 'Off' })).body.id;
    const refused = await user.client.post(`/api/v1/workspaces/${ws}/channels/connect`, { network: 'mastodon', instance: 'mastodon.social' });
    expect(refused.body.error.code).toBe('channel.network_unavailable');
    expect(html).not.toContain('<code>write</code>');
    expect(html).toContain('id="network-tiktok"');
    expect(networks.tiktok.scopes).toHaveLength(6);
    for (const scope of networks.tiktok.scopes) expect(section(html, 'networks')).toContain(`<code>${scope}</code>`);

    const retention = section(html, 'retention');
    expect(retention).toContain('<td>Access log (requests, IP addresses, user agents)</td><td>14 days</td>');
    expect(retention).toContain('<td>45 days after disconnecting</td>');
    expect(retention).toContain('end after 7 days without use');
    expect(retention).toContain('in the media library until deleted');
    expect(retention).toContain('<td>Post statistics</td><td>not collected on this instance</td>');
    expect(section(html, 'rights')).toContain('after a grace period of 7 days');
    expect(section(html, 'storage')).toContain('this instance does not collect any');
    expect(html).not.toMatch(/\b(90|30) days/);
    expect(section(html, 'storage')).toContain('kept for 14 days');

    expect(section(html, 'subprocessors')).toContain('<tr><td>Hetzner</td><td>hosting</td><td>Germany</td></tr>');
    expect(section(html, 'subprocessors')).toContain('<tr><td>Postmark</td><td>e-mail delivery</td><td>USA</td></tr>');

    // The operator's Markdown, rendered and escaped, and listed in the table of contents.
    expect(html).toContain('<h2 id="operator-cookies">Cookies</h2>');
    expect(html).toContain('<a href="#operator-cookies">Cookies</a>');
    expect(html).toContain('We set <strong>one</strong> cookie, see <a href="https://example.org/dpa" rel="nofollow noopener noreferrer">our DPA</a>.');
    expect(html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;</li>');
    expect(html).toContain('<li>bad</li>');
    expect(html).not.toContain('javascript:');

    const terms = (await page(h, '/terms')).html;
    expect(terms).toContain('<h2 id="operator-liability">Liability</h2>');
    expect(terms).toContain('Provided <em>as is</em>, to the extent the law allows.');
    expect(terms).not.toContain('Placeholder');
    expect(terms).toContain('https://www.tiktok.com/legal/page/global/terms-of-service/en');
    expect(terms).not.toContain('Mastodon');
    expect(terms).not.toContain('<script>alert');

    const json = await facts(h);
    expect(json.operator).toEqual({
      name: 'Acme <script>alert("x")</script> & Co',
      address: '1 Rue de la Paix, 75002 Paris',
      contact: { kind: 'email', value: 'privacy@acme.example', href: 'mailto:privacy@acme.example' },
    });
    expect(json.networks.map((n: { id: string }) => n.id)).toEqual(['tiktok', 'bluesky']);
    expect(json.networks[0].scopes.map((s: { scope: string }) => s.scope)).toEqual([...networks.tiktok.scopes]);
    expect(json.retention).toEqual({ accessLogDays: 14, disconnectedRetentionDays: 45, sessionIdleDays: 7, mediaDeleteAfterPublish: false, mediaLibraryOptIn: false });
    expect(json.analytics).toEqual({ enabled: false, intervalMinutes: 0, windowDays: 30, historyDays: 730 });
    expect(json.accountDeletionGraceDays).toBe(7);
    expect(json.subprocessors).toEqual([
      { name: 'Hetzner', purpose: 'hosting', location: 'Germany' },
      { name: 'Postmark', purpose: 'e-mail delivery', location: 'USA' },
    ]);
    expect(json.customSections).toEqual({ privacy: true, terms: true });
    expect(json.outgoing).toMatchObject({ telemetry: false, smtpConfigured: false, networkServices: [{ network: 'bluesky', sentence: expect.arrayContaining([{ code: 'https://public.api.bsky.app' }]) }] });
  });

  it('changes with a restart: retention 30 → 45 days and TikTok off without its secret', async () => {
    h = await h.restart({ HERALD_DISCONNECTED_RETENTION_DAYS: '30', HERALD_TIKTOK_CLIENT_SECRET: '', HERALD_NETWORKS_DISABLED: '' });
    let html = (await page(h, '/privacy')).html;
    expect(section(html, 'retention')).toContain('<td>30 days after disconnecting</td>');
    expect(html).not.toContain('TikTok');
    expect(html).toContain('id="network-mastodon"');
    h = await h.restart({ HERALD_DISCONNECTED_RETENTION_DAYS: '45' });
    html = (await page(h, '/privacy')).html;
    expect(section(html, 'retention')).toContain('<td>45 days after disconnecting</td>');
    expect((await facts(h)).retention.disconnectedRetentionDays).toBe(45);
  });

  it("shows the operator's French sections on the French pages, else their English ones with a note", async () => {
    const english = path.join(dir, 'privacy.md');
    fs.writeFileSync(english, '## Cookies\n\nWe set **one** cookie.\n');
    const terms = path.join(dir, 'terms.md');
    fs.writeFileSync(terms, '## Liability\n\nProvided *as is*.\n');
    h = await h.restart({ HERALD_POLICY_EXTRA_FILE: english, HERALD_TERMS_EXTRA_FILE: terms });
    const note = 'L’opérateur n’a pas rédigé la section ci-dessous en français\u00a0: elle figure dans la langue où il l’a écrite.';
    let french = (await page(h, '/privacy', FRENCH_BROWSER)).html;
    expect(french).toContain(note);
    expect(french).toContain('<h2 id="operator-cookies">Cookies</h2>');
    expect(french.indexOf(note)).toBeLessThan(french.indexOf('id="operator-cookies"'));
    expect((await page(h, '/terms', FRENCH_BROWSER)).html).toContain(note);
    expect((await page(h, '/privacy')).html).not.toContain('class="placeholder" role="note"');

    const frenchPolicy = path.join(dir, 'privacy.fr.md');
    fs.writeFileSync(frenchPolicy, '## Témoins de connexion\n\nNous déposons **un** cookie.\n');
    const frenchTerms = path.join(dir, 'terms.fr.md');
    fs.writeFileSync(frenchTerms, '## Responsabilité\n\nService fourni *en l’état*.\n');
    h = await h.restart({ HERALD_POLICY_EXTRA_FILE_FR: frenchPolicy, HERALD_TERMS_EXTRA_FILE_FR: frenchTerms });
    french = (await page(h, '/privacy', FRENCH_BROWSER)).html;
    expect(french).toContain('<h2 id="operator-temoins-de-connexion">Témoins de connexion</h2>');
    expect(french).toContain('Nous déposons <strong>un</strong> cookie.');
    expect(french).not.toContain('We set');
    expect(french).not.toContain(note);
    const frenchTermsHtml = (await page(h, '/terms?lang=fr')).html;
    expect(frenchTermsHtml).toContain('Service fourni <em>en l’état</em>.');
    expect(frenchTermsHtml).not.toContain('À compléter');
    // English keeps the English file.
    const englishHtml = (await page(h, '/privacy')).html;
    expect(englishHtml).toContain('We set <strong>one</strong> cookie.');
    expect(englishHtml).not.toContain('Témoins');

    // Only a French file: the English page shows it, and says so.
    h = await h.restart({ HERALD_POLICY_EXTRA_FILE: '', HERALD_TERMS_EXTRA_FILE: '' });
    const onlyFrench = (await page(h, '/privacy')).html;
    expect(onlyFrench).toContain('The operator has not written the section below in English: it is shown in the language they wrote it in.');
    expect(onlyFrench).toContain('Nous déposons <strong>un</strong> cookie.');
    expect((await page(h, '/terms')).html).not.toContain('Placeholder');
    expect((await facts(h)).customSections).toEqual({ privacy: true, terms: true });
  });
});
