import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, readOnOneSnapshot, rowsOf, type Database } from './database.ts';

// On the database the run is on (PGlite, or PostgreSQL with TEST_DATABASE_URL): a write that
// commits between two reads of a snapshot is not seen by the second read.
describe('readOnOneSnapshot', () => {
  let database: Database;
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-snapshot-'));
  const table = sql.raw(`snapshot_probe_${crypto.randomBytes(4).toString('hex')}`);
  const valueIn = async (db: Database['db'] | Parameters<Parameters<typeof readOnOneSnapshot>[1]>[0]) =>
    rowsOf<{ v: number }>(await db.execute(sql`select v from ${table}`))[0]!.v;

  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataPath, poolSize: 2 });
    await database.db.execute(sql`create table ${table} (v int)`);
    await database.db.execute(sql`insert into ${table} values (1)`);
  }, 60_000);
  afterAll(async () => {
    await database?.db.execute(sql`drop table if exists ${table}`);
    await database?.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  });

  it('keeps the second read on the first read’s moment while another write commits', async () => {
    let write: Promise<unknown> | undefined;
    const [first, second] = await readOnOneSnapshot(database.db, async (tx) => {
      const before = await valueIn(tx);
      // On PostgreSQL the write commits on another connection now; PGlite's one connection holds it
      // until the snapshot ends. Either way the read below must not see it.
      // (A drizzle query runs when awaited: Promise.resolve starts it without waiting here.)
      write = Promise.resolve(database.db.execute(sql`update ${table} set v = 2`));
      await new Promise((resolve) => setTimeout(resolve, 200));
      return [before, await valueIn(tx)];
    });
    await write;
    expect([first, second]).toEqual([1, 1]);
    expect(await valueIn(database.db)).toBe(2);
  });

  it('refuses a write inside it', async () => {
    const refused = await readOnOneSnapshot(database.db, (tx) => tx.execute(sql`update ${table} set v = 3`)).catch((error: Error) => error);
    expect(String((refused as Error).cause)).toMatch(/read-only transaction/);
    expect(await valueIn(database.db)).toBe(2);
  });
});
