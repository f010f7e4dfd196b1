import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config/config.ts';
import { moveToPostgres } from '../../src/server/operations/move-to-postgres.ts';
import { openS3MediaTarget } from '../../src/server/operations/s3-media-target.ts';
import { connectMastodon, fastEngineEnv, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { runHeraldCli } from '../helpers/herald-cli.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { tusUpload } from '../helpers/tus-upload.ts';
import { createClient, signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { startTestS3, type TestS3 } from '../s3/test-s3.ts';

// Child processes, two databases and an S3 server on a loaded machine: minutes, not seconds.
const SLOW = 400_000;
const MB = 1024 * 1024;
const base = process.env.TEST_DATABASE_URL;
const engineEnv = { ...fastEngineEnv, HERALD_NETWORK_TIMEOUT_SECONDS: '15' };

const cookieOf = (client: Client) => [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ');

// `herald move-to-postgres --media-to-s3`: an embedded instance with its media (a multipart upload,
// a finished resumable upload, and one left unfinished) ends up on PostgreSQL and S3, and a Herald
// started there with nothing of the old data folder but its keys finds every post and every file.
describe.skipIf(!base)('herald move-to-postgres --media-to-s3 (PGlite and disk → PostgreSQL and S3)', () => {
  let dataDir: string;
  // The scaled instance's own folder: the media must come from the bucket, not from here.
  let scaledDir: string;
  const targetName = `herald_move_s3_${crypto.randomBytes(5).toString('hex')}`;
  // The body of a skipped describe still runs: no URL to build without TEST_DATABASE_URL.
  const targetUrl = base ? Object.assign(new URL(base), { pathname: `/${targetName}` }).toString() : '';
  const admin = () => new pg.Client({ connectionString: base });
  let s3: TestS3;
  let mastodon: MastodonFake;
  let moved: TestHerald | undefined;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const files = new Map<string, Buffer>();
  const postIds: string[] = [];
  let pngId: string;
  /** The picture's library preview (ADR 0033): copied with it. */
  let pngPreview: Buffer;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  // What the move reads: the S3 settings without HERALD_MEDIA_STORAGE (the embedded instance keeps its media on disk).
  const moveEnv = (overrides: Record<string, string> = {}) => {
    const { HERALD_MEDIA_STORAGE: _storage, ...settings } = s3.env;
    return { HERALD_DATA_DIR: dataDir, ...settings, ...overrides };
  };
  const targetTables = async () => {
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
    await client.end();
    return rows[0]!.n;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-move-s3-'));
    scaledDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-scaled-'));
    const client = admin();
    await client.connect();
    await client.query(`create database ${targetName}`);
    await client.end();
    s3 = await startTestS3();
    mastodon = await startMastodonFake();
    const source = await startTestHerald({ env: engineEnv, database: { env: {}, dataDir, drop: async () => {} } });
    owner = await signUp(source.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Moving media' })).body.id;
    channelId = await connectMastodon(source, owner.client, workspaceId, mastodon);

    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#2a7' } }).png().toBuffer();
    pngId = (await uploadMedia(source, owner.client, workspaceId, { bytes: png, name: 'green.png', type: 'image/png' })).id;
    files.set(pngId, png);
    pngPreview = fs.readFileSync(path.join(dataDir, 'media', workspaceId, `${pngId}.thumb.webp`));
    const video = buildMp4({ durationSeconds: 6, width: 720, height: 1280, frameRate: 30, totalBytes: 1.5 * MB });
    const videoId = await tusUpload(`${source.url}${api('/media/uploads')}`, owner.client, video, { chunkSize: 512 * 1024, origin: source.url });
    files.set(videoId, video);

    // A resumable upload that never finished: a first chunk of a declared 1 MB.
    const headers = { origin: source.url, cookie: cookieOf(owner.client), 'tus-resumable': '1.0.0' };
    const created = await fetch(new URL(api('/media/uploads'), source.url), {
      method: 'POST',
      headers: { ...headers, 'upload-length': String(MB), 'upload-metadata': `filename ${Buffer.from('half.mp4').toString('base64')}` },
    });
    expect(created.status).toBe(201);
    const patch = await fetch(new URL(created.headers.get('location')!, source.url), {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(video.subarray(0, 64 * 1024)),
    });
    expect(patch.status).toBe(204);

    for (const [text, mediaId] of [['With the picture', pngId], ['With the video', videoId]] as const) {
      const post = await owner.client.post(api('/posts'), { content: { text, media: [{ mediaId }] }, channels: [{ channelId }], schedule: { mode: 'draft' } });
      expect(post.status).toBe(201);
      postIds.push(post.body.id);
    }
    await source.stop();
  }, SLOW);

  afterAll(async () => {
    await moved?.stop();
    await mastodon?.close();
    await s3?.stop();
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${targetName} with (force)`);
    await client.end();
    for (const dir of [dataDir, scaledDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, SLOW);

  it('checks the bucket before copying anything, and names the setting to fix', async () => {
    const wrong = await runHeraldCli(['move-to-postgres', '--to', targetUrl, '--media-to-s3'], moveEnv({ HERALD_S3_BUCKET: 'no-such-bucket-here' }));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('HERALD_S3_BUCKET: bucket "no-such-bucket-here" at');
    expect(wrong.stderr).toContain('does not exist');
    expect(wrong.stderr).not.toContain('test-secret');
    expect(wrong.stdout).not.toContain('copy');
    // Nothing written anywhere: no table in the target, no object in the bucket, the folder not marked.
    expect(await targetTables()).toBe(0);
    expect(await s3.keys()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'MOVED-TO-POSTGRES'))).toBe(false);

    const noBucket = loadConfig({ HERALD_DATA_DIR: dataDir });
    await expect(moveToPostgres({ config: noBucket, to: targetUrl, mediaTarget: () => openS3MediaTarget(noBucket), out: devNull() })).rejects.toThrow('--media-to-s3 needs HERALD_S3_BUCKET');
    const elsewhere = loadConfig(moveEnv({ HERALD_S3_ENDPOINT: 'http://127.0.0.1:9' }));
    await expect(openS3MediaTarget(elsewhere)).rejects.toThrow('HERALD_S3_ENDPOINT: could not reach http://127.0.0.1:9');
    expect(await targetTables()).toBe(0);
  }, SLOW);

  it('copies and verifies every media file, skips what an earlier run left identical, and says what to set next', async () => {
    const [first, second] = [...files.keys()];
    // An earlier run that stopped half way: one file there whole, one whose bytes went wrong.
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${workspaceId}/${first}`, Body: files.get(first!) }));
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${workspaceId}/${second}`, Body: Buffer.alloc(files.get(second!)!.length, 7) }));

    const run = await runHeraldCli(['move-to-postgres', '--to', targetUrl, '--media-to-s3'], moveEnv());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const total = (files.get(first!)!.length + files.get(second!)!.length + pngPreview.length) / 1e6;
    expect(run.stdout).toMatch(/^copy media: done \(\d+\.\d MB\)$/m);
    expect(run.stdout).toMatch(/^verify media: done \(\d+\.\d MB\)$/m);
    expect(run.stdout).toContain(`Media: 3 file(s), ${total.toFixed(1)} MB, in bucket ${s3.bucket}: 2 copied, 1 already there; 3 of 3 verified`);
    expect(run.stdout).toContain('1 unfinished resumable upload(s) were not copied');
    for (const line of ['HERALD_MEDIA_STORAGE=s3', `HERALD_S3_BUCKET=${s3.bucket}`, `HERALD_S3_ENDPOINT=${s3.endpoint}`, 'HERALD_S3_FORCE_PATH_STYLE=true', `DATABASE_URL=postgres://`, 'HERALD_ENCRYPTION_KEYS=…', 'HERALD_SECRET=…']) {
      expect(run.stdout).toContain(line);
    }
    expect(run.stdout).not.toContain('test-secret');
    expect(run.stdout).not.toContain('postgres@');
    // Only the media and the picture's preview: no probe left behind, nothing of the unfinished upload.
    expect(await s3.keys()).toEqual([...[...files.keys()].map((id) => `${workspaceId}/${id}`), `${workspaceId}/${pngId}.thumb.webp`].sort());
  }, SLOW);

  it('refuses a second run: the folder is marked as moved, and the target holds rows', async () => {
    const config = loadConfig(moveEnv());
    const again = () => moveToPostgres({ config, to: targetUrl, mediaTarget: () => openS3MediaTarget(config), out: devNull() });
    await expect(again()).rejects.toThrow('was moved to PostgreSQL');
    const marker = path.join(dataDir, 'MOVED-TO-POSTGRES');
    const kept = fs.readFileSync(marker);
    fs.rmSync(marker);
    try {
      await expect(again()).rejects.toThrow(/table "\w+" has rows/);
    } finally {
      fs.writeFileSync(marker, kept);
    }
  }, SLOW);

  it('on PostgreSQL and S3, with only the keys of the old folder, every post and file is there, and a post with media publishes', async () => {
    const secrets = {
      HERALD_ENCRYPTION_KEYS: fs.readFileSync(path.join(dataDir, 'encryption.keys'), 'utf8').trim(),
      HERALD_SECRET: fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim(),
    };
    moved = await startTestHerald({ env: { ...engineEnv, ...s3.env, ...secrets }, database: { env: { DATABASE_URL: targetUrl }, dataDir: scaledDir, drop: async () => {} } });
    expect(moved.herald.database.kind).toBe('postgres');
    const client = createClient(moved.url);
    expect((await client.post('/api/auth/sign-in/email', { email: owner.email, password: owner.password })).status).toBe(200);

    for (const id of postIds) expect((await client.get(api(`/posts/${id}`))).status).toBe(200);
    for (const [id, bytes] of files) {
      const file = await fetch(new URL(api(`/media/${id}/file`), moved.url), { headers: { cookie: cookieOf(client) } });
      expect(file.status, id).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes), id).toBe(true);
    }
    expect(fs.existsSync(path.join(scaledDir, 'media', workspaceId))).toBe(false);

    const before = mastodon.creations();
    const out = await client.post(api('/posts'), { content: { text: 'Out from the bucket', media: [{ mediaId: pngId }] }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(out.status).toBe(201);
    const done = await waitForPost(client, workspaceId, out.body.id, (p) => p.deliveries.every((d: any) => ['published', 'failed'].includes(d.state)), 120_000);
    expect(done.deliveries.map((d: any) => d.state)).toEqual(['published']);
    expect(mastodon.creations() - before).toBe(1);
    const sent = mastodon.media().at(-1)!;
    const original = await fetch(`${mastodon.url}/system/media_attachments/${sent.id}/original`);
    expect(Buffer.from(await original.arrayBuffer()).equals(files.get(pngId)!)).toBe(true);
  }, SLOW);
});

function devNull(): NodeJS.WriteStream {
  return { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
}
