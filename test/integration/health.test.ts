import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

describe('health endpoints', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());

  it('answers /healthz, and /readyz with each part: database, queue and media storage', async () => {
    expect(await (await fetch(`${h.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.url}/readyz`);
    // The body first: when a part is not ready, the failure says which and why.
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: h.herald.database.kind,
      checks: { database: { ok: true }, queue: { ok: true, waiting: expect.any(Number), active: expect.any(Number) }, storage: { ok: true } },
    });
    expect(ready.status).toBe(200);
    // The storage probe leaves nothing behind.
    expect(fs.readdirSync(path.join(h.dataDir, 'media', '_health'))).toEqual([]);
  });

  it('reports the media storage not ready when it cannot be written', async () => {
    const media = path.join(h.dataDir, 'media');
    const aside = `${media}.aside`;
    fs.renameSync(media, aside);
    // A file where the folder should be: no write can succeed, whoever runs the test (even root).
    fs.writeFileSync(media, '');
    try {
      const res = await fetch(`${h.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: 'not_ready',
        reason: 'media storage not writable',
        checks: { database: { ok: true }, queue: { ok: true }, storage: { ok: false, reason: 'media storage not writable' } },
      });
    } finally {
      fs.rmSync(media);
      fs.renameSync(aside, media);
    }
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });

  it('reports not ready when the database is gone', async () => {
    await h.herald.database.close();
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body).toMatchObject({ status: 'not_ready', reason: 'database unreachable', checks: { database: { ok: false } } });
    // Embedded, the queue lives in the same database and goes with it (pg-boss has its own pool on PostgreSQL).
    if (h.herald.database.kind === 'pglite') expect(body.checks.queue).toEqual({ ok: false, reason: 'job queue unreachable' });
  });
});
