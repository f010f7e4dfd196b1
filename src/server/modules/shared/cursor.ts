import { isInstantInRange } from './instants.ts';

/**
 * Cursor pages ordered by (instant, id). The cursor is base64url of `ISO|id`; it comes back from the
 * client, so it is read as untrusted input: base64 hides a NUL or an out-of-range year from the
 * checks at the edge, and either would reach PostgreSQL as an error.
 */
export const encodeInstantCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

/** The cursor's parts, or null when it is not one this API gave out. */
export function decodeInstantCursor(cursor: string): { at: Date; id: string } | null {
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length || !iso || !id || id.length > 100 || !/^[\w-]+$/.test(id)) return null;
  const at = new Date(iso);
  return isInstantInRange(at) ? { at, id } : null;
}
