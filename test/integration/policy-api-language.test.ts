import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyFacts, policyFactsIn, policyFactsSchema, type PolicyFacts } from '../../src/server/modules/privacy/policy.service.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

const nbsp = '\u00a0';
const facts = async (h: TestHerald, headers: Record<string, string> = {}) => {
  const res = await fetch(`${h.url}/api/v1/policy`, { headers });
  return { language: res.headers.get('content-language'), vary: res.headers.get('vary'), body: (await res.json()) as PolicyFacts };
};

// GET /api/v1/policy states the facts /privacy states; its sentences (what a scope allows, the
// networks' terms, what they contact) are the page's, in the reader's language.
describe('GET /api/v1/policy in the language asked for', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  }, 60_000);
  afterAll(async () => h?.close());

  it('answers English exactly as the facts were always answered, with or without Accept-Language', async () => {
    const english = await facts(h);
    expect(english.language).toBe('en');
    expect(english.vary).toContain('Accept-Language');
    // The facts computed as the route always computed them, for the same moment and callbacks.
    const callbacks = english.body.networks.flatMap((n) => n.callbacks.map((c) => ({ network: n.id, ...c })));
    const computed = policyFacts(h.config, { now: new Date(english.body.generatedAt), customSections: english.body.customSections, callbacks });
    expect(JSON.stringify(english.body)).toBe(JSON.stringify(policyFactsSchema.parse(computed)));
    expect(policyFactsIn(computed, 'en')).toBe(computed);
    expect((await facts(h, { 'accept-language': 'en-GB,en;q=0.9' })).body).toEqual(english.body);
    expect((await facts(h, { 'accept-language': 'de' })).body).toEqual(english.body);
  });

  it('says the networks’ sentences in French, keeping every value, scope and address', async () => {
    const english = (await facts(h)).body;
    const inFrench = await facts(h, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(inFrench.language).toBe('fr');
    const french = inFrench.body;
    expect(policyFactsSchema.safeParse(french).success).toBe(true);
    // Everything but the sentences is the same.
    const withoutSentences = (f: PolicyFacts) => ({
      ...f,
      networks: f.networks.map((n) => ({ ...n, scopes: n.scopes.map((s) => s.scope), terms: n.terms.map((t) => t.url) })),
      outgoing: { ...f.outgoing, networkServices: f.outgoing.networkServices.map((s) => ({ network: s.network, codes: s.sentence.filter((p) => typeof p !== 'string') })) },
    });
    expect(withoutSentences(french)).toEqual(withoutSentences(english));

    const mastodon = french.networks.find((n) => n.id === 'mastodon')!;
    expect(mastodon.scopes).toEqual([
      { scope: 'read', meaning: 'lire votre compte, votre profil et vos publications (pour le profil et les statistiques)' },
      { scope: 'write', meaning: 'publier et envoyer des médias en votre nom' },
    ]);
    expect(mastodon.terms[0]!.label).toBe(`Mastodon Server Covenant (chaque serveur publie aussi ses propres règles sur sa page «${nbsp}À propos${nbsp}»)`);
    const bluesky = french.networks.find((n) => n.id === 'bluesky')!;
    expect(bluesky.terms.map((t) => t.label)).toEqual(['Conditions d’utilisation de Bluesky', 'Règles de la communauté Bluesky']);
    const blueskyService = french.outgoing.networkServices.find((s) => s.network === 'bluesky')!;
    expect(blueskyService.sentence[0]).toBe(`Quand vous connectez un pseudo Bluesky${nbsp}: `);
    // No English sentence left where the network translated it.
    for (const [i, n] of french.networks.entries()) {
      n.scopes.forEach((s, j) => expect(s.meaning).not.toBe(english.networks[i]!.scopes[j]!.meaning));
    }
  });
});
