import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config/config.ts';
import { defaultSettings, descriptors, enabledNetworks, networkIds, networkSettings } from './index.ts';
import { createProviders, createPublishers, serverParts } from './server.ts';
import type { SecretBox } from '../server/security/secret-box.ts';
import type { Db } from '../server/db/database.ts';

const base = { HERALD_DATA_DIR: '/tmp/herald-networks-unit' };

describe('the network registry', () => {
  it('knows every folder listed in index.ts, each with a server part', () => {
    expect(networkIds).toEqual(descriptors.map((d) => d.id));
    for (const id of networkIds) expect(serverParts[id], id).toMatchObject({ createProvider: expect.any(Function), createPublisher: expect.any(Function) });
  });

  it('has descriptors that agree with themselves: feature scopes are asked for and explained, settings defaults parse', () => {
    for (const d of descriptors) {
      const asked = new Set(d.scopes);
      for (const scopes of Object.values(d.featureScopes)) for (const scope of scopes) expect(asked.has(scope), `${d.id}: ${scope}`).toBe(true);
      for (const scope of d.scopes) expect((d.scopeMeanings as Record<string, string>)[scope], `${d.id}: ${scope}`).toBeTruthy();
      expect(d.rules.network).toBe(d.id);
      expect(d.rules.settings.safeParse(defaultSettings(d.id)).success).toBe(true);
      expect(d.accountSpacingMs).toBeGreaterThan(0);
    }
  });

  it('gives the composer and the API the same defaults (TikTok interactions start off, as its guidelines require)', () => {
    expect(defaultSettings('tiktok')).toMatchObject({ mode: 'direct', disableComment: true, disableDuet: true, disableStitch: true });
    expect(defaultSettings('mastodon')).toEqual({ visibility: 'public' });
  });

  it("declares each network's environment settings once, all named HERALD_*", () => {
    const envs = Object.values(networkSettings).map((s: { env: string }) => s.env);
    expect(new Set(envs).size).toBe(envs.length);
    for (const env of envs) expect(env).toMatch(/^HERALD_[A-Z_]+$/);
  });

  it('decides "is this network enabled?" once: providers, publishers and the policy pages agree', () => {
    const box = {} as SecretBox;
    const db = {} as Db;
    for (const env of [{}, { HERALD_TIKTOK_CLIENT_KEY: 'k', HERALD_TIKTOK_CLIENT_SECRET: 's' }, { HERALD_TIKTOK_CLIENT_KEY: 'k', HERALD_TIKTOK_CLIENT_SECRET: 's', HERALD_NETWORKS_DISABLED: 'mastodon' }]) {
      const config = loadConfig({ ...base, ...env });
      const enabled = enabledNetworks(config);
      expect(Object.keys(createProviders(config, { db, box }))).toEqual(enabled);
      expect(Object.keys(createPublishers(config))).toEqual(enabled);
    }
  });
});
