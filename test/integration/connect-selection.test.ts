import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, channels, connectSelections } from '../../src/server/db/schema/index.ts';
import { rotateSecrets } from '../../src/server/security/rotate-keys.ts';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys } from '../../src/server/security/secret-box.ts';
import { createMultiAccountProvider, type MultiAccountProvider, type OfferedAccount } from '../helpers/multi-account.ts';
import { createClient, signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { startFakeServer } from '../fakes/http.ts';

// Any single-host OAuth network will do: its provider is replaced by the multi-account one.
const network = 'tiktok';
const threeAccounts: OfferedAccount[] = [
  { externalId: '17841400000000001', displayName: 'Acme Bakery', username: 'acmebakery', note: 'Page · Bakery' },
  { externalId: '17841400000000002', displayName: 'Acme Coffee', username: null, note: 'Page · Café' },
  { externalId: '17841400000000003', displayName: 'Acme Careers', username: 'acmejobs', note: null },
];

describe('picking which accounts of one consent to connect', () => {
  let h: TestHerald;
  let provider: MultiAccountProvider;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const db = () => h.herald.database.db;
  const base = () => `/api/v1/workspaces/${workspaceId}/channels/selections`;

  beforeAll(async () => {
    provider = createMultiAccountProvider(network, { accounts: threeAccounts, ownerExternalId: 'person-42' });
    h = await startTestHerald({ providers: { [network]: provider } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Agency' })).body.id;
  });
  afterAll(async () => h?.close());

  /** Starts connecting and comes back from the consent: answers where Herald sent the browser. */
  async function consent(client: Client, ws = workspaceId) {
    const start = await client.post(`/api/v1/workspaces/${ws}/channels/connect`, { network });
    expect(start.status).toBe(200);
    const back = await client.get(new URL(start.body.authorizationUrl).pathname + new URL(start.body.authorizationUrl).search);
    expect(back.status).toBe(302);
    return new URL(back.headers.get('location')!, h.url);
  }
  async function selectionOf(client: Client) {
    const location = await consent(client);
    expect(location.pathname).toBe(`/w/${workspaceId}/channels`);
    const id = location.searchParams.get('choose');
    expect(id).toBeTruthy();
    return id!;
  }
  const channelsOfWorkspace = async () => db().select().from(channels).where(eq(channels.workspaceId, workspaceId));

  it('offers the accounts instead of connecting, then connects the two picked: owner stored, audited, selection used up', async () => {
    const selectionId = await selectionOf(owner.client);
    expect(await channelsOfWorkspace()).toHaveLength(0);

    const offered = await owner.client.get(`${base()}/${selectionId}`);
    expect(offered.status).toBe(200);
    expect(offered.body).toMatchObject({ id: selectionId, network });
    expect(new Date(offered.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(offered.body.accounts).toEqual([
      { externalId: '17841400000000001', displayName: 'Acme Bakery', username: 'acmebakery', avatarUrl: null, avatar: null, note: 'Page · Bakery', alreadyConnected: false },
      { externalId: '17841400000000002', displayName: 'Acme Coffee', username: null, avatarUrl: null, avatar: null, note: 'Page · Café', alreadyConnected: false },
      { externalId: '17841400000000003', displayName: 'Acme Careers', username: 'acmejobs', avatarUrl: null, avatar: null, note: null, alreadyConnected: false },
    ]);

    const picked = await owner.client.post(`${base()}/${selectionId}`, { externalIds: ['17841400000000001', '17841400000000003'] });
    expect(picked.status).toBe(201);
    expect(picked.body.channels.map((c: { externalId: string; displayName: string }) => [c.externalId, c.displayName])).toEqual([
      ['17841400000000001', 'Acme Bakery'],
      ['17841400000000003', 'Acme Careers'],
    ]);
    const rows = await channelsOfWorkspace();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.ownerExternalId === 'person-42' && r.accessTokenSealed?.startsWith('v1.') && r.connectedBy === owner.id)).toBe(true);

    expect(await db().select().from(connectSelections).where(eq(connectSelections.id, selectionId))).toHaveLength(0);
    const connected = await db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, 'channel.connected')));
    expect(connected.map((a) => a.entityId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(connected.every((a) => (a.changes as { selectionId: string }).selectionId === selectionId)).toBe(true);
    const trail = await db().select().from(auditLog).where(and(eq(auditLog.entityType, 'channel_selection'), eq(auditLog.entityId, selectionId))).orderBy(auditLog.id);
    expect(trail.map((a) => [a.action, a.changes])).toEqual([
      ['channel.selection_offered', { network, accounts: 3 }],
      ['channel.selection_used', { network, offered: 3, connected: 2 }],
    ]);

    // Used once: a second submit or a read finds nothing.
    expect((await owner.client.post(`${base()}/${selectionId}`, { externalIds: ['17841400000000002'] })).body.error.code).toBe('channel.selection_not_found');
    expect((await owner.client.get(`${base()}/${selectionId}`)).status).toBe(404);
  });

  it('a reconnect marks what is connected already and updates that channel in place, without a duplicate', async () => {
    const before = await channelsOfWorkspace();
    const selectionId = await selectionOf(owner.client);
    const offered = (await owner.client.get(`${base()}/${selectionId}`)).body.accounts as { externalId: string; alreadyConnected: boolean }[];
    expect(offered.map((a) => a.alreadyConnected)).toEqual([true, false, true]);

    const picked = await owner.client.post(`${base()}/${selectionId}`, { externalIds: ['17841400000000001', '17841400000000002', '17841400000000001'] });
    expect(picked.status).toBe(201);
    expect(picked.body.channels).toHaveLength(2);
    const after = await channelsOfWorkspace();
    expect(after).toHaveLength(3);
    const bakery = before.find((r) => r.externalId === '17841400000000001')!;
    expect(picked.body.channels[0].id).toBe(bakery.id);
    expect(after.find((r) => r.id === bakery.id)!.accessTokenSealed).not.toBe(bakery.accessTokenSealed);
    const reconnected = await db().select().from(auditLog).where(and(eq(auditLog.entityId, bakery.id), eq(auditLog.action, 'channel.reconnected')));
    expect(reconnected).toHaveLength(1);
  });

  it('answers 404 to anyone but the user and session that consented, also a co-owner of the workspace', async () => {
    const selectionId = await selectionOf(owner.client);
    const admin = await signUp(h.url);
    const invite = await owner.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: admin.email, role: 'admin' });
    expect((await admin.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);
    // The same person, signed in a second time (another browser).
    const secondSession = createClient(h.url);
    expect((await secondSession.post('/api/auth/sign-in/email', { email: owner.email, password: owner.password })).status).toBe(200);

    for (const client of [admin.client, secondSession]) {
      for (const res of [
        await client.get(`${base()}/${selectionId}`),
        await client.post(`${base()}/${selectionId}`, { externalIds: ['17841400000000002'] }),
        await client.delete(`${base()}/${selectionId}`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('channel.selection_not_found');
      }
    }
    // Another workspace's URL does not reach it either, even for its owner.
    const elsewhere = (await owner.client.post('/api/v1/workspaces', { name: 'Elsewhere' })).body.id;
    expect((await owner.client.get(`/api/v1/workspaces/${elsewhere}/channels/selections/${selectionId}`)).status).toBe(404);
    // Still intact for its owner.
    expect((await owner.client.get(`${base()}/${selectionId}`)).status).toBe(200);

    // A member who is removed loses their pending selections with their membership.
    const adminSelection = await selectionOf(admin.client);
    const members = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/members`)).body.items as { id: string; userId: string }[];
    expect((await owner.client.delete(`/api/v1/workspaces/${workspaceId}/members/${members.find((m) => m.userId === admin.id)!.id}`)).status).toBeLessThan(300);
    expect(await db().select().from(connectSelections).where(eq(connectSelections.id, adminSelection))).toHaveLength(0);
  });

  it('refuses bad picks with the field at fault, and keeps the selection for another try', async () => {
    const selectionId = await selectionOf(owner.client);
    const cases: [unknown, string][] = [
      [{ externalIds: [] }, 'body.externalIds'],
      [{}, 'body.externalIds'],
      [{ externalIds: 'x' }, 'body.externalIds'],
      [{ externalIds: ['17841400000000002', 'not-offered'] }, 'body.externalIds.1'],
      [{ externalIds: [''] }, 'body.externalIds.0'],
    ];
    for (const [body, field] of cases) {
      const res = await owner.client.post(`${base()}/${selectionId}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field), JSON.stringify(res.body)).toContain(field);
    }
    expect((await owner.client.get(`${base()}/${selectionId}`)).status).toBe(200);
    expect((await owner.client.get(`${base()}/does-not-exist`)).body.error.code).toBe('channel.selection_not_found');
  });

  it('an expired selection is gone with a clear answer; a discarded one is deleted at once', async () => {
    const selectionId = await selectionOf(owner.client);
    await db().update(connectSelections).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(connectSelections.id, selectionId));
    const late = await owner.client.post(`${base()}/${selectionId}`, { externalIds: ['17841400000000002'] });
    expect(late.status).toBe(410);
    expect(late.body.error).toMatchObject({ code: 'channel.selection_expired', message: expect.stringMatching(/15 minutes/) });
    expect(await db().select().from(connectSelections).where(eq(connectSelections.id, selectionId))).toHaveLength(0);

    const discarded = await selectionOf(owner.client);
    expect((await owner.client.delete(`${base()}/${discarded}`)).status).toBe(204);
    expect(await db().select().from(connectSelections).where(eq(connectSelections.id, discarded))).toHaveLength(0);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, discarded), eq(auditLog.action, 'channel.selection_discarded')))).toHaveLength(1);
    expect((await owner.client.delete(`${base()}/${discarded}`)).status).toBe(404);
  });

  it('a consent that covers no account connects nothing, says so, and revokes the grant', async () => {
    provider.setAccounts([]);
    try {
      const location = await consent(owner.client);
      expect(location.pathname).toBe(`/w/${workspaceId}/channels`);
      expect(location.searchParams.get('error')).toBe('channel.no_accounts');
      expect(location.searchParams.get('message')).toMatch(/Your TikTok login manages no account/);
      const personToken = provider.issuedTokens().filter((t) => t.startsWith('person-token')).at(-1)!;
      expect(provider.revokedTokens()).toContain(personToken);
    } finally {
      provider.setAccounts(threeAccounts);
    }
  });

  it('never shows a token: not in answers, the database in clear, the audit log or the logs', async () => {
    const selectionId = await selectionOf(owner.client);
    const answers = [JSON.stringify((await owner.client.get(`${base()}/${selectionId}`)).body)];
    answers.push(JSON.stringify((await owner.client.post(`${base()}/${selectionId}`, { externalIds: ['17841400000000002'] })).body));
    answers.push(JSON.stringify((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body));
    answers.push(JSON.stringify((await owner.client.get(`/api/v1/workspaces/${workspaceId}/audit`)).body));
    await selectionOf(owner.client);
    const tables = JSON.stringify([await db().execute(sql`select * from connect_selections`), await db().execute(sql`select * from channels`), await db().execute(sql`select * from audit_log`)]);
    const tokens = provider.issuedTokens();
    expect(tokens.length).toBeGreaterThan(10);
    for (const token of tokens) {
      for (const answer of answers) expect(answer).not.toContain(token);
      expect(tables).not.toContain(token);
      expect(h.logs.join('\n')).not.toContain(token);
    }
  });

  it('key rotation re-seals a pending selection, which then opens with the new key alone', async () => {
    const selectionId = await selectionOf(owner.client);
    const oldSpec = fs.readFileSync(path.join(h.dataDir, 'encryption.keys'), 'utf8').trim();
    const newSpec = generateEncryptionKey('k9');
    expect(await rotateSecrets(db(), createSecretBox(parseEncryptionKeys(`${newSpec},${oldSpec}`)))).toBeGreaterThanOrEqual(1);
    const [row] = await db().select().from(connectSelections).where(eq(connectSelections.id, selectionId));
    expect(row!.accountsSealed.split('.')[1]).toBe('k9');
    const opened = JSON.parse(createSecretBox(parseEncryptionKeys(newSpec)).open(row!.accountsSealed, `connect-selection:${selectionId}`));
    expect(opened.map((a: { externalId: string }) => a.externalId)).toEqual(threeAccounts.map((a) => a.externalId));
  });
});

describe('pictures of the offered accounts', () => {
  // Mastodon's allow-http setting lets pictures on the (loopback) instance itself be fetched.
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  let cdn: Awaited<ReturnType<typeof startFakeServer>>;
  let h: TestHerald;

  beforeAll(async () => {
    cdn = await startFakeServer((req) => (req.path === '/pic.png' ? { status: 200, headers: { 'content-type': 'image/png' }, raw: png } : { status: 404 }));
    const provider = createMultiAccountProvider('mastodon', {
      accounts: [
        { externalId: '1', displayName: 'With picture', avatarUrl: `${cdn.url}/pic.png` },
        { externalId: '2', displayName: 'Picture gone', avatarUrl: `${cdn.url}/missing.png` },
        { externalId: '3', displayName: 'No picture' },
      ],
    });
    h = await startTestHerald({ env: { HERALD_MASTODON_ALLOW_HTTP: 'true' }, providers: { mastodon: provider } });
  });
  afterAll(async () => {
    await h?.close();
    await cdn?.close();
  });

  it('are relayed by Herald for the user and session that consented, never loaded by the browser from the network', async () => {
    const owner = await signUp(h.url);
    const ws = (await owner.client.post('/api/v1/workspaces', { name: 'Pictures' })).body.id as string;
    const start = await owner.client.post(`/api/v1/workspaces/${ws}/channels/connect`, { network: 'mastodon', instance: new URL(cdn.url).host });
    expect(start.status).toBe(200);
    const back = await owner.client.get(new URL(start.body.authorizationUrl).pathname + new URL(start.body.authorizationUrl).search);
    const selectionId = new URL(back.headers.get('location')!, h.url).searchParams.get('choose')!;
    const accounts = (await owner.client.get(`/api/v1/workspaces/${ws}/channels/selections/${selectionId}`)).body.accounts as { externalId: string; avatar: string | null }[];
    expect(accounts.map((a) => a.avatar)).toEqual([
      `/api/v1/workspaces/${ws}/channels/selections/${selectionId}/accounts/1/avatar`,
      `/api/v1/workspaces/${ws}/channels/selections/${selectionId}/accounts/2/avatar`,
      null,
    ]);
    const picture = await fetch(new URL(accounts[0]!.avatar!, h.url), { headers: { cookie: [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await picture.arrayBuffer())).toEqual(png);
    expect((await owner.client.get(accounts[1]!.avatar!)).status).toBe(404);
    expect((await owner.client.get(`/api/v1/workspaces/${ws}/channels/selections/${selectionId}/accounts/3/avatar`)).status).toBe(404);
    expect((await owner.client.get(`/api/v1/workspaces/${ws}/channels/selections/${selectionId}/accounts/9/avatar`)).status).toBe(404);
    const stranger = createClient(h.url);
    expect((await stranger.post('/api/auth/sign-in/email', { email: owner.email, password: owner.password })).status).toBe(200);
    expect((await stranger.get(accounts[0]!.avatar!)).body.error.code).toBe('channel.selection_not_found');
  });
});
