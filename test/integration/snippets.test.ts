import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, snippets } from '../../src/server/db/schema/index.ts';
import { waitFor } from '../helpers/publishing.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { readZip } from '../helpers/zip.ts';

// Snippets: hashtag groups, signatures and other saved texts of a workspace, for the composer.
describe('snippets', () => {
  let h: TestHerald;
  let workspaceId: string;
  let owner: TeamMember;
  let editor: TeamMember;
  let approver: TeamMember;
  let viewer: TeamMember;
  const api = (p: string, ws = workspaceId) => `/api/v1/workspaces/${ws}${p}`;
  const db = () => h.herald.database.db;

  beforeAll(async () => {
    h = await startTestHerald();
    const team = await createTeam(h.url, 'Snippets');
    workspaceId = team.workspaceId;
    ({ owner, editor, approver, viewer } = team.members);
  }, 60_000);
  afterAll(async () => h?.close());

  it('creates, lists, edits and deletes snippets, with an audit entry for each change', async () => {
    const tags = await editor.client.post(api('/snippets'), { name: ' Launch tags ', text: '#launch #herald', kind: 'hashtags' });
    expect(tags.status).toBe(201);
    expect(tags.body).toMatchObject({ name: 'Launch tags', text: '#launch #herald', kind: 'hashtags', createdBy: editor.id });
    const signature = await editor.client.post(api('/snippets'), { name: 'Sign-off', text: '— The Herald team', kind: 'signature' });
    expect(signature.status).toBe(201);

    const list = await viewer.client.get(api('/snippets'));
    expect(list.status).toBe(200);
    expect(list.body.snippets.map((s: { name: string }) => s.name)).toEqual(['Launch tags', 'Sign-off']);
    expect((await approver.client.get(api(`/snippets/${tags.body.id}`))).body.text).toBe('#launch #herald');

    const edited = await editor.client.patch(api(`/snippets/${tags.body.id}`), { text: '#launch #herald #selfhosted', name: 'Launch' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Launch', text: '#launch #herald #selfhosted', kind: 'hashtags' });
    expect((await editor.client.delete(api(`/snippets/${signature.body.id}`))).status).toBe(204);
    expect((await editor.client.get(api(`/snippets/${signature.body.id}`))).status).toBe(404);

    const audit = await db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, 'snippet')));
    expect(audit.map((a) => a.action).sort()).toEqual(['snippet.created', 'snippet.created', 'snippet.deleted', 'snippet.updated']);
    const update = audit.find((a) => a.action === 'snippet.updated')!;
    expect(update.changes).toEqual({ name: { from: 'Launch tags', to: 'Launch' }, text: 'changed' });
  });

  it('lets everyone read and only editors and above write', async () => {
    for (const who of [viewer, approver]) {
      expect((await who.client.get(api('/snippets'))).status).toBe(200);
      expect((await who.client.post(api('/snippets'), { name: 'No', text: 'no', kind: 'other' })).status).toBe(403);
    }
    const mine = await owner.client.post(api('/snippets'), { name: 'Owner', text: 'From the owner', kind: 'other' });
    expect(mine.status).toBe(201);
    expect((await viewer.client.patch(api(`/snippets/${mine.body.id}`), { text: 'changed' })).status).toBe(403);
    expect((await approver.client.delete(api(`/snippets/${mine.body.id}`))).status).toBe(403);
    // Another workspace's snippet is not found from here.
    const other = (await owner.client.post('/api/v1/workspaces', { name: 'Other' })).body.id as string;
    const elsewhere = await owner.client.post(api('/snippets', other), { name: 'Elsewhere', text: 'x', kind: 'other' });
    expect((await owner.client.get(api(`/snippets/${elsewhere.body.id}`))).status).toBe(404);
    expect((await editor.client.get(api('/snippets', other))).status).toBe(404);
  });

  it('refuses bad input with the field and the reason', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ name: '', text: 'x', kind: 'other' }, 'body.name'],
      [{ name: 'x'.repeat(81), text: 'x', kind: 'other' }, 'body.name'],
      [{ name: 'Empty', text: '   ', kind: 'other' }, 'body.text'],
      [{ name: 'Long', text: 'x'.repeat(5001), kind: 'other' }, 'body.text'],
      [{ name: 'Kind', text: 'x', kind: 'emoji' }, 'body.kind'],
      [{ name: 'Missing', kind: 'other' }, 'body.text'],
    ];
    for (const [body, field] of bad) {
      const res = await editor.client.post(api('/snippets'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues[0].field, JSON.stringify(res.body)).toBe(field);
    }
  });

  it('is in the data export, and deleted with its workspace', async () => {
    const created = await owner.client.post('/api/v1/me/exports');
    expect(created.status).toBe(201);
    await waitFor(async () => (await owner.client.get('/api/v1/me/exports')).body.items.find((e: { id: string; status: string }) => e.id === created.body.id && e.status === 'ready'), { what: 'the export' });
    const res = await fetch(new URL(`/api/v1/me/exports/${created.body.id}/download`, h.url), { headers: { origin: h.url, cookie: [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const files = readZip(Buffer.from(await res.arrayBuffer()));
    const exported = JSON.parse(files.get('snippets.json')!.toString('utf8')) as { name: string; text: string; workspaceId: string }[];
    expect(exported.filter((s) => s.workspaceId === workspaceId).map((s) => s.name).sort()).toEqual(['Launch', 'Owner']);
    expect(JSON.parse(files.get('feeds.json')!.toString('utf8'))).toEqual([]);
    expect(files.get('README.md')!.toString('utf8')).toContain('snippets.json');

    expect((await owner.client.delete(api(''))).status).toBe(200);
    expect(await db().select().from(snippets).where(eq(snippets.workspaceId, workspaceId))).toEqual([]);
  });
});
