import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config/config.ts';
import { startHerald } from '../../src/server/runtime.ts';
import { createClient, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

describe.skipIf(!!process.env.TEST_DATABASE_URL)('embedded mode (PGlite in the data folder)', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());

  it('keeps its database, a generated secret and a lock file in HERALD_DATA_DIR', () => {
    expect(h.herald.database.kind).toBe('pglite');
    expect(fs.existsSync(path.join(h.dataDir, 'db', 'PG_VERSION'))).toBe(true);
    expect(fs.readFileSync(path.join(h.dataDir, 'secret.key'), 'utf8').trim().length).toBeGreaterThanOrEqual(48);
    expect(fs.statSync(path.join(h.dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(h.dataDir, 'herald.lock'), 'utf8')).toBe(String(process.pid));
    expect(h.logs.some((l) => l.includes('BACK IT UP'))).toBe(true);
  });

  it('refuses a second process on the same data folder, naming the one holding it', async () => {
    const second = spawnSync(process.execPath, ['bin/herald.js', 'all'], {
      env: { ...process.env, HERALD_DATA_DIR: h.dataDir, PORT: '0', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Another Herald process (pid ${process.pid}) is using ${h.dataDir}`);
    // Within one process too.
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, PORT: '0', LOG_LEVEL: 'silent' });
    await expect(startHerald({ mode: 'all', config, listen: false })).rejects.toThrow(new RegExp(`pid ${process.pid}`));
    // The refused start left the running instance alone.
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });

  it('keeps accounts and the secret across a restart', async () => {
    const u = await signUp(h.url, { email: 'persist@example.com' });
    const secret = fs.readFileSync(path.join(h.dataDir, 'secret.key'), 'utf8');
    h = await h.restart();
    expect(fs.readFileSync(path.join(h.dataDir, 'secret.key'), 'utf8')).toBe(secret);
    const client = createClient(h.url);
    expect((await client.post('/api/auth/sign-in/email', { email: 'persist@example.com', password: u.password })).status).toBe(200);
  });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('data folder modes (embedded)', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-modes-'));
  // A folder that does not exist yet: Herald creates it.
  const dataDir = path.join(parent, 'data');
  const database = { env: {}, dataDir, drop: async () => fs.rmSync(parent, { recursive: true, force: true }) };
  let h: TestHerald;
  afterAll(async () => h?.close());

  /** Entries under the folder (and the folder) that other accounts may read, write or enter. */
  const loose = (root: string): string[] => {
    const found: string[] = [];
    const visit = (entry: string) => {
      const stat = fs.lstatSync(entry);
      if (stat.mode & 0o077) found.push(`${path.relative(root, entry) || '.'} ${(stat.mode & 0o777).toString(8)}`);
      if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    };
    visit(root);
    return found;
  };
  const fixedLines = () => h.logs.filter((l) => l.includes('entries of the data folder owner-only'));

  it('creates the folder 0700 and everything in it owner-only, media included', async () => {
    // What an older Herald's process had: files readable by everyone unless told otherwise.
    process.umask(0o022);
    h = await startTestHerald({ database });
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const u = await signUp(h.url);
    const workspace = (await u.client.post('/api/v1/workspaces', { name: 'Modes' })).body.id as string;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000000' } }).png().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'a.png');
    const cookie = [...u.client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const uploaded = await fetch(new URL(`/api/v1/workspaces/${workspace}/media`, h.url), { method: 'POST', headers: { origin: h.url, cookie }, body: form });
    expect(uploaded.status).toBe(201);
    expect(fs.existsSync(path.join(dataDir, 'db', 'pg_wal'))).toBe(true);
    expect(loose(dataDir)).toEqual([]);
    expect(fixedLines()).toEqual([]);
  });

  it('corrects an existing folder with looser modes at start, and says how many entries it fixed', async () => {
    await h.stop();
    expect(loose(dataDir)).toEqual([]);
    const loosened = [dataDir, path.join(dataDir, 'secret.key'), path.join(dataDir, 'db'), path.join(dataDir, 'db', 'pg_wal'), path.join(dataDir, 'media')];
    const walFile = fs.readdirSync(path.join(dataDir, 'db', 'pg_wal')).find((name) => /^[0-9A-F]{24}$/.test(name))!;
    loosened.push(path.join(dataDir, 'db', 'pg_wal', walFile));
    for (const entry of loosened) fs.chmodSync(entry, fs.statSync(entry).isDirectory() ? 0o777 : 0o666);
    h = await h.restart();
    expect(loose(dataDir)).toEqual([]);
    const [line, ...more] = fixedLines().map((l) => JSON.parse(l) as { fixed: number; msg: string });
    expect(more).toEqual([]);
    expect(line).toMatchObject({ fixed: loosened.length, msg: `Made ${loosened.length} entries of the data folder owner-only (other accounts on this machine could read or change them)` });
    // A clean folder is not reported again.
    h = await h.restart();
    expect(fixedLines()).toEqual([]);
  });
});
