import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiKeys, auditLog } from '../../src/server/db/schema/index.ts';
import { can, type Permission } from '../../src/shared/permissions.ts';
import { keyablePermissions } from '../../src/server/modules/api-keys/api-keys.service.ts';
import { startTestHerald, type ApiResponse, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam } from '../helpers/workspace-team.ts';
import { fastEngineEnv } from '../helpers/publishing.ts';
import { startMastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

/** A script with a key: no cookies, no Origin header, just `Authorization: Bearer`. */
function keyClient(baseUrl: string, key: string) {
  return async function request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(new URL(url, baseUrl), {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (the tus upload routes answer in plain text): keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
}

const fill = (url: string, workspaceId: string) => url.replace(':workspaceId', workspaceId).replace(/:(\w+)/g, 'does-not-exist');
const bodyFor = (method: string, url: string): unknown => {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (url.endsWith('/invitations')) return { email: `walk-${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' };
  if (url.endsWith('/transfer')) return { memberId: 'does-not-exist' };
  if (url.includes('/members/')) return { role: 'viewer' };
  return { name: 'Walked' };
};

describe('API keys', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_API_KEY_RATE_LIMIT: '100000' } });
  });
  afterAll(async () => h?.close());

  it('is made by owners and admins only, shown once, stored as a hash, and listed by prefix', async () => {
    const team = await createTeam(h.url, 'Keys');
    const base = `/api/v1/workspaces/${team.workspaceId}/api-keys`;
    for (const role of ['editor', 'approver', 'viewer'] as const) {
      const refused = await team.members[role].client.post(base, { name: 'Mine', scopes: ['posts.read'] });
      expect(refused.status, role).toBe(403);
    }
    const created = await team.members.admin.client.post(base, { name: 'n8n', scopes: ['posts.read', 'channels.read'], expiresAt: '2099-01-01T00:00:00Z' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
    expect(created.body.prefix).toBe(created.body.key.slice(0, 10));
    const [stored] = await h.herald.database.db.select().from(apiKeys).where(eq(apiKeys.id, created.body.id));
    expect(JSON.stringify(stored)).not.toContain(created.body.key);
    const listed = await team.members.owner.client.get(base);
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(listed.body.items[0]).toMatchObject({ name: 'n8n', prefix: created.body.prefix, scopes: ['posts.read', 'channels.read'], lastUsedAt: null });

    const bad = await team.members.owner.client.post(base, { name: '', scopes: ['posts.fly'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/name/);
    expect((await team.members.owner.client.post(base, { name: 'x', scopes: ['workspace.delete'] })).status).toBe(400);
    expect((await team.members.owner.client.post(base, { name: 'x', scopes: ['posts.read'], expiresAt: '2001-01-01T00:00:00Z' })).body.error.code).toBe('api_key.expiry_past');

    const use = keyClient(h.url, created.body.key);
    const answer = await use('GET', `/api/v1/workspaces/${team.workspaceId}/posts?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('ratelimit-limit')).toBe('100000');
    expect(Number(answer.headers.get('ratelimit-remaining'))).toBeGreaterThan(0);
    const afterUse = await team.members.owner.client.get(base);
    expect(afterUse.body.items[0].lastUsedAt).not.toBeNull();
    expect(afterUse.body.items[0].lastUsedIp).toBe('127.0.0.1');

    // Revoked: refused at once, and the refusal is in the workspace's audit log.
    expect((await team.members.admin.client.delete(`${base}/${created.body.id}`)).status).toBe(204);
    const refused = await use('GET', `/api/v1/workspaces/${team.workspaceId}/posts?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('api_key.revoked');
    const audit = await h.herald.database.db.select().from(auditLog).where(eq(auditLog.workspaceId, team.workspaceId));
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked', 'api_key.refused']));
    expect(JSON.stringify(audit)).not.toContain(created.body.key);
  });

  it('never works on account routes, key management, another workspace, or after it expires', async () => {
    const team = await createTeam(h.url, 'Limits');
    const other = await createTeam(h.url, 'Elsewhere');
    const created = await team.members.owner.client.post(`/api/v1/workspaces/${team.workspaceId}/api-keys`, { name: 'all', scopes: keyablePermissions });
    const use = keyClient(h.url, created.body.key);
    for (const [method, url] of [
      ['GET', '/api/v1/me'],
      ['POST', '/api/v1/me/exports'],
      ['GET', '/api/v1/me/api-keys'],
      ['GET', `/api/v1/workspaces/${team.workspaceId}/api-keys`],
      ['POST', `/api/v1/workspaces/${team.workspaceId}/api-keys`],
    ] as const) {
      const res = await use(method, url, method === 'POST' ? { name: 'escalate', scopes: ['posts.read'] } : undefined);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.error.code).toBe('api_key.not_allowed');
    }
    const elsewhere = await use('GET', `/api/v1/workspaces/${other.workspaceId}/channels`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.code).toBe('workspace.not_found');
    // A workspace key lists only its own workspace.
    const workspaces = await use('GET', '/api/v1/workspaces');
    expect(workspaces.body.items.map((w: { id: string }) => w.id)).toEqual([team.workspaceId]);
    expect((await use('GET', 'https://example.invalid/x'.replace('https://example.invalid', h.url))).status).toBe(404);

    await h.herald.database.db.update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, created.body.id));
    const expired = await use('GET', `/api/v1/workspaces/${team.workspaceId}/channels`);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('api_key.expired');
    const unknown = await keyClient(h.url, `hk_${'A'.repeat(43)}`)('GET', `/api/v1/workspaces/${team.workspaceId}/channels`);
    expect(unknown.body.error.code).toBe('api_key.invalid');
    expect((await keyClient(h.url, 'not-a-key')('GET', `/api/v1/workspaces/${team.workspaceId}/channels`)).status).toBe(401);
  });

  // Every workspace route × a key with one scope, and an editor's personal key with every scope:
  // a key gets exactly the intersection of its scopes and its creator's role.
  it('walks every workspace route: a key never exceeds its scopes or its creator\'s role', async () => {
    const routes = h.herald.app!.routeRegistry.filter((r) => r.access !== 'public' && r.access !== 'user');
    const team = await createTeam(h.url, 'Walk');
    const readKey = (await team.members.owner.client.post(`/api/v1/workspaces/${team.workspaceId}/api-keys`, { name: 'read', scopes: ['posts.read'] })).body.key as string;
    const editorKey = (await team.members.editor.client.post('/api/v1/me/api-keys', { name: 'everything', scopes: keyablePermissions })).body.key as string;
    expect(editorKey).toBeTruthy();
    const walkers = [
      { label: 'posts.read key', use: keyClient(h.url, readKey), allows: (p: Permission) => p === 'posts.read' },
      { label: "editor's personal key", use: keyClient(h.url, editorKey), allows: (p: Permission) => can('editor', p) && (keyablePermissions as readonly string[]).includes(p) },
    ];
    let checked = 0;
    for (const route of routes) {
      if ((route.method === 'DELETE' && route.url.endsWith(':workspaceId')) || route.url.endsWith('/transfer')) continue;
      for (const walker of walkers) {
        const res = await walker.use(route.method, fill(route.url, team.workspaceId), bodyFor(route.method, route.url));
        const label = `${walker.label} ${route.method} ${route.url} → ${res.status} ${JSON.stringify(res.body)}`;
        const sessionOnly = route.url.includes('/api-keys');
        if (sessionOnly) {
          expect(res.status, label).toBe(403);
        } else if (walker.allows(route.access as Permission)) {
          expect([401, 403], label).not.toContain(res.status);
          expect(res.status, label).toBeLessThan(500);
        } else {
          expect(res.status, label).toBe(403);
          expect(res.body.error.code, label).toBe('api_key.scope');
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  }, 180_000);

  it('follows its creator: demoted, the key loses what the new role cannot do; removed, it stops', async () => {
    const team = await createTeam(h.url, 'Demote');
    const created = await team.members.admin.client.post(`/api/v1/workspaces/${team.workspaceId}/api-keys`, { name: 'ops', scopes: ['channels.manage', 'posts.read'] });
    const use = keyClient(h.url, created.body.key);
    const slots = `/api/v1/workspaces/${team.workspaceId}/channels/does-not-exist/slots`;
    const before = await use('PUT', slots, { slots: [] });
    expect(before.status).not.toBe(403);
    expect((await team.members.owner.client.patch(`/api/v1/workspaces/${team.workspaceId}/members/${team.members.admin.memberId}`, { role: 'viewer' })).status).toBe(200);
    const after = await use('PUT', slots, { slots: [] });
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe('api_key.scope');
    expect((await use('GET', `/api/v1/workspaces/${team.workspaceId}/channels`)).status).toBe(403);
  });

  it('answers 429 with RateLimit headers once a key spends its minute', async () => {
    const limited = await startTestHerald({ env: { HERALD_API_KEY_RATE_LIMIT: '3' } });
    try {
      const team = await createTeam(limited.url, 'Paced');
      const key = (await team.members.owner.client.post(`/api/v1/workspaces/${team.workspaceId}/api-keys`, { name: 'fast', scopes: ['posts.read'] })).body.key as string;
      const use = keyClient(limited.url, key);
      const url = `/api/v1/workspaces/${team.workspaceId}/posts?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`;
      const remaining = [];
      for (let i = 0; i < 3; i += 1) remaining.push((await use('GET', url)).headers.get('ratelimit-remaining'));
      expect(remaining).toEqual(['2', '1', '0']);
      const over = await use('GET', url);
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe('rate_limited');
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(over.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  // The connect URL flow by API: the link goes to whoever owns the account, who has no Herald
  // session; the key's creator is the one who connected, and a revoked key's link connects nothing.
  it('connects a channel through a link made with a key and opened without a session', async () => {
    const mastodon = await startMastodonFake();
    try {
      const team = await createTeam(h.url, 'Connect');
      const created = await team.members.admin.client.post(`/api/v1/workspaces/${team.workspaceId}/api-keys`, { name: 'onboarding', scopes: ['channels.read', 'channels.manage'] });
      const use = keyClient(h.url, created.body.key);
      const start = await use('POST', `/api/v1/workspaces/${team.workspaceId}/channels/connect`, { network: 'mastodon', instance: mastodon.domain });
      expect(start.status).toBe(200);
      const callback = mastodon.authorize(start.body.authorizationUrl);
      const opened = await fetch(callback, { redirect: 'manual' });
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain('Your account is connected');
      const channels = await use('GET', `/api/v1/workspaces/${team.workspaceId}/channels`);
      expect(channels.body.items.filter((c: { network: string; status: string }) => c.network === 'mastodon')).toHaveLength(1);
      const [connected] = await h.herald.database.db.select().from(auditLog).where(eq(auditLog.action, 'channel.connected'));
      expect(connected?.actorUserId).toBe(team.members.admin.id);

      const again = await use('POST', `/api/v1/workspaces/${team.workspaceId}/channels/connect`, { network: 'mastodon', instance: mastodon.domain });
      expect((await team.members.admin.client.delete(`/api/v1/workspaces/${team.workspaceId}/api-keys/${created.body.id}`)).status).toBe(204);
      const late = await fetch(mastodon.authorize(again.body.authorizationUrl), { redirect: 'manual' });
      expect(late.status).toBe(400);
      expect(await late.text()).toContain('no longer works');

      // A link started in a browser session still needs that session.
      const browserStart = await team.members.admin.client.post(`/api/v1/workspaces/${team.workspaceId}/channels/connect`, { network: 'mastodon', instance: mastodon.domain });
      const anonymous = await fetch(mastodon.authorize(browserStart.body.authorizationUrl), { redirect: 'manual' });
      expect(anonymous.status).toBe(400);
      expect(await anonymous.text()).toContain('another session');
      expect((await use('GET', `/api/v1/workspaces/${team.workspaceId}/channels`)).status).toBe(401);
    } finally {
      await mastodon.close();
    }
  });
});
