import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { auditLog, workspaces } from '../../src/server/db/schema/index.ts';
import { createMailer } from '../../src/server/modules/mail/mailer.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import { loadOrCreateSecret } from '../../src/server/runtime.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { createProviders } from '../../src/networks/server.ts';
import { fakeFigures } from '../helpers/report-figures.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

// The client report's API: the report and its PDF (on an app given fixed dashboard figures, as the
// real figures come from the dashboard module), the monthly e-mail's settings and the logo.
describe('client report API', () => {
  let h: TestHerald;
  let app: FastifyInstance;
  let url: string;
  let workspaceId: string;
  let team: Record<'owner' | 'admin' | 'editor' | 'approver' | 'viewer', TeamMember>;
  const ids = { mastodonA: 'ch-a', mastodonB: 'ch-b', bluesky: 'ch-c' };
  const api = (p: string) => `${url}/api/v1/workspaces/${workspaceId}${p}`;

  /** A raw request with the member's session (binary answers, multipart bodies). */
  const raw = (member: TeamMember, target: string, init: RequestInit = {}) =>
    fetch(target, { ...init, headers: { origin: h.url, cookie: [...member.client.jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(init.headers ?? {}) } });
  const uploadLogo = (member: TeamMember, bytes: Buffer, type: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'logo');
    return raw(member, api('/logo'), { method: 'PUT', body: form });
  };

  beforeAll(async () => {
    h = await startTestHerald();
    ({ workspaceId, members: team } = await createTeam(h.url, 'Café Aurora'));
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, HERALD_PUBLIC_URL: h.url, HERALD_AUTH_RATE_LIMIT: '1000' });
    const logger = pino({ level: 'silent' });
    const box = loadSecretBox(config, logger);
    ({ app } = await buildApp({
      config,
      database: h.herald.database,
      logger,
      mailer: createMailer({ from: config.smtpFrom, logger }),
      secret: loadOrCreateSecret(config, logger),
      trustedOrigins: [h.url],
      providers: createProviders(config, { db: h.herald.database.db, box }),
      box,
      boss: h.herald.boss,
      storage: createDiskStorage(path.join(config.dataPath, 'media')),
      reportFigures: fakeFigures(workspaceId, 'Café Aurora', ids).figures,
    }));
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('answers the report to every member, and refuses a period that is not one, naming the field', async () => {
    for (const member of Object.values(team)) {
      const res = await member.client.get(api('/analytics/report?from=2026-11-01&to=2026-11-30'));
      expect(res.status).toBe(200);
      expect(res.body.workspace).toEqual({ id: workspaceId, name: 'Café Aurora', logoUrl: null });
      expect(res.body.networks.map((n: { network: string }) => n.network)).toEqual(['bluesky', 'mastodon']);
    }
    const bad = await team.viewer.client.get(api('/analytics/report?from=2026-02-30&to=2026-03-31'));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'analytics.invalid_range', details: { field: 'from' } });
    const backwards = await team.viewer.client.get(api('/analytics/report.pdf?from=2026-11-30&to=2026-11-01'));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.field).toBe('to');
    // Without days: last month in the workspace's zone (UTC here), what a client report usually covers.
    const now = new Date();
    const lastMonth = { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10), to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10) };
    const bare = await team.viewer.client.get(api('/analytics/report'));
    expect(bare.status).toBe(200);
    expect(bare.body.dashboard.range).toEqual(lastMonth);
    const after = await team.viewer.client.get(api(`/analytics/report?from=${lastMonth.to}`));
    expect(after.body.dashboard.range).toEqual({ from: lastMonth.to, to: lastMonth.to });
    // Outsiders learn nothing.
    const outsider = await createTeam(h.url, 'Other');
    expect((await outsider.members.owner.client.get(api('/analytics/report?from=2026-11-01&to=2026-11-30'))).status).toBe(404);
  });

  it('sets a logo (pictures only, re-encoded) that the report and its PDF carry', async () => {
    const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#3b5bdb' } }).png().toBuffer();
    expect((await uploadLogo(team.editor, png, 'image/png')).status).toBe(403);
    const svg = await uploadLogo(team.admin, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml');
    expect(svg.status).toBe(400);
    expect(((await svg.json()) as { error: { code: string } }).error.code).toBe('workspace.logo_unsupported_type');
    const big = await uploadLogo(team.admin, Buffer.alloc(1024 * 1024 + 10, 1), 'image/png');
    expect(big.status).toBe(413);

    const set = await uploadLogo(team.admin, png, 'image/png');
    expect(set.status).toBe(200);
    const { logoUrl } = (await set.json()) as { logoUrl: string };
    expect(logoUrl).toMatch(new RegExp(`^/api/v1/workspaces/${workspaceId}/logo\\?v=`));
    const served = await raw(team.viewer, `${h.url}${logoUrl}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 160, 80]);
    expect((await team.viewer.client.get(api('/analytics/report?from=2026-11-01&to=2026-11-30'))).body.workspace.logoUrl).toBe(logoUrl);
    const [audit] = await h.herald.database.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, 'workspace.logo_changed')));
    expect(audit?.actorUserId).toBe(team.admin.id);
  });

  it('downloads the PDF named after the workspace and period, with the figures in it', async () => {
    const [ws] = await h.herald.database.db.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.id, workspaceId));
    const res = await raw(team.viewer, api('/analytics/report.pdf?from=2026-11-01&to=2026-11-30'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${ws!.slug}-report-2026-11-01-to-2026-11-30.pdf"`);
    const doc = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const text = (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
    for (const expected of ['Café Aurora', '48,213', '+20.5%', 'Our autumn menu is here', 'not reported by this network']) expect(text).toContain(expected);
  });

  it('lets owners and admins set the monthly e-mail, checks the addresses, and audits the change', async () => {
    for (const role of ['editor', 'approver', 'viewer'] as const) {
      expect((await team[role].client.get(api('/analytics/report-schedule'))).status).toBe(403);
      expect((await team[role].client.put(api('/analytics/report-schedule'), { enabled: true, recipients: ['client@example.com'] })).status).toBe(403);
    }
    expect((await team.owner.client.get(api('/analytics/report-schedule'))).body).toMatchObject({ enabled: false, recipients: [], lastRun: null });

    const notAnAddress = await team.owner.client.put(api('/analytics/report-schedule'), { enabled: true, recipients: ['client@example.com', 'not-an-address'] });
    expect(notAnAddress.status).toBe(400);
    expect(JSON.stringify(notAnAddress.body.error.details)).toContain('recipients');
    const tooMany = await team.owner.client.put(api('/analytics/report-schedule'), { enabled: true, recipients: Array.from({ length: 11 }, (_, i) => `c${i}@example.com`) });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body.error.details)).toContain('recipients');
    const nobody = await team.owner.client.put(api('/analytics/report-schedule'), { enabled: true, recipients: [] });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error).toMatchObject({ code: 'analytics.report_recipients_required', details: { field: 'recipients' } });
    expect((await team.owner.client.put(api('/analytics/report-schedule'), { enabled: true })).status).toBe(400);

    const saved = await team.admin.client.put(api('/analytics/report-schedule'), { enabled: true, recipients: ['Client@Example.com', 'client@example.com', 'boss@example.com'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ enabled: true, recipients: ['client@example.com', 'boss@example.com'], lastRun: null });
    expect(saved.body.logoUrl).toMatch(/\/logo\?v=/);
    expect((await team.owner.client.get(api('/analytics/report-schedule'))).body.recipients).toEqual(['client@example.com', 'boss@example.com']);

    const audits = await h.herald.database.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, 'report_schedule.updated')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: team.admin.id, changes: { enabled: { from: false, to: true }, recipients: { from: 0, to: 2 } } });
    // The audit counts the addresses; it does not keep them.
    expect(JSON.stringify(audits[0]!.changes)).not.toContain('@');
    // Saving the same again changes nothing and writes no audit.
    await team.admin.client.put(api('/analytics/report-schedule'), { enabled: true, recipients: ['client@example.com', 'boss@example.com'] });
    expect(await h.herald.database.db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, 'report_schedule.updated')))).toHaveLength(1);
  });

  it('removes the logo', async () => {
    expect((await raw(team.admin, api('/logo'), { method: 'DELETE' })).status).toBe(200);
    expect((await raw(team.admin, api('/logo'), { method: 'DELETE' })).status).toBe(404);
    expect((await raw(team.viewer, api('/logo'))).status).toBe(404);
  });
});
