// The post caps checked when a post is saved to be published: what X's windows that contain the
// post's time already hold (posts created, counted in the ledger) plus the posts Herald has
// scheduled in them and not yet sent. A post that would go over is refused with the reason; one
// that meets a cap filled later is held back when due (x-caps.ts).
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../../../server/db/database.ts';
import { read } from '../../../server/modules/network-usage/network-usage.ts';
import type { RuleIssue } from '../../rules.ts';
import { network } from './x-api.ts';
import { accountBucket, accountWindow, APP_BUCKET, appWindow, type XCaps } from './x-caps.ts';

const hhmm = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Posts Herald will create in [start, end): scheduled deliveries not yet sent, thread parts counted. */
async function scheduledIn(db: Db | Tx, start: Date, end: Date, account: string | null): Promise<number> {
  const result = await db.execute(sql`
    select coalesce(sum(jsonb_array_length(d.content->'parts')), 0)::integer as posts
    from deliveries d join channels c on c.id = d.channel_id
    where d.network = ${network} and d.state = 'queued'
      and d.next_attempt_at >= ${start.toISOString()}::timestamptz and d.next_attempt_at < ${end.toISOString()}::timestamptz
      ${account === null ? sql`` : sql`and c.external_id = ${account}`}`);
  return Number(rowsOf<{ posts: number }>(result)[0]?.posts ?? 0);
}

export async function checkCaps(db: Db | Tx, caps: XCaps, input: { channel: { externalId: string }; at: Date; posts: number }): Promise<RuleIssue[]> {
  const at = Math.max(input.at.getTime(), Date.now());
  const issues: RuleIssue[] = [];
  const day = appWindow(at);
  const dayUsed = (await read(db as Db, { network, bucket: APP_BUCKET, windowStart: day.start })) + (await scheduledIn(db, day.start, day.resetsAt, null));
  if (dayUsed + input.posts > caps.appPerDay) {
    const values = { perDay: caps.appPerDay, used: dayUsed, day: day.start.toISOString().slice(0, 10), posts: input.posts, after: hhmm(day.resetsAt) };
    issues.push({
      field: 'schedule',
      message: `X cap: this Herald's X app may create ${values.perDay} posts a day (UTC), all accounts together; ${values.used} are created or scheduled on ${values.day} and this post needs ${values.posts}. Schedule it after ${values.after}.`,
      key: 'network-x:rules.capDay',
      values,
    });
  }
  const quarter = accountWindow(at);
  const quarterUsed = (await read(db as Db, { network, bucket: accountBucket(input.channel.externalId), windowStart: quarter.start })) + (await scheduledIn(db, quarter.start, quarter.resetsAt, input.channel.externalId));
  if (quarterUsed + input.posts > caps.accountPer15Min) {
    const values = { per15Min: caps.accountPer15Min, used: quarterUsed, from: hhmm(quarter.start), until: hhmm(quarter.resetsAt), posts: input.posts };
    issues.push({
      field: 'schedule',
      message: `X cap: an account may create ${values.per15Min} posts in 15 minutes through this app; this one has ${values.used} created or scheduled between ${values.from} and ${values.until} and this post needs ${values.posts}. Schedule it after ${values.until}.`,
      key: 'network-x:rules.capAccount',
      values,
    });
  }
  return issues;
}
