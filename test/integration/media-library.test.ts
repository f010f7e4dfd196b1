import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channels, deliveries, media, postGroups, type PostContent } from '../../src/server/db/schema/index.ts';
import { purgePublishedMedia } from '../../src/server/modules/media/media.service.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import { startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { buildMp4 } from '../helpers/mp4.ts';

type Item = { id: string; name: string | null; fileName: string | null; altText: string | null; tags: string[]; size: number; kind: string; width: number; height: number; usedBy: number; thumbnailUrl: string | null; url: string; sourceMediaId: string | null; mimeType: string };

describe('media library (ADR 0033)', () => {
  let h: TestHerald;
  let workspaceId: string;
  let owner: TeamMember;
  let admin: TeamMember;
  let editor: TeamMember;
  let viewer: TeamMember;

  beforeAll(async () => {
    h = await startTestHerald();
    const team = await createTeam(h.url, 'Library');
    workspaceId = team.workspaceId;
    ({ owner, admin, editor, viewer } = team.members);
  });
  afterAll(async () => h?.close());

  const db = () => h.herald.database.db;
  const storage = () => createDiskStorage(path.join(h.dataDir, 'media'));
  const base = () => `/api/v1/workspaces/${workspaceId}/media`;
  const browserHeaders = (client: Client): Record<string, string> => ({ origin: h.url, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') });

  const image = (width: number, height: number, format: 'png' | 'jpeg' = 'png', background = '#3366ff') =>
    sharp({ create: { width, height, channels: 3, background } })[format]().toBuffer();

  async function upload(client: Client, bytes: Buffer, name: string, fields: Record<string, string> = {}): Promise<{ status: number; body: Item }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(new URL(base(), h.url), { method: 'POST', headers: browserHeaders(client), body: form });
    return { status: res.status, body: await res.json() };
  }

  async function fetchBytes(client: Client, url: string) {
    const res = await fetch(new URL(url, h.url), { headers: browserHeaders(client) });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** A channel, a post group and one delivery using `mediaIds`, inserted directly. */
  async function insertDelivery(mediaIds: string[], state: string, groupState = 'scheduled') {
    const content: PostContent = { parts: [{ text: `post with ${mediaIds.length} files`, media: mediaIds.map((mediaId) => ({ mediaId })) }], settings: {} };
    const channelId = crypto.randomUUID();
    await db().insert(channels).values({ id: channelId, workspaceId, network: 'mastodon', externalId: channelId });
    const groupId = crypto.randomUUID();
    await db().insert(postGroups).values({ id: groupId, workspaceId, state: groupState, content });
    const id = crypto.randomUUID();
    await db().insert(deliveries).values({ id, workspaceId, postGroupId: groupId, channelId, network: 'mastodon', state, content, idempotencyKey: id });
    return { id, groupId };
  }

  const onDisk = (id: string) => path.join(h.dataDir, 'media', workspaceId, id);
  const purge = (now = new Date()) => purgePublishedMedia(db(), storage(), { deleteAfterPublish: true, now });

  it('is off by default; only owners and admins turn it on, audited', async () => {
    expect((await viewer.client.get(`/api/v1/workspaces/${workspaceId}/media-library`)).body).toEqual({ enabled: false });
    for (const member of [editor, viewer]) {
      const refused = await member.client.put(`/api/v1/workspaces/${workspaceId}/media-library`, { enabled: true });
      expect(refused.status).toBe(403);
    }
    const bad = await admin.client.put(`/api/v1/workspaces/${workspaceId}/media-library`, { enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('enabled');
    expect((await admin.client.put(`/api/v1/workspaces/${workspaceId}/media-library`, { enabled: true })).body).toEqual({ enabled: true });
    expect((await owner.client.put(`/api/v1/workspaces/${workspaceId}/media-library`, { enabled: false })).body).toEqual({ enabled: false });
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, 'workspace.media_library_changed')));
    expect(audits.map((a) => a.changes)).toEqual([{ mediaLibraryEnabled: { from: false, to: true } }, { mediaLibraryEnabled: { from: true, to: false } }]);
  });

  it('keeps published media while the library is on, and deletes it after publishing once it is off', async () => {
    const kept = (await upload(owner.client, await image(40, 30), 'kept.png')).body;
    await insertDelivery([kept.id], 'published', 'published');

    // Off (the default promise): deleted once published.
    const off = (await upload(owner.client, await image(40, 30), 'gone.png')).body;
    await insertDelivery([off.id], 'published', 'published');
    await owner.client.put(`/api/v1/workspaces/${workspaceId}/media-library`, { enabled: true });
    // The other file was published while the library was off, but the purge runs now: the setting
    // as it is when the purge runs decides, for every file of the workspace.
    expect(await purge()).toBe(0);
    expect(fs.existsSync(onDisk(kept.id))).toBe(true);
    expect(fs.existsSync(onDisk(off.id))).toBe(true);

    // Another workspace without the library is not affected by this one's choice.
    const other = await createTeam(h.url, 'No library');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await image(10, 10))]), 'x.png');
    const otherUpload = await (await fetch(new URL(`/api/v1/workspaces/${other.workspaceId}/media`, h.url), { method: 'POST', headers: browserHeaders(other.members.owner.client), body: form })).json();
    const content: PostContent = { parts: [{ text: 'x', media: [{ mediaId: otherUpload.id }] }], settings: {} };
    const channelId = crypto.randomUUID();
    await db().insert(channels).values({ id: channelId, workspaceId: other.workspaceId, network: 'mastodon', externalId: channelId });
    const groupId = crypto.randomUUID();
    await db().insert(postGroups).values({ id: groupId, workspaceId: other.workspaceId, state: 'published', content });
    await db().insert(deliveries).values({ id: crypto.randomUUID(), workspaceId: other.workspaceId, postGroupId: groupId, channelId, network: 'mastodon', state: 'published', content, idempotencyKey: crypto.randomUUID() });
    expect(await purge()).toBe(1);
    const [otherRow] = await db().select().from(media).where(eq(media.id, otherUpload.id));
    expect(otherRow!.status).toBe('deleted');

    // Off again: the usual rule applies to what was kept, at the next purge.
    await owner.client.put(`/api/v1/workspaces/${workspaceId}/media-library`, { enabled: false });
    expect(await purge()).toBe(2);
    for (const id of [kept.id, off.id]) {
      expect(fs.existsSync(onDisk(id))).toBe(false);
      expect(fs.existsSync(`${onDisk(id)}.thumb.webp`)).toBe(false);
    }
  });

  it('makes a WebP preview of an image at upload, and stores the name and alt text', async () => {
    const res = await upload(owner.client, await image(1200, 600, 'jpeg'), 'beach.jpg', { altText: 'Waves on a beach' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ altText: 'Waves on a beach', name: null, tags: [], thumbnailUrl: `${base()}/${res.body.id}/thumbnail` });
    const thumb = await fetchBytes(viewer.client, res.body.thumbnailUrl!);
    expect(thumb.status).toBe(200);
    expect(thumb.type).toBe('image/webp');
    const meta = await sharp(thumb.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 160]);
  });

  it('takes a video’s poster frame from the browser, as an image only', async () => {
    const mp4 = buildMp4({ width: 640, height: 360, durationSeconds: 3, frameRate: 30 });
    const video = (await upload(owner.client, mp4, 'clip.mp4')).body;
    expect(video.kind).toBe('video');
    expect(video.thumbnailUrl).toBeNull();
    expect((await owner.client.get(`${base()}/${video.id}/thumbnail`)).body.error.code).toBe('media.no_thumbnail');

    const put = (client: Client, body: Buffer | string, type: string, id = video.id) =>
      fetch(new URL(`${base()}/${id}/thumbnail`, h.url), { method: 'PUT', headers: { ...browserHeaders(client), 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    expect((await put(viewer.client, await image(64, 36, 'jpeg'), 'image/jpeg')).status).toBe(403);
    const garbage = await put(owner.client, Buffer.from('not a picture at all'), 'image/jpeg');
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error.code).toBe('media.poster_unreadable');
    expect([400, 415]).toContain((await put(owner.client, 'x', 'text/plain')).status);
    const photo = (await upload(owner.client, await image(20, 20), 'p.png')).body;
    expect((await (await put(owner.client, await image(20, 20), 'image/png', photo.id)).json()).error.code).toBe('media.poster_for_video_only');

    const ok = await put(owner.client, await image(1280, 720, 'jpeg'), 'image/jpeg');
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Item;
    expect(body.thumbnailUrl).toBe(`${base()}/${video.id}/thumbnail`);
    const meta = await sharp((await fetchBytes(owner.client, body.thumbnailUrl!)).bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 180]);
  });

  it('names, describes and tags files; validates the fields', async () => {
    const file = (await upload(owner.client, await image(50, 50), 'IMG_0001.png')).body;
    const res = await editor.client.patch(`${base()}/${file.id}`, { name: 'Summer sale banner', altText: 'Red banner saying SALE', tags: [' Summer ', 'banner', 'summer'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Summer sale banner', altText: 'Red banner saying SALE', tags: ['banner', 'summer'] });
    expect((await viewer.client.patch(`${base()}/${file.id}`, { name: 'x' })).status).toBe(403);
    const badTag = await editor.client.patch(`${base()}/${file.id}`, { tags: ['a,b'] });
    expect(badTag.status).toBe(400);
    expect(JSON.stringify(badTag.body.error)).toContain('tags');
    const unknownField = await editor.client.patch(`${base()}/${file.id}`, { colour: 'red' });
    expect(unknownField.status).toBe(400);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, file.id), eq(auditLog.action, 'media.updated')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.changes).toMatchObject({ name: { from: null, to: 'Summer sale banner' }, tags: { from: [], to: ['banner', 'summer'] } });
    const tags = await viewer.client.get(`${base()}/tags`);
    expect(tags.body.items).toEqual(expect.arrayContaining([{ tag: 'summer', count: 1 }, { tag: 'banner', count: 1 }]));
  });

  it('searches the name, file name and alt text, and filters by type, size and tag', async () => {
    const a = (await upload(owner.client, await image(30, 30), 'red-shirt.png', { altText: 'A linen shirt on a rail' })).body;
    const b = (await upload(owner.client, await image(600, 600, 'jpeg', '#aa2222'), 'team.jpg')).body;
    await owner.client.patch(`${base()}/${b.id}`, { name: 'Team offsite 100%', tags: ['people'] });
    const ids = async (query: string) => ((await viewer.client.get(`${base()}?limit=100&${query}`)).body.items as Item[]).map((i) => i.id);

    expect(await ids('q=LINEN')).toEqual([a.id]);
    expect(await ids('q=red-shirt')).toEqual([a.id]);
    expect(await ids('q=offsite')).toEqual([b.id]);
    expect(await ids('q=team%20offsite')).toEqual([b.id]);
    // % and _ are literal characters, not wildcards.
    expect(await ids(`q=${encodeURIComponent('100%')}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([b.id]);
    expect(await ids('tag=PEOPLE')).toEqual([b.id]);
    expect(await ids('kind=video')).not.toContain(a.id);
    expect((await ids('kind=image')).includes(a.id)).toBe(true);
    expect(await ids(`minSize=${b.size}&maxSize=${b.size}`)).toContain(b.id);
    expect(await ids(`maxSize=${b.size - 1}`)).not.toContain(b.id);

    for (const bad of ['kind=gif', 'minSize=-1', 'minSize=abc', 'minSize=10&maxSize=5', 'limit=1000', `q=${'x'.repeat(201)}`]) {
      const res = await viewer.client.get(`${base()}?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    // Filters and pages together: every match once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Item[]; nextCursor: string | null } } = await viewer.client.get(`${base()}?kind=image&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(await ids('kind=image'));
  });

  it('says which posts use a file', async () => {
    const file = (await upload(owner.client, await image(30, 30), 'used.png')).body;
    const first = await insertDelivery([file.id], 'published', 'published');
    const second = await insertDelivery([file.id], 'queued');
    const draftId = crypto.randomUUID();
    await db().insert(postGroups).values({ id: draftId, workspaceId, state: 'draft', content: { parts: [{ text: 'a draft', media: [{ mediaId: file.id }] }], settings: {} } });

    const usage = await viewer.client.get(`${base()}/${file.id}/usage`);
    expect(usage.status).toBe(200);
    expect(new Set(usage.body.items.map((u: { postId: string }) => u.postId))).toEqual(new Set([first.groupId, second.groupId, draftId]));
    expect(usage.body.items.find((u: { postId: string }) => u.postId === second.groupId)).toMatchObject({ state: 'scheduled', deliveryStates: ['queued'] });
    const listed = ((await viewer.client.get(`${base()}?q=used.png`)).body.items as Item[])[0]!;
    expect(listed.usedBy).toBe(3);
    expect((await viewer.client.get(`${base()}/nope/usage`)).status).toBe(404);
  });

  it('deletes many files at once, leaving those a queued post needs', async () => {
    const free = (await upload(owner.client, await image(30, 30), 'free.png')).body;
    const needed = (await upload(owner.client, await image(30, 30), 'needed.png')).body;
    const queued = await insertDelivery([needed.id], 'queued');
    expect((await viewer.client.post(`${base()}/bulk-delete`, { ids: [free.id] })).status).toBe(403);
    expect((await editor.client.post(`${base()}/bulk-delete`, { ids: [] })).status).toBe(400);

    const res = await editor.client.post(`${base()}/bulk-delete`, { ids: [free.id, needed.id, 'unknown-id', free.id] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: [free.id], inUse: [{ id: needed.id, deliveryIds: [queued.id] }], notFound: ['unknown-id'] });
    expect(fs.existsSync(onDisk(free.id))).toBe(false);
    expect(fs.existsSync(`${onDisk(free.id)}.thumb.webp`)).toBe(false);
    expect(fs.existsSync(onDisk(needed.id))).toBe(true);
    expect((await owner.client.get(`${base()}/${free.id}/thumbnail`)).status).toBe(410);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, free.id), eq(auditLog.action, 'media.deleted')));
    expect(audits[0]!.actorUserId).toBe(editor.id);
  });

  describe('image editor', () => {
    const edit = (client: Client, id: string, body: unknown) => client.post(`${base()}/${id}/edits`, body);

    it('crops to a square in pixels into a new file, keeping the original, the format, the alt text and tags', async () => {
      const source = (await upload(owner.client, await image(800, 600, 'jpeg'), 'wide.jpg', { altText: 'Wide' })).body;
      await owner.client.patch(`${base()}/${source.id}`, { name: 'Wide photo', tags: ['campaign'] });
      const res = await edit(editor.client, source.id, { crop: { left: 100, top: 0, width: 600, height: 600 } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', width: 600, height: 600, altText: 'Wide', tags: ['campaign'], name: 'Wide photo (edited)', sourceMediaId: source.id, fileName: 'wide-edited.jpg' });
      expect(res.body.id).not.toBe(source.id);
      const bytes = await fetchBytes(owner.client, res.body.url);
      const meta = await sharp(bytes.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 600, 600]);
      expect((await owner.client.get(`${base()}/${source.id}`)).body).toMatchObject({ width: 800, height: 600, status: 'ready' });
      const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, 'media.uploaded')));
      expect(audits[0]!.changes).toMatchObject({ editedFrom: source.id });
    });

    it('rotates first, then crops in fractions of the rotated image, then scales down', async () => {
      // Left half red, right half blue: after a quarter turn clockwise, red is on top.
      const left = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#ff0000' } })
        .composite([{ input: await image(100, 100, 'png', '#0000ff'), left: 100, top: 0 }])
        .png()
        .toBuffer();
      const source = (await upload(owner.client, left, 'halves.png')).body;
      const res = await edit(owner.client, source.id, { rotate: 90, crop: { left: 0, top: 0, width: 1, height: 0.5, unit: 'fraction' }, maxWidth: 50 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mimeType: 'image/png', width: 50, height: 50 });
      const { data, info } = await sharp((await fetchBytes(owner.client, res.body.url)).bytes).raw().toBuffer({ resolveWithObject: true });
      const centre = (info.height / 2) * info.width * info.channels + (info.width / 2) * info.channels;
      expect([data[centre], data[centre + 2]]).toEqual([255, 0]);

      const rotated = await edit(owner.client, source.id, { rotate: 270 });
      expect(rotated.body).toMatchObject({ width: 100, height: 200 });
      // maxWidth never enlarges.
      expect((await edit(owner.client, source.id, { maxWidth: 4000 })).body).toMatchObject({ width: 200, height: 100 });
    });

    it('refuses bad edits with 4xx naming the field', async () => {
      const source = (await upload(owner.client, await image(100, 80), 'small.png')).body;
      const cases: [unknown, number, string][] = [
        [{}, 400, 'media.edit_empty'],
        [{ rotate: 45 }, 400, 'validation_failed'],
        [{ crop: { left: 0, top: 0, width: 101, height: 80 } }, 400, 'media.crop_out_of_bounds'],
        [{ crop: { left: 50, top: 50, width: 60, height: 40 } }, 400, 'media.crop_out_of_bounds'],
        [{ crop: { left: 0, top: 0, width: 1.5, height: 1, unit: 'fraction' } }, 400, 'media.crop_out_of_bounds'],
        [{ crop: { left: 0, top: 0, width: 0, height: 10 } }, 400, 'validation_failed'],
        [{ crop: { left: 0, top: 0, width: 0.001, height: 0.001, unit: 'fraction' } }, 400, 'media.crop_empty'],
        [{ crop: { left: -1, top: 0, width: 10, height: 10 } }, 400, 'validation_failed'],
        [{ maxWidth: 10 }, 400, 'validation_failed'],
        [{ maxWidth: 100.5 }, 400, 'validation_failed'],
        [{ flip: true }, 400, 'validation_failed'],
      ];
      for (const [body, status, code] of cases) {
        const res = await edit(owner.client, source.id, body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.error.code, JSON.stringify(body)).toBe(code);
      }
      // Rotated a quarter turn the image is 80 wide: a crop made for the unrotated one is refused.
      const turned = await edit(owner.client, source.id, { rotate: 90, crop: { left: 0, top: 0, width: 100, height: 80 } });
      expect(turned.body.error).toMatchObject({ code: 'media.crop_out_of_bounds', details: { field: 'crop', width: 80, height: 100 } });

      const video = (await upload(owner.client, buildMp4({ width: 320, height: 240, durationSeconds: 1, frameRate: 30 }), 'v.mp4')).body;
      expect((await edit(owner.client, video.id, { rotate: 90 })).body.error.code).toBe('media.not_an_image');
      expect((await edit(viewer.client, source.id, { rotate: 90 })).status).toBe(403);
      expect((await edit(owner.client, 'missing', { rotate: 90 })).status).toBe(404);
      await owner.client.delete(`${base()}/${source.id}`);
      expect((await edit(owner.client, source.id, { rotate: 90 })).status).toBe(410);
    });
  });

  it('logged no server error along the way', async () => {
    const errors = h.logs.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });
});
