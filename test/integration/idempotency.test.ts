import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { idempotentRequests, postComments, postGroups, webhookEndpoints } from '../../src/server/db/schema/index.ts';
import { createClient, startTestHerald, type ApiResponse, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { connectMastodon, fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// Idempotency-Key on every creating call (src/server/http/idempotency.ts): the first answer comes
// back for a repeat, per caller, and only answers that created something are kept.
describe('Idempotency-Key', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let workspaceId: string;
  let owner: TeamMember;
  let editor: TeamMember;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const db = () => h.herald.database.db;
  const draft = (text: string) => ({ content: { text }, channels: [{ channelId }], schedule: { mode: 'draft' } });
  const send = (who: TeamMember, path: string, body: unknown, key: string) => who.client.request('POST', api(path), body, { 'idempotency-key': key });
  const postsNamed = async (text: string) => (await db().select().from(postGroups).where(and(eq(postGroups.workspaceId, workspaceId), sql`${postGroups.content}->'parts'->0->>'text' = ${text}`))).length;

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_WEBHOOKS_ALLOW_PRIVATE: 'true', HERALD_API_KEY_RATE_LIMIT: '100000' } });
    const team = await createTeam(h.url, 'Idempotent');
    workspaceId = team.workspaceId;
    owner = team.members.owner;
    editor = team.members.editor;
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('answers a repeated post creation with the first post, marked replayed; another key makes another', async () => {
    const first = await send(owner, '/posts', draft('Once'), 'post-once-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await send(owner, '/posts', draft('Once'), 'post-once-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/application\/json/);
    expect(again.body).toEqual(first.body);
    expect(await postsNamed('Once')).toBe(1);
    const other = await send(owner, '/posts', draft('Once'), 'post-once-2');
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await postsNamed('Once')).toBe(2);
  });

  it('refuses the same key for a different body (422), and keeps method and path apart', async () => {
    expect((await send(owner, '/posts', draft('First body'), 'reused-key')).status).toBe(201);
    const reused = await send(owner, '/posts', draft('Second body'), 'reused-key');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency.key_reused');
    expect(await postsNamed('Second body')).toBe(0);
    // The same key on another route is another key.
    const webhook = await send(owner, '/webhooks', { url: 'http://127.0.0.1:9/reused', events: ['post.published'] }, 'reused-key');
    expect(webhook.status).toBe(201);
  });

  it('replays webhook endpoint and comment creations', async () => {
    const hook = { url: 'http://127.0.0.1:9/hook', events: ['post.published'], description: 'Once' };
    const first = await send(owner, '/webhooks', hook, 'hook-1');
    const again = await send(owner, '/webhooks', hook, 'hook-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.url, hook.url))).toHaveLength(1);

    const post = (await owner.client.post(api('/posts'), draft('Commented'))).body;
    const comment = { body: 'Looks good' };
    const c1 = await send(editor, `/posts/${post.id}/comments`, comment, 'comment-1');
    const c2 = await send(editor, `/posts/${post.id}/comments`, comment, 'comment-1');
    expect(c1.status).toBe(201);
    expect(c2.status).toBe(201);
    expect(c2.headers.get('idempotent-replayed')).toBe('true');
    expect(c2.body.id).toBe(c1.body.id);
    expect(await db().select().from(postComments).where(eq(postComments.postGroupId, post.id))).toHaveLength(1);
  });

  it('creates exactly one post for 4 identical requests at once', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(owner, '/posts', draft('Raced'), 'raced-key')));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    // The others were told to wait (409) or got the first answer.
    for (const a of answers.filter((x) => x.status !== 201)) expect(a.body.error.code).toBe('idempotency.in_progress');
    expect(await postsNamed('Raced')).toBe(1);
  });

  it('scopes a key to its caller: another member, or an API key, using the same key gets their own', async () => {
    const mine = await send(owner, '/posts', draft('Scoped'), 'scoped-key');
    const theirs = await send(editor, '/posts', draft('Scoped'), 'scoped-key');
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);

    const key = (await owner.client.post(api('/api-keys'), { name: 'script', scopes: ['posts.read', 'posts.edit'] })).body.key as string;
    const viaKey = (body: unknown, idem: string): Promise<ApiResponse> =>
      fetch(new URL(api('/posts'), h.url), { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idem }, body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, body: await r.json(), headers: r.headers }),
      );
    const k1 = await viaKey(draft('Scoped'), 'scoped-key');
    const k2 = await viaKey(draft('Scoped'), 'scoped-key');
    expect(k1.status).toBe(201);
    expect(k1.body.id).not.toBe(mine.body.id);
    expect(k2.headers.get('idempotent-replayed')).toBe('true');
    expect(k2.body.id).toBe(k1.body.id);
    expect(await postsNamed('Scoped')).toBe(3);
  });

  it('replays creations on the Postiz-compatible API too', async () => {
    const key = (await owner.client.post(api('/api-keys'), { name: 'postiz', scopes: ['posts.read', 'posts.edit'] })).body.key as string;
    const body = { type: 'draft', date: new Date(Date.now() + 86_400_000).toISOString(), posts: [{ integration: { id: channelId }, value: [{ content: 'Via Postiz' }] }] };
    const call = (prefix: string) =>
      fetch(new URL(`${prefix}/posts`, h.url), { method: 'POST', headers: { authorization: key, 'content-type': 'application/json', 'idempotency-key': 'postiz-key' }, body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, body: await r.json(), headers: r.headers }),
      );
    const first = await call('/public/v1');
    const again = await call('/public/v1');
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await postsNamed('Via Postiz')).toBe(1);
  });

  it('lets a retry take over a claim abandoned for more than 2 minutes, and makes a fresh one wait', async () => {
    expect((await send(owner, '/posts', draft('Abandoned'), 'abandoned-key')).status).toBe(201);
    // As if the first call were still running (its worker died with the claim taken).
    const claimedAt = (ago: number) => db().update(idempotentRequests).set({ status: null, body: null, createdAt: new Date(Date.now() - ago) }).where(eq(idempotentRequests.key, 'abandoned-key'));
    await claimedAt(10_000);
    const waiting = await send(owner, '/posts', draft('Abandoned'), 'abandoned-key');
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.code).toBe('idempotency.in_progress');
    await claimedAt(3 * 60_000);
    const taken = await send(owner, '/posts', draft('Abandoned'), 'abandoned-key');
    expect(taken.status).toBe(201);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
    expect((await send(owner, '/posts', draft('Abandoned'), 'abandoned-key')).body.id).toBe(taken.body.id);
  });

  it('keeps no 5xx answer: the same key works again once the server recovers', async () => {
    // A failing insert, as a database in trouble would give.
    await db().execute(sql`create function idem_test_fail() returns trigger language plpgsql as $$ begin raise exception 'down'; end $$`);
    await db().execute(sql`create trigger idem_test_fail before insert on webhook_endpoints for each row execute function idem_test_fail()`);
    const hook = { url: 'http://127.0.0.1:9/after-outage', events: ['post.published'] };
    try {
      const failed = await send(owner, '/webhooks', hook, 'outage-key');
      expect(failed.status).toBe(500);
      expect(await db().select().from(idempotentRequests).where(eq(idempotentRequests.key, 'outage-key'))).toHaveLength(0);
    } finally {
      await db().execute(sql`drop trigger idem_test_fail on webhook_endpoints`);
      await db().execute(sql`drop function idem_test_fail()`);
    }
    const retried = await send(owner, '/webhooks', hook, 'outage-key');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key that is empty, too long or not printable ASCII (400 naming the header)', async () => {
    for (const key of ['', 'x'.repeat(256), 'tab\tkey']) {
      const res = await send(owner, '/posts', draft('Bad key'), key);
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.issues[0].field).toBe('headers.idempotency-key');
    }
    expect(await postsNamed('Bad key')).toBe(0);
  });

  it('leaves resumable uploads and anonymous review decisions alone', async () => {
    const cookie = [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const tus = () =>
      fetch(new URL(api('/media/uploads'), h.url), { method: 'POST', headers: { origin: h.url, cookie, 'tus-resumable': '1.0.0', 'upload-length': '10', 'idempotency-key': 'tus-key' } });
    const [a, b] = [await tus(), await tus()];
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('location')).not.toBe(a.headers.get('location'));
    expect(b.headers.get('idempotent-replayed')).toBeNull();

    // No caller to scope a key to: even a malformed key is not looked at.
    const anonymous = createClient(h.url);
    const decision = await anonymous.request('POST', `/api/v1/review/${Buffer.alloc(32, 7).toString('base64url')}/posts/nope/decision`, { decision: 'approve' }, { 'idempotency-key': 'x'.repeat(300) });
    expect(decision.status, JSON.stringify(decision.body)).toBe(404);
    expect(await db().select().from(idempotentRequests).where(sql`${idempotentRequests.route} like '%tus%' or ${idempotentRequests.route} like '%review%' or ${idempotentRequests.route} like '%uploads%'`)).toHaveLength(0);
  });

  it('forgets keys after 24 hours (the reconcile sweep), after which the key creates again', async () => {
    expect((await send(owner, '/posts', draft('Expiring'), 'expiring-key')).status).toBe(201);
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await db().update(idempotentRequests).set({ createdAt: old }).where(eq(idempotentRequests.key, 'expiring-key'));
    await waitFor(async () => (await db().select().from(idempotentRequests).where(eq(idempotentRequests.key, 'expiring-key'))).length === 0, { what: 'the sweep' });
    const again = await send(owner, '/posts', draft('Expiring'), 'expiring-key');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await postsNamed('Expiring')).toBe(2);
  });
});
