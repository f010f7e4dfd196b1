import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.ts';
import { consume, read } from './network-usage.ts';

// The ledger on a real PGlite database with the committed migrations.
describe('network usage ledger', () => {
  let database: Database;
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-usage-'));
  beforeAll(async () => {
    database = await openDatabase({ dataPath });
    await database.migrate();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  });

  it('never lets concurrent consumers take more than the limit together', async () => {
    const windowStart = new Date('2026-12-05T08:00:00Z');
    const attempts = await Promise.all(Array.from({ length: 40 }, () => consume(database.db, { network: 'test', bucket: 'units', units: 3, windowStart, limit: 100 })));
    const allowed = attempts.filter((a) => a.allowed).length;
    expect(allowed).toBe(33);
    expect(await read(database.db, { network: 'test', bucket: 'units', windowStart })).toBe(99);
    // A refusal says what was used and changes nothing.
    expect(await consume(database.db, { network: 'test', bucket: 'units', units: 2, windowStart, limit: 100 })).toEqual({ allowed: false, used: 99 });
    expect(await consume(database.db, { network: 'test', bucket: 'units', units: 1, windowStart, limit: 100 })).toEqual({ allowed: true, used: 100 });
  });

  it('starts each window (and each bucket) from zero, and refuses a first call larger than the limit', async () => {
    const day1 = new Date('2026-12-06T08:00:00Z');
    const day2 = new Date('2026-12-07T08:00:00Z');
    expect(await consume(database.db, { network: 'test', bucket: 'units', units: 90, windowStart: day1, limit: 100 })).toEqual({ allowed: true, used: 90 });
    expect((await consume(database.db, { network: 'test', bucket: 'units', units: 20, windowStart: day1, limit: 100 })).allowed).toBe(false);
    expect(await consume(database.db, { network: 'test', bucket: 'units', units: 20, windowStart: day2, limit: 100 })).toEqual({ allowed: true, used: 20 });
    expect(await consume(database.db, { network: 'test', bucket: 'uploads', units: 1, windowStart: day1, limit: 1 })).toEqual({ allowed: true, used: 1 });
    expect(await consume(database.db, { network: 'test', bucket: 'big', units: 5, windowStart: day1, limit: 4 })).toEqual({ allowed: false, used: 0 });
    // Giving back units (a refused follow-up) always fits.
    expect(await consume(database.db, { network: 'test', bucket: 'units', units: -10, windowStart: day1, limit: 100 })).toEqual({ allowed: true, used: 80 });
  });
});
