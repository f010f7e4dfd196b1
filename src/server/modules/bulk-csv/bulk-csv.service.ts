import { stringify } from 'csv-stringify/sync';
import type { Db, Tx } from '../../db/database.ts';
import type { PostContent } from '../../db/schema/index.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { utcToZoned } from '../../../shared/time-slots.ts';
import { sayMessage } from '../notifications/notification-message.ts';
import { loadMediaFacts } from '../media/media.service.ts';
import { uploadFromUrl, type PostizDeps } from '../postiz-api/postiz-api.service.ts';
import { runBeforeSaveActions } from '../posts/network-actions.ts';
import { createPost } from '../posts/posts.compose.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { workspaceTimeZone } from '../posts/time-slots.service.ts';
import { columns, LIST_SEPARATOR, type CsvRow } from './bulk-csv.columns.ts';
import { parseCsv, type ParsedRow } from './bulk-csv.parse.ts';
import { refusedRow, sayReason } from './bulk-csv.reasons.ts';
import { createBulkCsvRepository } from './bulk-csv.repository.ts';
import { channelName, checkRow, indexChannels, splitList, zoneChecker, type CheckedRow, type RowError } from './bulk-csv.validate.ts';

/**
 * `posts`: createPost's (wake-ups, instance capabilities); the rest is what downloading media URLs
 * into the library (the guarded fetch) and the networks' before-save reads need.
 */
export type BulkCsvDeps = Pick<PostizDeps, 'posts' | 'channelDeps' | 'config' | 'media' | 'allowPrivateFetch'>;

export type RowView = { row: number; status: 'valid' | 'invalid'; text: string; channels: string[]; publishAt: string | null; errors: { field: RowError['field']; reason: string }[] };
export type PreviewAnswer = { total: number; valid: number; invalid: number; rows: RowView[]; errorsCsv: string | null };

const EXPORT_MAX_ROWS = 10_000;
const DOWNLOADS_AT_ONCE = 3;

/** Every row of the file checked on one read of the workspace's channels and media. */
async function checkFile(db: Db | Tx, deps: BulkCsvDeps, workspaceId: string, rows: ParsedRow[], downloaded: Map<string, { mediaId: string } | { refused: RowError }> | null) {
  const repo = createBulkCsvRepository(db);
  const libraryIds = rows.flatMap((r) => splitList(r.values.media_ids));
  const fetchedIds = [...(downloaded?.values() ?? [])].flatMap((d) => ('mediaId' in d ? [d.mediaId] : []));
  const [channels, facts, zone] = await Promise.all([repo.channelsOf(workspaceId), loadMediaFacts(db, workspaceId, [...libraryIds, ...fetchedIds]), workspaceTimeZone(db, workspaceId)]);
  const ctx = { channels: indexChannels(channels), facts, downloaded, workspaceTimeZone: zone, now: Date.now(), instance: deps.posts.instance, isValidTimeZone: zoneChecker() };
  const budget = new Set<string>();
  return rows.map((row) => checkRow(row, ctx, budget));
}

/** A row as answered: its reasons in the reader's language. */
const viewOf = (r: CheckedRow, language: Language): RowView => ({
  row: r.row,
  status: r.errors.length ? 'invalid' : 'valid',
  text: r.values.text,
  channels: r.channelNames,
  publishAt: r.publishAt,
  errors: r.errors.map((e) => ({ field: e.field, reason: sayReason(e, language) })),
});

/** The rows that failed, as the user wrote them plus a column saying why (in the reader's language): fix them and import the file again. */
export function errorsCsv(rows: CheckedRow[], language: Language): string | null {
  const bad = rows.filter((r) => r.errors.length);
  if (!bad.length) return null;
  const records = bad.map((r) => ({ row: String(r.row), ...r.values, errors: r.errors.map((e) => sayMessage('bulk', { key: 'errorsCsv.line', values: { field: e.field, reason: sayReason(e, language) } }, language)).join('\n') }));
  return stringify(records, { header: true, columns: ['row', ...columns, 'errors'], bom: true });
}

function answer(rows: CheckedRow[], language: Language): PreviewAnswer {
  const invalidCount = rows.filter((r) => r.errors.length).length;
  return { total: rows.length, valid: rows.length - invalidCount, invalid: invalidCount, rows: rows.map((r) => viewOf(r, language)), errorsCsv: errorsCsv(rows, language) };
}

/** Every row checked against every chosen channel's rules; nothing is saved or downloaded. Reasons are said in `language`. */
export async function previewCsv(ctx: ServiceContext, deps: BulkCsvDeps, input: { workspaceId: string; csv: string; language?: Language }): Promise<PreviewAnswer> {
  return answer(await checkFile(ctx.db, deps, input.workspaceId, parseCsv(input.csv), null), input.language ?? defaultLanguage);
}

/** Downloads each distinct URL once into the media library, a few at a time; a failure is that URL's reason. */
async function download(ctx: ServiceContext, deps: BulkCsvDeps, workspaceId: string, urls: string[]) {
  const out = new Map<string, { mediaId: string } | { refused: RowError }>();
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      try {
        out.set(url, { mediaId: (await uploadFromUrl(ctx, deps, workspaceId, url)).id });
      } catch (error) {
        if (error instanceof AppError && error.status < 500) out.set(url, { refused: refusedRow('media_urls', error, 'url') });
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: DOWNLOADS_AT_ONCE }, worker));
  return out;
}

/** A network's before-save read (e.g. a community's posting rules) refused a row's settings: that row's error. */
async function runNetworkReads(ctx: ServiceContext, deps: BulkCsvDeps, workspaceId: string, role: string, rows: CheckedRow[]) {
  const seen = new Map<string, RowError | null>();
  for (const row of rows) {
    if (!row.post) continue;
    // Rows sharing channels and settings need the read once.
    const key = JSON.stringify(row.post.compose.channels);
    if (!seen.has(key)) {
      try {
        await runBeforeSaveActions(ctx, { ...deps.channelDeps, config: deps.config }, { workspaceId, role, channels: row.post.compose.channels });
        seen.set(key, null);
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400) throw error;
        seen.set(key, refusedRow('settings', error, 'settings'));
      }
    }
    const refused = seen.get(key);
    if (refused) row.errors.push(refused);
  }
}

export type ImportAnswer = PreviewAnswer & { imported: { row: number; postId: string }[] };

/**
 * Checks the file again, downloads the media URLs of the rows that pass, checks those rows against
 * the downloaded files, and saves every valid row as a scheduled post in ONE transaction through
 * createPost (the composer's path: deliveries, wake-up jobs, approvals, audit, webhooks). A row
 * refused while saving (a network allowance used up in the meantime) rolls everything back: the
 * answer names it, nothing is saved, and the file can be imported again once it is fixed.
 */
export async function importCsv(ctx: ServiceContext, deps: BulkCsvDeps, input: { workspaceId: string; role: string; csv: string; language?: Language }): Promise<ImportAnswer> {
  const parsed = parseCsv(input.csv);
  const first = await checkFile(ctx.db, deps, input.workspaceId, parsed, null);
  await runNetworkReads(ctx, deps, input.workspaceId, input.role, first);
  const urls = [...new Set(first.filter((r) => r.post).flatMap((r) => r.mediaUrls))];
  const downloaded = await download(ctx, deps, input.workspaceId, urls);
  const failedBefore = new Map(first.filter((r) => r.errors.length).map((r) => [r.row, r.errors]));
  const checked = (await checkFile(ctx.db, deps, input.workspaceId, parsed, downloaded)).map((r) => {
    const earlier = failedBefore.get(r.row);
    // The first pass's errors stand (a before-save refusal is not re-read); the row is then invalid.
    return earlier ? { ...r, errors: [...earlier, ...r.errors.filter((e) => !earlier.some((x) => x.field === e.field && x.reason === e.reason))], post: undefined } : r;
  });
  const valid = checked.filter((r) => r.post);
  const imported = await ctx.db.transaction(async (tx) => {
    const txCtx: ServiceContext = { ...ctx, db: tx as unknown as Db };
    const saved: { row: number; postId: string }[] = [];
    for (const row of valid) {
      try {
        const post = await createPost(txCtx, deps.posts, { workspaceId: input.workspaceId, role: input.role, compose: row.post!.compose, schedule: { mode: 'at', publishAt: row.post!.publishAt, timeZone: row.post!.timeZone } });
        saved.push({ row: row.row, postId: post.id });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500 || error.status === 403) throw error;
        const refused = invalid('bulk_csv.row_refused', `row ${row.row}: ${error.message}; nothing was imported`, { field: 'csv', row: row.row, code: error.code, ...(error.details ?? {}) }, { row: row.row, reason: error.message });
        // The row's rule issues keep their keys, so they are answered in the request's language too.
        refused.issueTexts = error.issueTexts;
        throw refused;
      }
    }
    return saved;
  });
  return { ...answer(checked, input.language ?? defaultLanguage), imported };
}

/** The date, time and zone cells of an instant as the person who scheduled it sees it. */
function wallCells(at: Date, timeZone: string) {
  const z = utcToZoned(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${z.year}-${pad(z.month)}-${pad(z.day)}`, time: `${pad(z.hour)}:${pad(z.minute)}`, time_zone: timeZone };
}

/**
 * The posts not yet gone out with a time in [from, to), in the import's columns (UTF-8 with BOM):
 * editing the file and importing it again creates the same posts. Channels are named by handle
 * where the handle is unique in the workspace, by id otherwise. What the columns cannot hold
 * (thread parts, per-channel texts) is left out: the shared text is exported.
 */
export async function exportCsv(ctx: ServiceContext, input: { workspaceId: string; from: Date; to: Date }): Promise<{ fileName: string; body: string; rows: number }> {
  const repo = createBulkCsvRepository(ctx.db);
  const [posts, channelRows] = await Promise.all([repo.postsBetween(input.workspaceId, { ...input, limit: EXPORT_MAX_ROWS }), repo.channelsOf(input.workspaceId)]);
  const index = indexChannels(channelRows);
  const nameOf = (id: string) => {
    const channel = index.byId.get(id);
    if (!channel) return id;
    const name = channelName(channel);
    return index.byKey.get(name.toLowerCase())?.length === 1 ? name : id;
  };
  const deliveryRows = await repo.deliveriesOf(input.workspaceId, posts.map((p) => p.id));
  const byGroup = groupBy(deliveryRows);
  const records: CsvRow[] = posts.map((post) => {
    const rows = byGroup.get(post.id) ?? [];
    const settings: Record<string, Record<string, unknown>> = {};
    for (const d of rows) if (!settings[d.network] && Object.keys(d.content.settings ?? {}).length) settings[d.network] = d.content.settings as Record<string, unknown>;
    const first = (post.content as PostContent).parts[0];
    return {
      text: first?.text ?? '',
      channels: rows.map((d) => nameOf(d.channelId)).join(`${LIST_SEPARATOR} `),
      ...wallCells(post.publishAt!, post.timeZone),
      publish_at: '',
      media_urls: '',
      media_ids: (first?.media ?? []).map((m) => m.mediaId).join(`${LIST_SEPARATOR} `),
      first_comment: post.content.firstComment ?? '',
      settings: Object.keys(settings).length ? JSON.stringify(settings) : '',
    };
  });
  const body = stringify(records, { header: true, columns: [...columns], bom: true });
  return { fileName: `herald-posts-${input.from.toISOString().slice(0, 10)}.csv`, body, rows: records.length };
}

function groupBy<T extends { postGroupId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(row.postGroupId, [...(out.get(row.postGroupId) ?? []), row]);
  return out;
}
