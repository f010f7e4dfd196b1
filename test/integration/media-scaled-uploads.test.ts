import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, freshDatabase, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { startTestS3, type TestS3 } from '../s3/test-s3.ts';
import { tusUpload } from '../helpers/tus-upload.ts';
import { waitFor } from '../helpers/publishing.ts';

const MB = 1024 * 1024;

/** A load balancer in front of several Herald processes: each request goes to the next one. */
async function startRoundRobin(targets: string[]) {
  const served: { method: string; url: string; target: number }[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = next++ % targets.length;
    served.push({ method: req.method!, url: req.url!, target });
    const to = new URL(targets[target]!);
    const upstream = http.request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Any number of `serve` processes on one PostgreSQL: a resumable upload whose chunks land on
// different processes completes, with the lock in PostgreSQL and the unfinished upload where every
// process sees it (a folder they share on disk, the bucket on S3).
describe.skipIf(!process.env.TEST_DATABASE_URL)('resumable uploads across two Herald servers (PostgreSQL)', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(async () => s3?.stop());

  describe.each([
    { storage: 'disk (one shared folder)', fileBytes: 1.5 * MB, chunkSize: 256 * 1024 },
    // 2 MB chunks: the tails shorter than S3's 5 MB part minimum go back and forth between the
    // processes as `.part` objects until a part is long enough.
    { storage: 's3', fileBytes: 7 * MB, chunkSize: 2 * MB },
  ])('$storage', ({ storage, fileBytes, chunkSize }) => {
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    let servers: TestHerald[] = [];
    let proxy: Awaited<ReturnType<typeof startRoundRobin>>;
    const extraDirs: string[] = [];

    beforeAll(async () => {
      database = await freshDatabase();
      const ports = [await freePort(), await freePort()];
      proxy = await startRoundRobin(ports.map((p) => `http://127.0.0.1:${p}`));
      const shared = {
        // What every process of one Herald shares: its address, secret and keys.
        HERALD_PUBLIC_URL: proxy.url,
        HERALD_SECRET: crypto.randomBytes(32).toString('base64url'),
        HERALD_ENCRYPTION_KEYS: `k1:${crypto.randomBytes(32).toString('base64')}`,
        HERALD_MEDIA_MAX_UPLOAD_MB: '64',
        ...(storage === 's3' ? { ...s3.env, HERALD_S3_BUCKET: await s3.newBucket() } : {}),
      };
      // On S3 each process has a data folder of its own: nothing about the upload may live there.
      const databaseFor = (i: number) => {
        if (storage !== 's3' || i === 0) return database;
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-test-'));
        extraDirs.push(dataDir);
        return { ...database, dataDir };
      };
      servers.push(await startTestHerald({ database: databaseFor(0), env: { ...shared, PORT: String(ports[0]) } }));
      servers.push(await startTestHerald({ database: databaseFor(1), mode: 'serve', env: { ...shared, PORT: String(ports[1]) } }));
    }, 240_000);
    afterAll(async () => {
      for (const server of servers) await server.stop();
      servers = [];
      await proxy?.close();
      await database?.drop();
      for (const dir of extraDirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('completes an upload whose chunks alternate between the two processes', async () => {
      const owner = await signUp(proxy.url);
      const workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Two servers' })).body.id as string;
      const video = buildMp4({ durationSeconds: 5, width: 720, height: 1280, frameRate: 30, totalBytes: fileBytes });
      proxy.served.length = 0;

      const uploadId = await tusUpload(`${proxy.url}/api/v1/workspaces/${workspaceId}/media/uploads`, owner.client, video, { chunkSize, origin: proxy.url });

      const patches = proxy.served.filter((r) => r.method === 'PATCH' && r.url.endsWith(uploadId));
      expect(patches.length).toBe(Math.ceil(fileBytes / chunkSize));
      expect(new Set(patches.map((p) => p.target))).toEqual(new Set([0, 1]));

      const result = await owner.client.get(`/api/v1/workspaces/${workspaceId}/media/uploads/${uploadId}/result`);
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ id: uploadId, kind: 'video', size: video.length, durationSeconds: 5 });
      // Read back through both processes: every byte arrived, in order.
      for (let i = 0; i < 2; i += 1) {
        const bytes = await fetch(new URL(result.body.url, proxy.url), { headers: { cookie: [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        expect(bytes.status).toBe(200);
        expect(crypto.createHash('sha256').update(Buffer.from(await bytes.arrayBuffer())).digest('hex')).toBe(crypto.createHash('sha256').update(video).digest('hex'));
      }
      if (storage === 's3') {
        expect(await s3.keys(servers[0]!.config.s3Bucket)).toContain(`${workspaceId}/${uploadId}`);
      } else {
        expect(fs.statSync(path.join(database.dataDir, 'media', workspaceId, uploadId)).size).toBe(video.length);
      }
    });

    it("downloads a data export through either process, whichever worker built it", async () => {
      const person = await signUp(proxy.url);
      await person.client.post('/api/v1/workspaces', { name: 'Exported' });
      const requested = await person.client.post('/api/v1/me/exports');
      expect(requested.status).toBe(201);
      const exportId = requested.body.id as string;
      await waitFor(async () => (await person.client.get('/api/v1/me/exports')).body.items[0]?.status === 'ready', { timeoutMs: 60_000, what: 'the export to be ready' });
      const cookie = [...person.client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const sums = new Set<string>();
      // Straight to each process, not through the proxy: the serve-only one never built it.
      for (const server of servers) {
        const res = await fetch(`${server.url}/api/v1/me/exports/${exportId}/download`, { headers: { cookie, origin: proxy.url } });
        expect(res.status).toBe(200);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        sums.add(crypto.createHash('sha256').update(bytes).digest('hex'));
      }
      expect(sums.size).toBe(1);
      if (storage === 's3') expect(await s3.keys(servers[0]!.config.s3Bucket)).toContain(`exports/${exportId}.zip`);
    });
  });
});
