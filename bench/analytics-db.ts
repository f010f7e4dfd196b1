import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, rowsOf, type Database } from '../src/server/db/database.ts';
import { collectMetrics } from '../src/server/modules/analytics/metrics.collector.ts';
import type { PostMetrics, Publisher } from '../src/server/providers/publishing.ts';
import type { ChannelDeps } from '../src/server/modules/channels/channels.service.ts';
import type { Publishers } from '../src/server/modules/publishing/engine.ts';
import { profilePgliteQueries, profileQueries } from './query-profile.ts';

// The analytics collector's database cost alone: `collectMetrics` over `--channels` × `--posts`
// published deliveries (inserted with generate_series, published in the last 10 days), with a
// publisher that answers at once, so every millisecond of a run is Herald's own work (queries,
// PGlite's engine on the main thread, drizzle). Two runs: the first reads 100 a channel
// (`--posts` 200: half of them), the second the rest while the first half has readings, as the
// benchmark's catch-up run. Per run: readings, time, time per reading, the statements that took
// the most time. A collector whose cost does not grow with the data keeps its time per reading
// at any size.
//
//   npx tsx bench/analytics-db.ts --channels 500 --posts 200 [--db postgres] [--explain]

const { values } = parseArgs({
  options: {
    channels: { type: 'string', default: '100' },
    posts: { type: 'string', default: '100' },
    db: { type: 'string', default: 'pglite' },
    'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    explain: { type: 'boolean', default: false },
  },
});
const channelCount = Number(values.channels);
const posts = Number(values.posts);

/** Instantly answering Mastodon-like counters: what the fake would give, without the network. */
const publisher = {
  metricsBatch: 20,
  async readMetrics(_ctx: unknown, externalIds: string[]) {
    return new Map<string, PostMetrics>(externalIds.map((id) => [id, { views: null, likes: id.length % 7, comments: 1, shares: 2, reach: null, extra: {} }]));
  },
  async readAccount() {
    return { followers: 100 };
  },
} as unknown as Publisher;

async function seed(database: Database) {
  const db = database.db;
  const workspaceId = crypto.randomUUID();
  await db.execute(sql`insert into workspaces (id, name, slug) values (${workspaceId}, 'Bench', ${`bench-${workspaceId.slice(0, 8)}`})`);
  await db.execute(sql`
    insert into channels (id, workspace_id, network, external_id, status, access_token_sealed, scopes_granted)
    select 'ch-' || i, ${workspaceId}, 'mastodon', 'acct-' || i, 'ok', 'sealed', array['read', 'write']
    from generate_series(1, ${channelCount}) i`);
  // Post i of channel c: published in the last 10 days (spread by a hash, as the benchmark's random times).
  await db.execute(sql`
    insert into post_groups (id, workspace_id, state, content, publish_at, time_zone)
    select 'pg-' || c || '-' || i, ${workspaceId}, 'published', '{}'::jsonb, now() - interval '1 hour' - ((hashint4(c * 100003 + i) & 1048575) * interval '823 milliseconds'), 'UTC'
    from generate_series(1, ${channelCount}) c, generate_series(1, ${posts}) i`);
  await db.execute(sql`
    insert into deliveries (id, workspace_id, post_group_id, channel_id, network, state, content, due_at, idempotency_key, published_at, external_id)
    select 'd-' || c || '-' || i, ${workspaceId}, 'pg-' || c || '-' || i, 'ch-' || c, 'mastodon', 'published',
      '{"text": "A published post of the benchmark, about as long as a real one, with a link https://example.com/a/b and #tags"}'::jsonb,
      g.publish_at, gen_random_uuid()::text, g.publish_at, 's-' || c || '-' || i
    from generate_series(1, ${channelCount}) c
    cross join generate_series(1, ${posts}) i
    join post_groups g on g.id = 'pg-' || c || '-' || i`);
  return workspaceId;
}

async function open(kind: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-analytics-db-'));
  if (kind === 'pglite') {
    const database = await openDatabase({ dataPath });
    return { database, drop: async () => fs.rmSync(dataPath, { recursive: true, force: true }) };
  }
  const name = `herald_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: values['postgres-url'] });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(values['postgres-url']!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataPath, databaseUrl: url.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: values['postgres-url'] });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dataPath, { recursive: true, force: true });
    },
  };
}

const { database, drop } = await open(values.db!);
try {
  await database.migrate();
  const seedStarted = performance.now();
  await seed(database);
  console.log(`${values.db}: ${channelCount} channels × ${posts} deliveries seeded in ${Math.round(performance.now() - seedStarted)} ms`);
  const deps = {
    db: database.db,
    channelDeps: { providers: { mastodon: {} }, box: { open: () => 'token' }, publicOrigin: 'http://localhost', retentionDays: 30 } as unknown as ChannelDeps,
    publishers: { mastodon: publisher } as unknown as Publishers,
    intervalMinutes: 60,
    windowDays: 30,
  };
  const profile = database.pglite ? profilePgliteQueries(database.pglite) : profileQueries();
  for (const run of ['first', 'second', 'nothing due']) {
    profile.reset();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await collectMetrics(deps);
    const ms = performance.now() - started;
    // The process's CPU (PGlite's engine runs in it): on a loaded machine the wall time mostly says how long it waited for a core.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const top = profile.top(8);
    console.log(
      `${run} run: ${result.read} readings, ${result.channels} channels, ${result.failed} failed, ${Math.round(ms)} ms (CPU ${Math.round(cpuMs)} ms) = ${result.read ? (ms / result.read).toFixed(3) : '-'} ms a reading (CPU ${result.read ? (cpuMs / result.read).toFixed(3) : '-'}); ${top.queries} statements, ${top.totalMs} ms in them`,
    );
    for (const s of top.statements) console.log(`  ${String(s.totalMs).padStart(7)} ms ${String(s.calls).padStart(6)}× ${String(s.meanMs).padStart(7)} ms  ${s.statement.slice(0, 120)}`);
  }
  profile.stop();
  if (values.explain) {
    const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from delivery_metric_readings`));
    console.log(`history rows: ${row!.n}`);
  }
} finally {
  await database.close().catch(() => undefined);
  await drop();
}
