import { describe, expect, it } from 'vitest';
import { isAppPassword, parseBlueskyIdentifier } from './identifier.ts';

describe('Bluesky identifiers and app passwords', () => {
  it('accepts handles with or without @, in any case, and DIDs', () => {
    expect(parseBlueskyIdentifier('@Alice.bsky.social')).toEqual({ kind: 'handle', handle: 'alice.bsky.social' });
    expect(parseBlueskyIdentifier(' alice.example.com ')).toEqual({ kind: 'handle', handle: 'alice.example.com' });
    expect(parseBlueskyIdentifier('did:plc:ewvi7nxzyoun6zhxrhs64oiz')).toEqual({ kind: 'did', did: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz' });
    expect(parseBlueskyIdentifier('did:web:example.com')).toEqual({ kind: 'did', did: 'did:web:example.com' });
  });

  it('refuses what cannot be a handle or a DID', () => {
    for (const bad of ['', 'alice', 'alice@bsky.social', 'alice..bsky.social', '-alice.bsky.social', 'alice.bsky.123', 'did:plc:short', 'did:key:z6Mk', `${'a'.repeat(64)}.bsky.social`]) {
      expect(parseBlueskyIdentifier(bad), bad).toBeNull();
    }
  });

  it('tells an app password from an account password', () => {
    expect(isAppPassword('abcd-efgh-ijkl-mnop')).toBe(true);
    expect(isAppPassword(' ABCD-EFGH-2345-MNOP ')).toBe(true);
    for (const bad of ['hunter2', 'abcd-efgh-ijkl', 'abcd-efgh-ijkl-mnop-qrst', 'abcd_efgh_ijkl_mnop', 'abc1-efgh-ijkl-mnop']) expect(isAppPassword(bad), bad).toBe(false);
  });
});
