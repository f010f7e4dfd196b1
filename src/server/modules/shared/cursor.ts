import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from './errors.ts';
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

/** The last row of the previous page: where the next one starts. */
export type Keyset = { at: Date; id: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * The `cursor` and `limit` query parameters of a paged list; each list picks its default and
 * maximum (what one screen shows, and what one answer may cost).
 */
export const pageQuery = (sizes: { default: number; max: number }) => ({
  cursor: z.string().max(300).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(sizes.max).default(sizes.default).describe(`Items per page (default ${sizes.default}, at most ${sizes.max})`),
});

/** The answer of a paged list: `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page') });

/** A 400 like the edge's own (validation_failed naming the field), never a 500 from the database. */
export function readCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  const parts = decodeInstantCursor(cursor);
  if (!parts) {
    const issue = { field: 'querystring.cursor', message: 'is not a cursor this API gave out' };
    throw new AppError('validation_failed', 400, `${issue.field}: ${issue.message}`, { issues: [issue] });
  }
  return parts;
}

// Timestamps default to now() in the database, which keeps microseconds; a cursor carries the
// milliseconds of a JavaScript Date. Ordering and comparing on the millisecond keeps rows that share
// a millisecond from being skipped or repeated at a page boundary (the id breaks the tie).
const toMs = (at: AnyColumn | SQL) => sql`date_trunc('milliseconds', ${at})`;

export type KeysetOrder = 'asc' | 'desc';

/** `(at, id) > cursor` (ascending) or `<` (descending); undefined (no condition) on the first page. */
export function keysetWhere(at: AnyColumn | SQL, id: AnyColumn, after: Keyset | undefined, order: KeysetOrder): SQL | undefined {
  if (!after) return undefined;
  const key = sql`(${toMs(at)}, ${id})`;
  const cursor = sql`(${after.at.toISOString()}::timestamptz, ${after.id})`;
  return order === 'asc' ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`;
}

/** The ORDER BY that matches keysetWhere. */
export function keysetOrderBy(at: AnyColumn | SQL, id: AnyColumn, order: KeysetOrder): SQL[] {
  return order === 'asc' ? [sql`${toMs(at)} asc`, sql`${id} asc`] : [sql`${toMs(at)} desc`, sql`${id} desc`];
}

/** Rows fetched with limit + 1 → the page and, when the extra row came, the cursor after its last item. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  if (rows.length <= limit || !last) return { items, nextCursor: null };
  const key = keyOf(last);
  return { items, nextCursor: encodeInstantCursor(key.at, key.id) };
}
