import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../src/server/db/database.ts';
import { channels } from '../src/server/db/schema/index.ts';
import { listPosts } from '../src/server/modules/posts/posts.query.ts';
import type { TestHerald } from '../test/helpers/test-herald.ts';
import { benchDatabase, benchEnv, onEachDatabase, startBenchWorkspace, type DatabaseKind } from './herald-setup.ts';
import type { LoadResult, LoadSpec } from './load.process.ts';
import type { BenchOptions } from './options.ts';
import { machine, revision } from './results.ts';
import { summarize } from './stats.ts';

// Calendar API: the month view's request (GET /api/v1/workspaces/:id/posts?from&to&limit=500, as
// src/web/modules/posts/posts.api.ts usePostsInRange asks it, page after page) under HTTP load
// from autocannon in its own process, signed in with a session cookie, with 100,000 posts stored
// in the workspace over two years and 1,000 of them in the measured month grid. The baseline of
// the same run: the same load against /healthz (Fastify and the loopback alone), and the month's
// SQL timed in a loop.

const totalPosts = 100_000;
const postsInRange = 1_000;
const channelCount = 20;
const pageLimit = 500;
const goal = { p95Ms: 25, requestsPerSecond: 1500 };

const execFileAsync = promisify(execFile);
const loadScript = fileURLToPath(new URL('./load.process.ts', import.meta.url));

/** The month grid the web's month view asks for (whole weeks from Monday, in UTC here), two months ahead: nothing in it comes due during the run. */
export function measuredRange(now = new Date()) {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1));
  const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  const from = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000);
  const weeks = Math.ceil((next.getTime() - from.getTime()) / 86_400_000 / 7);
  return { from, to: new Date(from.getTime() + weeks * 7 * 86_400_000) };
}

/**
 * 100,000 post groups in one statement and their deliveries in another (generate_series): one
 * channel each, a second one for every fifth post, the states time gives them (published, a few
 * failed, scheduled, a few drafts). `postsInRange` fall in the measured range, the rest anywhere
 * else in the 16 months before and 8 months after now.
 */
export async function seedPosts(db: Db, workspaceId: string, userId: string, channelIds: string[], range: { from: Date; to: Date }) {
  const now = new Date();
  const windowStart = new Date(now.getTime() - 487 * 86_400_000);
  const windowEnd = new Date(now.getTime() + 243 * 86_400_000);
  const rangeMs = range.to.getTime() - range.from.getTime();
  const outsideSeconds = Math.floor((windowEnd.getTime() - windowStart.getTime() - rangeMs) / 1000);
  const channelList = sql.join(
    channelIds.map((id, i) => sql`(${id}, ${sql.raw(String(i))})`),
    sql`, `,
  );
  // Numbers written into the statement: a bound parameter's type is not always inferred (random() * $1).
  const n = (value: number) => sql.raw(String(value));
  // Whole seconds, as times picked in the web app are: the page cursor carries milliseconds.
  const texts = ['Launch notes', 'Weekly recap', 'Behind the scenes', 'Release day', 'Community Q&A'];
  await db.execute(sql`
    insert into post_groups (id, workspace_id, state, content, publish_at, time_zone, created_by, created_at, updated_at)
    select gen_random_uuid()::text, ${workspaceId},
           case when at < now() then (case when i % 33 = 0 then 'failed' else 'published' end)
                else (case when i % 20 = 0 then 'draft' else 'scheduled' end) end,
           jsonb_build_object('parts', jsonb_build_array(jsonb_build_object('text', 'Calendar API bench post ' || i || ': ' || (${sql.raw(`array['${texts.join("','")}']`)})[1 + i % 5] || ' ' || repeat('lorem ipsum ', 1 + i % 12), 'media', '[]'::jsonb)), 'firstComment', null, 'settings', '{}'::jsonb),
           at, 'Europe/Berlin', ${userId}, at - interval '3 days', at - interval '1 day'
    from (
      select i, date_trunc('second', case when i > ${n(postsInRange)} and raw >= ${range.from.toISOString()}::timestamptz then raw + ${n(rangeMs / 1000)} * interval '1 second' else raw end) as at
      from (
        select i, case when i <= ${n(postsInRange)}
                       then ${range.from.toISOString()}::timestamptz + (random() * ${n(rangeMs / 1000)}) * interval '1 second'
                       else ${windowStart.toISOString()}::timestamptz + (random() * ${n(outsideSeconds)}) * interval '1 second' end as raw
        from generate_series(1, ${n(totalPosts)}) i
      ) r
    ) s`);
  await db.execute(sql`
    insert into deliveries (id, workspace_id, post_group_id, channel_id, network, state, content, due_at, next_attempt_at, attempt_count,
                            idempotency_key, external_id, external_url, published_at, error_code, error_message, created_at, updated_at)
    select gen_random_uuid()::text, g.workspace_id, g.id, ch.id, 'mastodon',
           case g.state when 'scheduled' then 'queued' else g.state end,
           jsonb_set(g.content, '{settings}', '{"visibility": "public"}'::jsonb),
           case when g.state = 'draft' then null else g.publish_at end,
           case when g.state = 'scheduled' then g.publish_at end,
           case when g.state in ('published', 'failed') then 1 else 0 end,
           gen_random_uuid()::text,
           case when g.state = 'published' then (100000000 + g.n * 7 + ch.n)::text end,
           case when g.state = 'published' then 'https://social.example/@bench/' || (100000000 + g.n * 7 + ch.n) end,
           case when g.state = 'published' then g.publish_at end,
           case when g.state = 'failed' then 'network.rejected' end,
           case when g.state = 'failed' then 'The network refused the post' end,
           g.created_at, g.updated_at
    from (select *, row_number() over () as n from post_groups where workspace_id = ${workspaceId}) g
    join (values ${channelList}) as ch(id, n)
      on ch.n = g.n % ${n(channelIds.length)} or (g.n % 5 = 0 and ch.n = (g.n + 7) % ${n(channelIds.length)})`);
  await db.execute(sql`analyze post_groups`);
  await db.execute(sql`analyze deliveries`);
  const [counts] = rowsOf<{ posts: number; deliveries: number; in_range: number }>(
    await db.execute(sql`
      select (select count(*)::int from post_groups where workspace_id = ${workspaceId}) as posts,
             (select count(*)::int from deliveries where workspace_id = ${workspaceId}) as deliveries,
             (select count(*)::int from post_groups where workspace_id = ${workspaceId} and publish_at >= ${range.from.toISOString()}::timestamptz and publish_at < ${range.to.toISOString()}::timestamptz) as in_range`),
  );
  return counts!;
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', loadScript, JSON.stringify(spec)], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
}

/** The month's reads without HTTP: listPosts (the route's service call, every page) timed in a loop. */
async function serviceLoop(h: TestHerald, workspaceId: string, userId: string, range: { from: Date; to: Date }, runs: number) {
  const ctx = { db: h.herald.database.db, actor: { userId, email: 'bench@example.com', ip: '127.0.0.1', userAgent: 'bench' } };
  const times: number[] = [];
  let posts = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    let cursor: string | undefined;
    posts = 0;
    do {
      const page = await listPosts(ctx, workspaceId, { from: range.from, to: range.to, cursor, limit: pageLimit });
      posts += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    times.push(performance.now() - started);
  }
  return { posts, monthMs: summarize(times) };
}

/** EXPLAIN ANALYZE of the first page's post query, as the repository sends it. */
async function explainFirstPage(db: Db, workspaceId: string, range: { from: Date; to: Date }) {
  const rows = rowsOf<Record<string, string>>(
    await db.execute(sql`explain analyze
      select * from post_groups where workspace_id = ${workspaceId} and publish_at >= ${range.from.toISOString()}::timestamptz and publish_at < ${range.to.toISOString()}::timestamptz
      order by coalesce(publish_at, created_at), id limit ${pageLimit + 1}`),
  );
  return rows.map((r) => Object.values(r)[0]!);
}

async function measure(kind: DatabaseKind, options: BenchOptions, log: (line: string) => void, durationSeconds: number, connections: number) {
  const database = await benchDatabase(kind, options.postgresUrl);
  const setupStarted = Date.now();
  const w = await startBenchWorkspace(database, benchEnv(options.env));
  try {
    const db = w.h.herald.database.db;
    const me = await w.client.get('/api/v1/me');
    const userId = (me.body.user?.id ?? me.body.id) as string;
    const channelIds = Array.from({ length: channelCount }, () => crypto.randomUUID());
    await db.insert(channels).values(channelIds.map((id, n) => ({ id, workspaceId: w.workspaceId, network: 'mastodon', externalId: `11000${n}`, username: `bench${n}@social.example`, displayName: `Bench ${n}` })));
    const range = measuredRange();
    const seeded = await seedPosts(db, w.workspaceId, userId, channelIds, range);
    log(`  ${kind}: ${seeded.posts} posts, ${seeded.deliveries} deliveries, ${seeded.in_range} in ${range.from.toISOString().slice(0, 10)} – ${range.to.toISOString().slice(0, 10)} (set up in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s)`);

    // The month as the web reads it: page 1, then page 2 with the cursor page 1 answered.
    const base = `/api/v1/workspaces/${w.workspaceId}/posts?from=${encodeURIComponent(range.from.toISOString())}&to=${encodeURIComponent(range.to.toISOString())}&limit=${pageLimit}`;
    const paths = [base];
    let shown = 0;
    for (let path = base; ; ) {
      const page = await w.client.get(path);
      if (page.status !== 200) throw new Error(`posts page answered ${page.status}: ${JSON.stringify(page.body).slice(0, 300)}`);
      shown += page.body.items.length;
      if (!page.body.nextCursor) break;
      path = `${base}&cursor=${encodeURIComponent(page.body.nextCursor)}`;
      paths.push(path);
    }
    if (shown !== seeded.in_range) throw new Error(`the month answered ${shown} posts, ${seeded.in_range} are in it`);

    const headers = { cookie: [...w.client.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'user-agent': 'herald-bench', accept: 'application/json' };
    const spec = { url: w.h.url, headers, connections, durationSeconds, warmupSeconds: 3 };
    const sqlPlan = await explainFirstPage(db, w.workspaceId, range);
    const service = await serviceLoop(w.h, w.workspaceId, userId, range, 20);
    log(`  ${kind}: listPosts for the month (${paths.length} pages) p50 ${service.monthMs.p50} ms, p95 ${service.monthMs.p95} ms`);
    const healthz = await load({ ...spec, paths: ['/healthz'] });
    log(`  ${kind}: /healthz ${healthz.requestsPerSecond} req/s, p95 ${healthz.latencyMs.p95} ms`);
    const month = await load({ ...spec, paths });
    log(`  ${kind}: month view pages ${month.requestsPerSecond} req/s, p50 ${month.latencyMs.p50} ms, p95 ${month.latencyMs.p95} ms, p99 ${month.latencyMs.p99} ms, ${month.bytesPerRequest} bytes each, statuses ${JSON.stringify(month.statuses)}`);
    const firstPage = await load({ ...spec, paths: [base] });
    log(`  ${kind}: first page alone ${firstPage.requestsPerSecond} req/s, p95 ${firstPage.latencyMs.p95} ms`);
    return {
      data: { posts: seeded.posts, deliveries: seeded.deliveries, postsInRange: seeded.in_range, channels: channelCount, range: { from: range.from.toISOString(), to: range.to.toISOString() }, pages: paths.length, pageLimit },
      healthz,
      month,
      firstPage,
      /** Month view pages/s over /healthz requests/s: what the calendar costs against Fastify and the loopback alone. */
      ratioToHealthz: healthz.requestsPerSecond ? Math.round((month.requestsPerSecond / healthz.requestsPerSecond) * 1000) / 1000 : null,
      monthViewsPerSecond: Math.round((month.requestsPerSecond / paths.length) * 10) / 10,
      service,
      firstPagePlan: sqlPlan,
      withinGoal: (month.latencyMs.p95 ?? Infinity) <= goal.p95Ms && month.requestsPerSecond >= goal.requestsPerSecond,
    };
  } finally {
    await w.h.close();
  }
}

export async function runCalendarApi(options: BenchOptions, log: (line: string) => void) {
  const { durationSeconds, connections } = options.calendarApi;
  log(`calendar-api: ${totalPosts} posts, ${postsInRange} in the month, ${connections} connections for ${durationSeconds} s`);
  const databases = await onEachDatabase(options.databases['calendar-api'], options.postgresUrl, log, (kind) => measure(kind, options, log, durationSeconds, connections));
  return {
    benchmark: 'calendar-api',
    ranAt: new Date().toISOString(),
    machine: machine(),
    revision: revision(),
    settings: { connections, durationSeconds, warmupSeconds: 3, env: benchEnv(options.env) },
    goal,
    definition:
      'autocannon (own process) asking the month grid\'s pages in turn on each connection, signed in with a session cookie; requests/s and latency (ms) per page request; healthz: the same load against /healthz',
    /** The machine is shared: the load when the run ended says whether other work competed with it. */
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    databases,
  };
}
