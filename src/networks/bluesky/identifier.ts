// Bluesky's identifier and app-password formats, shared by the server (validation at the edge)
// and the web app (the connect form), so both say the same thing about the same input.

const handlePattern = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const didPattern = /^did:(plc:[a-z2-7]{24}|web:[a-z0-9.%-]+)$/;
/** App passwords are four groups of four characters; the account's main password never is. */
const appPasswordPattern = /^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/;

export type BlueskyIdentifier = { kind: 'handle'; handle: string } | { kind: 'did'; did: string };

/** `@Alice.bsky.social`, `alice.bsky.social` or `did:plc:…` → a normalised identifier, or null. */
export function parseBlueskyIdentifier(raw: string): BlueskyIdentifier | null {
  const value = raw.trim().replace(/^@/, '');
  if (value.startsWith('did:')) return didPattern.test(value) ? { kind: 'did', did: value } : null;
  const handle = value.toLowerCase();
  return handle.length <= 253 && handlePattern.test(handle) ? { kind: 'handle', handle } : null;
}

export function isAppPassword(raw: string): boolean {
  return appPasswordPattern.test(raw.trim().toLowerCase());
}

export const blueskyIdentifierHint = 'must be a handle like alice.bsky.social or a DID like did:plc:…';
export const appPasswordHint = 'must be an app password like abcd-efgh-ijkl-mnop (Bluesky: Settings → Privacy and security → App passwords), not the account password';

/**
 * `https://bsky.social` or `https://pds.example/` → its origin, or null: the server (PDS or
 * entryway) a person signs in at when they connect with OAuth without naming their handle.
 */
export function parseBlueskyServer(raw: string): string | null {
  const value = raw.trim();
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search ? null : url.origin;
  } catch {
    return null;
  }
}

export const blueskySignInHint = 'must be a handle like alice.bsky.social, a DID like did:plc:…, or your server’s address like https://bsky.social';
