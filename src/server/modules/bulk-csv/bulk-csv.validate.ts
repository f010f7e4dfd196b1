import { isNetworkId, networkLabel } from '../../../shared/networks.ts';
import type { InstanceCapabilities, MediaFacts, RuleIssue } from '../../../shared/publishing-rules.ts';
import { isValidTimeZone, zonedToUtc } from '../../../shared/time-slots.ts';
import type { ComposeInput } from '../posts/posts.content.ts';
import type { ChannelRow } from '../posts/posts.repository.ts';
import { PAST_TOLERANCE_MS } from '../posts/posts.schedule.ts';
import { checkVariants } from '../posts/posts.validate.ts';
import { LIST_SEPARATOR, type Column, type CsvRow } from './bulk-csv.columns.ts';
import type { ParsedRow } from './bulk-csv.parse.ts';
import { ruleIssueError, rowError, type RowError } from './bulk-csv.reasons.ts';

// One row of the file checked against everything the composer checks, with no database read: the
// caller loads the workspace's channels and the media facts once for the whole file.

/** Distinct media URLs one file may download: each is a fetch and a probe at import time. */
export const MAX_MEDIA_URLS = 20;
const MAX_TEXT = 100_000;

export type { RowError } from './bulk-csv.reasons.ts';
export type CheckedRow = {
  row: number;
  values: CsvRow;
  errors: RowError[];
  /** Present when the row is valid: what createPost receives. */
  post?: { compose: ComposeInput; publishAt: string; timeZone: string };
  /** Names of the channels the row resolved to, for the preview table. */
  channelNames: string[];
  publishAt: string | null;
  mediaUrls: string[];
};

export type CheckContext = {
  channels: ChannelIndex;
  /** Facts of the library media the file names (and, at import, of the files downloaded for it). */
  facts: Map<string, MediaFacts>;
  /** Import: each media URL's downloaded file id, or why it could not be downloaded. Preview: null (URLs are checked for form only). */
  downloaded: Map<string, { mediaId: string } | { refused: RowError }> | null;
  workspaceTimeZone: string;
  now: number;
  instance: InstanceCapabilities;
  /** zoneChecker(): one per file. */
  isValidTimeZone: (zone: string) => boolean;
};

export type ChannelIndex = { byKey: Map<string, ChannelRow[]>; byId: Map<string, ChannelRow> };

/** How a person may name a channel in the file: its id, its handle with or without "@", or its display name (any case). */
export function indexChannels(rows: ChannelRow[]): ChannelIndex {
  const byKey = new Map<string, ChannelRow[]>();
  const add = (key: string | null, row: ChannelRow) => {
    if (!key) return;
    const k = key.trim().toLowerCase();
    const list = byKey.get(k) ?? [];
    if (!list.includes(row)) byKey.set(k, [...list, row]);
  };
  for (const row of rows) {
    add(row.id, row);
    add(row.username, row);
    add(row.username && `@${row.username.replace(/^@/, '')}`, row);
    add(row.username?.replace(/^@/, '') ?? null, row);
    // A handle that carries its server (name@server): the name alone finds it too, while unique.
    const local = row.username?.replace(/^@/, '').split('@')[0];
    if (local && local !== row.username?.replace(/^@/, '')) {
      add(local, row);
      add(`@${local}`, row);
    }
    add(row.displayName, row);
  }
  return { byKey, byId: new Map(rows.map((r) => [r.id, r])) };
}

export const channelName = (c: Pick<ChannelRow, 'username' | 'displayName' | 'id'>) => (c.username ? `@${c.username.replace(/^@/, '')}` : (c.displayName ?? c.id));

export const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const dateCell = /^(\d{4})-(\d{2})-(\d{2})$/;
const timeCell = /^(\d{1,2}):(\d{2})(?::00)?$/;

/**
 * Asking Intl whether a zone exists builds a formatter (about half a millisecond): a file names a
 * few zones thousands of times, so each answer is kept for the file.
 */
export function zoneChecker(): (zone: string) => boolean {
  const known = new Map<string, boolean>();
  return (zone) => {
    let valid = known.get(zone);
    if (valid === undefined) known.set(zone, (valid = isValidTimeZone(zone)));
    return valid;
  };
}

function checkTime(values: CsvRow, ctx: CheckContext, errors: RowError[]): { at: Date; timeZone: string } | null {
  const isValidTimeZone = ctx.isValidTimeZone;
  const zone = values.time_zone.trim() || ctx.workspaceTimeZone;
  if (!isValidTimeZone(zone)) errors.push(rowError('time_zone', 'timeZone.invalid', { zone: values.time_zone.trim() }));
  const iso = values.publish_at.trim();
  const date = values.date.trim();
  const time = values.time.trim();
  let at: Date | null = null;
  let field: Column = 'date';
  if (iso) {
    field = 'publish_at';
    if (date || time) errors.push(rowError('publish_at', 'publishAt.both'));
    const parsed = new Date(iso);
    if (!isoInstant.test(iso) || Number.isNaN(parsed.getTime())) errors.push(rowError('publish_at', 'publishAt.invalid', { value: iso }));
    else at = parsed;
  } else {
    const d = dateCell.exec(date);
    const t = timeCell.exec(time);
    if (!date) errors.push(rowError('date', 'date.empty'));
    else if (!d) errors.push(rowError('date', 'date.invalid', { value: date }));
    if (!time) errors.push(rowError('time', 'time.empty'));
    else if (!t) errors.push(rowError('time', 'time.invalid', { value: time }));
    if (d && t && isValidTimeZone(zone)) {
      try {
        at = zonedToUtc({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) }, zone);
      } catch (error) {
        const what = error instanceof RangeError && /hour|minute/.test(error.message) ? 'time' : 'date';
        errors.push(rowError(what, `${what}.notReal`, { value: what === 'time' ? time : date }));
      }
    }
  }
  if (at && at.getTime() < ctx.now - PAST_TOLERANCE_MS) errors.push(rowError(field, 'past'));
  return at && isValidTimeZone(zone) ? { at, timeZone: zone } : null;
}

function checkSettings(cell: string, errors: RowError[]): Record<string, Record<string, unknown>> {
  if (!cell.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    errors.push(rowError('settings', 'settings.notJson'));
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    errors.push(rowError('settings', 'settings.notObject'));
    return {};
  }
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!isNetworkId(key)) errors.push(rowError('settings', 'settings.unknownNetwork', { key }));
    else if (!value || typeof value !== 'object' || Array.isArray(value)) errors.push(rowError('settings', 'settings.optionsNotObject', { network: networkLabel(key) }));
    else out[key] = value as Record<string, unknown>;
  }
  return out;
}

function checkUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A rule issue of `channels.<i>.<field>` as the column it concerns. */
function columnOf(field: string, hasUrls: boolean): Column {
  const rest = field.replace(/^channels\.\d+\.?/, '');
  if (rest.startsWith('media') || /^parts\.\d+\.media/.test(rest)) return hasUrls ? 'media_urls' : 'media_ids';
  if (rest.startsWith('settings')) return 'settings';
  if (rest.startsWith('firstComment')) return 'first_comment';
  if (rest === 'channelId' || rest === '') return 'channels';
  return 'text';
}

/**
 * Checks one row. `urlBudget` is shared by the file's rows: the distinct media URLs seen so far,
 * refused past MAX_MEDIA_URLS.
 */
export function checkRow(parsed: ParsedRow, ctx: CheckContext, urlBudget: Set<string>): CheckedRow {
  const { values } = parsed;
  const errors: RowError[] = [];
  if (parsed.extraCells) errors.push(rowError('row', 'extraCells', { count: parsed.extraCells }));

  const picked: ChannelRow[] = [];
  const names = splitList(values.channels);
  if (!names.length) errors.push(rowError('channels', 'channels.none'));
  for (const name of names) {
    const found = ctx.channels.byKey.get(name.toLowerCase()) ?? [];
    if (!found.length) errors.push(rowError('channels', 'channels.unknown', { name }));
    else if (found.length > 1) errors.push(rowError('channels', 'channels.ambiguous', { name, matches: found.length }));
    else picked.push(found[0]!);
  }

  const when = checkTime(values, ctx, errors);
  const settings = checkSettings(values.settings, errors);
  if (values.text.length > MAX_TEXT) errors.push(rowError('text', 'text.tooLong', { max: MAX_TEXT }));

  const mediaIds: string[] = [];
  for (const id of splitList(values.media_ids)) {
    if (ctx.facts.has(id)) mediaIds.push(id);
    else errors.push(rowError('media_ids', 'media.unknownId', { id }));
  }
  const mediaUrls: string[] = [];
  for (const raw of splitList(values.media_urls)) {
    const url = checkUrl(raw);
    if (!url) {
      errors.push(rowError('media_urls', 'media.badUrl', { url: raw }));
      continue;
    }
    if (!urlBudget.has(url) && urlBudget.size >= MAX_MEDIA_URLS) {
      errors.push(rowError('media_urls', 'media.tooManyUrls', { max: MAX_MEDIA_URLS }));
      continue;
    }
    urlBudget.add(url);
    mediaUrls.push(url);
    const got = ctx.downloaded?.get(url);
    if (got && 'refused' in got) errors.push(got.refused);
    else if (got) mediaIds.push(got.mediaId);
  }

  const compose: ComposeInput = {
    content: { text: values.text, media: mediaIds.map((mediaId) => ({ mediaId })), threadParts: [], firstComment: values.first_comment.trim() ? values.first_comment : null },
    channels: picked.map((c) => ({ channelId: c.id, settings: settings[c.network] ?? {} })),
  };
  if (picked.length) {
    let issues: RuleIssue[] = checkVariants(compose, ctx.channels.byId, ctx.facts, { forPublishing: true, instance: ctx.instance });
    // At preview the URLs are not downloaded yet: "add media" is not a mistake of a row that has some.
    // The downloaded files are checked against every rule at import.
    if (!ctx.downloaded && mediaUrls.length) issues = issues.filter((i) => i.code !== 'empty');
    for (const issue of issues) {
      const index = Number(/^channels\.(\d+)/.exec(issue.field)?.[1]);
      const channel = Number.isInteger(index) ? picked[index] : undefined;
      errors.push(ruleIssueError(columnOf(issue.field, mediaUrls.length > 0), channel && channelName(channel), issue));
    }
  }
  return {
    row: parsed.row,
    values,
    errors,
    channelNames: picked.map(channelName),
    publishAt: when?.at.toISOString() ?? null,
    mediaUrls,
    ...(errors.length === 0 && when ? { post: { compose, publishAt: when.at.toISOString(), timeZone: when.timeZone } } : {}),
  };
}
