// X's post caps counted in Herald's network_usage ledger (shared/providers.md §4: POST /2/tweets
// allows 10,000 posts per 24 hours per app and 100 per 15 minutes per user). Every process draws
// from the same count, so two workers cannot together go over. The windows are fixed: the UTC
// day for the app, the quarter hour for an account (X does not document where its own start).
import type { UsageLedger } from '../../../server/providers/publishing.ts';
import { network, xWords } from './x-api.ts';
import { wordedError } from '../../error-words.ts';

export type XCaps = { appPerDay: number; accountPer15Min: number };

const DAY_MS = 86_400_000;
const QUARTER_MS = 15 * 60_000;

export const appWindow = (now = Date.now()) => {
  const start = Math.floor(now / DAY_MS) * DAY_MS;
  return { start: new Date(start), resetsAt: new Date(start + DAY_MS) };
};
export const accountWindow = (now = Date.now()) => {
  const start = Math.floor(now / QUARTER_MS) * QUARTER_MS;
  return { start: new Date(start), resetsAt: new Date(start + QUARTER_MS) };
};

export const APP_BUCKET = 'posts:app';
export const accountBucket = (account: string) => `posts:account:${account}`;

const hhmm = (at: Date) => `${at.toISOString().slice(11, 16)} UTC`;

/**
 * Counts one post against both caps before it is sent. A post over a cap is not sent: the error
 * is transient and asks to wait until that window resets, so the post is deferred, not failed.
 */
export async function takePost(usage: UsageLedger | undefined, caps: XCaps, account: string): Promise<void> {
  if (!usage) return;
  const app = appWindow();
  const taken = await usage.consume({ bucket: APP_BUCKET, units: 1, windowStart: app.start, limit: caps.appPerDay });
  if (!taken.allowed) {
    throw wordedError('transient', network, xWords('capApp', { perDay: caps.appPerDay, used: taken.used, at: hhmm(app.resetsAt) }), 'post_cap', {
      retryAfterMs: Math.max(1000, app.resetsAt.getTime() - Date.now()),
    });
  }
  const quarter = accountWindow();
  const mine = await usage.consume({ bucket: accountBucket(account), units: 1, windowStart: quarter.start, limit: caps.accountPer15Min });
  if (mine.allowed) return;
  await usage.consume({ bucket: APP_BUCKET, units: -1, windowStart: app.start, limit: caps.appPerDay });
  throw wordedError('transient', network, xWords('capAccount', { per15Min: caps.accountPer15Min, used: mine.used, at: hhmm(quarter.resetsAt) }), 'post_cap', {
    retryAfterMs: Math.max(1000, quarter.resetsAt.getTime() - Date.now()),
  });
}

/** Gives a counted post back: X answered and did not create it. */
export async function giveBack(usage: UsageLedger | undefined, caps: XCaps, account: string, countedAt: number): Promise<void> {
  if (!usage) return;
  await usage.consume({ bucket: APP_BUCKET, units: -1, windowStart: appWindow(countedAt).start, limit: caps.appPerDay });
  await usage.consume({ bucket: accountBucket(account), units: -1, windowStart: accountWindow(countedAt).start, limit: caps.accountPer15Min });
}

export type UsageLine = { label: string; used: number; limit: number; resetsAt: Date };

/** What is left of both caps now, for the Channels page. */
export async function capsLeft(usage: UsageLedger, caps: XCaps, account: string, now = Date.now()): Promise<UsageLine[]> {
  const quarter = accountWindow(now);
  const app = appWindow(now);
  const [mine, all] = await Promise.all([usage.read({ bucket: accountBucket(account), windowStart: quarter.start }), usage.read({ bucket: APP_BUCKET, windowStart: app.start })]);
  return [
    { label: 'Posts left this quarter hour', used: mine, limit: caps.accountPer15Min, resetsAt: quarter.resetsAt },
    { label: "Posts left today (this Herald's X app, all accounts)", used: all, limit: caps.appPerDay, resetsAt: app.resetsAt },
  ];
}
