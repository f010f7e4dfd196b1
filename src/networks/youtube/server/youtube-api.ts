// Calls to Google's YouTube APIs: the error envelope, what each reason means to Herald, and the
// project's daily quota counted in Herald's database (shared/providers.md §9).
import type { Config } from '../../../server/config/config.ts';
import { requestJson } from '../../../server/providers/http.ts';
import { type ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../../error-words.ts';

/** Words of YouTube's error sentences (`network-youtube:errors.…`). */
export const youtubeWords = (key: string, values?: MessageValues) => errorWords(`network-youtube:errors.${key}`, values);
import type { UsageLedger } from '../../../server/providers/publishing.ts';
import type { QuotaCall } from '../descriptor.ts';

export const network = 'youtube' as const;

/** Google's error envelope: `{ error: { code, message, errors: [{ domain, reason, message }] } }`. */
export type GoogleError = { error?: { code?: number; message?: string; errors?: { domain?: string; reason?: string; message?: string }[]; status?: string } | string; error_description?: string };

export type YouTubeEndpoints = { apiUrl: string; uploadUrl: string; analyticsUrl: string };
export type QuotaSettings = { dailyQuota: number; dailyUploads: number; costs: Record<QuotaCall, number> };

export const endpointsOf = (config: Config): YouTubeEndpoints => ({ apiUrl: config.youtubeApiUrl, uploadUrl: config.youtubeUploadUrl, analyticsUrl: config.youtubeAnalyticsUrl });
export const quotaOf = (config: Config): QuotaSettings => ({ dailyQuota: config.youtubeDailyQuota, dailyUploads: config.youtubeDailyUploads, costs: config.youtubeQuotaCosts });

// ---- The quota day: midnight to midnight in America/Los_Angeles ----------------------------

const pacificDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });
const pacificParts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** Minutes Pacific time is ahead of UTC at this instant (-480 in winter, -420 in summer). */
function pacificOffsetMinutes(at: number): number {
  const p = Object.fromEntries(pacificParts.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** Midnight Pacific of the calendar day `days` after the one containing `now`, as an instant. */
function pacificMidnight(now: Date, days: number): Date {
  const [y, m, d] = pacificDate.format(now).split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d + days);
  // The offset just after that midnight (DST changes at 02:00, so 8 hours later in UTC is still before it).
  return new Date(midnightUtc - pacificOffsetMinutes(midnightUtc + 8 * 3_600_000) * 60_000);
}

/** YouTube's quota day: it starts and resets at midnight Pacific time. */
export function quotaWindow(now = new Date()): { start: Date; resetsAt: Date } {
  return { start: pacificMidnight(now, 0), resetsAt: pacificMidnight(now, 1) };
}

const until = (at: Date) => Math.max(1000, at.getTime() - Date.now());
/** When the quota resets, written in the reader's language (English: `2026-12-08 08:00 UTC`); the sentence adds "(midnight Pacific time)". */
const resetMoment = (at: Date) => ({ date: at.toISOString(), style: 'utc' as const });

/**
 * Counts a call against the project's daily quota before it is made. A call that would exceed it
 * is not made: the error is transient and asks to wait until the quota resets, so the post is
 * deferred, not failed. Without a ledger (no database at hand) nothing is counted.
 */
export async function charge(usage: UsageLedger | undefined, quota: QuotaSettings, call: QuotaCall, count = 1): Promise<void> {
  if (!usage) return;
  const window = quotaWindow();
  if (call === 'videos.insert') {
    const uploads = await usage.consume({ bucket: 'uploads', units: count, windowStart: window.start, limit: quota.dailyUploads });
    if (!uploads.allowed) {
      throw quotaError(youtubeWords('quotaUploads', { perDay: quota.dailyUploads, used: uploads.used, at: resetMoment(window.resetsAt) }), window.resetsAt);
    }
  }
  const units = quota.costs[call] * count;
  if (units <= 0) return;
  const taken = await usage.consume({ bucket: 'units', units, windowStart: window.start, limit: quota.dailyQuota });
  if (taken.allowed) return;
  // The upload bucket's count is given back: the upload was not made.
  if (call === 'videos.insert') await usage.consume({ bucket: 'uploads', units: -count, windowStart: window.start, limit: quota.dailyUploads });
  throw quotaError(youtubeWords('quotaUnits', { call, units, quota: quota.dailyQuota, used: taken.used, at: resetMoment(window.resetsAt) }), window.resetsAt);
}

function quotaError(what: MessageRef, resetsAt: Date) {
  return wordedError('transient', network, youtubeWords('quota', { what }), 'quotaExceeded', { retryAfterMs: until(resetsAt) });
}

/** What the project has left today, for the operator (and tests). */
export async function quotaLeft(usage: UsageLedger, quota: QuotaSettings) {
  const window = quotaWindow();
  const [units, uploads] = await Promise.all([usage.read({ bucket: 'units', windowStart: window.start }), usage.read({ bucket: 'uploads', windowStart: window.start })]);
  return { units: quota.dailyQuota - units, uploads: quota.dailyUploads - uploads, resetsAt: window.resetsAt };
}

// ---- Errors --------------------------------------------------------------------------------

/** What a call needs, for a missing-permission message. */
export type Needed = { scope: string; what: string | MessageRef };

/** Google's rejection reasons Herald words so a person can act on them (`network-youtube:errors.reason.<reason>`). */
const worded = new Set(['youtubeSignupRequired', 'invalidTitle', 'invalidDescription', 'invalidTags', 'invalidCategoryId', 'invalidVideoMetadata', 'mediaBodyRequired', 'uploadLimitExceeded', 'playlistNotFound', 'videoNotFound', 'forbidden', 'playlistOperationUnsupported', 'invalidImage', 'mediaBodyTooLarge']);

const DAY_MS = 86_400_000;
/** Google sends no Retry-After: a minute for the per-user and per-project call rates. */
const RATE_WAIT_MS = 60_000;

export function googleReason(body: unknown): { reason?: string; message?: string } {
  const error = (body as GoogleError | null)?.error;
  if (!error || typeof error === 'string') return { reason: typeof error === 'string' ? error : undefined, message: (body as GoogleError | null)?.error_description };
  return { reason: error.errors?.[0]?.reason ?? error.status, message: error.message ?? error.errors?.[0]?.message };
}

/** Turns Google's error answer into what the engine acts on. */
export function googleFailure(status: number, body: unknown, needed: Needed | null): ProviderError {
  const { reason, message } = googleReason(body);
  if (status === 401 || reason === 'authError' || reason === 'authorizationRequired') return wordedError('auth', network, youtubeWords('tokenRejected'), reason ?? 'http_401');
  if (reason === 'insufficientPermissions' || reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT') {
    const words = needed ? youtubeWords('scopeMissing', { scope: needed.scope, what: needed.what }) : youtubeWords('scopeMissingAny');
    return wordedError('scope', network, words, reason, { scope: needed?.scope });
  }
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') {
    const { resetsAt } = quotaWindow();
    return quotaError(youtubeWords('quotaGoogle', { at: resetMoment(resetsAt) }), resetsAt);
  }
  if (reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded' || reason === 'RATE_LIMIT_EXCEEDED') {
    return wordedError('transient', network, youtubeWords('slowDown'), reason, { retryAfterMs: RATE_WAIT_MS });
  }
  if (reason === 'uploadLimitExceeded') return wordedError('transient', network, youtubeWords('uploadLimit', { reason: youtubeWords('reason.uploadLimitExceeded') }), reason, { retryAfterMs: DAY_MS });
  if (status >= 500) return wordedError('transient', network, youtubeWords('trouble', { status }), `http_${status}`);
  const words = youtubeWords(reason && worded.has(reason) ? `reason.${reason}` : 'reason.default');
  return wordedError('invalid', network, message ? youtubeWords('refusedBecause', { reason: words, message }) : words, reason ?? `http_${status}`);
}

/** A Data/Analytics API call with a JSON answer; failures as ProviderError. */
export async function callGoogle<T>(input: { method?: string; url: string; accessToken: string; body?: unknown; needed?: Needed | null }): Promise<T> {
  const { status, body } = await requestJson(network, input.url, {
    method: input.method ?? 'GET',
    headers: { authorization: `Bearer ${input.accessToken}`, ...(input.body !== undefined ? { 'content-type': 'application/json; charset=UTF-8' } : {}) },
    ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
    // Google's hosts come from the operator's configuration, never from a user.
    allowPrivate: true,
  });
  if (status >= 400) throw googleFailure(status, body, input.needed ?? null);
  return (body ?? {}) as T;
}

export type ChannelResource = {
  id?: string;
  snippet?: { title?: string; customUrl?: string; thumbnails?: Record<string, { url?: string }> };
  contentDetails?: { relatedPlaylists?: { uploads?: string } };
};

/** The channel the token acts for (channels.list mine=true, 1 unit). */
export async function myChannel(endpoints: YouTubeEndpoints, accessToken: string, parts = 'snippet'): Promise<ChannelResource> {
  const answer = await callGoogle<{ items?: ChannelResource[] }>({
    url: `${endpoints.apiUrl}/channels?part=${parts}&mine=true`,
    accessToken,
    needed: { scope: 'https://www.googleapis.com/auth/youtube.readonly', what: youtubeWords('need.whichChannel') },
  });
  const channel = answer.items?.[0];
  if (!channel?.id) throw wordedError('invalid', network, youtubeWords('prefixed', { reason: youtubeWords('reason.youtubeSignupRequired') }), 'youtubeSignupRequired');
  return channel;
}
