// Meta reports how much of its call budget an app (X-App-Usage) and an app–account pair
// (X-Business-Use-Case-Usage) used, in percent. Calling on when throttled extends the block, so
// Herald slows an account down before 100% instead of running into the throttle.
import type { NetworkId } from '../index.ts';
import { wordedError } from '../error-words.ts';
import { metaWords } from './graph-errors.ts';

export type Usage = { percent: number; regainMs: number | null };

const MINUTE = 60_000;
/** From this share of the budget on, an account waits for the rolling window to drain. */
export const SLOW_DOWN_AT_PERCENT = 90;
const DRAIN_WAIT_MS = 5 * MINUTE;

function maxPercent(entry: Record<string, unknown>): number {
  return Math.max(0, ...['call_count', 'total_cputime', 'total_time', 'acc_id_util_pct'].map((k) => Number(entry[k])).filter(Number.isFinite));
}

function parseJson(value: string | null): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/** The highest usage any of the two headers reports, with Meta's estimate of when access comes back. */
export function readUsage(headers: Headers): Usage | null {
  const entries: Record<string, unknown>[] = [];
  const app = parseJson(headers.get('x-app-usage'));
  if (app && typeof app === 'object') entries.push(app as Record<string, unknown>);
  const business = parseJson(headers.get('x-business-use-case-usage'));
  if (business && typeof business === 'object') {
    for (const list of Object.values(business as Record<string, unknown>)) if (Array.isArray(list)) entries.push(...(list as Record<string, unknown>[]));
  }
  if (!entries.length) return null;
  const regain = Math.max(0, ...entries.map((e) => Number(e.estimated_time_to_regain_access)).filter(Number.isFinite));
  return { percent: Math.max(...entries.map(maxPercent)), regainMs: regain > 0 ? regain * MINUTE : null };
}

/** How long to hold back calls for this usage (0: go on). */
export function waitForUsage(usage: Usage): number {
  if (usage.regainMs) return usage.regainMs;
  if (usage.percent >= 100) return 60 * MINUTE;
  return usage.percent >= SLOW_DOWN_AT_PERCENT ? DRAIN_WAIT_MS : 0;
}

/**
 * The last usage seen per account, in this process. The engine persists a wait once it is
 * thrown (the channel's publish-not-before), so a second process learns it from the database.
 */
const holdUntil = new Map<string, { until: number; percent: number }>();

/** Remembers the usage an answer reported for an account (`key`: the account's id at the network). */
export function noteUsage(network: NetworkId, key: string, headers: Headers, now = Date.now()) {
  const usage = readUsage(headers);
  if (!usage) return;
  const wait = waitForUsage(usage);
  const id = `${network}:${key}`;
  if (wait > 0) holdUntil.set(id, { until: now + wait, percent: usage.percent });
  else holdUntil.delete(id);
}

/** Before a creating call: throws a transient error with the wait when the account is near its budget. */
export function assertUsageRoom(network: NetworkId, label: string, key: string, now = Date.now()) {
  const hold = holdUntil.get(`${network}:${key}`);
  if (!hold || hold.until <= now) return;
  throw wordedError('transient', network, metaWords('usageHigh', { network: label, percent: Math.round(hold.percent) }), 'usage_high', {
    retryAfterMs: hold.until - now,
  });
}

/** Tests: forget what was seen. */
export const forgetUsage = () => holdUntil.clear();
