import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config/config.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import { moveToPostgres } from '../../src/server/operations/move-to-postgres.ts';
import { connectMastodon, fastEngineEnv, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { runHeraldCli } from '../helpers/herald-cli.ts';
import { createClient, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { WAKE_LEAD_MS } from '../../src/server/modules/publishing/wake-ups.ts';

// Child processes and two databases on a loaded machine: minutes, not seconds.
const SLOW = 400_000;
const base = process.env.TEST_DATABASE_URL;
// The fake's answers can take seconds on a loaded machine: connecting must not time out.
const engineEnv = { ...fastEngineEnv, HERALD_NETWORK_TIMEOUT_SECONDS: '15' };

/** Every row of every table as PostgreSQL's text form, hashed per table (the wake-up job id aside: it is rebuilt). */
const fingerprintSql = (table: string) =>
  `select md5(coalesce(string_agg(r, E'\\n' order by r), '')) as hash from (select ${
    table === 'deliveries' ? `(to_jsonb(t) - 'wake_job_id')::text` : 't::text'
  } as r from public."${table}" t) rows`;

describe.skipIf(!base)('herald move-to-postgres (PGlite → PostgreSQL)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-move-'));
  const suffix = crypto.randomBytes(5).toString('hex');
  const targetName = `herald_move_${suffix}`;
  const busyName = `herald_move_busy_${suffix}`;
  const urlOf = (name: string) => Object.assign(new URL(base!), { pathname: `/${name}` }).toString();
  const admin = () => new pg.Client({ connectionString: base });
  let mastodon: MastodonFake;
  let source: TestHerald;
  let moved: TestHerald | undefined;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  let scheduledId: string;
  let mediaId: string;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  const settled = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled'].includes(d.state));

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`create database ${targetName}`);
    await client.query(`create database ${busyName}`);
    await client.end();
    mastodon = await startMastodonFake();
    source = await startTestHerald({ env: engineEnv, database: { env: {}, dataDir, drop: async () => {} } });
    owner = await signUp(source.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Moving' })).body.id;
    channelId = await connectMastodon(source, owner.client, workspaceId, mastodon);
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#123456' } }).png().toBuffer();
    mediaId = (await uploadMedia(source, owner.client, workspaceId, { bytes: png, name: 'a.png', type: 'image/png' })).id;
    const published = await owner.client.post(api('/posts'), { content: { text: 'Already out' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    await waitForPost(owner.client, workspaceId, published.body.id, settled, 120_000);
    // Due a little after the move: it must publish from PostgreSQL, once. The source is stopped
    // below, so even on a machine slow enough for the move to outlast this, only PostgreSQL's Herald
    // can publish it; the rebuilt wake-up itself is checked by the copy test.
    const due = new Date(Date.now() + 75_000).toISOString();
    const scheduled = await owner.client.post(api('/posts'), { content: { text: 'Due after the move', media: [{ mediaId }] }, channels: [{ channelId }], schedule: { mode: 'at', publishAt: due, timeZone: 'UTC' } });
    expect(scheduled.status).toBe(201);
    scheduledId = scheduled.body.id;
    await owner.client.post(api('/posts'), { content: { text: 'A draft' }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    // Values only an exact copy keeps: a 64-bit size past 2^53 and a JSON number past any float.
    const db = source.herald.database.db;
    await db.execute(sql`update media set size = 9007199254740993 where id = ${mediaId}`);
    await db.execute(sql`update deliveries set progress = '{"remoteId": 123456789012345678901234567890}'::jsonb where state = 'draft'`);
    await source.stop();
  }, SLOW);

  afterAll(async () => {
    await moved?.stop();
    await mastodon?.close();
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${targetName} with (force)`);
    await client.query(`drop database if exists ${busyName} with (force)`);
    await client.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, SLOW);

  it('refuses a target that holds anything, leaving it as it was', async () => {
    const busy = new pg.Client({ connectionString: urlOf(busyName) });
    await busy.connect();
    await busy.query('create table notes (body text); insert into notes values ($$keep me$$)');
    const config = loadConfig({ HERALD_DATA_DIR: dataDir });
    await expect(moveToPostgres({ config, to: urlOf(busyName), out: devNull() })).rejects.toThrow('has a table "notes" that Herald does not use');
    const { rows } = await busy.query(`select (select count(*)::int from notes) as notes, (select count(*)::int from pg_tables where schemaname = 'public') as tables`);
    expect(rows[0]).toEqual({ notes: 1, tables: 1 });
    await busy.end();
    await expect(moveToPostgres({ config, to: 'mysql://elsewhere/db', out: devNull() })).rejects.toThrow('--to must be a postgres:// URL');
  }, SLOW);

  it('copies every table exactly, shows the counts side by side, and rebuilds the scheduled wake-up', async () => {
    const run = await runHeraldCli(['move-to-postgres', '--to', urlOf(targetName)], { HERALD_DATA_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^copy rows: done \(\d+\)$/m);
    expect(run.stdout).toContain('1 scheduled wake-up(s)');
    expect(run.stdout).not.toContain('postgres@');
    const table = new Map(
      run.stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cells) => cells.length === 3 && /^\d+$/.test(cells[1]!))
        .map(([name, from, to]) => [name!, [Number(from), Number(to)]]),
    );
    for (const name of ['users', 'workspaces', 'channels', 'post_groups', 'deliveries', 'media', 'audit_log']) {
      expect(table.get(name)?.[0], name).toBeGreaterThan(0);
      expect(table.get(name)?.[1], name).toBe(table.get(name)?.[0]);
    }

    const pglite = await PGlite.create(path.join(dataDir, 'db'));
    const target = new pg.Client({ connectionString: urlOf(targetName) });
    await target.connect();
    try {
      await pglite.exec(`set timezone = 'UTC'`);
      await target.query(`set timezone = 'UTC'`);
      for (const name of table.keys()) {
        const [from] = (await pglite.query<{ hash: string }>(fingerprintSql(name))).rows;
        const { rows: [to] } = await target.query<{ hash: string }>(fingerprintSql(name));
        expect(to!.hash, name).toBe(from!.hash);
      }
      const { rows: exact } = await target.query(`select (select size::text from media where id = $1) as size, (select progress->>'remoteId' from deliveries where state = 'draft') as remote`, [mediaId]);
      expect(exact[0]).toEqual({ size: '9007199254740993', remote: '123456789012345678901234567890' });
      // The audit log's sequence goes on after the copied entries.
      const { rows: seq } = await target.query(`select (select max(id) from audit_log)::text as max, (select last_value from audit_log_id_seq)::text as last`);
      expect(seq[0].last).toBe(seq[0].max);
      // The scheduled delivery has its wake-up in the new queue, at its time (less the wake-up lead).
      const { rows: wake } = await target.query(
        `select j.name, j.state, j.start_after = d.next_attempt_at - $2 * interval '1 millisecond' as on_time from deliveries d join pgboss.job j on j.id::text = d.wake_job_id where d.post_group_id = $1`,
        [scheduledId, WAKE_LEAD_MS],
      );
      expect(wake).toEqual([{ name: 'publish.mastodon', state: 'created', on_time: true }]);
    } finally {
      await target.end();
      await pglite.close();
    }
  }, SLOW);

  it('marks the embedded copy as moved: it refuses to start, and a second move is refused', async () => {
    await expect(startTestHerald({ database: { env: {}, dataDir, drop: async () => {} } })).rejects.toThrow('was moved to PostgreSQL');
    const config = loadConfig({ HERALD_DATA_DIR: dataDir });
    await expect(moveToPostgres({ config, to: urlOf(targetName), out: devNull() })).rejects.toThrow('was moved to PostgreSQL');
    // Without the marker, the target (now holding rows) is refused all the same.
    const marker = path.join(dataDir, 'MOVED-TO-POSTGRES');
    const kept = fs.readFileSync(marker);
    fs.rmSync(marker);
    try {
      await expect(moveToPostgres({ config, to: urlOf(targetName), out: devNull() })).rejects.toThrow(/table "\w+" has rows/);
    } finally {
      fs.writeFileSync(marker, kept);
    }
  }, SLOW);

  it('on PostgreSQL, Herald has everything and publishes the scheduled post once, at its time', async () => {
    const before = mastodon.creations();
    moved = await startTestHerald({ env: engineEnv, database: { env: { DATABASE_URL: urlOf(targetName) }, dataDir, drop: async () => {} } });
    expect(moved.herald.database.kind).toBe('postgres');
    const client = createClient(moved.url);
    expect((await client.post('/api/auth/sign-in/email', { email: owner.email, password: owner.password })).status).toBe(200);
    const media = await fetch(new URL(api(`/media/${mediaId}/file`), moved.url), { headers: { cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(media.status).toBe(200);
    const done = await waitForPost(client, workspaceId, scheduledId, settled, 300_000);
    expect(done.state).toBe('published');
    expect(new Date(done.deliveries[0].publishedAt).getTime()).toBeGreaterThanOrEqual(new Date(done.deliveries[0].dueAt).getTime());
    expect(mastodon.creations() - before).toBe(1);
  }, SLOW);

  it('copies media into another storage when one is given (the seam for S3)', async () => {
    const { copyMedia } = await import('../../src/server/operations/copy-media.ts');
    const other = createDiskStorage(path.join(dataDir, 'copied-media'));
    const key = `${workspaceId}/${mediaId}`;
    const result = await copyMedia(createDiskStorage(path.join(dataDir, 'media')), other, [key], devNull());
    expect(result).toMatchObject({ files: 1, copied: 1, skipped: 0, verified: 1 });
    expect(fs.readFileSync(other.path!(key)).equals(fs.readFileSync(path.join(dataDir, 'media', workspaceId, mediaId)))).toBe(true);
    // Started again (a run that stopped half way): what is there and identical is not sent again.
    expect(await copyMedia(createDiskStorage(path.join(dataDir, 'media')), other, [key], devNull())).toMatchObject({ files: 1, copied: 0, skipped: 1, verified: 1 });
    await expect(copyMedia(createDiskStorage(path.join(dataDir, 'media')), other, [`${workspaceId}/missing`], devNull())).rejects.toThrow('1 media file(s) are missing from the source storage');
  }, SLOW);
});

function devNull(): NodeJS.WriteStream {
  return { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
}
