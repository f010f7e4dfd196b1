import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { channels } from '../../src/server/db/schema/index.ts';
import { rowsOf } from '../../src/server/db/database.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { keysFile, loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { parseEncryptionKeys } from '../../src/server/security/secret-box.ts';
import { fastEngineEnv, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { signUp, startTestHerald, type ApiResponse, type TestHerald } from '../helpers/test-herald.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';
import { readZip } from '../helpers/zip.ts';

// Every token the networks issued to Herald, and Herald's own key material, must only ever exist
// sealed: not in any database column, log line, export entry or API answer.

type Secret = { kind: string; value: string };
type Finding = { kind: string; where: string };


/** The forms a secret could take when stored or printed: as is, URL-encoded, hex (bytea columns). */
function variants(secrets: Secret[]): Secret[] {
  const out = new Map<string, Secret>();
  for (const s of secrets) {
    if (s.value.length < 16) throw new Error(`${s.kind} is too short to scan for without false alarms`);
    out.set(s.value, s);
    const encoded = encodeURIComponent(s.value);
    if (encoded !== s.value) out.set(encoded, { kind: `${s.kind} (URL-encoded)`, value: encoded });
    const hex = Buffer.from(s.value, 'latin1').toString('hex');
    out.set(hex, { kind: `${s.kind} (hex)`, value: hex });
  }
  return [...out.values()];
}

describe('no issued token or key appears in plaintext anywhere', () => {
  const withBluesky = pdsAvailable() || Boolean(process.env.CI);
  let h: TestHerald;
  let tiktok: TikTokFake;
  let mastodon: MastodonFake;
  let pds: LocalPds | undefined;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const channelIds: { network: string; id: string }[] = [];
  const postIds: string[] = [];
  let exportId: string;
  let exportEntries: Map<string, Buffer>;
  const blueskySessions: { access: string; refresh: string }[] = [];
  /** Every API answer received while setting things up: where it came from, and its text. */
  const answers: { where: string; text: string }[] = [];
  const stats = { values: 0, bytes: 0, byArea: new Map<string, { values: number; bytes: number }>() };
  let secrets: Secret[] = [];

  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const record = <T>(where: string, res: ApiResponse<T>): ApiResponse<T> => {
    const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    answers.push({ where, text: `${headers}\n${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}` });
    return res;
  };
  /** A GET with the owner's cookies, answering the raw bytes (JSON, HTML, images, ZIPs alike). */
  const rawGet = async (url: string) => {
    const res = await fetch(new URL(url, h.url), { headers: { origin: h.url, cookie: [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') }, redirect: 'manual' });
    const bytes = Buffer.from(await res.arrayBuffer());
    const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    return { status: res.status, bytes, text: `${headers}\n${bytes.toString('latin1')}` };
  };
  /** Runs Herald's consent round trip for an OAuth network, recording every answer on the way. */
  const connectOAuth = async (network: 'mastodon' | 'tiktok', fake: { authorize(url: string): string }, body: Record<string, unknown>) => {
    const start = record(`POST channels/connect (${network})`, await owner.client.post(api('/channels/connect'), { network, ...body }));
    expect(start.status).toBe(200);
    const callback = record(`GET oauth callback (${network})`, await owner.client.get(fake.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, '')));
    const id = new URL(callback.headers.get('location')!, h.url).searchParams.get('connected');
    if (!id) throw new Error(`connecting ${network} failed: ${callback.headers.get('location')}`);
    channelIds.push({ network, id });
    return id;
  };
  const published = (p: any) => p.deliveries.every((d: any) => d.state === 'published');
  const publish = async (network: string, body: Record<string, unknown>) => {
    const created = record(`POST posts (${network})`, await owner.client.post(api('/posts'), body));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    postIds.push(created.body.id);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, (p) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled', 'unconfirmed'].includes(d.state)), 40_000);
    record(`GET post (${network})`, { status: 200, body: done, headers: new Headers() });
    expect(published(done), `${network} delivery: ${JSON.stringify(done.deliveries)}`).toBe(true);
  };
  const box = () => loadSecretBox(loadConfig({ HERALD_DATA_DIR: h.dataDir }), h.herald.logger);
  const blueskySession = async (channelId: string) => {
    const [row] = await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId));
    return { access: box().open(row!.accessTokenSealed!, `channel:${channelId}:access`), refresh: box().open(row!.refreshTokenSealed!, `channel:${channelId}:refresh`) };
  };
  const scan = (where: string, text: string, findings: Finding[]) => {
    stats.values += 1;
    stats.bytes += Buffer.byteLength(text, 'latin1');
    const area = where.split(' ').slice(0, 2).join(' ');
    const counted = stats.byArea.get(area) ?? { values: 0, bytes: 0 };
    stats.byArea.set(area, { values: counted.values + 1, bytes: counted.bytes + Buffer.byteLength(text, 'latin1') });
    for (const s of secrets) if (text.includes(s.value)) findings.push({ kind: s.kind, where });
  };
  const report = (findings: Finding[]) => [...new Set(findings.map((f) => `${f.kind} found in ${f.where}`))];

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    if (withBluesky) pds = await startLocalPds([{ handle: 'scan.test', password: 'scan-main-password' }]);
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok), ...(pds ? blueskyEnv(pds) : {}) } });
    owner = await signUp(h.url, { name: 'Secret Scanner' });
    workspaceId = record('POST workspaces', await owner.client.post('/api/v1/workspaces', { name: 'Scanned' })).body.id;

    const mastodonChannel = await connectOAuth('mastodon', mastodon, { instance: mastodon.domain });
    const tiktokChannel = await connectOAuth('tiktok', tiktok, {});
    let blueskyChannel: string | undefined;
    if (pds) {
      const account = pds.accounts[0]!;
      const connected = record('POST channels/connect (bluesky)', await owner.client.post(api('/channels/connect'), { network: 'bluesky', identifier: account.handle, appPassword: account.appPassword }));
      expect(connected.status).toBe(200);
      blueskyChannel = connected.body.channel.id as string;
      channelIds.push({ network: 'bluesky', id: blueskyChannel });
      blueskySessions.push(await blueskySession(blueskyChannel));
    }

    await publish('mastodon', { content: { text: 'Scanned toot' }, channels: [{ channelId: mastodonChannel }], schedule: { mode: 'now' } });
    const video = await uploadMedia(h, owner.client, workspaceId, { bytes: buildMp4({ durationSeconds: 3, width: 720, height: 1280, frameRate: 30 }), name: 'scan.mp4', type: 'video/mp4' });
    await publish('tiktok', { content: { text: 'Scanned clip', media: [{ mediaId: video.id }] }, channels: [{ channelId: tiktokChannel, settings: { privacyLevel: 'PUBLIC_TO_EVERYONE' } }], schedule: { mode: 'now' } });
    if (blueskyChannel) await publish('bluesky', { content: { text: 'Scanned skeet' }, channels: [{ channelId: blueskyChannel }], schedule: { mode: 'now' } });
    // Media that stays (published media is deleted), so the media routes have something to show.
    const image = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#123456' } }).png().toBuffer();
    const kept = await uploadMedia(h, owner.client, workspaceId, { bytes: image, name: 'kept.png', type: 'image/png' });
    record('POST posts (draft)', await owner.client.post(api('/posts'), { content: { text: 'A draft', media: [{ mediaId: kept.id }] }, channels: [{ channelId: mastodonChannel }], schedule: { mode: 'draft' } }));

    // Rotated tokens: TikTok's access tokens expire, and Herald refreshes on the next call.
    const issuedBefore = tiktok.tokens().length;
    tiktok.expireAccessTokens();
    const refreshed = record('POST channels/refresh (tiktok)', await owner.client.post(api(`/channels/${tiktokChannel}/refresh`)));
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(tiktok.tokens().length).toBeGreaterThan(issuedBefore);
    if (blueskyChannel) {
      record('POST channels/refresh (bluesky)', await owner.client.post(api(`/channels/${blueskyChannel}/refresh`)));
      blueskySessions.push(await blueskySession(blueskyChannel));
    }

    const created = record('POST me/exports', await owner.client.post('/api/v1/me/exports'));
    expect(created.status).toBe(201);
    exportId = created.body.id;
    await waitFor(async () => (await owner.client.get('/api/v1/me/exports')).body.items.find((e: any) => e.id === exportId && e.status === 'ready'), { what: 'the export', timeoutMs: 30_000 });
    const download = await rawGet(`/api/v1/me/exports/${exportId}/download`);
    expect(download.status).toBe(200);
    answers.push({ where: 'GET me/exports/:exportId/download', text: download.text });
    exportEntries = readZip(download.bytes);
    expect(exportEntries.size).toBeGreaterThan(0);

    // The secrets, collected last so rotated values are in.
    const keyFile = fs.readFileSync(keysFile(loadConfig({ HERALD_DATA_DIR: h.dataDir })), 'utf8').trim();
    const keys = parseEncryptionKeys(keyFile);
    const found: Secret[] = [
      ...tiktok.tokens().flatMap((t) => [
        { kind: 'TikTok access token', value: t.accessToken },
        { kind: 'TikTok refresh token', value: t.refreshToken },
      ]),
      ...mastodon.tokens().map((t) => ({ kind: 'Mastodon access token', value: t.token })),
      ...mastodon.apps.map((a) => ({ kind: 'Mastodon app client secret', value: a.clientSecret })),
      ...blueskySessions.flatMap((s) => [
        { kind: 'Bluesky access JWT', value: s.access },
        { kind: 'Bluesky refresh JWT', value: s.refresh },
      ]),
      ...(pds ? [{ kind: 'Bluesky app password', value: pds.accounts[0]!.appPassword }] : []),
      ...keys.flatMap((k) => [
        { kind: `encryption key ${k.id} (base64)`, value: k.key.toString('base64') },
        { kind: `encryption key ${k.id} (base64url)`, value: k.key.toString('base64url') },
        { kind: `encryption key ${k.id} (raw bytes)`, value: k.key.toString('latin1') },
      ]),
    ];
    expect(tiktok.tokens().length).toBeGreaterThanOrEqual(2);
    expect(mastodon.tokens().length).toBeGreaterThanOrEqual(1);
    expect(mastodon.apps.length).toBeGreaterThanOrEqual(1);
    if (pds) expect(blueskySessions).toHaveLength(2);
    secrets = variants(found);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
    await mastodon?.close();
    await pds?.stop();
  });

  it('the database: every row of every table, every schema (public, drizzle, pg-boss)', async () => {
    const db = h.herald.database.db;
    const tables = rowsOf<{ s: string; t: string }>(
      await db.execute(sql`select table_schema as s, table_name as t from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`),
    );
    const schemas = new Set(tables.map((t) => t.s));
    for (const schema of ['public', 'drizzle', 'pgboss']) expect(schemas, `schema ${schema}`).toContain(schema);
    expect(tables.some((t) => t.s === 'pgboss' && t.t.startsWith('job'))).toBe(true);
    const findings: Finding[] = [];
    let rows = 0;
    const tablesWithRows = new Set<string>();
    for (const { s, t } of tables) {
      const ident = `"${s.replaceAll('"', '""')}"."${t.replaceAll('"', '""')}"`;
      for (const row of rowsOf<{ r: string }>(await db.execute(sql.raw(`select (x.*)::text as r from ${ident} x`)))) {
        rows += 1;
        scan(`database table ${s}.${t}`, row.r, findings);
        tablesWithRows.add(`${s}.${t}`);
      }
    }
    expect(rows).toBeGreaterThan(10);
    console.log(`secret scan: database ${tables.length} tables (${tablesWithRows.size} with rows), ${rows} rows`);
    expect(report(findings)).toEqual([]);
  });

  it('the export: every entry of the ZIP, decompressed', () => {
    const findings: Finding[] = [];
    for (const [name, data] of exportEntries) scan(`export entry ${name}`, data.toString('latin1'), findings);
    expect(report(findings)).toEqual([]);
  });

  it('every API answer: the ones received while setting up, every GET route that can be filled, the policy pages', async () => {
    const media = (await owner.client.get(api('/media'))).body.items as { id: string }[];
    const deliveries = (await Promise.all(postIds.map(async (postId) => ((await owner.client.get(api(`/posts/${postId}`))).body.deliveries as { id: string }[]).map((d) => ({ postId, deliveryId: d.id }))))).flat();
    expect(media.length).toBeGreaterThan(0);
    expect(deliveries.length).toBe(postIds.length);
    /** Every way to fill a route's params; empty when a param cannot be filled. */
    const bindings = (url: string): Record<string, string>[] => {
      const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      let out: Record<string, string>[] = [{}];
      const choices: Record<string, () => Record<string, string>[]> = {
        workspaceId: () => [{ workspaceId }],
        channelId: () => channelIds.map((c) => ({ channelId: c.id })),
        postId: () => (params.includes('deliveryId') ? deliveries : postIds.map((postId) => ({ postId }))),
        deliveryId: () => [{}],
        mediaId: () => media.map((m) => ({ mediaId: m.id })),
        exportId: () => [{ exportId }],
      };
      for (const p of params) {
        const choice = choices[p];
        if (!choice) return [];
        out = out.flatMap((o) => choice().map((c) => ({ ...o, ...c })));
      }
      return out;
    };
    const findings: Finding[] = [];
    for (const a of answers) scan(`API answer ${a.where}`, a.text, findings);
    const gets = h.herald.app!.routeRegistry.filter((r) => r.method === 'GET');
    const skipped: string[] = [];
    let called = 0;
    for (const route of gets) {
      const fills = bindings(route.url);
      if (!fills.length) skipped.push(route.url);
      for (const fill of fills) {
        const url = route.url.replace(/:(\w+)/g, (_, name: string) => fill[name]!);
        const res = await rawGet(url);
        expect(res.status, `GET ${route.url}`).toBeLessThan(500);
        called += 1;
        scan(`API answer GET ${route.url}`, res.text, findings);
      }
    }
    for (const page of ['/privacy', '/terms']) {
      const res = await rawGet(page);
      expect(res.status, page).toBe(200);
      scan(`HTML of ${page}`, res.text, findings);
    }
    console.log(`secret scan: ${called} GET calls over ${gets.length - skipped.length}/${gets.length} GET routes (not fillable: ${skipped.join(', ') || 'none'})`);
    expect(called).toBeGreaterThan(15);
    expect(report(findings)).toEqual([]);
  });

  it('the logs Herald wrote during the whole test (run last, so they include the API walk)', () => {
    expect(h.logs.length).toBeGreaterThan(0);
    const findings: Finding[] = [];
    h.logs.forEach((line, i) => scan(`log line ${i + 1}`, line, findings));
    console.log(
      `secret scan: ${secrets.length} secret forms (${new Set(secrets.map((s) => s.kind.replace(/ \((hex|URL-encoded)\)$/, ''))).size} kinds) against ${stats.values} values, ${stats.bytes} bytes` +
        ` (Bluesky ${pds ? 'included' : 'skipped: no local PDS'}); ${[...stats.byArea].map(([area, c]) => `${area}: ${c.values} values, ${c.bytes} bytes`).join('; ')}`,
    );
    expect(report(findings)).toEqual([]);
  });
});
