import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { loadConfig, settings } from '../src/server/config/config.ts';
import { openDatabase, rowsOf, type Db } from '../src/server/db/database.ts';
import { channels, deliveries, postGroups } from '../src/server/db/schema/index.ts';
import { wakeMany } from '../src/server/modules/publishing/wake-ups.ts';
import { loadSecretBox } from '../src/server/security/encryption-keys.ts';
import { signUp, startTestHerald, type Client, type TestHerald } from '../test/helpers/test-herald.ts';
import type { RemoteMastodonFake } from './fake-client.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export type BenchDatabase = { kind: DatabaseKind; env: Record<string, string>; dataDir: string; drop(): Promise<void> };

/** A fresh database for one benchmark, as test/helpers/test-herald.ts `freshDatabase` makes them, for either kind. */
export async function benchDatabase(kind: DatabaseKind, postgresUrl: string): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'pglite') return { kind, env: {}, dataDir, drop: async () => removeDir() };
  const name = `herald_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    dataDir,
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      removeDir();
    },
  };
}

/** Why PostgreSQL cannot be used, or null when it answers. */
export async function postgresUnreachable(postgresUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Measures on each database asked for, one after the other; PostgreSQL is skipped, with the
 * reason in the result, when it cannot be reached (a run on PGlite alone still means something).
 */
export async function onEachDatabase<T>(kinds: DatabaseKind[], postgresUrl: string, log: (line: string) => void, measure: (kind: DatabaseKind) => Promise<T>) {
  const databases: Record<string, T | { skipped: string }> = {};
  for (const kind of kinds) {
    const unreachable = kind === 'postgres' ? await postgresUnreachable(postgresUrl) : null;
    if (unreachable) {
      databases[kind] = { skipped: `PostgreSQL at ${postgresUrl} cannot be reached: ${unreachable}` };
      log(`  ${kind}: skipped (${unreachable})`);
      continue;
    }
    databases[kind] = await measure(kind);
  }
  return databases;
}

/**
 * The settings Herald runs with in a benchmark: the product's defaults, except plain HTTP to the
 * local fake and what the command line overrides. startTestHerald lowers the poll interval for
 * tests, so the shipped default is put back explicitly.
 */
export function benchEnv(overrides: Record<string, string>): Record<string, string> {
  return { HERALD_JOB_POLL_SECONDS: settings.jobPollSeconds.default, HERALD_MASTODON_ALLOW_HTTP: 'true', ...overrides };
}

/** The engine settings a result records, as Herald read them. */
export function engineSettingsOf(env: Record<string, string>) {
  const config = loadConfig({ HERALD_DATA_DIR: os.tmpdir(), ...env });
  return {
    HERALD_JOB_POLL_SECONDS: config.jobPollSeconds,
    HERALD_PUBLISH_CONCURRENCY: config.publishConcurrency,
    HERALD_RECONCILE_SECONDS: config.reconcileSeconds,
    HERALD_PUBLISH_LEASE_SECONDS: config.publishLeaseSeconds,
    HERALD_NETWORK_TIMEOUT_SECONDS: config.networkTimeoutSeconds,
    HERALD_MASTODON_ALLOW_HTTP: config.mastodonAllowHttp,
    LOG_LEVEL: config.logLevel,
  };
}

export type BenchWorkspace = { h: TestHerald; client: Client; workspaceId: string; channelIds: string[] };

/** Starts Herald on the database, signs an owner up and creates a workspace (no channels yet). */
export async function startBenchWorkspace(database: BenchDatabase, env: Record<string, string>) {
  const h = await startTestHerald({ env, database });
  const { client } = await signUp(h.url, { name: 'Bench owner' });
  const workspace = await client.post('/api/v1/workspaces', { name: 'Bench' });
  if (workspace.status !== 201) throw new Error(`workspace creation failed: ${JSON.stringify(workspace.body)}`);
  return { h, client, workspaceId: workspace.body.id as string };
}

/** The channel id Herald's OAuth callback redirects to, after the fake's consent page sent the browser back. */
export async function finishConnect(w: { h: TestHerald; client: Client }, callbackUrl: string): Promise<string> {
  const back = await w.client.get(callbackUrl.replace(/^https?:\/\/[^/]+/, ''));
  const id = new URL(back.headers.get('location')!, w.h.url).searchParams.get('connected');
  if (!id) throw new Error(`connect failed: ${back.headers.get('location')}`);
  return id;
}

/** An account of its own at the fake, for a copy of the connected channel. */
export type CopiedAccount = { externalId: string; ownerExternalId?: string; username: string; displayName: string; token: string };

/**
 * Copies the channel connected through the real OAuth round trip once per account, each with its
 * own account and token, sealed as channels.service.ts `saveConnectedChannel` seals them (hundreds
 * of consent round trips would only measure the setup). Answers the new channel ids.
 */
export async function copyChannel(w: { h: TestHerald }, database: BenchDatabase, env: Record<string, string>, connectedId: string, accounts: CopiedAccount[]): Promise<string[]> {
  const db = w.h.herald.database.db;
  const [first] = await db.select().from(channels).where(eq(channels.id, connectedId));
  const box = loadSecretBox(loadConfig({ HERALD_DATA_DIR: database.dataDir, ...env }), pino({ level: 'silent' }));
  const rows = accounts.map((account) => {
    const id = crypto.randomUUID();
    return {
      ...first!,
      id,
      externalId: account.externalId,
      ownerExternalId: account.ownerExternalId ?? first!.ownerExternalId,
      username: account.username,
      displayName: account.displayName,
      avatarUrl: null,
      avatarCachedAt: null,
      accessTokenSealed: box.seal(account.token, `channel:${id}:access`),
      connectedAt: new Date(),
      updatedAt: new Date(),
    };
  });
  for (let i = 0; i < rows.length; i += 250) await db.insert(channels).values(rows.slice(i, i + 250));
  return rows.map((r) => r.id);
}

/**
 * Starts Herald on the database, signs an owner up, creates a workspace and gives it `count`
 * Mastodon channels on the fake, each its own account: the first connected through the real OAuth
 * round trip, the others copies of it (`copyChannel`).
 */
export async function startWithChannels(database: BenchDatabase, env: Record<string, string>, fake: RemoteMastodonFake, count: number): Promise<BenchWorkspace> {
  const w = await startBenchWorkspace(database, env);
  const start = await w.client.post(`/api/v1/workspaces/${w.workspaceId}/channels/connect`, { network: 'mastodon', instance: fake.domain });
  if (start.status !== 200) throw new Error(`connect failed: ${JSON.stringify(start.body)}`);
  const firstId = await finishConnect(w, await fake.authorize(start.body.authorizationUrl));
  const accounts = await fake.issueTokens(count - 1, '1100000');
  const copies = await copyChannel(
    w,
    database,
    env,
    firstId,
    accounts.map((a) => ({ externalId: a.accountId, username: `${a.username}@${fake.domain}`, displayName: `Bench ${a.username}`, token: a.token })),
  );
  return { ...w, channelIds: [firstId, ...copies] };
}

/** A delivery's content as the posts API writes it for this channel, to be copied with another text. */
export async function contentTemplate(w: BenchWorkspace, media: { mediaId: string }[] = []) {
  const draft = await w.client.post(`/api/v1/workspaces/${w.workspaceId}/posts`, {
    content: { text: 'template', ...(media.length ? { media } : {}) },
    channels: [{ channelId: w.channelIds[0] }],
    schedule: { mode: 'draft' },
  });
  if (draft.status !== 201) throw new Error(`draft failed: ${JSON.stringify(draft.body)}`);
  const db = w.h.herald.database.db;
  const [group] = await db.select().from(postGroups).where(eq(postGroups.id, draft.body.id));
  const [delivery] = await db.select().from(deliveries).where(eq(deliveries.postGroupId, draft.body.id));
  const withText = <T extends { parts: { text: string }[] }>(content: T, text: string): T => ({ ...content, parts: content.parts.map((p, i) => (i === 0 ? { ...p, text } : p)) });
  return { group: (text: string) => withText(group!.content, text), delivery: (text: string) => withText(delivery!.content, text) };
}

/**
 * Inserts one single-channel post group per text, queued at a placeholder time a day away, in
 * bulk; `releaseAt` then moves them all to their due time and sends the wake-ups (wakeMany, the
 * engine's own bulk path). Answers the delivery ids in the order of `posts`. Every post carries
 * `media` (uploaded files of the workspace), as the posts API would store them.
 */
export async function insertQueuedPosts(w: BenchWorkspace, posts: { channelId: string; text: string }[], options: { network?: string; media?: { mediaId: string }[] } = {}) {
  const db = w.h.herald.database.db;
  const network = options.network ?? 'mastodon';
  const template = await contentTemplate(w, options.media);
  const placeholder = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const ids = posts.map(() => ({ group: crypto.randomUUID(), delivery: crypto.randomUUID() }));
  for (let i = 0; i < posts.length; i += 500) {
    const slice = posts.slice(i, i + 500);
    await db.transaction(async (tx) => {
      await tx.insert(postGroups).values(
        slice.map((p, j) => ({ id: ids[i + j]!.group, workspaceId: w.workspaceId, state: 'scheduled', content: template.group(p.text), publishAt: placeholder, timeZone: 'UTC' })),
      );
      await tx.insert(deliveries).values(
        slice.map((p, j) => ({
          id: ids[i + j]!.delivery,
          workspaceId: w.workspaceId,
          postGroupId: ids[i + j]!.group,
          channelId: p.channelId,
          network,
          state: 'queued',
          content: template.delivery(p.text),
          dueAt: placeholder,
          nextAttemptAt: placeholder,
          idempotencyKey: crypto.randomUUID(),
        })),
      );
    });
  }
  const deliveryIds = ids.map((id) => id.delivery);
  return {
    deliveryIds,
    /** Makes every delivery due at `at` and sends its wake-up; answers how long that took. */
    async releaseAt(at: Date) {
      const started = Date.now();
      await db.update(deliveries).set({ dueAt: at, nextAttemptAt: at }).where(and(eq(deliveries.workspaceId, w.workspaceId), eq(deliveries.dueAt, placeholder)));
      await db.update(postGroups).set({ publishAt: at }).where(and(eq(postGroups.workspaceId, w.workspaceId), eq(postGroups.publishAt, placeholder)));
      await wakeMany(
        w.h.herald.boss,
        deliveryIds.map((deliveryId) => ({ deliveryId, network, at })),
      );
      return Date.now() - started;
    },
  };
}

/** The workspace's scheduled deliveries (the content template is a draft) by state, with the first and last publication. */
export async function deliveryOutcome(db: Db, workspaceId: string) {
  const rows = rowsOf<{ state: string; n: number; first: string | Date | null; last: string | Date | null; attempts: number; late: number }>(
    await db.execute(sql`
      select state, count(*)::int as n, min(published_at) as first, max(published_at) as last,
             sum(attempt_count)::int as attempts, count(*) filter (where late)::int as late
      from deliveries where workspace_id = ${workspaceId} and due_at is not null
      group by state`),
  );
  const states = Object.fromEntries(rows.map((r) => [r.state, r.n]));
  const published = rows.find((r) => r.state === 'published');
  const time = (v: string | Date | null | undefined) => (v ? new Date(v).getTime() : null);
  return {
    states,
    published: states.published ?? 0,
    firstPublishedAt: time(published?.first),
    lastPublishedAt: time(published?.last),
    attempts: rows.reduce((sum, r) => sum + r.attempts, 0),
    late: rows.reduce((sum, r) => sum + r.late, 0),
  };
}

/** pg-boss wake-up jobs by queue and state: where deliveries that never ran got stuck. */
export async function wakeUpJobs(db: Db) {
  const rows = rowsOf<{ name: string; state: string; n: number }>(await db.execute(sql`select name, state, count(*)::int as n from pgboss.job group by name, state order by name, state`));
  return Object.fromEntries(rows.map((r) => [`${r.name} ${r.state}`, r.n]));
}

/** Herald's warnings and errors during a run, minus the ones every fresh data folder gives. */
export function heraldProblems(logs: string[]) {
  const problems = logs
    .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message?: string } })
    .filter((entry) => entry.level >= 40 && !/^Generated (a new secret|the token encryption key)/.test(entry.msg));
  const counts = new Map<string, number>();
  for (const p of problems) {
    const key = `${p.msg}${p.err?.message ? `: ${p.err.message}` : ''}`.slice(0, 300);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([message, count]) => ({ message, count }));
}

/** Opens the benchmark's database again after Herald stopped, to read what it left. */
export async function reopen(database: BenchDatabase) {
  return openDatabase({ databaseUrl: database.env.DATABASE_URL, dataPath: database.dataDir });
}

/** The workspace's delivery attempts by kind (publish, check, resolve), outcome and error code: retries, slow-downs and refusals. */
export async function attemptSummary(db: Db, workspaceId: string) {
  const rows = rowsOf<{ kind: string; outcome: string | null; error_code: string | null; n: number }>(
    await db.execute(sql`
      select a.kind, a.outcome, a.error_code, count(*)::int as n
      from delivery_attempts a join deliveries d on d.id = a.delivery_id
      where d.workspace_id = ${workspaceId} and d.due_at is not null
      group by a.kind, a.outcome, a.error_code order by a.kind, a.outcome, a.error_code`),
  );
  return Object.fromEntries(rows.map((r) => [[r.kind, r.outcome ?? 'unfinished', r.error_code].filter(Boolean).join(' '), r.n]));
}

/**
 * Per published delivery, its first attempt's start → its publication: for a network that
 * processes media (Instagram), the time the post spent waiting between the container and
 * media_publish, checks included.
 */
export async function firstAttemptToPublishedMs(db: Db, workspaceId: string): Promise<number[]> {
  const rows = rowsOf<{ ms: number }>(
    await db.execute(sql`
      select extract(epoch from (d.published_at - min(a.started_at))) * 1000 as ms
      from deliveries d join delivery_attempts a on a.delivery_id = d.id
      where d.workspace_id = ${workspaceId} and d.due_at is not null and d.state = 'published'
      group by d.id, d.published_at`),
  );
  return rows.map((r) => Number(r.ms));
}
