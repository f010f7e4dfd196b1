import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { channels, deliveries, postGroups } from '../src/server/db/schema/index.ts';
import { signUp, startTestHerald, type Client, type TestHerald } from '../test/helpers/test-herald.ts';
import { benchDatabase, type DatabaseKind } from './herald-setup.ts';
import { machine, revision, writeResult } from './results.ts';
import { summarize } from './stats.ts';
import { calendarQuery } from '../src/server/modules/agency/agency.repository.ts';
import { CALENDAR_LIMIT } from '../src/server/modules/agency/agency.service.ts';
import { can, roles } from '../src/shared/permissions.ts';
import pg from 'pg';

/** EXPLAIN of the exact statement the route runs, with its parameters, on either database. */
async function explain(h: TestHerald, text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const database = h.herald.database;
  if (database.pglite) return (await database.pglite.query<Record<string, unknown>>(text, params)).rows;
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

// Agency calendar: GET /api/v1/me/calendar for a user in 5 workspaces of 2,000 posts each (over
// 12 months), next to another user's 5 workspaces of the same size, one month grid (42 days) per
// request. Run: npx tsx bench/agency-calendar.bench.ts [pglite|postgres] [postgres url]

const workspacesPerUser = 5;
const postsPerWorkspace = 2000;
const runs = 60;

async function seedUser(h: TestHerald, name: string): Promise<{ client: Client; workspaceIds: string[] }> {
  const { client } = await signUp(h.url, { name });
  const db = h.herald.database.db;
  const workspaceIds: string[] = [];
  const start = new Date();
  start.setMonth(start.getMonth() - 6, 1);
  for (let w = 0; w < workspacesPerUser; w += 1) {
    const workspaceId = (await client.post('/api/v1/workspaces', { name: `${name} client ${w + 1}` })).body.id as string;
    workspaceIds.push(workspaceId);
    const channelId = crypto.randomUUID();
    await db.insert(channels).values({ id: channelId, workspaceId, network: 'mastodon', externalId: channelId, username: `acct${w}`, displayName: `Account ${w}` });
    const groups: (typeof postGroups.$inferInsert)[] = [];
    const rows: (typeof deliveries.$inferInsert)[] = [];
    for (let i = 0; i < postsPerWorkspace; i += 1) {
      const at = new Date(start.getTime() + crypto.randomInt(365) * 86_400_000 + crypto.randomInt(14 * 60) * 60_000 + 7 * 3_600_000);
      const id = crypto.randomUUID();
      const text = `Agency bench post ${w}/${i}: ${'lorem ipsum dolor sit amet '.repeat(10)}`;
      const content = { parts: [{ text, media: [] }], firstComment: null, settings: {} };
      groups.push({ id, workspaceId, state: at < new Date() ? 'published' : 'scheduled', content, publishAt: at, timeZone: 'UTC' });
      rows.push({ id: crypto.randomUUID(), workspaceId, postGroupId: id, channelId, network: 'mastodon', state: at < new Date() ? 'published' : 'queued', content, dueAt: at, idempotencyKey: crypto.randomUUID() });
    }
    for (let i = 0; i < groups.length; i += 500) await db.insert(postGroups).values(groups.slice(i, i + 500));
    for (let i = 0; i < rows.length; i += 500) await db.insert(deliveries).values(rows.slice(i, i + 500));
  }
  return { client, workspaceIds };
}

async function run(kind: DatabaseKind, postgresUrl: string) {
  const database = await benchDatabase(kind, postgresUrl);
  const h = await startTestHerald({ database, env: { HERALD_LOG_LEVEL: 'warn' } });
  try {
    const seeded = Date.now();
    const me = await seedUser(h, 'Agency');
    await seedUser(h, 'Other agency');
    const db = h.herald.database.db;
    await db.execute(sql`analyze`);
    console.log(`${kind}: seeded ${2 * workspacesPerUser * postsPerWorkspace} posts in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

    const samples: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < runs + 5; i += 1) {
      const from = new Date();
      from.setMonth(from.getMonth() - 6 + (i % 11), 1);
      const to = new Date(from.getTime() + 42 * 86_400_000);
      const started = performance.now();
      const res = await me.client.get(`/api/v1/me/calendar?from=${from.toISOString()}&to=${to.toISOString()}`);
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`calendar: ${res.status} ${JSON.stringify(res.body)}`);
      // The first few warm the caches and the JIT.
      if (i >= 5) {
        samples.push(ms);
        counts.push(res.body.items.length);
      }
    }
    const userId = ((await me.client.get('/api/v1/me')).body as { user: { id: string } }).user.id;
    const from = new Date();
    const statement = calendarQuery(db, { userId, roles: roles.filter((r) => can(r, 'posts.read')), from, to: new Date(from.getTime() + 42 * 86_400_000), limit: CALENDAR_LIMIT }).toSQL();
    const plan = (await explain(h, `explain analyze ${statement.sql}`, statement.params)).map((r) => Object.values(r)[0] as string);
    const timing = summarize(samples);
    console.log(`${kind}: ${runs} requests, ${summarize(counts).p50} posts each: p50 ${timing.p50} ms, p95 ${timing.p95} ms, max ${timing.max} ms`);
    console.log(plan.join('\n'));
    return { database: kind, requests: runs, postsPerAnswer: summarize(counts), ms: timing, plan };
  } finally {
    await h.close();
  }
}

const kind = (process.argv[2] ?? 'pglite') as DatabaseKind;
const result = await run(kind, process.argv[3] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
writeResult(`agency-calendar.${kind}`, {
  benchmark: 'agency-calendar',
  ranAt: new Date().toISOString(),
  machine: machine(),
  revision: revision(),
  data: { workspacesPerUser, postsPerWorkspace, users: 2, months: 12 },
  definition: 'Round trip of GET /api/v1/me/calendar (42-day range, all 5 workspaces of the user) from a client on the same machine, after 5 warm-up requests',
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  ...result,
});
process.exit(0);
