import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { accessLog, auditLog } from '../../src/server/db/schema/index.ts';
import { purgeAccessLog } from '../../src/server/modules/access-log/access-log.retention.ts';
import { RETENTION_JOB } from '../../src/server/modules/privacy/retention.service.ts';
import { createClient, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * 86_400_000);

describe('access log', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());
  const db = () => h.herald.database.db;
  const rows = async () => {
    await h.herald.app!.flushAccessLog();
    return db().select().from(accessLog);
  };

  it('records each request with route pattern, status, duration, user, workspace, IP and user agent', async () => {
    const u = await signUp(h.url);
    const ws = (await u.client.post('/api/v1/workspaces', { name: 'Logged' })).body;
    await u.client.get(`/api/v1/workspaces/${ws.id}/members?token=supersecretvalue`);
    await u.client.get('/api/auth/get-session?token=authsecretvalue');
    await u.client.get('/api/v1/no-such-route?token=strayvalue');
    const all = await rows();
    const hit = all.find((r) => r.route === '/api/v1/workspaces/:workspaceId/members')!;
    expect(hit).toMatchObject({ method: 'GET', status: 200, userId: u.id, workspaceId: ws.id, ip: '127.0.0.1', userAgent: 'herald-tests' });
    expect(hit.durationMs).toBeGreaterThan(0);
    for (const secret of ['supersecretvalue', 'authsecretvalue', 'strayvalue']) expect(JSON.stringify(all)).not.toContain(secret);
    expect(all.filter((r) => r.route.includes('?'))).toEqual([]);
    expect(all.some((r) => r.route === '/api/auth/get-session')).toBe(true);
    expect(all.some((r) => r.route === '/api/auth/sign-up/email' && r.status === 200)).toBe(true);
  });

  it('never stores a reset token from the path', async () => {
    await fetch(`${h.url}/api/auth/reset-password/tok3nThatMustNotBeLogged?callbackURL=/reset-password`, { redirect: 'manual' });
    const all = await rows();
    expect(JSON.stringify(all)).not.toContain('tok3nThatMustNotBeLogged');
    expect(all.some((r) => r.route === '/api/auth/reset-password/:token')).toBe(true);
  });

  it('purges rows older than the retention period and audits the purge', async () => {
    await rows();
    const now = new Date();
    await db().insert(accessLog).values([
      { method: 'GET', route: '/old', status: 200, durationMs: 1, createdAt: daysAgo(100, now) },
      { method: 'GET', route: '/recent', status: 200, durationMs: 1, createdAt: daysAgo(30, now) },
    ]);
    expect(await purgeAccessLog(db(), { days: 90, now })).toBe(1);
    const left = await rows();
    expect(left.some((r) => r.route === '/old')).toBe(false);
    expect(left.some((r) => r.route === '/recent')).toBe(true);
    // With a clock moved 61 days on, the 30-day-old row is past 90 days too.
    expect(await purgeAccessLog(db(), { days: 90, now: new Date(now.getTime() + 61 * 86_400_000) })).toBeGreaterThanOrEqual(1);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'access_log.purged'));
    expect(audits.length).toBe(2);
    expect(audits[0]!.changes).toMatchObject({ rows: 1, retentionDays: 90 });
  });

  it('runs the retention sweep as a pg-boss job', async () => {
    await db().insert(accessLog).values([
      { method: 'GET', route: '/job-old', status: 200, durationMs: 1, createdAt: daysAgo(100) },
      { method: 'GET', route: '/job-recent', status: 200, durationMs: 1, createdAt: daysAgo(30) },
    ]);
    await h.herald.boss.send(RETENTION_JOB, {});
    const deadline = Date.now() + 20_000;
    let routes: string[] = [];
    while (Date.now() < deadline) {
      routes = (await db().select({ route: accessLog.route }).from(accessLog)).map((r) => r.route);
      if (!routes.includes('/job-old')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(routes).not.toContain('/job-old');
    expect(routes).toContain('/job-recent');
    expect(h.logs.some((l) => l.includes('retention sweep') && l.includes('accessLog'))).toBe(true);
  });

  it('does not log health probes', async () => {
    await createClient(h.url).get('/readyz');
    await createClient(h.url).get('/healthz');
    const all = await rows();
    expect(all.filter((r) => r.route === '/readyz' || r.route === '/healthz')).toHaveLength(0);
    expect(await db().execute(sql`select 1`)).toBeTruthy();
  });
});
