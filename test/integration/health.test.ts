import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

describe('health endpoints', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());

  it('answers /healthz and /readyz once migrations ran', async () => {
    expect(await (await fetch(`${h.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).status).toBe('ready');
  });

  it('reports not ready when the database is gone', async () => {
    await h.herald.database.close();
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
  });
});
