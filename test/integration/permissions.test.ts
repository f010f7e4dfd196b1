import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccessPlugin } from '../../src/server/http/route-access.ts';
import type { Auth } from '../../src/server/modules/auth/auth.ts';
import { can, permissions, roles, type Permission } from '../../src/shared/permissions.ts';
import { createClient, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam } from '../helpers/workspace-team.ts';

// Walks every route the running app registered, with every role, and checks the answer against
// the permission table. New modules are covered as soon as they add routes.
describe('every route × every role', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());

  const fill = (url: string, workspaceId: string) => url.replace(':workspaceId', workspaceId).replace(/:(\w+)/g, 'does-not-exist');
  // Bodies that pass validation, so an allowed call reaches the service instead of stopping at 400.
  const body = (method: string, url: string): unknown => {
    if (method === 'GET' || method === 'DELETE') return undefined;
    if (url.endsWith('/invitations')) return { email: `walk-${Math.random().toString(36).slice(2)}@example.com`, role: 'viewer' };
    if (url.endsWith('/transfer')) return { memberId: 'does-not-exist' };
    if (url.includes('/members/')) return { role: 'viewer' };
    return { name: 'Walked' };
  };

  it('has an access rule on every API route', () => {
    const registry = h.herald.app!.routeRegistry;
    expect(registry.length).toBeGreaterThan(10);
    const valid = new Set<string>(['public', 'user', ...permissions]);
    for (const r of registry) expect(valid.has(r.access), `${r.method} ${r.url} → ${r.access}`).toBe(true);
    for (const url of ['/api/v1/me', '/api/v1/workspaces/:workspaceId', '/api/v1/workspaces/:workspaceId/audit']) {
      expect(registry.some((r) => r.url === url), url).toBe(true);
    }
  });

  it('refuses to boot with an /api route that declares no access rule', async () => {
    const app = Fastify();
    await app.register(routeAccessPlugin, { auth: {} as Auth, db: h.herald.database.db });
    const registering = app.register(
      async (api) => {
        api.get('/declared', { config: { access: 'user' } }, async () => ({}));
        api.get('/forgotten', async () => ({}));
      },
      { prefix: '/api/v1' },
    );
    await expect(registering).rejects.toThrow('Route GET /api/v1/forgotten declares no access rule');
    expect(app.routeRegistry).toEqual([{ method: 'GET', url: '/api/v1/declared', access: 'user' }]);
  });

  it('refuses every non-public route without a session', async () => {
    const anonymous = createClient(h.url);
    // The OAuth callback also finishes connection links made with an API key, opened without a session (api-keys.test.ts).
    for (const r of h.herald.app!.routeRegistry.filter((r) => r.access !== 'public' && r.url !== '/api/v1/oauth/callback/:network')) {
      const res = await anonymous.request(r.method, fill(r.url, 'any'), body(r.method, r.url));
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
      expect(res.body.error.code, `${r.method} ${r.url}`).toBe('auth.unauthenticated');
    }
  });

  // Every route × five roles, each a real request: it grows with the API, so it gets its own budget.
  it('allows and denies exactly as the role table says', async () => {
    const routes = h.herald.app!.routeRegistry.filter((r) => r.access !== 'public' && r.access !== 'user');
    expect(routes.length).toBeGreaterThan(5);
    // Destructive routes (deleting the workspace, transferring it) get a fresh team per call.
    const destructive = (url: string, method: string) => (method === 'DELETE' && url.endsWith(':workspaceId')) || url.endsWith('/transfer');
    const shared = await createTeam(h.url, 'Walk');
    const checked: string[] = [];
    for (const route of routes) {
      for (const role of roles) {
        const team = destructive(route.url, route.method) ? await createTeam(h.url, 'Throwaway') : shared;
        const res = await team.members[role].client.request(route.method, fill(route.url, team.workspaceId), body(route.method, route.url));
        const label = `${role} ${route.method} ${route.url} → ${res.status} ${JSON.stringify(res.body)}`;
        if (can(role, route.access as Permission)) {
          expect(res.status, label).not.toBe(403);
          expect(res.status, label).not.toBe(401);
          expect(res.status, label).toBeLessThan(500);
          // Reads that need nothing but the workspace must actually answer.
          // (A workspace's logo is a picture it may not have: 404 logo.not_found is its answer then.
          // A link card's picture is read from the address its required `url` names: 400 without one.)
          const needsMore = route.url.endsWith('/logo') || route.url.endsWith('/link-preview/image');
          if (route.method === 'GET' && !/:(?!workspaceId\b)\w+/.test(route.url) && !needsMore) expect(res.status, label).toBe(200);
        } else {
          expect(res.status, label).toBe(403);
          expect(res.body.error.code, label).toBe('auth.forbidden');
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBe(routes.length * roles.length);
    // About 1,500 requests one after another: 300 s leaves room for a loaded machine.
  }, 300_000);

  it('hides workspaces from people who are not members', async () => {
    const team = await createTeam(h.url, 'Private');
    const outsider = (await createTeam(h.url, 'Other')).members.owner.client;
    const res = await outsider.get(`/api/v1/workspaces/${team.workspaceId}/members`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('workspace.not_found');
  });
});
