import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { auditLog, channels, dataExports } from '../../src/server/db/schema/index.ts';
import { purgeExpiredExports } from '../../src/server/modules/privacy/export.service.ts';
import { connectMastodon, fastEngineEnv, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { readZip } from '../helpers/zip.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';


describe('download all my data', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  let image: Buffer;
  let mediaId: string;
  let publishedPostId: string;
  let draftPostId: string;
  let exportId: string;
  let zip: Buffer;
  let files: Map<string, Buffer>;
  const db = () => h.herald.database.db;
  const read = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: fastEngineEnv });
    owner = await signUp(h.url, { name: 'Export Owner' });
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Exported' })).body.id;
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
    const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
    const published = await owner.client.post(api('/posts'), { content: { text: 'Published for the export' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(published.status).toBe(201);
    publishedPostId = published.body.id;
    await waitForPost(owner.client, workspaceId, publishedPostId, (p) => p.deliveries.every((d: any) => d.state === 'published'));
    image = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#3366cc' } }).png().toBuffer();
    mediaId = (await uploadMedia(h, owner.client, workspaceId, { bytes: image, name: 'holiday photo.png', type: 'image/png' })).id;
    // A draft keeps its media (published media is deleted after publishing).
    const draft = await owner.client.post(api('/posts'), { content: { text: 'A draft with a picture', media: [{ mediaId, altText: 'Blue' }] }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(draft.status).toBe(201);
    draftPostId = draft.body.id;
    // The workspace keeps a media library: the choice and the library's details are exported.
    expect((await owner.client.put(api('/media-library'), { enabled: true })).status).toBe(200);
    expect((await owner.client.patch(api(`/media/${mediaId}`), { name: 'Holiday', altText: 'A blue card', tags: ['summer'] })).status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('builds the archive in the background and refuses a second one meanwhile', async () => {
    const created = await owner.client.post('/api/v1/me/exports');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'queued', progress: 0, downloadUrl: null });
    exportId = created.body.id;
    const again = await owner.client.post('/api/v1/me/exports');
    // Either still running (409), or the job was quicker than this request.
    if (again.status !== 201) expect(again).toMatchObject({ status: 409, body: { error: { code: 'privacy.export_running' } } });
    else await db().delete(dataExports).where(eq(dataExports.id, again.body.id));

    const ready = await waitFor(
      async () => {
        const list = await owner.client.get('/api/v1/me/exports');
        return list.body.items.find((e: any) => e.id === exportId && e.status === 'ready');
      },
      { what: 'the export to be ready' },
    );
    expect(ready).toMatchObject({ progress: 100, downloadUrl: `/api/v1/me/exports/${exportId}/download` });
    expect(new Date(ready.expiresAt).getTime() - new Date(ready.readyAt).getTime()).toBe(72 * 3_600_000);
    expect(fs.existsSync(path.join(h.dataDir, 'media', 'exports', `${exportId}.zip`))).toBe(true);
  });

  it('lets only its owner download it', async () => {
    const other = await signUp(h.url);
    expect((await other.client.get(`/api/v1/me/exports/${exportId}/download`)).status).toBe(404);
    expect((await other.client.get('/api/v1/me/exports')).body.items).toEqual([]);

    const res = await fetch(new URL(`/api/v1/me/exports/${exportId}/download`, h.url), {
      headers: { origin: h.url, cookie: [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="herald-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    zip = Buffer.from(await res.arrayBuffer());
    files = readZip(zip);
    const [row] = await db().select().from(dataExports).where(eq(dataExports.id, exportId));
    expect(row!.downloadedAt).not.toBeNull();
    expect(row!.size).toBe(zip.length);
  });

  it('holds every kind of data, each in its file', () => {
    const names = [...files.keys()];
    expect(names).toEqual(
      expect.arrayContaining(['README.md', 'profile.json', 'workspaces.json', 'channels.json', 'posts.json', 'media.json', 'analytics.json', 'audit-log.json', 'access-log.json', 'notifications.json']),
    );
    const profile = read('profile.json');
    expect(profile.user).toMatchObject({ id: owner.id, email: owner.email, name: 'Export Owner', twoFactorEnabled: false });
    expect(profile.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(profile)).not.toMatch(/password|token|secret/i);

    expect(read('workspaces.json')).toEqual([expect.objectContaining({ id: workspaceId, name: 'Exported', role: 'owner', mediaLibraryEnabled: true })]);

    const exportedChannels = read('channels.json');
    expect(exportedChannels).toEqual([expect.objectContaining({ id: channelId, network: 'mastodon', connectedByMe: true })]);
    expect(Object.keys(exportedChannels[0]).filter((k) => /token|sealed/i.test(k))).toEqual([]);

    const posts = read('posts.json');
    expect(posts.map((p: any) => p.id).sort()).toEqual([publishedPostId, draftPostId].sort());
    const published = posts.find((p: any) => p.id === publishedPostId);
    expect(published.deliveries[0]).toMatchObject({ channelId, state: 'published' });
    expect(published.deliveries[0].attempts[0]).toMatchObject({ kind: 'publish', outcome: 'published' });

    const mediaFacts = read('media.json');
    expect(mediaFacts).toEqual([
      expect.objectContaining({ id: mediaId, mimeType: 'image/png', width: 16, height: 12, file: `media/${mediaId}-holiday_photo.png`, name: 'Holiday', altText: 'A blue card', tags: ['summer'], editedFrom: null, usedInPosts: [draftPostId] }),
    ]);
    expect(files.get(mediaFacts[0].file)!.equals(image)).toBe(true);

    // Nothing was published in this test, so no counters were read.
    expect(read('analytics.json')).toEqual([]);
    const audit = read('audit-log.json');
    expect(audit.map((a: any) => a.action)).toEqual(expect.arrayContaining(['workspace.created', 'privacy.export_requested']));
    const access = read('access-log.json');
    expect(access.length).toBeGreaterThan(0);
    expect(access.every((r: any) => !('userId' in r))).toBe(true);
    expect(Array.isArray(read('notifications.json'))).toBe(true);
    const readme = files.get('README.md')!.toString('utf8');
    for (const name of ['profile.json', 'channels.json', 'posts.json', 'media/', 'audit-log.json', 'access-log.json', 'notifications.json', 'analytics.json']) expect(readme).toContain(name);
  });

  it('never contains a token or a sealed value', async () => {
    const issued = mastodon.tokens().map((t) => t.token);
    expect(issued.length).toBeGreaterThan(0);
    const [channel] = await db().select().from(channels).where(eq(channels.id, channelId));
    const sealed = [channel!.accessTokenSealed, channel!.refreshTokenSealed].filter((v): v is string => !!v);
    expect(sealed.length).toBeGreaterThan(0);
    const session = owner.client.jar.get('herald.session_token')?.split('.')[0];
    const everything = Buffer.concat([...files.values()]).toString('latin1') + zip.toString('latin1');
    for (const secret of [...issued, ...sealed, ...(session ? [decodeURIComponent(session)] : [])]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/_sealed|accessTokenSealed/);
  });

  it('is readable by unzip, when installed', () => {
    let unzip: string;
    try {
      unzip = execFileSync('which', ['unzip']).toString().trim();
    } catch {
      return; // no unzip here: readZip above has already read the archive
    }
    const file = path.join(os.tmpdir(), `herald-export-${exportId}.zip`);
    fs.writeFileSync(file, zip);
    try {
      execFileSync(unzip, ['-t', file]);
      const listing = execFileSync(unzip, ['-l', file]).toString();
      expect(listing).toContain('profile.json');
      expect(listing).toContain(`media/${mediaId}-holiday_photo.png`);
      expect(execFileSync(unzip, ['-p', file, `media/${mediaId}-holiday_photo.png`]).equals(image)).toBe(true);
      expect(JSON.parse(execFileSync(unzip, ['-p', file, 'workspaces.json']).toString())[0].id).toBe(workspaceId);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('expires after the retention: 410 and the file is gone', async () => {
    const storage = createDiskStorage(path.join(h.dataDir, 'media'));
    expect(await purgeExpiredExports(db(), storage, { now: new Date(Date.now() + 71 * 3_600_000) })).toBe(0);
    expect(await purgeExpiredExports(db(), storage, { now: new Date(Date.now() + 73 * 3_600_000) })).toBe(1);
    expect(fs.existsSync(path.join(h.dataDir, 'media', 'exports', `${exportId}.zip`))).toBe(false);
    const res = await owner.client.get(`/api/v1/me/exports/${exportId}/download`);
    expect(res).toMatchObject({ status: 410, body: { error: { code: 'privacy.export_expired' } } });
    const list = await owner.client.get('/api/v1/me/exports');
    expect(list.body.items.find((e: any) => e.id === exportId)).toMatchObject({ status: 'expired', downloadUrl: null });
  });

  it('writes the README in the language the person chose, with the files under their own names', async () => {
    const french = await signUp(h.url, { name: 'Exportatrice' });
    expect((await french.client.put('/api/v1/me/language', { language: 'fr' })).status).toBe(200);
    const id = (await french.client.post('/api/v1/me/exports')).body.id;
    await waitFor(async () => (await french.client.get('/api/v1/me/exports')).body.items.find((e: any) => e.id === id && e.status === 'ready'), { what: 'the French export' });
    const res = await fetch(new URL(`/api/v1/me/exports/${id}/download`, h.url), {
      headers: { origin: h.url, cookie: [...french.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const readme = readZip(Buffer.from(await res.arrayBuffer())).get('README.md')!.toString('utf8');
    expect(readme).toMatch(/^# Vos données Herald\n/);
    expect(readme).toContain('Le lien\nde téléchargement était valable 72\u00a0heures');
    expect(readme).toContain('| Fichier | Contenu |');
    expect(readme).toContain('| `media.json` et `media/` | Les fichiers que vous avez importés');
    for (const name of ['profile.json', 'channels.json', 'posts.json', 'audit-log.json', 'access-log.json', 'notifications.json', 'analytics.json']) expect(readme).toContain(`| \`${name}\` |`);
    expect(readme).not.toContain('What it holds');
    // The owner follows their browser: English, as before.
    expect(readme).not.toBe(files.get('README.md')!.toString('utf8'));
    expect(files.get('README.md')!.toString('utf8')).toMatch(/^# Your data from Herald\n[\s\S]*\| `media.json` and `media\/` \|/);
  });

  it('writes the audit rows', async () => {
    const rows = await db().select().from(auditLog).where(eq(auditLog.entityId, exportId));
    const byAction = new Map(rows.map((r) => [r.action, r]));
    expect([...byAction.keys()].sort()).toEqual(['privacy.export_downloaded', 'privacy.export_expired', 'privacy.export_ready', 'privacy.export_requested']);
    expect(byAction.get('privacy.export_requested')).toMatchObject({ actorUserId: owner.id, entityType: 'data_export', userAgent: 'herald-tests' });
    expect(byAction.get('privacy.export_downloaded')).toMatchObject({ actorUserId: owner.id });
    expect(byAction.get('privacy.export_ready')!.changes).toMatchObject({ userId: owner.id });
  });
});
