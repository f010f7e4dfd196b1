import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users, workspaces } from '../../src/server/db/schema/index.ts';
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
  describe('values PostgreSQL cannot store are refused at the edge (issue 13)', () => {
    const send = (method: string, url: string, body?: string, headers: Record<string, string> = {}) =>
      fetch(`${h.url}${url}`, { method, headers: { origin: h.url, cookie: cookie(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body });
    const refused = async (res: Response, field: string, message: RegExp) => {
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details.issues[0].field).toBe(field);
      expect(body.error.details.issues[0].message).toMatch(message);
      expect(body.error.message).toBe(`${field}: ${body.error.details.issues[0].message}`);
    };
    const NUL = /NUL character/;
    const SURROGATE = /unpaired UTF-16 surrogate/;

    it('NUL in a path id, signed in and signed out', async () => {
      await refused(await send('GET', '/api/v1/workspaces/%00'), 'params.workspaceId', NUL);
      await refused(await send('GET', `/api/v1/workspaces/a%00b/posts`, undefined, { cookie: '' }), 'params.workspaceId', NUL);
      await refused(await send('GET', '/api/v1/invitations/%00', undefined, { cookie: '' }), 'params.invitationId', NUL);
      await refused(await send('POST', '/api/v1/invitations/x%00/accept', '{}'), 'params.invitationId', NUL);
    });

    it('NUL in a query value', async () => {
      await refused(await send('GET', `/api/v1/workspaces/${workspaceId}/posts?state=%00`), 'querystring.state', NUL);
    });

    it('NUL in body strings: workspace name, post text, alt text, member id', async () => {
      await refused(await send('POST', '/api/v1/workspaces', JSON.stringify({ name: 'a\u0000b' })), 'body.name', NUL);
      await refused(await send('PATCH', `/api/v1/workspaces/${workspaceId}`, JSON.stringify({ name: 'a\u0000b' })), 'body.name', NUL);
      const post = (content: unknown) => JSON.stringify({ content, channels: [{ channelId: 'c1' }] });
      await refused(await send('POST', `/api/v1/workspaces/${workspaceId}/posts`, post({ text: 'hi\u0000' })), 'body.content.text', NUL);
      await refused(await send('POST', `/api/v1/workspaces/${workspaceId}/posts`, post({ media: [{ mediaId: 'm1', altText: '\u0000' }] })), 'body.content.media.0.altText', NUL);
      await refused(await send('POST', `/api/v1/workspaces/${workspaceId}/transfer`, JSON.stringify({ memberId: '\u0000' })), 'body.memberId', NUL);
    });

    it('lone surrogates in post text and workspace names', async () => {
      await refused(await send('POST', `/api/v1/workspaces/${workspaceId}/posts`, JSON.stringify({ content: { text: 'a\ud800' }, channels: [{ channelId: 'c1', text: '\udc00' }] })), 'body.content.text', SURROGATE);
      await refused(await send('PATCH', `/api/v1/workspaces/${workspaceId}`, JSON.stringify({ name: 'Caf\udfff' })), 'body.name', SURROGATE);
      // A well-formed pair (an emoji) is fine.
      const emoji = await send('PATCH', `/api/v1/workspaces/${workspaceId}`, JSON.stringify({ name: 'Keep me \u{1F600}' }));
      expect(emoji.status).toBe(200);
      expect((await send('PATCH', `/api/v1/workspaces/${workspaceId}`, JSON.stringify({ name: 'Keep me' }))).status).toBe(200);
    });

    it("better-auth's endpoints: NUL in the sign-in e-mail, a surrogate in the sign-up name", async () => {
      await refused(await send('POST', '/api/auth/sign-in/email', JSON.stringify({ email: `${user.email}\u0000`, password: user.password }), { cookie: '' }), 'body.email', NUL);
      await refused(await send('POST', '/api/auth/sign-up/email', JSON.stringify({ name: 'Ann \ud800', email: 'ann-surrogate@example.com', password: 'a long enough password' }), { cookie: '' }), 'body.name', SURROGATE);
      const [row] = await h.herald.database.db.select().from(users).where(eq(users.email, 'ann-surrogate@example.com'));
      expect(row).toBeUndefined();
    });

    it('dates a JavaScript Date accepts but PostgreSQL does not', async () => {
      await refused(await send('GET', `/api/v1/workspaces/${workspaceId}/posts?from=-271821-04-20T00:00:00Z`), 'querystring.from', /years 1 and 9999/);
      await refused(await send('GET', `/api/v1/workspaces/${workspaceId}/posts?to=%2B275760-09-13T00:00:00Z`), 'querystring.to', /years 1 and 9999/);
      const ok = await send('GET', `/api/v1/workspaces/${workspaceId}/posts?from=2026-01-01&to=9999-12-31T00:00:00Z`);
      expect(ok.status).toBe(200);
      const draft = { content: { text: 'x' }, channels: [{ channelId: 'c1' }], schedule: { mode: 'draft', publishAt: '0000-06-01T00:00:00Z' } };
      await refused(await send('POST', `/api/v1/workspaces/${workspaceId}/posts`, JSON.stringify(draft)), 'body.schedule.publishAt', /years 1 and 9999/);
    });

    it('a cursor carrying an out-of-range date or a NUL is not one the API gave out', async () => {
      for (const forged of ['-271821-04-20T00:00:00.000Z|abc', '2026-01-01T00:00:00.000Z|a\u0000b']) {
        const cursor = Buffer.from(forged).toString('base64url');
        const posts = await user.client.get(`/api/v1/workspaces/${workspaceId}/posts?cursor=${cursor}`);
        expect(posts.status).toBe(400);
        expect(posts.body.error.details.issues[0].field).toBe('querystring.cursor');
        const media = await user.client.get(`/api/v1/workspaces/${workspaceId}/media?cursor=${cursor}`);
        expect(media.status).toBe(400);
        expect(media.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'querystring.cursor' }] } });
      }
    });

    it('prototype keys, deep nesting and unsupported content types get 4xx', async () => {
      const proto = await send('POST', '/api/v1/workspaces', '{"name":"x","__proto__":{"isAdmin":true}}');
      expect(proto.status).toBe(400);
      const ctor = await send('POST', '/api/v1/workspaces', '{"name":"x","constructor":{"prototype":{"isAdmin":true}}}');
      expect(ctor.status).toBe(400);
      const deep = JSON.stringify({ content: { text: 'x' }, channels: [{ channelId: 'c1', settings: { a: JSON.parse('['.repeat(100) + ']'.repeat(100)) } }] });
      // The body is level 0, so the array 28 levels below `a` (at level 4) is the 33rd level.
      await refused(await send('POST', `/api/v1/workspaces/${workspaceId}/posts`, deep), `body.channels.0.settings.a${'.0'.repeat(28)}`, /nested too deeply \(at most 32 levels\)/);
      const xml = await send('POST', '/api/v1/workspaces', '<name>x</name>', { 'content-type': 'application/xml' });
      expect(xml.status).toBe(415);
      expect(await h.herald.database.db.select().from(workspaces)).toHaveLength(1);
    });
  });
});
