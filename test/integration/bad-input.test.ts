import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { workspaces } from '../../src/server/db/schema/index.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

describe('bad input gets a clear 4xx and loses nothing', () => {
  let h: TestHerald;
  let user: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  beforeAll(async () => {
    h = await startTestHerald();
    user = await signUp(h.url);
    workspaceId = (await user.client.post('/api/v1/workspaces', { name: 'Keep me' })).body.id;
  });
  afterAll(async () => h?.close());
  const cookie = () => [...user.client.jar].map(([k, v]) => `${k}=${v}`).join('; ');

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await fetch(`${h.url}/api/v1/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookie() }, body: '{"name": ' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toMatch(/^request\./);
    expect(body.error.message).toBeTruthy();
  });

  it('answers an oversized body with 413, not 500', async () => {
    const res = await fetch(`${h.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie() },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toMatch(/^request\./);
  });

  it('names the field and the reason', async () => {
    const missing = await user.client.post('/api/v1/workspaces', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.details.issues[0].field).toBe('body.name');

    const tooLong = await user.client.patch(`/api/v1/workspaces/${workspaceId}`, { name: 'x'.repeat(200) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toBe('body.name: must be at most 80 characters');
    const blank = await user.client.patch(`/api/v1/workspaces/${workspaceId}`, { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.issues[0].field).toBe('body.name');
    const [row] = await h.herald.database.db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    expect(row!.name).toBe('Keep me');
    const longCreate = await user.client.post('/api/v1/workspaces', { name: 'y'.repeat(81) });
    expect(longCreate.status).toBe(400);
    expect(await h.herald.database.db.select().from(workspaces)).toHaveLength(1);

    const badEmail = await user.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'not-an-email', role: 'viewer' });
    expect(badEmail.body.error.message).toBe('body.email: must be an e-mail address');
    const badRole = await user.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'a@example.com', role: 'god' });
    expect(badRole.body.error.details.issues[0].field).toBe('body.role');
  });

  it('rejects bad query parameters and unknown routes with stable codes', async () => {
    const cursor = await user.client.get(`/api/v1/workspaces/${workspaceId}/audit?cursor=abc`);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details.issues[0].field).toBe('querystring.cursor');
    const limit = await user.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=100000`);
    expect(limit.status).toBe(400);
    const unknown = await user.client.get('/api/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('route.not_found');
    const unknownAuth = await user.client.post('/api/auth/organization/create', { name: 'x', slug: 'x' });
    expect(unknownAuth.status).toBe(404);
    const missingInvite = await user.client.get('/api/v1/invitations/nope');
    expect(missingInvite.status).toBe(404);
    expect(missingInvite.body.error.code).toBe('invitation.not_found');
  });
});
