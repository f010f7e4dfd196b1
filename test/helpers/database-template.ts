import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import pino from 'pino';
import { openDatabase } from '../../src/server/db/database.ts';
import { createQueue } from '../../src/server/jobs/queue.ts';

// A new PGlite database costs about 9 s of CPU (initdb runs in WebAssembly) plus 1.5 s of
// migrations, and most test files start Herald on a fresh one: that was the largest single cost
// of the suite. Every test file now starts from a copy of one migrated database (a folder copy for
// PGlite, CREATE DATABASE … TEMPLATE for PostgreSQL), made once per migration set and reused by
// later runs. A copy is what a fresh database becomes after Herald's first start's migrations, so
// tests see the same thing; first-start behaviour that depends on rows (the first user becoming
// the operator, backfills) is untouched because the template holds no rows of Herald's own.

const migrationsFolder = path.resolve(import.meta.dirname, '../../src/server/db/migrations');
const require = createRequire(import.meta.url);

/** Changes when a migration, PGlite or pg-boss changes: a template is only valid for one set. */
let key: string | undefined;
function templateKey(): string {
  if (key) return key;
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(fs.readFileSync(file));
    }
  };
  walk(migrationsFolder);
  for (const pkg of ['@electric-sql/pglite', 'pg-boss']) {
    const manifest = path.join(path.dirname(require.resolve(pkg)), '..', 'package.json');
    hash.update(fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')).version : pkg);
  }
  key = hash.digest('hex').slice(0, 16);
  return key;
}

const templatesRoot = path.join(os.tmpdir(), 'herald-test-templates');
export const pgliteTemplateDir = () => path.join(templatesRoot, `pglite-${templateKey()}`);
export const postgresTemplateName = () => `herald_tpl_${templateKey()}`;

/** Migrations plus pg-boss's schema, as Herald's first start leaves them. */
async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
  await database.migrate();
  const boss = createQueue(database, { pollSeconds: 60, logger: pino({ level: 'silent' }), runsMaintenance: false });
  await boss.start();
  await boss.stop({ graceful: false });
}

/** Makes the PGlite template folder unless a previous run left a complete one. */
export async function ensurePgliteTemplate(): Promise<string> {
  const target = pgliteTemplateDir();
  if (fs.existsSync(path.join(target, 'db'))) return target;
  fs.mkdirSync(templatesRoot, { recursive: true });
  const building = fs.mkdtempSync(path.join(templatesRoot, 'building-'));
  const database = await openDatabase({ dataPath: building });
  try {
    await prepare(database);
  } finally {
    await database.close();
  }
  fs.rmSync(path.join(building, '.lock'), { force: true });
  try {
    fs.renameSync(building, target);
  } catch {
    // Another run finished the same template first: theirs is as good.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return target;
}

/** Makes the PostgreSQL template database on the server of `baseUrl` unless it exists. */
export async function ensurePostgresTemplate(baseUrl: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `${name}_b${crypto.randomBytes(3).toString('hex')}`;
    await admin.query(`create database ${building}`);
    const url = new URL(baseUrl);
    url.pathname = `/${building}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataPath: os.tmpdir(), poolSize: 2 });
    try {
      await prepare(database);
    } finally {
      await database.close();
    }
    try {
      await admin.query(`alter database ${building} rename to ${name}`);
    } catch {
      await admin.query(`drop database if exists ${building} with (force)`);
    }
    return name;
  } finally {
    await admin.end();
  }
}

/** Copies the PGlite template into `dataDir`; false when there is none (outside vitest's set-up). */
export function copyPgliteTemplate(dataDir: string): boolean {
  const source = path.join(pgliteTemplateDir(), 'db');
  if (!fs.existsSync(source)) return false;
  fs.cpSync(source, path.join(dataDir, 'db'), { recursive: true });
  return true;
}
