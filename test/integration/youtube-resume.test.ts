import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMp4 } from '../helpers/mp4.ts';
import { killAllHeraldProcesses, sharedHeraldEnv, startHeraldProcess } from '../helpers/herald-process.ts';
import { fastEngineEnv, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { freshDatabase, signUp, type TestHerald } from '../helpers/test-herald.ts';
import { connectYouTube } from '../fakes/youtube/connect.ts';
import { startYouTubeFake, youtubeEnv, type YouTubeFake } from '../fakes/youtube/youtube-fake.ts';

// Herald killed with SIGKILL in the middle of a resumable upload: started again, it asks the one
// upload session what it holds and sends the rest. YouTube ends with one video, byte for byte
// the file, from one session.

const KIB = 1024;

describe('a YouTube upload resumed after Herald is killed mid-upload', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let fake: YouTubeFake | undefined;
  afterAll(async () => {
    await killAllHeraldProcesses();
    await fake?.close();
    await database?.drop();
  });

  it('continues the same session after a restart and uploads every byte once', async () => {
    database = await freshDatabase();
    fake = await startYouTubeFake({ processingMs: 200 });
    const env = await sharedHeraldEnv(database, { ...fastEngineEnv, HERALD_PUBLISH_LEASE_SECONDS: '3', ...youtubeEnv(fake), HERALD_YOUTUBE_UPLOAD_CHUNK_KIB: '256' });
    const herald = await startHeraldProcess({ mode: 'all', env });
    const owner = await signUp(herald.url);
    const client = owner.client;
    const workspaceId: string = (await client.post('/api/v1/workspaces', { name: 'Resume' })).body.id;
    const channelId = await connectYouTube(herald.url, client, workspaceId, fake);
    const bytes = buildMp4({ durationSeconds: 20, width: 1280, height: 720, frameRate: 30, totalBytes: 2 * 1024 * KIB + 12_345 });
    const media = await uploadMedia({ url: herald.url } as TestHerald, client, workspaceId, { bytes, name: 'long.mp4', type: 'video/mp4' });
    // The fake stops answering once the session would hold more than 1 MiB.
    fake.holdAfterBytes(1024 * KIB);
    const created = await client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: 'Resumed after a crash', media: [{ mediaId: media.id }] },
      channels: [{ channelId, settings: { title: 'Resumed', madeForKids: false } }],
      schedule: { mode: 'now' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await waitFor(async () => fake!.heldCount() > 0, { what: 'a chunk held mid-upload', timeoutMs: 30_000 });
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.sessions()[0]!.held).toBe(1024 * KIB);
    await herald.kill();
    fake.releaseHeld();
    await herald.restart();
    const done = await waitForPost(client, workspaceId, created.body.id, (p) => ['published', 'failed'].includes(p.deliveries[0].state), 90_000);
    expect(done.deliveries[0], herald.logs.slice(-30).join('\n')).toMatchObject({ state: 'published' });
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.videos()).toHaveLength(1);
    expect(fake.videos()[0]!.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(done.deliveries[0].externalId).toBe(fake.videos()[0]!.id);
  }, 240_000);
});
