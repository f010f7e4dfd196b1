import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { accessLog, auditLog, channels, connectSelections, dataExports, oauthStates, sessions } from '../../src/server/db/schema/index.ts';
import { RETENTION_JOB, runRetentionSweeps } from '../../src/server/modules/privacy/retention.service.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { waitFor } from '../helpers/publishing.ts';

const DAY = 86_400_000;

// The daily privacy.retention job, run with a clock the test chooses.
describe('retention sweeps', () => {
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const db = () => h.herald.database.db;
  const now = new Date(Date.now() + 3 * DAY);
  const settings = { now, accessLogDays: 90, disconnectedRetentionDays: 30, analyticsHistoryDays: 730, storage: createDiskStorage(os.tmpdir()) };

  beforeAll(async () => {
    h = await startTestHerald();
    settings.storage = createDiskStorage(path.join(h.dataDir, 'media'));
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Retention' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const session = (id: string, expiresAt: Date) => ({ id, token: `${id}-${crypto.randomUUID()}`, userId: owner.id, expiresAt });
  const state = (id: string, expiresAt: Date, usedAt: Date | null = null) => ({ state: id, workspaceId, userId: owner.id, sessionId: 's', network: 'mastodon', expiresAt, usedAt });
  const channel = (id: string, purgeAfter: Date) => ({
    id,
    workspaceId,
    network: 'mastodon',
    externalId: id,
    username: `user-${id}`,
    displayName: 'Someone',
    status: 'disconnected',
    disconnectedAt: new Date(purgeAfter.getTime() - 30 * DAY),
    purgeAfter,
  });

  it('deletes what has expired, keeps what is fresh, and audits each sweep with its count', async () => {
    await db().insert(sessions).values([session('expired-session', new Date(now.getTime() - 60_000)), session('fresh-session', new Date(now.getTime() + DAY))]);
    await db().insert(oauthStates).values([
      state('expired-state', new Date(now.getTime() - 60_000)),
      state('used-state', new Date(now.getTime() + 60_000), new Date(now.getTime() - 1000)),
      state('fresh-state', new Date(now.getTime() + 60_000)),
    ]);
    const selection = (id: string, expiresAt: Date) => ({ id, workspaceId, userId: owner.id, sessionId: 's', network: 'mastodon', accountsSealed: 'v1.sealed', expiresAt });
    await db().insert(connectSelections).values([selection('expired-selection', new Date(now.getTime() - 60_000)), selection('fresh-selection', new Date(now.getTime() + 60_000))]);
    await db().insert(accessLog).values([
      { method: 'GET', route: '/retention-old', status: 200, durationMs: 1, createdAt: new Date(now.getTime() - 91 * DAY) },
      { method: 'GET', route: '/retention-recent', status: 200, durationMs: 1, createdAt: new Date(now.getTime() - 89 * DAY) },
    ]);
    await db().insert(channels).values([channel('gone-long-ago', new Date(now.getTime() - DAY)), channel('gone-recently', new Date(now.getTime() + 29 * DAY))]);
    const exportFile = path.join(h.dataDir, 'expired-export.zip');
    fs.writeFileSync(exportFile, 'zip');
    // Archives now live in the media storage; rows from before kept an absolute path.
    await settings.storage.put('exports/expired-stored.zip', Buffer.from('zip'));
    await db().insert(dataExports).values([
      { id: 'expired-export', userId: owner.id, status: 'ready', filePath: exportFile, expiresAt: new Date(now.getTime() - 60_000) },
      { id: 'expired-stored', userId: owner.id, status: 'ready', filePath: 'exports/expired-stored.zip', expiresAt: new Date(now.getTime() - 60_000) },
      { id: 'fresh-export', userId: owner.id, status: 'ready', filePath: null, expiresAt: new Date(now.getTime() + DAY) },
    ]);

    const report = await runRetentionSweeps(db(), settings);
    expect(report).toEqual({ sessions: 1, oauthStates: 2, connectSelections: 1, accessLog: 1, disconnectedChannels: 1, exports: 2, webhookDeliveries: 0, analyticsReadings: 0, analyticsDailyStats: 0 });
    expect(fs.existsSync(exportFile)).toBe(false);
    await expect(settings.storage.size('exports/expired-stored.zip')).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await db().select().from(dataExports).orderBy(dataExports.id)).map((e) => [e.id, e.status])).toEqual([
      ['expired-export', 'expired'],
      ['expired-stored', 'expired'],
      ['fresh-export', 'ready'],
    ]);

    const sessionIds = (await db().select({ id: sessions.id }).from(sessions)).map((r) => r.id);
    expect(sessionIds).toContain('fresh-session');
    expect(sessionIds).not.toContain('expired-session');
    // The owner's own sign-in session (valid for days) is kept.
    expect(sessionIds.length).toBeGreaterThanOrEqual(2);
    expect((await db().select({ state: oauthStates.state }).from(oauthStates)).map((r) => r.state)).toEqual(['fresh-state']);
    expect((await db().select({ id: connectSelections.id }).from(connectSelections)).map((r) => r.id)).toEqual(['fresh-selection']);
    const routes = (await db().select({ route: accessLog.route }).from(accessLog)).map((r) => r.route);
    expect(routes).toContain('/retention-recent');
    expect(routes).not.toContain('/retention-old');
    const kept = await db().select().from(channels).where(inArray(channels.id, ['gone-long-ago', 'gone-recently']));
    expect(kept.find((c) => c.id === 'gone-long-ago')).toMatchObject({ username: null, displayName: null, purgeAfter: null });
    expect(kept.find((c) => c.id === 'gone-recently')).toMatchObject({ username: 'user-gone-recently' });

    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'retention.swept')).orderBy(auditLog.id);
    expect(audits.map((a) => [a.entityId, (a.changes as any).deleted])).toEqual([
      ['sessions', 1],
      ['oauthStates', 2],
      ['connectSelections', 1],
      ['accessLog', 1],
      ['disconnectedChannels', 1],
      ['exports', 2],
      ['webhookDeliveries', 0],
      ['analyticsReadings', 0],
      ['analyticsDailyStats', 0],
    ]);
    expect(audits[3]!.changes).toMatchObject({ retentionDays: 90 });
    expect(audits.every((a) => a.actorUserId === null)).toBe(true);
  });

  it('finds nothing more on a second run the same day, and still records each sweep', async () => {
    expect(await runRetentionSweeps(db(), settings)).toEqual({ sessions: 0, oauthStates: 0, connectSelections: 0, accessLog: 0, disconnectedChannels: 0, exports: 0, webhookDeliveries: 0, analyticsReadings: 0, analyticsDailyStats: 0 });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'retention.swept'))).toHaveLength(18);
  });

  it('runs as the privacy.retention job', async () => {
    await db().insert(sessions).values(session('expired-for-job', new Date(Date.now() - 60_000)));
    await h.herald.boss.send(RETENTION_JOB, {});
    await waitFor(async () => (await db().select().from(sessions).where(eq(sessions.id, 'expired-for-job'))).length === 0, { what: 'the retention job' });
  });
});
