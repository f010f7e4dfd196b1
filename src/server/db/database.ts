import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { createPgPool } from './pg-pool.ts';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { createDataDir, restrictToOwner } from './data-dir-modes.ts';
import { refuseIfMoved } from './moved-to-postgres.ts';

export type Schema = typeof schema;
/** The one database type services see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The rows of a raw `execute` (both drivers answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Runs several reads on one snapshot: a page that reads a row and then its children in two
 * statements could otherwise show the row as it was before a commit and the children as they are
 * after it (a post "scheduled" whose delivery is already "published").
 */
export function readOnOneSnapshot<T>(db: Db, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Present in the embedded mode: pg-boss runs on the same in-process database. */
  pglite?: PGlite;
  /** Present in the scaled mode. */
  connectionString?: string;
  migrate(): Promise<void>;
  migrationsApplied(): Promise<boolean>;
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// PostgreSQL's default 128 MB of shared buffers lives in PGlite's memory, which is Herald's own:
// it made 110 MB of the embedded mode's idle RSS (292 MB for PGlite alone against 196 MB with
// 32 MB, bench/README.md "start"). An embedded instance's working set is far smaller, and a page
// not in the buffers is still in the operating system's file cache.
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];
// Any fixed number works; it only has to be the same in every Herald process.
const MIGRATION_LOCK_KEY = 727_131_001;

let expectedMigrations: number | undefined;
/** How many migrations this version of Herald ships. */
export function expectedMigrationCount(): number {
  expectedMigrations ??= (
    JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }
  ).entries.length;
  return expectedMigrations;
}

/** True when every committed migration has been applied (what /readyz reports). */
async function migrationsApplied(db: Db): Promise<boolean> {
  try {
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    return Number((rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) >= expectedMigrationCount();
  } catch {
    return false;
  }
}

export async function openDatabase(options: { databaseUrl?: string; dataPath: string; poolSize?: number }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataPath);
}

async function openPglite(dataPath: string): Promise<Database> {
  // PGlite neither creates parent folders nor stops a second process from opening the same
  // folder (which was seen to lose writes), so Herald does both.
  createDataDir(dataPath);
  refuseIfMoved(dataPath);
  const releaseLock = acquireDataDirLock(dataPath);
  const dbPath = path.join(dataPath, 'db');
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dbPath, { startParams: PGLITE_START_PARAMS });
  } catch (error) {
    releaseLock();
    throw error;
  }
  // PGlite writes a new database's files 0666 and some files it rewrites 0644, umask or not.
  restrictToOwner(dbPath);
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    migrationsApplied: () => migrationsApplied(db),
    async close() {
      if (!pglite.closed) await pglite.close();
      // Files written while closing (statistics) get PGlite's modes too.
      restrictToOwner(dbPath);
      releaseLock();
    },
  };
}

async function openPostgres(connectionString: string, poolSize: number): Promise<Database> {
  const pool = createPgPool({ connectionString, max: poolSize });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    connectionString,
    async migrate() {
      // Several serve/worker processes may start together: one migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    migrationsApplied: () => migrationsApplied(db),
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
