import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
