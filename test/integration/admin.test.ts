import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

// The operator's admin API: only the operator reads it (and every read is audited), pages walk the
// whole instance, bad input is a 400 naming the field; plus request ids on its answers and logs.
describe('admin API', () => {
  let h: TestHerald;
  let operator: Awaited<ReturnType<typeof signUp>>;
  let someone: Awaited<ReturnType<typeof signUp>>;

  beforeAll(async () => {
    h = await startTestHerald();
    // The first account of an instance is its operator.
    operator = await signUp(h.url, { name: 'Olga Operator' });
    someone = await signUp(h.url, { name: 'Sam Someone' });
    await signUp(h.url, { name: 'Third Person' });
    for (const name of ['Alpha', 'Beta', 'Gamma']) expect((await someone.client.post('/api/v1/workspaces', { name })).status).toBe(201);
  });
  afterAll(async () => h?.close());

  it('refuses everyone but the operator, before reading their input, and audits the refusal', async () => {
    expect((await createClient(h.url).get('/api/v1/admin/overview')).status).toBe(401);
    for (const url of ['/api/v1/admin/overview', '/api/v1/admin/users', '/api/v1/admin/workspaces', '/api/v1/admin/audit', '/api/v1/admin/users?limit=nope']) {
      const res = await someone.client.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body.error.code, url).toBe('admin.operator_only');
    }
    const audit = await operator.client.get('/api/v1/admin/audit?action=admin.refused');
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(5);
    expect(audit.body.items[0]).toMatchObject({ action: 'admin.refused', actorUserId: someone.id, actorName: 'Sam Someone', entityType: 'instance', workspaceName: null });
  });

  it('answers the operator: health, queue, failing networks and storage', async () => {
    const res = await operator.client.get('/api/v1/admin/overview');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ database: expect.stringMatching(/^(pglite|postgres)$/), mode: 'all', users: 3, workspaces: 3, deliveries: [], failingNetworks: { networks: [] } });
    expect(res.body.queue.length).toBeGreaterThan(0);
    expect(res.body.queue[0]).toEqual({ queue: expect.any(String), waiting: expect.any(Number), active: expect.any(Number), deferred: expect.any(Number), failed: expect.any(Number) });
    expect(res.body.storage).toMatchObject({ mediaBytes: 0, mediaFiles: 0 });
    expect(res.body.storage.databaseBytes === null || res.body.storage.databaseBytes > 0).toBe(true);
    // Reading the audit log is itself on record, just before it is read.
    const audit = await operator.client.get('/api/v1/admin/audit?action=admin.viewed&limit=2');
    expect(audit.body.items.map((e: any) => e.changes.route)).toEqual(['/api/v1/admin/audit', '/api/v1/admin/overview']);
    expect(audit.body.items[1]).toMatchObject({ action: 'admin.viewed', actorUserId: operator.id, ip: expect.any(String) });
  });

  it('pages through every account and workspace, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res: { status: number; body: any } = await operator.client.get(`/api/v1/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u: any) => u.email));
      cursor = res.body.nextCursor;
    }
    expect(seen).toHaveLength(3);
    expect(seen.at(-1)).toBe(operator.email);
    const first = (await operator.client.get('/api/v1/admin/users?limit=3')).body.items;
    expect(first.find((u: any) => u.id === operator.id)).toMatchObject({ isOperator: true, workspaces: 0 });
    expect(first.find((u: any) => u.id === someone.id)).toMatchObject({ isOperator: false, workspaces: 3 });
    expect(JSON.stringify(first)).not.toMatch(/password|token/i);

    const page1 = await operator.client.get('/api/v1/admin/workspaces?limit=2');
    expect(page1.body.items.map((w: any) => w.name)).toEqual(['Gamma', 'Beta']);
    expect(page1.body.items[0]).toMatchObject({ members: 1, channels: 0, posts: 0 });
    const page2 = await operator.client.get(`/api/v1/admin/workspaces?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ items: [{ name: 'Alpha' }], nextCursor: null });
  });

  it('shows the audit log across workspaces, filtered by action', async () => {
    const res = await operator.client.get('/api/v1/admin/audit?action=workspace.');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(res.body.items.map((e: any) => e.workspaceName))).toEqual(new Set(['Alpha', 'Beta', 'Gamma']));
    for (const e of res.body.items) expect(e.action.startsWith('workspace.')).toBe(true);
    const paged = await operator.client.get(`/api/v1/admin/audit?limit=1&cursor=${res.body.items[0].id}`);
    expect(paged.body.items[0].id).toBeLessThan(res.body.items[0].id);
  });

  it('answers bad input with a 400 naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/admin/users?limit=0', 'querystring.limit'],
      ['/api/v1/admin/users?limit=201', 'querystring.limit'],
      ['/api/v1/admin/users?cursor=not-a-cursor', 'querystring.cursor'],
      ['/api/v1/admin/workspaces?limit=abc', 'querystring.limit'],
      ['/api/v1/admin/audit?action=DROP%20TABLE', 'querystring.action'],
      ['/api/v1/admin/audit?cursor=-1', 'querystring.cursor'],
    ] as const) {
      const res = await operator.client.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code, url).toBe('validation_failed');
      expect(res.body.error.details.issues[0].field, url).toBe(field);
    }
  });

  it('puts the request id in the header, the error body and the log lines of the request', async () => {
    const given = await someone.client.request('GET', '/api/v1/admin/overview', undefined, { 'x-request-id': 'support-ticket-42' });
    expect(given.headers.get('x-request-id')).toBe('support-ticket-42');
    expect(given.body.error.requestId).toBe('support-ticket-42');
    const logged = h.logs.map((line) => JSON.parse(line)).find((line) => line.msg === 'admin pages refused: not the operator' && line.requestId === 'support-ticket-42');
    expect(logged).toMatchObject({ userId: someone.id, route: '/api/v1/admin/overview' });

    // An id that is not a short safe token is replaced, never echoed.
    for (const unsafe of ['x'.repeat(65), 'two words', '<script>']) {
      const res = await someone.client.request('GET', '/api/v1/admin/overview', undefined, { 'x-request-id': unsafe });
      const id = res.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.error.requestId).toBe(id);
    }
    // Successful answers carry one too, each its own; a 404 of an unknown route has it in the body.
    const a = await operator.client.get('/api/v1/me');
    const b = await operator.client.get('/api/v1/me');
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    const missing = await operator.client.get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'route.not_found', requestId: missing.headers.get('x-request-id') });
  });

  it('has /metrics off (404) when no metrics token is set', async () => {
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(404);
    expect(h.herald.metricsUrl).toBeUndefined();
  });
});
