import crypto from 'node:crypto';

/**
 * Links of the form `<HERALD_MEDIA_PUBLIC_URL>/media/public/<mediaId>/<expires>/<signature>` that
 * networks which pull files (TikTok PULL_FROM_URL) use to download one media file without a session.
 *
 * `expires` is in Unix seconds and signed with the media id, so a link stops working after a few
 * hours even if it leaks (TikTok's logs, a proxy's). The key is derived from the server secret for
 * this purpose alone: a link never reveals anything that could help forge a session cookie, and
 * links signed the old way (HMAC keyed with the secret itself) are not valid signatures here.
 */

// Changing the label invalidates every link signed before, which is what a new format must do.
const KEY_LABEL = 'herald/public-media-link/v1';

/** Media ids are UUIDs; anything outside this alphabet cannot be one, and keeps the signed text unambiguous. */
export const mediaIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

export type PublicMediaLinks = {
  /** A link to `mediaId` that works until `hours` (HERALD_MEDIA_LINK_HOURS) from `now`. */
  linkTo(mediaId: string, now?: Date): string;
  /** True when `signature` was made by this Herald for `mediaId` and `expires` has not passed. */
  verify(mediaId: string, expires: string, signature: string, now?: Date): boolean;
};

export function derivePublicMediaKey(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), KEY_LABEL, 32));
}

/** The signature over (media id, expiry); exported for tests that need a link with a chosen expiry. */
export function signPublicMedia(key: Buffer, mediaId: string, expiresUnix: number): string {
  return crypto.createHmac('sha256', key).update(`${mediaId}:${expiresUnix}`).digest('base64url');
}

export function createPublicMediaLinks(options: { secret: string; baseUrl: string; hours: number }): PublicMediaLinks {
  const key = derivePublicMediaKey(options.secret);
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    linkTo(mediaId, now = new Date()) {
      if (!mediaIdPattern.test(mediaId)) throw new Error(`not a media id: ${mediaId}`);
      const expires = Math.floor(now.getTime() / 1000) + Math.round(options.hours * 3600);
      return `${base}/media/public/${mediaId}/${expires}/${signPublicMedia(key, mediaId, expires)}`;
    },
    verify(mediaId, expires, signature, now = new Date()) {
      if (!mediaIdPattern.test(mediaId) || !/^\d{1,12}$/.test(expires)) return false;
      const expected = Buffer.from(signPublicMedia(key, mediaId, Number(expires)));
      const given = Buffer.from(signature);
      // Compared in constant time before the expiry, so timing tells nothing about either.
      const signed = expected.length === given.length && crypto.timingSafeEqual(expected, given);
      return signed && Number(expires) * 1000 > now.getTime();
    },
  };
}
