import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createClient, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam } from '../helpers/workspace-team.ts';

describe('audit log', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());
  const db = () => h.herald.database.db;

  it("shows members' sign-ins, sign-outs and failed sign-ins in the workspace activity", async () => {
    const { workspaceId, members } = await createTeam(h.url, 'Audited');
    const browser = createClient(h.url, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0' });
    await browser.post('/api/auth/sign-in/email', { email: members.editor.email, password: 'wrong password' });
    await browser.post('/api/auth/sign-in/email', { email: members.editor.email, password: 'a long enough password' });
    await browser.post('/api/auth/sign-out');

    const activity = await members.admin.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=100`);
    expect(activity.status).toBe(200);
    const actions = activity.body.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.sign_in_failed', 'auth.signed_in', 'auth.signed_out', 'member.joined', 'member.invited', 'workspace.created']));
    const signedIn = activity.body.items.find((i: { action: string; actorUserId: string }) => i.action === 'auth.signed_in' && i.actorUserId === members.editor.id);
    expect(signedIn).toMatchObject({ ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0' });
    const failed = activity.body.items.find((i: { action: string }) => i.action === 'auth.sign_in_failed');
    expect(failed.entityId).toBe(members.editor.id);
    expect(failed.changes.email).toBe(members.editor.email);
    // Nothing of another workspace's people leaks in.
    const other = await createTeam(h.url, 'Elsewhere');
    const mine = await members.admin.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=200`);
    expect(mine.body.items.some((i: { actorUserId: string }) => i.actorUserId === other.members.owner.id)).toBe(false);
  });

  it('pages with a cursor, filters by action, and is readable by owners and admins only', async () => {
    const { workspaceId, members } = await createTeam(h.url, 'Paged');
    const first = await members.owner.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await members.owner.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[2].id);
    // Walking every page gives exactly the single long page: no gaps, no repeats.
    const all = (await members.owner.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=200`)).body.items.map((i: { id: number }) => i.id);
    expect(all.length).toBeGreaterThan(6);
    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; nextCursor: string | null } } = await members.owner.client.get(
        `/api/v1/workspaces/${workspaceId}/audit?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      walked.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
    const joined = await members.owner.client.get(`/api/v1/workspaces/${workspaceId}/audit?action=member.`);
    expect(joined.body.items.every((i: { action: string }) => i.action.startsWith('member.'))).toBe(true);
    const editor = await members.editor.client.get(`/api/v1/workspaces/${workspaceId}/audit`);
    expect(editor.status).toBe(403);
    expect(editor.body.error.code).toBe('auth.forbidden');
    expect((await members.admin.client.get(`/api/v1/workspaces/${workspaceId}/audit`)).status).toBe(200);
  });

  it('cannot be edited or deleted, except by an explicit maintenance transaction', async () => {
    const refusal = (e: { message: string; cause?: { message?: string } }) => `${e.message} ${e.cause?.message ?? ''}`.includes('append-only');
    await expect(db().execute(sql`update audit_log set action = 'forged'`)).rejects.toSatisfy(refusal);
    await expect(db().execute(sql`delete from audit_log`)).rejects.toSatisfy(refusal);
    const rowsOf = async (query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
    const count = async () => Number((await rowsOf(sql`select count(*)::int as n from audit_log`))[0]!.n);
    const before = await count();
    expect(await rowsOf(sql`select id from audit_log where action = 'forged'`)).toHaveLength(0);
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local herald.audit_maintenance = 'on'`);
      await tx.execute(sql`update audit_log set actor_user_id = 'anonymised' where id = (select min(id) from audit_log)`);
      await tx.execute(sql`delete from audit_log where id = (select max(id) from audit_log)`);
    });
    expect(await rowsOf(sql`select id from audit_log where actor_user_id = 'anonymised'`)).toHaveLength(1);
    expect(await count()).toBe(before - 1);
    // The switch is local to that transaction: the next statement is refused again.
    await expect(db().execute(sql`delete from audit_log`)).rejects.toSatisfy(refusal);
    expect(await count()).toBe(before - 1);
    // And the app offers no route to change it.
    const auditRoutes = h.herald.app!.routeRegistry.filter((r) => r.url.includes('/audit'));
    // Reading only: the workspace's log, and the operator's instance-wide view.
    expect(auditRoutes.length).toBeGreaterThan(0);
    expect([...new Set(auditRoutes.map((r) => r.method))]).toEqual(['GET']);
  });

  it('rolls the audit row back with the change it records', async () => {
    const { workspaceId, members } = await createTeam(h.url, 'Atomic');
    const count = async () =>
      Number(((await db().execute(sql`select count(*)::int as n from audit_log where workspace_id = ${workspaceId}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
    const before = await count();
    // Inviting an existing member fails inside the transaction: neither invitation nor audit row remains.
    const res = await members.owner.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: members.viewer.email, role: 'admin' });
    expect(res.status).toBe(409);
    expect(await count()).toBe(before);
  });
});
