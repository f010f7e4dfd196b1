import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPublicMediaLinks, derivePublicMediaKey, signPublicMedia } from './public-media-link.ts';

const secret = 'a-test-secret-of-at-least-thirty-two-chars';
const links = createPublicMediaLinks({ secret, baseUrl: 'https://media.example/', hours: 6 });
const parts = (link: string) => /^https:\/\/media\.example\/media\/public\/([^/]+)\/(\d+)\/([^/]+)$/.exec(link)!.slice(1) as [string, string, string];

describe('signed public media links', () => {
  const now = new Date('2026-05-01T10:00:00Z');

  it('signs (media id, expiry) and works until the expiry only', () => {
    const [id, expires, signature] = parts(links.linkTo('m-1', now));
    expect(id).toBe('m-1');
    expect(Number(expires)).toBe(now.getTime() / 1000 + 6 * 3600);
    expect(links.verify(id, expires, signature, now)).toBe(true);
    expect(links.verify(id, expires, signature, new Date(Number(expires) * 1000 - 1))).toBe(true);
    expect(links.verify(id, expires, signature, new Date(Number(expires) * 1000))).toBe(false);
  });

  it('refuses another id, another expiry, a changed signature or another secret', () => {
    const [id, expires, signature] = parts(links.linkTo('m-1', now));
    expect(links.verify('m-2', expires, signature, now)).toBe(false);
    expect(links.verify(id, String(Number(expires) + 1), signature, now)).toBe(false);
    expect(links.verify(id, expires, signature.slice(1), now)).toBe(false);
    expect(links.verify(id, `${expires}x`, signature, now)).toBe(false);
    const other = createPublicMediaLinks({ secret: `${secret}!`, baseUrl: 'https://media.example', hours: 6 });
    expect(other.verify(id, expires, signature, now)).toBe(false);
  });

  it('uses a key derived for links only, never the session secret itself', () => {
    const key = derivePublicMediaKey(secret);
    expect(key.equals(Buffer.from(secret))).toBe(false);
    expect(key).toHaveLength(32);
    const expires = now.getTime() / 1000 + 60;
    const withSecret = crypto.createHmac('sha256', secret).update(`m-1:${expires}`).digest('base64url');
    expect(links.verify('m-1', String(expires), withSecret, now)).toBe(false);
    expect(links.verify('m-1', String(expires), signPublicMedia(key, 'm-1', expires), now)).toBe(true);
  });
});
