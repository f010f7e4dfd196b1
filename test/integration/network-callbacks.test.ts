import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { and, count, eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { auditLog, channels, networkDeletionRequests } from '../../src/server/db/schema/index.ts';
import { createMailer } from '../../src/server/modules/mail/mailer.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import type { NetworkCallbacks } from '../../src/server/modules/network-callbacks/network-callbacks.registry.ts';
import { loadOrCreateSecret } from '../../src/server/runtime.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { createProviders } from '../../src/networks/server.ts';
import { networks } from '../../src/networks/index.ts';
import { verifySignedRequest } from '../../src/networks/meta-graph/signed-request.ts';
import type { NetworkCallback } from '../../src/networks/types.ts';
import { signedRequest } from '../fakes/meta-graph/graph-fake-core.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { connectTikTok } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

// No network folder declares callbacks yet, so this file gives one of the registered networks a
// test part of its own: Meta-style signed_request callbacks checked with a test app secret. The
// channels are real (connected through the TikTok fake), so "no call to the network" is checked
// at a real fake.
const APP_SECRET = 'test-app-secret';
const NETWORK = 'tiktok';
let callbackCalls = 0;
const signedCallback =
  (kind: 'deauthorize' | 'data-deletion'): NetworkCallback =>
  async ({ fields }) => {
    callbackCalls += 1;
    const signed = verifySignedRequest(fields.signed_request, APP_SECRET);
    if (!signed) return { ok: false, status: 403, message: 'The signed_request is not signed with the app secret' };
    return { ok: true, kind, ownerExternalId: signed.userId };
  };
const testCallbacks: NetworkCallbacks = { [NETWORK]: { deauthorize: signedCallback('deauthorize'), 'data-deletion': signedCallback('data-deletion') } };

const users = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ openId: `tt-user-${n}`, username: `user.${n}`, displayName: `User ${n}`, avatarUrl: `https://p16.tiktokcdn.example/avatar-${n}.jpeg`, followerCount: n }));

describe('network callbacks: deauthorize, data deletion, status page; disconnect with a shared grant', () => {
  let tiktok: TikTokFake;
  let h: TestHerald;
  let withCallbacks: FastifyInstance;
  let cbUrl: string;
  let alice: Awaited<ReturnType<typeof signUp>>;
  let bob: Awaited<ReturnType<typeof signUp>>;
  const ids = {} as Record<'wsA' | 'wsB' | 'wsC' | 'a1' | 'b1' | 'a2' | 'c3' | 'c4' | 'c5' | 'c6', string>;

  const db = () => h.herald.database.db;
  const row = async (id: string) => (await db().select().from(channels).where(eq(channels.id, id)))[0]!;
  const revokeRequests = () => tiktok.requests.filter((r) => r.path === '/v2/oauth/revoke/').length;
  const post = (name: string, body: string, contentType = 'application/x-www-form-urlencoded', network = NETWORK) =>
    fetch(`${cbUrl}/api/v1/networks/${network}/callbacks/${name}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const form = (signed: string) => new URLSearchParams({ signed_request: signed }).toString();

  async function connectAs(client: Awaited<ReturnType<typeof signUp>>['client'], workspaceId: string, openId: string) {
    tiktok.setNextUser(openId);
    return connectTikTok(h, client, workspaceId, tiktok);
  }

  beforeAll(async () => {
    tiktok = await startTikTokFake({ users });
    h = await startTestHerald({ env: tiktokEnv(tiktok) });
    // A second app on the same database and public URL, with the test network's callbacks.
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, HERALD_PUBLIC_URL: h.url, HERALD_AUTH_RATE_LIMIT: '1000', ...tiktokEnv(tiktok) });
    const logger = pino({ level: 'silent' });
    const box = loadSecretBox(config, logger);
    ({ app: withCallbacks } = await buildApp({
      config,
      database: h.herald.database,
      logger,
      mailer: createMailer({ from: config.smtpFrom, logger }),
      secret: loadOrCreateSecret(config, logger),
      trustedOrigins: [h.url],
      providers: createProviders(config, { db: db(), box }),
      box,
      boss: h.herald.boss,
      storage: createDiskStorage(path.join(config.dataPath, 'media')),
      networkCallbacks: testCallbacks,
    }));
    cbUrl = await withCallbacks.listen({ port: 0, host: '127.0.0.1' });

    alice = await signUp(h.url);
    bob = await signUp(h.url);
    ids.wsA = (await alice.client.post('/api/v1/workspaces', { name: 'Agency A' })).body.id;
    ids.wsB = (await bob.client.post('/api/v1/workspaces', { name: 'Agency B' })).body.id;
    ids.wsC = (await alice.client.post('/api/v1/workspaces', { name: 'Agency C' })).body.id;
    // The same account in two workspaces, and a second account whose grant a person "person-2" gave.
    ids.a1 = await connectAs(alice.client, ids.wsA, 'tt-user-1');
    ids.b1 = await connectAs(bob.client, ids.wsB, 'tt-user-1');
    ids.a2 = await connectAs(alice.client, ids.wsA, 'tt-user-2');
    await db().update(channels).set({ ownerExternalId: 'person-2' }).where(eq(channels.id, ids.a2));
    // Two accounts on one grant (two Pages of one person), and one on its own.
    ids.c3 = await connectAs(alice.client, ids.wsC, 'tt-user-3');
    ids.c4 = await connectAs(alice.client, ids.wsC, 'tt-user-4');
    ids.c5 = await connectAs(alice.client, ids.wsC, 'tt-user-5');
    ids.c6 = await connectAs(alice.client, ids.wsC, 'tt-user-6');
    await db().update(channels).set({ ownerExternalId: 'person-7' }).where(inArray(channels.id, [ids.c3, ids.c4]));
  });
  afterAll(async () => {
    await withCallbacks?.close();
    await h?.close();
    await tiktok?.close();
  });

  it('answers 404 for an unknown network or callback name without asking any network part', async () => {
    const before = callbackCalls;
    const signed = form(signedRequest(APP_SECRET, 'tt-user-1'));
    for (const [network, name] of [
      ['nowhere', 'deauthorize'],
      [NETWORK, 'nothing'],
      [NETWORK, 'constructor'],
      [NETWORK, '__proto__'],
      ['constructor', 'deauthorize'],
    ]) {
      const res = await post(name!, signed, undefined, network);
      expect(res.status, `${network}/${name}`).toBe(404);
      expect((await res.json()).error.code).toBe('network_callback.not_found');
    }
    // The real registry: no network folder declares callbacks yet.
    const real = await fetch(`${h.url}/api/v1/networks/${NETWORK}/callbacks/deauthorize`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: signed });
    expect(real.status).toBe(404);
    expect(callbackCalls).toBe(before);
    expect((await row(ids.a1)).status).toBe('ok');
  });

  it('refuses a forged, tampered or missing signature with the network part’s status, and changes nothing', async () => {
    const snapshot = async () => ({
      channels: (await db().select().from(channels)).map((c) => [c.id, c.status, c.accessTokenSealed, c.username]),
      audits: (await db().select({ n: count() }).from(auditLog))[0]!.n,
      deletions: (await db().select({ n: count() }).from(networkDeletionRequests))[0]!.n,
    });
    const before = await snapshot();
    const genuine = signedRequest(APP_SECRET, 'person-2');
    const [signature, payload] = genuine.split('.');
    const tampered = `${signature}.${Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', user_id: 'tt-user-1' })).toString('base64url')}`;
    for (const name of ['deauthorize', 'data-deletion']) {
      for (const body of [form(signedRequest('not-the-app-secret', 'tt-user-1')), form(tampered), form(`${payload}.${signature}`), '']) {
        const res = await post(name, body);
        expect(res.status, `${name} ${body}`).toBe(403);
        expect((await res.json()).error.code).toBe('network_callback.refused');
      }
      const json = await post(name, JSON.stringify({ signed_request: signedRequest('not-the-app-secret', 'tt-user-1') }), 'application/json');
      expect(json.status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    expect(revokeRequests()).toBe(0);
  });

  it('refuses bodies that are not fields of text with a 400, never a 500', async () => {
    expect((await post('deauthorize', '{"signed_request": 5}', 'application/json')).status).toBe(400);
    expect((await post('deauthorize', '{not json', 'application/json')).status).toBe(400);
    expect((await post('deauthorize', 'x'.repeat(70 * 1024))).status).toBe(413);
    expect((await post('deauthorize', 'signed_request=x', 'text/plain')).status).toBe(400);
    expect((await post('deauthorize', '<a/>', 'application/xml')).status).toBe(415);
    // Form field names that could reach a prototype stay plain data.
    const polluting = await post('deauthorize', `__proto__=x&constructor=y&${form(signedRequest(APP_SECRET, 'nobody'))}`);
    expect(polluting.status).toBe(200);
    expect(({} as Record<string, unknown>).signed_request).toBeUndefined();
  });

  it('deauthorize: disconnects every channel of that person in every workspace at once, with no call to the network', async () => {
    const tokensBefore = tiktok.revocations.length;
    const started = Date.now();
    const res = await post('deauthorize', form(signedRequest(APP_SECRET, 'tt-user-1')));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });

    for (const [id, workspaceId] of [
      [ids.a1, ids.wsA],
      [ids.b1, ids.wsB],
    ]) {
      const after = await row(id!);
      expect(after).toMatchObject({ status: 'disconnected', statusReason: 'deauthorized', accessTokenSealed: null, refreshTokenSealed: null });
      // Purged as after a disconnect: the profile stays for the retention period.
      expect(after.username).toBe('user.1');
      expect(after.purgeAfter!.getTime()).toBeGreaterThanOrEqual(started + 30 * 86_400_000 - 1000);
      const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id!), eq(auditLog.action, 'channel.deauthorized')));
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ workspaceId, actorUserId: null });
      expect(audits[0]!.changes).toMatchObject({ status: { from: 'ok', to: 'disconnected' }, by: 'network:deauthorize', revokedAtNetwork: false });
    }
    expect((await row(ids.a2)).status).toBe('ok');
    expect(revokeRequests()).toBe(0);
    expect(tiktok.revocations.length).toBe(tokensBefore);
    // The workspace sees it like any disconnected channel.
    const listed = (await bob.client.get(`/api/v1/workspaces/${ids.wsB}/channels`)).body.items.find((c: { id: string }) => c.id === ids.b1);
    expect(listed).toMatchObject({ status: 'disconnected', statusReason: 'deauthorized' });

    // Said twice (networks retry): the same answer, nothing audited again.
    expect((await post('deauthorize', form(signedRequest(APP_SECRET, 'tt-user-1')))).status).toBe(200);
    expect(await db().select().from(auditLog).where(and(inArray(auditLog.entityId, [ids.a1, ids.b1]), eq(auditLog.action, 'channel.deauthorized')))).toHaveLength(2);
  });

  it('deauthorize reaches the channels of another network served by the same app (its callback accepts the signature), not of one with another app', async () => {
    // As if the person had connected an account of a second network through the same Meta app,
    // and a third through an app of its own.
    const [other, unrelated] = ['mastodon', 'bluesky'];
    await db().update(channels).set({ network: other, ownerExternalId: 'person-9' }).where(eq(channels.id, ids.c6));
    const withOwnSecret: NetworkCallback = async ({ fields }) =>
      verifySignedRequest(fields.signed_request, 'another-app-secret') ? { ok: true, kind: 'deauthorize', ownerExternalId: 'person-9' } : { ok: false, status: 403, message: 'not ours' };
    const registry = testCallbacks as Record<string, unknown>;
    registry[other!] = { deauthorize: signedCallback('deauthorize') };
    registry[unrelated!] = { deauthorize: withOwnSecret };
    try {
      const res = await post('deauthorize', form(signedRequest(APP_SECRET, 'person-9')));
      expect(res.status).toBe(200);
      expect(await row(ids.c6)).toMatchObject({ status: 'disconnected', statusReason: 'deauthorized', accessTokenSealed: null });
      // Signed for the unrelated network's own app: only its channels (none here) would end.
      const own = await post('deauthorize', form(signedRequest('another-app-secret', 'person-9')), undefined, unrelated);
      expect(own.status).toBe(200);
      expect((await row(ids.c5)).status).toBe('ok');
    } finally {
      delete registry[other!];
      delete registry[unrelated!];
    }
  });

  it('data deletion: disconnects and purges at once, answers { url, confirmation_code }, and the status page shows it', async () => {
    const res = await post('data-deletion', JSON.stringify({ signed_request: signedRequest(APP_SECRET, 'person-2') }), 'application/json');
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { url: string; confirmation_code: string };
    expect(Object.keys(answer).sort()).toEqual(['confirmation_code', 'url']);
    expect(answer.confirmation_code).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(answer.url).toBe(`${h.url}/networks/deletion/${answer.confirmation_code}`);

    const after = await row(ids.a2);
    expect(after).toMatchObject({ status: 'disconnected', accessTokenSealed: null, username: null, displayName: null, avatarUrl: null, avatarCachedAt: null, limits: null, purgeAfter: null, ownerExternalId: null });
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, ids.a2))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['channel.deauthorized', 'channel.purged']));
    expect(revokeRequests()).toBe(0);

    const [request] = await db().select().from(networkDeletionRequests).where(eq(networkDeletionRequests.code, answer.confirmation_code));
    expect(request).toMatchObject({ network: NETWORK, kind: 'data-deletion', channelsAffected: 1, status: 'completed' });
    expect(request!.completedAt).not.toBeNull();
    // The person only as a keyed hash.
    expect(JSON.stringify(request)).not.toContain('person-2');
    expect(request!.ownerHash).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const status = await fetch(answer.url);
    expect(status.status).toBe(200);
    expect(status.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await status.text();
    expect(html).toContain(answer.confirmation_code);
    expect(html).toContain(networks[NETWORK].label);
    expect(html).toContain('<dt>Accounts affected</dt><dd>1</dd>');
    expect(html).toContain('<strong>complete</strong>');
    expect(html).toContain(`<dt>Requested</dt><dd><time datetime="${request!.requestedAt.toISOString()}">`);
    for (const personal of ['person-2', 'user.2', 'User 2', 'tt-user-2', alice.email]) expect(html).not.toContain(personal);
    expect(html).not.toContain('<script');
  });

  it('data deletion for a person with no channel here still gets a code; an unknown code is a 404 page', async () => {
    const res = await post('data-deletion', form(signedRequest(APP_SECRET, 'person-unknown')));
    expect(res.status).toBe(200);
    const { url } = (await res.json()) as { url: string };
    expect(await (await fetch(url)).text()).toContain('<dt>Accounts affected</dt><dd>0</dd>');

    for (const code of ['no-such-code', 'x'.repeat(100)]) {
      const missing = await fetch(`${h.url}/networks/deletion/${code}`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('No deletion request has this confirmation code');
    }
    // Longer than any code: refused before any lookup (Fastify's parameter length limit).
    expect((await fetch(`${h.url}/networks/deletion/${'x'.repeat(101)}`)).status).toBe(414);
  });

  it('disconnecting one channel of a shared grant does not revoke it; the last one does', async () => {
    const before = revokeRequests();
    const first = await alice.client.delete(`/api/v1/workspaces/${ids.wsC}/channels/${ids.c3}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revokedAtNetwork: false, revokeSkipped: 'grant_shared', channel: { status: 'disconnected', statusReason: null } });
    expect(revokeRequests()).toBe(before);
    expect((await row(ids.c3)).accessTokenSealed).toBeNull();
    expect((await row(ids.c4)).status).toBe('ok');
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, ids.c3), eq(auditLog.action, 'channel.disconnected')));
    expect(audit!.changes).toMatchObject({ revokedAtNetwork: false, revokeSkipped: 'grant_shared' });

    const last = await alice.client.delete(`/api/v1/workspaces/${ids.wsC}/channels/${ids.c4}`);
    expect(last.body).toMatchObject({ revokedAtNetwork: true, revokeSkipped: null });
    expect(revokeRequests()).toBe(before + 1);
    const [lastAudit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, ids.c4), eq(auditLog.action, 'channel.disconnected')));
    expect(lastAudit!.changes).toMatchObject({ revokedAtNetwork: true });
    expect(lastAudit!.changes).not.toHaveProperty('revokeSkipped');
  });

  it('deleting a workspace leaves a grant another workspace still uses, and counts those revokes as skipped', async () => {
    const wsD = (await alice.client.post('/api/v1/workspaces', { name: 'Agency D' })).body.id as string;
    const wsE = (await bob.client.post('/api/v1/workspaces', { name: 'Agency E' })).body.id as string;
    const d6 = await connectAs(alice.client, wsD, 'tt-user-6');
    const d7 = await connectAs(alice.client, wsD, 'tt-user-7');
    const e8 = await connectAs(bob.client, wsE, 'tt-user-8');
    await db().update(channels).set({ ownerExternalId: 'person-9' }).where(inArray(channels.id, [d6, d7, e8]));
    const before = revokeRequests();
    expect((await alice.client.delete(`/api/v1/workspaces/${wsD}`)).status).toBe(200);
    expect(revokeRequests()).toBe(before);
    const [deleted] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, wsD), eq(auditLog.action, 'workspace.deleted')));
    expect(deleted!.changes).toMatchObject({ channelTokens: { revoked: 0, pending: 0, skipped: 2 } });
    // The other workspace's channel works on, and revokes the grant when it goes.
    expect((await row(e8)).status).toBe('ok');
    expect((await bob.client.delete(`/api/v1/workspaces/${wsE}/channels/${e8}`)).body).toMatchObject({ revokedAtNetwork: true, revokeSkipped: null });
    expect(revokeRequests()).toBe(before + 1);
  });

  it('a network whose descriptor says noRevoke is never asked to revoke', async () => {
    const descriptor = networks[NETWORK] as { noRevoke?: string };
    // Stands in for a network without a revoke endpoint; restored below.
    descriptor.noRevoke = 'Remove Herald in the network’s own app settings.';
    try {
      const before = revokeRequests();
      const res = await alice.client.delete(`/api/v1/workspaces/${ids.wsC}/channels/${ids.c5}`);
      expect(res.body).toMatchObject({ revokedAtNetwork: false, revokeSkipped: 'network_has_no_revoke', channel: { status: 'disconnected', statusReason: null } });
      expect(revokeRequests()).toBe(before);
      expect((await row(ids.c5)).accessTokenSealed).toBeNull();
    } finally {
      delete descriptor.noRevoke;
    }
  });

  it('/privacy and /api/v1/policy name the callback URLs of the networks that declare them', async () => {
    const expected = [`${h.url}/api/v1/networks/${NETWORK}/callbacks/deauthorize`, `${h.url}/api/v1/networks/${NETWORK}/callbacks/data-deletion`];
    const privacy = await (await fetch(`${cbUrl}/privacy`)).text();
    for (const url of expected) expect(privacy).toContain(`<code>${url}</code>`);
    const facts = await (await fetch(`${cbUrl}/api/v1/policy`)).json();
    expect(facts.networks.find((n: { id: string }) => n.id === NETWORK).callbacks.map((c: { url: string }) => c.url)).toEqual(expected);
    for (const n of facts.networks.filter((n: { id: string }) => n.id !== NETWORK)) expect(n.callbacks).toEqual([]);
    // Without callbacks in the registry, none is listed.
    expect(await (await fetch(`${h.url}/privacy`)).text()).not.toContain('/callbacks/');
  });

  // Last: it uses up this address's allowance.
  it('limits calls per address (sized for a network sending everyone’s calls from a few addresses)', async () => {
    // Until the limit answers (300 a minute, less what the tests above used of this address's
    // window: how much depends on how long they took, so the count is not fixed).
    const statuses: number[] = [];
    // A window that ends midway (a slow machine) allows at most 300 more.
    while (statuses.at(-1) !== 429 && statuses.length < 650) statuses.push((await post('deauthorize', form(signedRequest('not-the-app-secret', 'tt-user-1')))).status);
    expect(statuses.filter((s) => s !== 403 && s !== 429)).toEqual([]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await post('deauthorize', form(signedRequest(APP_SECRET, 'tt-user-5')));
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
  }, 180_000);
});
