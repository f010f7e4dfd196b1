import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config/config.ts';
import { createBackup } from '../../src/server/operations/backup.ts';
import { restoreBackup } from '../../src/server/operations/restore.ts';
import { connectMastodon, fastEngineEnv, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { runHeraldCli } from '../helpers/herald-cli.ts';
import { createClient, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// herald backup of a running embedded instance, herald restore into a fresh folder, and Herald
// started on what was restored: every post, channel (its sealed token still opening) and file.
// Child processes (the CLI runs through tsx) and PGlite opening several times: minutes on a loaded machine.
const SLOW = 300_000;

describe.skipIf(!!process.env.TEST_DATABASE_URL)('backup and restore (embedded)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-backup-'));
  const archive = path.join(work, 'instance.tar.gz');
  const restoredDir = path.join(work, 'restored');
  let mastodon: MastodonFake;
  let h: TestHerald;
  let restored: TestHerald | undefined;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const files = new Map<string, Buffer>();
  const postIds: string[] = [];
  // The fake's answers can take seconds on a loaded machine: connecting must not time out.
  const quiet = { ...fastEngineEnv, HERALD_NETWORK_TIMEOUT_SECONDS: '15' };

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: quiet });
    owner = await signUp(h.url, { email: 'backup-owner@example.com' });
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Backed up' })).body.id;
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
    for (const colour of ['#ff0000', '#00ff00']) {
      const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: colour } }).png().toBuffer();
      const media = await uploadMedia(h, owner.client, workspaceId, { bytes, name: `${colour.slice(1)}.png`, type: 'image/png' });
      files.set(media.id, bytes);
    }
    const [first, second] = [...files.keys()];
    const later = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    for (const body of [
      { content: { text: 'Next month, with a picture', media: [{ mediaId: first }] }, channels: [{ channelId }], schedule: { mode: 'at', publishAt: later, timeZone: 'UTC' } },
      { content: { text: 'A draft with another', media: [{ mediaId: second }] }, channels: [{ channelId }], schedule: { mode: 'draft' } },
    ]) {
      const created = await owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, body);
      expect(created.status).toBe(201);
      postIds.push(created.body.id);
    }
  }, SLOW);
  afterAll(async () => {
    await restored?.stop();
    await h?.close();
    await mastodon?.close();
    fs.rmSync(work, { recursive: true, force: true });
  }, SLOW);

  it('backs up the running instance through its snapshot socket, with plain progress lines off a terminal', async () => {
    const run = await runHeraldCli(['backup', '--output', archive], { HERALD_DATA_DIR: h.dataDir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('taken from the running Herald');
    expect(run.stdout).toContain('2 posts (2 deliveries), 1 channels, 2 media');
    expect(run.stdout).toMatch(/^backup: done \(/m);
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    // The running instance went on answering.
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  }, SLOW);

  it('refuses a damaged archive, and one whose content does not match its checksums, writing nothing', async () => {
    const flipped = path.join(work, 'flipped.tar.gz');
    const bytes = fs.readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(flipped, bytes);
    const target = path.join(work, 'from-flipped');
    const run = await runHeraldCli(['restore', flipped, '--data-dir', target], { HERALD_DATA_DIR: target });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The archive is damaged and was not restored');
    expect(fs.existsSync(target)).toBe(false);

    // A well-formed archive whose media file was changed: only the manifest's checksum tells.
    const unpacked = path.join(work, 'unpacked');
    fs.mkdirSync(unpacked);
    const order: string[] = [];
    await tar.x({ file: archive, cwd: unpacked, onReadEntry: (entry) => void order.push(entry.path) });
    const mediaEntry = order.find((p) => p.startsWith('media/'))!;
    const file = path.join(unpacked, mediaEntry);
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file).subarray(0, -1), Buffer.from([0])]));
    const tampered = path.join(work, 'tampered.tar.gz');
    await tar.c({ file: tampered, gzip: true, cwd: unpacked }, order);
    await expect(restoreBackup({ archive: tampered, dataDir: path.join(work, 'from-tampered'), out: devNull() })).rejects.toThrow(`${mediaEntry} does not match its checksum`);
    expect(fs.existsSync(path.join(work, 'from-tampered'))).toBe(false);
  }, SLOW);

  it('refuses a folder that is not empty without --force, and the folder of a running Herald even with it', async () => {
    await expect(restoreBackup({ archive, dataDir: h.dataDir, out: devNull() })).rejects.toThrow('is not empty');
    await expect(restoreBackup({ archive, dataDir: h.dataDir, force: true, out: devNull() })).rejects.toThrow(`pid ${process.pid}`);
    expect((await owner.client.get(`/api/v1/workspaces/${workspaceId}/posts/${postIds[0]}`)).status).toBe(200);
  }, SLOW);

  it('restores into a fresh folder, and Herald started there has every post, channel and file, its token still opening', async () => {
    const run = await runHeraldCli(['restore', archive, '--data-dir', restoredDir], { HERALD_DATA_DIR: path.join(work, 'unused') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Restored into ${restoredDir}: 2 posts (2 deliveries), 1 channels, 2 media`);
    expect(run.stdout).toContain('Checksums verified');
    expect(fs.statSync(path.join(restoredDir, 'encryption.keys')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(restoredDir, 'encryption.keys'), 'utf8')).toBe(fs.readFileSync(path.join(h.dataDir, 'encryption.keys'), 'utf8'));

    restored = await startTestHerald({ env: quiet, database: { env: {}, dataDir: restoredDir, drop: async () => {} } });
    const client = createClient(restored.url);
    expect((await client.post('/api/auth/sign-in/email', { email: owner.email, password: owner.password })).status).toBe(200);
    const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
    for (const id of postIds) expect((await client.get(api(`/posts/${id}`))).status).toBe(200);
    const channels = await client.get(api('/channels'));
    expect(channels.body.items.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[channelId, 'ok']]);
    for (const [id, bytes] of files) {
      const res = await fetch(new URL(api(`/media/${id}/file`), restored.url), { headers: { cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
    // The sealed token opens with the restored key: the restored instance publishes with it.
    const before = mastodon.creations();
    const created = await client.post(api('/posts'), { content: { text: 'From the restored instance' }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(created.status).toBe(201);
    const done = await waitForPost(client, workspaceId, created.body.id, (p) => p.deliveries.every((d: { state: string }) => ['published', 'failed'].includes(d.state)));
    expect(done.deliveries[0].errorMessage ?? null).toBeNull();
    expect(done.state).toBe('published');
    expect(mastodon.creations() - before).toBe(1);
  }, SLOW);

  it('backs up a stopped instance too, from the folder itself', async () => {
    await restored!.stop();
    const config = loadConfig({ HERALD_DATA_DIR: restoredDir });
    const result = await createBackup({ config, output: path.join(work, 'stopped.tar.gz'), out: devNull() });
    expect(result.manifest.online).toBe(false);
    expect(result.manifest.counts).toMatchObject({ posts: 3, channels: 1, media: 2 });
    // Both images and the thumbnail made of each at upload.
    expect(result.manifest.files.filter((f) => f.path.startsWith('media/'))).toHaveLength(4);
    expect(result.manifest.keys).toEqual({ encryptionKeys: 'archive', secret: 'archive' });
    // The lock was given back.
    expect(fs.existsSync(path.join(restoredDir, 'herald.lock'))).toBe(false);
  }, SLOW);
});

function devNull(): NodeJS.WriteStream {
  return { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
}
