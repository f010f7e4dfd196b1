import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channels, deliveries, media, postGroups, type PostContent } from '../../src/server/db/schema/index.ts';
import { loadMediaFacts, purgePublishedMedia } from '../../src/server/modules/media/media.service.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import { signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { buildPdf } from '../helpers/pdf.ts';

const MB = 1024 * 1024;

describe('media library', () => {
  let h: TestHerald;
  let workspaceId: string;
  let owner: TeamMember;
  let viewer: TeamMember;
  let png: Buffer;

  beforeAll(async () => {
    h = await startTestHerald({ env: { HERALD_MEDIA_MAX_UPLOAD_MB: '2' } });
    const team = await createTeam(h.url, 'Media');
    workspaceId = team.workspaceId;
    owner = team.members.owner;
    viewer = team.members.viewer;
    png = await sharp({ create: { width: 64, height: 48, channels: 4, background: '#3366ff' } }).png().toBuffer();
  }, 60_000);
  afterAll(async () => h?.close());

  const db = () => h.herald.database.db;
  const storage = () => createDiskStorage(path.join(h.dataDir, 'media'));
  const base = () => `/api/v1/workspaces/${workspaceId}/media`;

  /** What a browser sends along: the session cookie and its own origin. */
  const browserHeaders = (client: Client): Record<string, string> => ({
    origin: h.url,
    cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; '),
  });

  async function upload(client: Client, file: { bytes: Buffer; name: string; type?: string }, fields: Record<string, string> = {}, url = base()) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const res = await fetch(new URL(url, h.url), { method: 'POST', headers: browserHeaders(client), body: form });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  async function tus(client: Client, method: string, url: string, headers: Record<string, string> = {}, body?: Buffer) {
    const res = await fetch(new URL(url, h.url), { method, headers: { ...browserHeaders(client), 'tus-resumable': '1.0.0', ...headers }, body: body && new Uint8Array(body) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  it('uploads a PNG: probed size, served back byte for byte with its type', async () => {
    const res = await upload(owner.client, { bytes: png, name: 'blue.png', type: 'image/png' }, { altText: 'A blue square' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'image', mimeType: 'image/png', fileName: 'blue.png', size: png.length, width: 64, height: 48, status: 'ready', altText: 'A blue square' });
    expect(res.body.url).toBe(`${base()}/${res.body.id}/file`);

    const file = await fetch(new URL(res.body.url, h.url), { headers: browserHeaders(viewer.client) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);

    const part = await fetch(new URL(res.body.url, h.url), { headers: { ...browserHeaders(owner.client), range: 'bytes=8-23' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 8-23/${png.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(png.subarray(8, 24))).toBe(true);
    const head = await fetch(new URL(res.body.url, h.url), { method: 'HEAD', headers: browserHeaders(owner.client) });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(png.length));
    const beyond = await fetch(new URL(res.body.url, h.url), { headers: { ...browserHeaders(owner.client), range: `bytes=${png.length}-` } });
    expect(beyond.status).toBe(416);

    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, 'media.uploaded')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(owner.id);
  });

  it('detects the type from the content, not the name', async () => {
    const res = await upload(owner.client, { bytes: png, name: 'holiday.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body.mimeType).toBe('image/png');
    const file = await fetch(new URL(res.body.url, h.url), { headers: browserHeaders(owner.client) });
    expect(file.headers.get('content-type')).toBe('image/png');
  });

  it('refuses what is not an image or a video, saying what it is', async () => {
    const res = await upload(owner.client, { bytes: Buffer.from('just some words\n'), name: 'notes.png', type: 'image/png' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'media.unsupported_type', details: { field: 'file', found: 'text' } });
    expect(fs.readdirSync(path.join(h.dataDir, 'media', '.incoming'))).toEqual([]);
  });

  it('answers 400 with the field for bad multipart input, never 500', async () => {
    const noFile = await owner.client.post(base(), { name: 'x' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.code).toBe('media.multipart_required');
    const form = new FormData();
    form.append('altText', 'alone');
    const missing = await fetch(new URL(base(), h.url), { method: 'POST', headers: browserHeaders(owner.client), body: form });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'media.file_required', details: { field: 'file' } });
    const other = await upload(owner.client, { bytes: png, name: 'a.png' }, { caption: 'nope' });
    expect(other.status).toBe(400);
    expect(other.body.error.details.field).toBe('caption');
    const tooLong = await upload(owner.client, { bytes: png, name: 'a.png' }, { altText: 'x'.repeat(1501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.field).toBe('altText');
    const broken = await fetch(new URL(base(), h.url), {
      method: 'POST',
      headers: { ...browserHeaders(owner.client), 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    });
    expect(broken.status).toBe(400);
    const oversize = await upload(owner.client, { bytes: Buffer.alloc(2 * MB + 1, 1), name: 'big.png' });
    expect(oversize.status).toBe(413);
    expect(oversize.body.error.code).toBe('media.too_large');
    const badPage = await owner.client.get(`${base()}?limit=0`);
    expect(badPage.status).toBe(400);
    const badCursor = await owner.client.get(`${base()}?cursor=nonsense`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'querystring.cursor' }] } });
  });

  it('takes a video in resumable chunks, with progress in between, and probes it', async () => {
    const video = buildMp4({ durationSeconds: 12, width: 1080, height: 1920, frameRate: 30, codec: 'hvc1', totalBytes: 1.5 * MB });
    const created = await tus(owner.client, 'POST', `${base()}/uploads`, {
      'upload-length': String(video.length),
      'upload-metadata': `filename ${Buffer.from('clip.mp4').toString('base64')}`,
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/api/v1/workspaces/${workspaceId}/media/uploads/[0-9a-f-]{36}$`));
    const uploadId = location.split('/').at(-1)!;

    const chunk = 512 * 1024;
    let mediaId: string | null = null;
    for (let offset = 0; offset < video.length; offset += chunk) {
      const head = await tus(owner.client, 'HEAD', location);
      expect(head.status).toBe(200);
      expect(Number(head.headers.get('upload-offset'))).toBe(offset);
      expect(Number(head.headers.get('upload-length'))).toBe(video.length);
      const patch = await tus(owner.client, 'PATCH', location, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, video.subarray(offset, offset + chunk));
      expect(patch.status).toBe(204);
      expect(Number(patch.headers.get('upload-offset'))).toBe(Math.min(offset + chunk, video.length));
      mediaId = patch.headers.get('herald-media-id');
      if (offset + chunk < video.length) {
        expect(mediaId).toBeNull();
        const pending = await owner.client.get(`${base()}/uploads/${uploadId}/result`);
        expect(pending.status).toBe(409);
        expect(pending.body.error).toMatchObject({ code: 'media.upload_incomplete', details: { offset: offset + chunk, size: video.length } });
      }
    }
    expect(mediaId).toBe(uploadId);

    const result = await owner.client.get(`${base()}/uploads/${uploadId}/result`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      id: uploadId,
      kind: 'video',
      mimeType: 'video/mp4',
      fileName: 'clip.mp4',
      size: video.length,
      width: 1080,
      height: 1920,
      durationSeconds: 12,
      videoCodec: 'hvc1',
      frameRate: 30,
    });
    const file = await fetch(new URL(result.body.url, h.url), { headers: { ...browserHeaders(owner.client), range: 'bytes=0-99' } });
    expect(file.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await file.arrayBuffer()).equals(video.subarray(0, 100))).toBe(true);
    // The temp copy is gone: the bytes live in storage only.
    expect(fs.existsSync(path.join(h.dataDir, 'media', '.tus', uploadId))).toBe(false);
    expect(fs.statSync(path.join(h.dataDir, 'media', workspaceId, uploadId)).size).toBe(video.length);

    const facts = await loadMediaFacts(db(), workspaceId, [uploadId, 'unknown']);
    expect([...facts.keys()]).toEqual([uploadId]);
    expect(facts.get(uploadId)).toMatchObject({ kind: 'video', durationSeconds: 12, frameRate: 30, size: video.length });
  });

  it('refuses a resumable upload that is not an image, a video or a PDF, and keeps the reason for the client', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a video at all')]);
    const created = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': String(bytes.length) });
    const location = created.headers.get('location')!;
    const patch = await tus(owner.client, 'PATCH', location, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, bytes);
    expect(patch.status).toBe(400);
    expect(JSON.parse(patch.text).error.code).toBe('media.unsupported_type');
    const result = await owner.client.get(`${base()}/uploads/${location.split('/').at(-1)}/result`);
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 'media.unsupported_type', details: { found: 'a ZIP archive (or an Office document)' } });
  });

  it('takes a PDF as a document with its page count, on both upload paths', async () => {
    const small = await upload(owner.client, { bytes: buildPdf({ pages: 7 }), name: 'deck.pdf', type: 'application/pdf' });
    expect(small.status).toBe(201);
    expect(small.body).toMatchObject({ kind: 'document', mimeType: 'application/pdf', pageCount: 7, fileName: 'deck.pdf' });
    const bytes = buildPdf({ pages: 25, objectStreams: true });
    const created = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': String(bytes.length) });
    const location = created.headers.get('location')!;
    const patch = await tus(owner.client, 'PATCH', location, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, bytes);
    expect(patch.status).toBe(204);
    const media = await owner.client.get(`${base()}/${patch.headers.get('herald-media-id')}`);
    expect(media.body).toMatchObject({ kind: 'document', pageCount: 25, size: bytes.length });
  });

  it('enforces the size limit in tus (413)', async () => {
    const created = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': String(2 * MB + 1) });
    expect(created.status).toBe(413);
    const options = await tus(owner.client, 'OPTIONS', `${base()}/uploads`);
    expect(options.headers.get('tus-max-size')).toBe(String(2 * MB));
  });

  const mediaRows = async () => (await db().select({ id: media.id }).from(media).where(eq(media.workspaceId, workspaceId))).length;
  const octets = { 'content-type': 'application/offset+octet-stream' };

  it('creates a resumable upload with its first bytes (creation-with-upload), and finishes one in a single POST', async () => {
    const options = await tus(owner.client, 'OPTIONS', `${base()}/uploads`);
    expect(options.headers.get('tus-extension')?.split(',')).toContain('creation-with-upload');

    const video = buildMp4({ durationSeconds: 5, width: 720, height: 1280, frameRate: 30, totalBytes: 300 * 1024 });
    const half = 100 * 1024;
    const started = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': String(video.length), ...octets }, video.subarray(0, half));
    expect(started.status).toBe(201);
    expect(started.headers.get('upload-offset')).toBe(String(half));
    const location = started.headers.get('location')!;
    const rest = await tus(owner.client, 'PATCH', location, { 'upload-offset': String(half), ...octets }, video.subarray(half));
    expect(rest.status).toBe(204);
    expect(rest.headers.get('herald-media-id')).toBe(location.split('/').at(-1));

    const before = await mediaRows();
    const whole = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': String(video.length), ...octets }, video);
    expect(whole.status).toBe(201);
    expect(whole.headers.get('upload-offset')).toBe(String(video.length));
    const mediaId = whole.headers.get('herald-media-id')!;
    expect(whole.headers.get('location')).toBe(`${base()}/uploads/${mediaId}`);
    expect(await mediaRows()).toBe(before + 1);
    const result = await owner.client.get(`${base()}/uploads/${mediaId}/result`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: mediaId, kind: 'video', width: 720, height: 1280, durationSeconds: 5, size: video.length });
    // Finished: a client whose last answer was lost learns from HEAD that every byte is here (and
    // which media they became), so it goes on to the result instead of starting over; nothing more
    // can be written to it.
    const head = await tus(owner.client, 'HEAD', whole.headers.get('location')!);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(video.length));
    expect(head.headers.get('upload-length')).toBe(String(video.length));
    expect(head.headers.get('herald-media-id')).toBe(mediaId);
    const more = await tus(owner.client, 'PATCH', whole.headers.get('location')!, { 'upload-offset': String(video.length), ...octets }, Buffer.from('x'));
    expect(more.status).toBe(404);
  });

  it('leaves no media row behind when a POST with a body is refused', async () => {
    const before = await mediaRows();
    // A PDF cut short: it starts like one but has no end-of-file marker.
    const pdf = Buffer.from('%PDF-1.7 not a whole document');
    const refused = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': String(pdf.length), ...octets }, pdf);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).error.code).toBe('media.unreadable');
    const tooMuch = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': '10', ...octets }, Buffer.alloc(100, 1));
    expect(tooMuch.status).toBeGreaterThanOrEqual(400);
    expect(tooMuch.status).toBeLessThan(500);
    expect(await mediaRows()).toBe(before);
  });

  it('refuses a malformed MP4 (mehd shorter than its version needs) with 400 on both upload paths', async () => {
    const broken = buildMp4({ durationSeconds: 3, width: 320, height: 240, frameRate: 25, mehd: Buffer.from([1, 0, 0, 0, 0, 0, 0, 5]) });
    const before = await mediaRows();
    const viaMultipart = await upload(owner.client, { bytes: broken, name: 'broken.mp4', type: 'video/mp4' });
    expect(viaMultipart.status).toBe(400);
    expect(viaMultipart.body.error).toMatchObject({ code: 'media.unreadable', details: { field: 'file', found: 'an MP4 video' } });
    expect(viaMultipart.body.error.message).toMatch(/mehd box is too short/);
    const created = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': String(broken.length) });
    const viaTus = await tus(owner.client, 'PATCH', created.headers.get('location')!, { 'upload-offset': '0', ...octets }, broken);
    expect(viaTus.status).toBe(400);
    expect(JSON.parse(viaTus.text).error.code).toBe('media.unreadable');
    expect(await mediaRows()).toBe(before);
  });

  it('lets viewers look but not upload; keeps uploads inside their workspace', async () => {
    const multipartRes = await upload(viewer.client, { bytes: png, name: 'v.png' });
    expect(multipartRes.status).toBe(403);
    expect(multipartRes.body.error.code).toBe('auth.forbidden');
    const tusRes = await tus(viewer.client, 'POST', `${base()}/uploads`, { 'upload-length': '10' });
    expect(tusRes.status).toBe(403);
    expect((await viewer.client.get(base())).status).toBe(200);

    // Someone else's workspace: its ids are unknown here.
    const stranger = await signUp(h.url);
    const otherWs = (await stranger.client.post('/api/v1/workspaces', { name: 'Elsewhere' })).body.id as string;
    const mine = (await owner.client.get(base())).body.items[0];
    const probe = await stranger.client.get(`/api/v1/workspaces/${otherWs}/media/${mine.id}`);
    expect(probe.status).toBe(404);
    expect(probe.body.error.code).toBe('media.not_found');
    expect((await stranger.client.get(`/api/v1/workspaces/${otherWs}/media/${mine.id}/file`)).status).toBe(404);
    expect((await stranger.client.delete(`/api/v1/workspaces/${otherWs}/media/${mine.id}`)).status).toBe(404);

    const created = await tus(owner.client, 'POST', `${base()}/uploads`, { 'upload-length': '100' });
    const foreign = created.headers.get('location')!.replace(workspaceId, otherWs);
    const head = await tus(stranger.client, 'HEAD', foreign);
    expect(head.status).toBe(404);
    const patch = await tus(stranger.client, 'PATCH', foreign, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, Buffer.alloc(100));
    expect(patch.status).toBe(404);
  });

  it('pages the library newest first', async () => {
    const all = (await owner.client.get(`${base()}?limit=100`)).body.items as { id: string; createdAt: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await owner.client.get(`${base()}?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((i) => i.id));
    expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((i) => i.id)).toEqual(all.map((i) => i.id));
  });

  /** A channel, a post group and one delivery using `mediaIds`, inserted directly. */
  async function insertDelivery(mediaIds: string[], state: string, groupState = 'scheduled') {
    const content: PostContent = { parts: [{ text: 'hello', media: mediaIds.map((mediaId) => ({ mediaId })) }], settings: {} };
    const channelId = crypto.randomUUID();
    await db().insert(channels).values({ id: channelId, workspaceId, network: 'mastodon', externalId: channelId });
    const groupId = crypto.randomUUID();
    await db().insert(postGroups).values({ id: groupId, workspaceId, state: groupState, content });
    const id = crypto.randomUUID();
    await db().insert(deliveries).values({ id, workspaceId, postGroupId: groupId, channelId, network: 'mastodon', state, content, idempotencyKey: id });
    return { id, groupId };
  }

  it('deletes a file (audited, bytes gone), but not while a queued post needs it', async () => {
    const res = await upload(owner.client, { bytes: png, name: 'doomed.png' });
    const id = res.body.id as string;
    const onDisk = path.join(h.dataDir, 'media', workspaceId, id);
    expect(fs.existsSync(onDisk)).toBe(true);

    const queued = await insertDelivery([id], 'queued');
    const refused = await owner.client.delete(`${base()}/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'media.in_use', details: { deliveryIds: [queued.id] } });
    expect((await viewer.client.delete(`${base()}/${id}`)).status).toBe(403);

    await db().update(deliveries).set({ state: 'failed' }).where(eq(deliveries.id, queued.id));
    const deleted = await owner.client.delete(`${base()}/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.status).toBe('deleted');
    expect(fs.existsSync(onDisk)).toBe(false);
    expect((await owner.client.get(`${base()}/${id}/file`)).status).toBe(410);
    expect((await owner.client.get(`${base()}/${id}`)).body.status).toBe('deleted');
    expect((await owner.client.get(`${base()}?limit=100`)).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'media.deleted')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(owner.id);
  });

  it('purges files whose every delivery is published, and only those', async () => {
    const store = storage();
    async function insertMedia(label: string) {
      const id = crypto.randomUUID();
      const key = `${workspaceId}/${id}`;
      const { size } = await store.put(key, Buffer.from(label));
      await db().insert(media).values({ id, workspaceId, kind: 'image', mimeType: 'image/png', fileName: `${label}.png`, size, width: 1, height: 1, storageKey: key });
      return { id, file: store.path!(key) };
    }
    const published = await insertMedia('published');
    const mixed = await insertMedia('mixed');
    const unused = await insertMedia('unused');
    const reusedInDraft = await insertMedia('draft');
    await insertDelivery([published.id, mixed.id, reusedInDraft.id], 'published', 'published');
    await insertDelivery([published.id], 'published', 'published');
    await insertDelivery([mixed.id], 'queued');
    // A draft post group mentions it, with no deliveries yet.
    await db().insert(postGroups).values({ id: crypto.randomUUID(), workspaceId, state: 'draft', content: { parts: [{ text: '', media: [{ mediaId: reusedInDraft.id }] }], settings: {} } });

    expect(await purgePublishedMedia(db(), store, { deleteAfterPublish: false })).toBe(0);
    expect(fs.existsSync(published.file)).toBe(true);

    const now = new Date('2030-01-02T03:04:05Z');
    expect(await purgePublishedMedia(db(), store, { deleteAfterPublish: true, now })).toBe(1);
    const rows = new Map((await db().select().from(media).where(eq(media.workspaceId, workspaceId))).map((r) => [r.id, r]));
    expect(rows.get(published.id)).toMatchObject({ status: 'deleted', deletedAt: now });
    expect(fs.existsSync(published.file)).toBe(false);
    for (const kept of [mixed, unused, reusedInDraft]) {
      expect(rows.get(kept.id)!.status).toBe('ready');
      expect(fs.existsSync(kept.file)).toBe(true);
    }
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'media.purged'));
    expect(audits.map((a) => a.entityId)).toEqual([published.id]);
    expect(audits[0]!.workspaceId).toBe(workspaceId);
    // Nothing left to do: a second run purges nothing.
    expect(await purgePublishedMedia(db(), store, { deleteAfterPublish: true, now })).toBe(0);
  });

  it('logged no server error along the way', async () => {
    const errors = h.logs.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });
});
