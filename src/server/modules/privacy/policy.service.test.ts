import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigError } from '../../config/config.ts';
import { enabledNetworks } from '../../../networks/index.ts';
import { callbackUrls } from '../network-callbacks/network-callbacks.registry.ts';
import { policyFacts } from './policy.service.ts';

const base = { HERALD_DATA_DIR: '/tmp/herald-policy-unit' };
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('policy settings and facts', () => {
  it('offers TikTok only with its key and secret, minus the disabled networks', () => {
    expect(enabledNetworks(loadConfig(base))).toEqual(['mastodon', 'bluesky']);
    const tiktok = { HERALD_TIKTOK_CLIENT_KEY: 'k', HERALD_TIKTOK_CLIENT_SECRET: 's' };
    expect(enabledNetworks(loadConfig({ ...base, ...tiktok }))).toEqual(['tiktok', 'mastodon', 'bluesky']);
    expect(enabledNetworks(loadConfig({ ...base, ...tiktok, HERALD_NETWORKS_DISABLED: ' Mastodon , bluesky' }))).toEqual(['tiktok']);
  });

  it('refuses unknown networks, malformed sub-processors, bad contacts and missing files, all at once', () => {
    const found = problems({
      HERALD_NETWORKS_DISABLED: 'mastodon,myspace',
      HERALD_SUBPROCESSORS: 'Hetzner — hosting — Germany; just a name',
      HERALD_OPERATOR_CONTACT: 'javascript:alert(1)',
      HERALD_POLICY_EXTRA_FILE: '/nonexistent/privacy.md',
    });
    expect(found).toEqual([
      expect.stringMatching(/^HERALD_OPERATOR_CONTACT: must be an e-mail address or an http\(s\) URL/),
      expect.stringMatching(/^HERALD_SUBPROCESSORS: "just a name" must read Name — purpose — location/),
      expect.stringMatching(/^HERALD_NETWORKS_DISABLED: unknown network myspace/),
      expect.stringMatching(/^HERALD_POLICY_EXTRA_FILE: must be a readable file/),
    ]);
  });

  it('reads contacts as e-mail or URL, and sub-processors with any dash', () => {
    const config = loadConfig({ ...base, HERALD_OPERATOR_CONTACT: 'https://acme.example/contact', HERALD_SUBPROCESSORS: 'Hetzner – hosting – Germany;Mailgun - e-mail - EU;' });
    const facts = policyFacts(config, { now: new Date('2026-01-02T03:04:05Z'), customSections: { privacy: false, terms: false } });
    expect(facts.operator.contact).toEqual({ kind: 'url', value: 'https://acme.example/contact', href: 'https://acme.example/contact' });
    expect(facts.subprocessors).toEqual([
      { name: 'Hetzner', purpose: 'hosting', location: 'Germany' },
      { name: 'Mailgun', purpose: 'e-mail', location: 'EU' },
    ]);
    expect(facts.networks.find((n) => n.id === 'bluesky')?.scopes).toEqual([
      { scope: 'atproto', meaning: expect.any(String) },
      { scope: 'transition:generic', meaning: expect.any(String) },
      { scope: 'com.atproto.appPass', meaning: expect.any(String) },
    ]);
    expect(facts.generatedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it("lists what each enabled network contacts besides its API, taken from the network's descriptor", () => {
    const tiktok = { HERALD_TIKTOK_CLIENT_KEY: 'k', HERALD_TIKTOK_CLIENT_SECRET: 's', HERALD_MEDIA_PUBLIC_URL: 'https://media.acme.example' };
    const services = (env: Record<string, string>) =>
      policyFacts(loadConfig({ ...base, ...env }), { now: new Date(), customSections: { privacy: false, terms: false } }).outgoing.networkServices.map((s) => [s.network, s.sentence.filter((p) => typeof p !== 'string')]);
    expect(services(tiktok)).toEqual([
      ['tiktok', [{ code: 'https://media.acme.example' }]],
      ['bluesky', [{ code: 'https://public.api.bsky.app' }, { code: 'HERALD_BLUESKY_RESOLVER_URL' }, { code: 'https://plc.directory' }]],
    ]);
    // A network that is off contacts nothing; TikTok without a media address pulls nothing.
    expect(services({ ...tiktok, HERALD_NETWORKS_DISABLED: 'bluesky' })).toEqual([['tiktok', [{ code: 'https://media.acme.example' }]]]);
    expect(services({ HERALD_MEDIA_PUBLIC_URL: 'https://media.acme.example', HERALD_NETWORKS_DISABLED: 'bluesky' })).toEqual([]);
  });

  it('names the callback URLs of the enabled networks that declare callbacks, and no others', () => {
    const refuse = async () => ({ ok: false as const, status: 403 as const, message: 'forged' });
    const urls = callbackUrls({ tiktok: { deauthorize: refuse }, mastodon: { 'data-deletion': refuse } }, 'https://herald.example');
    expect(urls).toEqual([
      { network: 'tiktok', name: 'deauthorize', url: 'https://herald.example/api/v1/networks/tiktok/callbacks/deauthorize' },
      { network: 'mastodon', name: 'data-deletion', url: 'https://herald.example/api/v1/networks/mastodon/callbacks/data-deletion' },
    ]);
    // TikTok is off without its key and secret: its URL is not listed.
    const facts = policyFacts(loadConfig(base), { now: new Date(), customSections: { privacy: false, terms: false }, callbacks: urls });
    expect(facts.networks.map((n) => [n.id, n.callbacks.map((c) => c.name)])).toEqual([
      ['mastodon', ['data-deletion']],
      ['bluesky', []],
    ]);
  });
});
