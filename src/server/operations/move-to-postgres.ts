import fsp from 'node:fs/promises';
import path from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { PgBoss, fromDrizzle } from 'pg-boss';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { openDatabase, type Database, type Db } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { markMoved } from '../db/moved-to-postgres.ts';
import { createQueues } from '../jobs/register-jobs.ts';
import type { Queue } from '../jobs/queue.ts';
import { createDiskStorage, type MediaStorage } from '../modules/media/media.storage.ts';
import { EXPORT_JOB } from '../modules/privacy/export.service.ts';
import { createPublishingQueues, scheduleWakeUp } from '../modules/publishing/wake-ups.ts';
import { OperationError } from './backup.ts';
import { copyMedia, type MediaCopyResult } from './copy-media.ts';
import { startProgress } from './progress.ts';

/** The target as it may be shown: no user name, no password. */
export function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

export function parseTargetUrl(value: string | undefined): string {
  if (!value) throw new OperationError('move-to-postgres needs --to postgres://user@host:5432/database');
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new OperationError('--to is not a URL; it looks like postgres://user@host:5432/database');
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) throw new OperationError('--to must be a postgres:// URL');
  if (parsed.pathname.length < 2) throw new OperationError('--to must name the database: postgres://user@host:5432/database');
  return value;
}

type Column = { name: string; type: string; identity: boolean };
type Table = { name: string; columns: Column[] };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Herald's tables in the source, parents before children (foreign keys), with their copyable columns. */
async function sourceTables(pglite: PGlite): Promise<Table[]> {
  const columns = await pglite.query<{ table: string; name: string; type: string; identity: string; generated: string }>(
    `select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity as identity, a.attgenerated as generated
       from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  const edges = await pglite.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  const tables = new Map<string, Table>();
  for (const row of columns.rows) {
    const table = tables.get(row.table) ?? { name: row.table, columns: [] };
    // Generated columns are computed again by the target.
    if (!row.generated) table.columns.push({ name: row.name, type: row.type, identity: row.identity === 'a' });
    tables.set(row.table, table);
  }
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of edges.rows) {
    // A table referring to itself would need its rows ordered too; Herald's schema has none.
    if (child !== parent) parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.size) {
    const ready = [...tables.keys()].filter((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p) || !tables.has(p)));
    if (!ready.length) throw new OperationError('The tables\' foreign keys form a cycle; they cannot be copied in order.');
    for (const name of ready.sort()) {
      placed.add(name);
      ordered.push(tables.get(name)!);
    }
  }
  return ordered;
}

/** Refuses a target that holds anything: a table with rows, or a table Herald does not have. */
async function assertEmptyTarget(client: pg.Client, known: Set<string>) {
  const { rows } = await client.query<{ name: string }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')`);
  for (const { name } of rows) {
    if (!known.has(name)) throw new OperationError(`The target database is not empty: it has a table "${name}" that Herald does not use. Give an empty database.`);
    const { rows: any } = await client.query(`select 1 from public.${ident(name)} limit 1`);
    if (any.length) throw new OperationError(`The target database is not empty: table "${name}" has rows. Give an empty database.`);
  }
}

/** Reads a table in batches through a cursor, every value as PostgreSQL's text form (exact for every type). */
async function* readBatches(tx: Transaction, table: Table, batchSize: number): AsyncGenerator<(string | null)[][]> {
  const cursor = `herald_move_${table.name}`;
  await tx.query(`declare ${ident(cursor)} no scroll cursor for select ${table.columns.map((c) => `${ident(c.name)}::text`).join(', ')} from public.${ident(table.name)}`);
  try {
    for (;;) {
      const { rows } = await tx.query<(string | null)[]>(`fetch forward ${batchSize} from ${ident(cursor)}`, [], { rowMode: 'array' });
      if (!rows.length) return;
      yield rows;
    }
  } finally {
    await tx.query(`close ${ident(cursor)}`);
  }
}

async function insertBatch(client: pg.Client, table: Table, rows: (string | null)[][]) {
  const width = table.columns.length;
  const values = rows.map((_, r) => `(${table.columns.map((c, i) => `$${r * width + i + 1}::${c.type}`).join(', ')})`);
  const overriding = table.columns.some((c) => c.identity) ? ' overriding system value' : '';
  await client.query(`insert into public.${ident(table.name)} (${table.columns.map((c) => ident(c.name)).join(', ')})${overriding} values ${values.join(', ')}`, rows.flat());
}

/**
 * Wake-ups are rebuilt from the deliveries instead of copying pg-boss's tables: the delivery row is
 * the truth (ADR 0009), a job id of the old queue means nothing in the new one, and pg-boss's own
 * schema is created by its own version on the target. Exports still waiting are queued again.
 */
async function rebuildJobs(client: pg.Client, boss: Queue): Promise<{ wakeUps: number; exports: number }> {
  const db = drizzlePg(client) as unknown as Db;
  await client.query('update deliveries set wake_job_id = null where wake_job_id is not null');
  const { rows } = await client.query<{ id: string; network: string; state: string; next_attempt_at: Date }>(
    `select id, network, state, next_attempt_at from deliveries where state in ('queued', 'processing', 'unconfirmed') and next_attempt_at is not null`,
  );
  for (const row of rows) await scheduleWakeUp(db, boss, { deliveryId: row.id, network: row.network, at: row.next_attempt_at, check: row.state !== 'queued' });
  const { rows: exports } = await client.query<{ id: string }>(`select id from data_exports where status in ('queued', 'building')`);
  const adapter = fromDrizzle(db as never, sql as never);
  for (const row of exports) await boss.send(EXPORT_JOB, { exportId: row.id }, { db: adapter });
  return { wakeUps: rows.length, exports: exports.length };
}

export type TableCount = { table: string; source: number; target: number };
export type MoveResult = { tables: TableCount[]; wakeUps: number; exports: number; media?: MediaCopyResult & { unfinishedUploads: number } };

/**
 * Resumable uploads left unfinished in the embedded `media/.tus` folder. They are not copied: their
 * bytes are half a file, tus keeps them in another form on S3, and the person uploading sends the
 * file again. Finished ones are media already (their record is marked `heraldMediaId`) and refused
 * ones (`heraldError`) were never media.
 */
async function unfinishedUploads(mediaRoot: string): Promise<number> {
  const folder = path.join(mediaRoot, '.tus');
  let count = 0;
  for (const name of await fsp.readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.json')) continue;
    const record = await fsp.readFile(path.join(folder, name), 'utf8').then((text) => JSON.parse(text) as { metadata?: Record<string, unknown> }, () => null);
    if (record && !record.metadata?.heraldMediaId && !record.metadata?.heraldError) count += 1;
  }
  return count;
}

/**
 * `herald move-to-postgres`: copies a stopped embedded instance into an empty PostgreSQL database,
 * in one transaction (a failure leaves the target empty), then marks the data folder as moved.
 * `mediaTarget` opens (and checks) another storage to copy the media into (S3, `--media-to-s3`);
 * without it media stays on disk. It is opened once the database target is known to be empty and
 * before anything is written; the media go first, so a failure before the rows are committed
 * leaves a target the move accepts again, and the files already sent are not sent twice.
 * Media keys are the same for every driver (`<workspaceId>/<mediaId>`): no row is rewritten.
 */
export async function moveToPostgres(options: {
  config: Config;
  to: string;
  mediaTarget?: () => Promise<MediaStorage & { close?: () => void }>;
  out?: NodeJS.WriteStream;
  batchRows?: number;
}): Promise<MoveResult> {
  const out = options.out ?? process.stdout;
  const targetUrl = parseTargetUrl(options.to);
  const shown = describeTarget(targetUrl);
  let source: Database;
  try {
    source = await openDatabase({ dataPath: options.config.dataPath });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new OperationError(`Herald (pid ${error.pid}) is running on ${options.config.dataPath}. Stop it first: what it writes after the copy would be lost, and both would publish.`);
    }
    throw error;
  }
  const client = new pg.Client({ connectionString: targetUrl });
  let target: Database | undefined;
  let boss: PgBoss | undefined;
  let mediaTarget: (MediaStorage & { close?: () => void }) | undefined;
  try {
    await source.migrate();
    const pglite = source.pglite!;
    const tables = await sourceTables(pglite);
    try {
      await client.connect();
    } catch (error) {
      throw new OperationError(`Could not connect to ${shown}: ${(error as Error).message}`);
    }
    await assertEmptyTarget(client, new Set(tables.map((t) => t.name)));
    if (options.mediaTarget) mediaTarget = await options.mediaTarget();
    out.write(`Preparing ${shown}: Herald's tables and job queue…\n`);
    target = await openDatabase({ databaseUrl: targetUrl, dataPath: options.config.dataPath, poolSize: 2 });
    await target.migrate();
    boss = new PgBoss({ connectionString: targetUrl, max: 2, schedule: false, supervise: false });
    boss.on('error', () => undefined);
    await boss.start();
    await createQueues(boss);
    await createPublishingQueues(boss);

    let media: MoveResult['media'];
    if (mediaTarget) {
      const mediaRoot = path.join(options.config.dataPath, 'media');
      // Each ready file and its library preview (ADR 0033).
      const { rows } = await pglite.query<{ key: string }>(
        `select storage_key as key from media where status = 'ready' union all select thumbnail_key from media where status = 'ready' and thumbnail_key is not null order by key`,
      );
      const copied = await copyMedia(createDiskStorage(mediaRoot), mediaTarget, rows.map((r) => r.key), out);
      media = { ...copied, unfinishedUploads: await unfinishedUploads(mediaRoot) };
    }

    const sourceCounts = new Map<string, number>();
    for (const table of tables) {
      sourceCounts.set(table.name, (await pglite.query<{ n: number }>(`select count(*)::int as n from public.${ident(table.name)}`)).rows[0]!.n);
    }
    const progress = startProgress('copy rows', [...sourceCounts.values()].reduce((a, b) => a + b, 0), { out });
    await client.query('begin');
    let jobs: { wakeUps: number; exports: number };
    const counts: TableCount[] = [];
    try {
      await pglite.transaction(async (tx) => {
        for (const table of tables) {
          // Batches stay well under PostgreSQL's 65,535 parameters per statement.
          const batch = Math.max(1, Math.min(options.batchRows ?? 1000, Math.floor(30_000 / table.columns.length)));
          for await (const rows of readBatches(tx, table, batch)) {
            await insertBatch(client, table, rows);
            progress.advance(rows.length);
          }
        }
      });
      progress.done();
      // Identity columns were given their values: their sequences continue after the source's.
      const { rows: sequences } = await pglite.query<{ name: string; value: string | null }>(`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`);
      for (const seq of sequences) if (seq.value !== null) await client.query('select setval($1::regclass, $2::bigint, true)', [`public.${ident(seq.name)}`, seq.value]);
      jobs = await rebuildJobs(client, boss);
      for (const table of tables) {
        const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from public.${ident(table.name)}`);
        counts.push({ table: table.name, source: sourceCounts.get(table.name)!, target: rows[0]!.n });
      }
      const wrong = counts.filter((c) => c.source !== c.target);
      if (wrong.length) throw new OperationError(`Counts differ after the copy (${wrong.map((c) => `${c.table}: ${c.source} → ${c.target}`).join(', ')}); nothing was kept.`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
    markMoved(options.config.dataPath, shown);
    return { tables: counts, ...jobs, media };
  } finally {
    await boss?.stop({ graceful: false }).catch(() => undefined);
    await target?.close().catch(() => undefined);
    mediaTarget?.close?.();
    await client.end().catch(() => undefined);
    await source.close();
  }
}
