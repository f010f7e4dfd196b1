import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { killAllHeraldProcesses, startHeraldProcess, type HeraldProcess } from '../helpers/herald-process.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { createDatabase, startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres.ts';
import { fastEngineEnv } from '../helpers/publishing.ts';
import { freePort, signUp, type Client } from '../helpers/test-herald.ts';
import { generateEncryptionKey } from '../../src/server/security/secret-box.ts';
import { connectFake, readDeliveries, schedulePosts, startMastodonFleet, statusesWithText, type Channel } from './mastodon-fleet.ts';

// The scaled mode as an operator runs it: 2 `serve` processes behind a round-robin proxy and 3
// `worker` processes on one PostgreSQL. Resumable uploads and a burst of scheduled posts go through
// both servers; mid-burst one worker and one server are killed (SIGKILL), then PostgreSQL itself is
// restarted. Nothing may be lost or published twice, every upload must complete, and every process
// left must carry on without being restarted by hand.
//
// PostgreSQL is a server of the test's own (test/helpers/private-postgres.ts): the shared one at
// TEST_DATABASE_URL serves other test files at the same time, and restarting it would break them.
// The test runs in CI's PostgreSQL pass (TEST_DATABASE_URL set), where the server binaries exist.

const CHANNELS = 16;
const POSTS = 8; // × CHANNELS = 128 deliveries, due at once (Mastodon: one creating call a second per account)
const AFTER_RESTART_POSTS = 1; // × CHANNELS: published after PostgreSQL came back, by the processes left
const UPLOADS = 3;
const UPLOAD_BYTES = 768 * 1024;
const CHUNK_BYTES = 48 * 1024; // 16 chunks each, sent over about 12 s: across the kills and the restart
// The network-wide limit the three workers share (each alone would take this many).
const CONCURRENCY = 4;
const LATENCY_MS = 120;
const TEST_BUDGET_MS = 240_000;
// The test gives up and prints what it saw this long before vitest's own timeout.
const OWN_DEADLINE_MS = TEST_BUDGET_MS - 25_000;

// Where media lives, for every process: a shared folder for now (HERALD_DATA_DIR/media). Switching
// the test to S3 is one change here (the storage settings), nothing else.
const mediaStorageEnv = (sharedFolder: string): Record<string, string> => ({ HERALD_DATA_DIR: sharedFolder });

const engineEnv = {
  ...fastEngineEnv,
  HERALD_PUBLISH_LEASE_SECONDS: '3',
  HERALD_RECONCILE_SECONDS: '1',
  HERALD_NETWORK_TIMEOUT_SECONDS: '2',
  HERALD_PUBLISH_CONCURRENCY: String(CONCURRENCY),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls the fleet is answering right now, and the most seen at once while `watching`. */
const fleetLoad = { inFlight: 0, most: 0, watching: true };
const answerSlowly = () => {
  fleetLoad.inFlight += 1;
  if (fleetLoad.watching) fleetLoad.most = Math.max(fleetLoad.most, fleetLoad.inFlight);
  setTimeout(() => (fleetLoad.inFlight -= 1), LATENCY_MS);
  return LATENCY_MS;
};

/**
 * A round-robin proxy in front of the serve processes, as an operator would put one: a server that
 * refuses the connection (it is dead) is skipped, as health-checking proxies do; a request cut in the
 * middle answers 502 and the client decides (never retried blindly: it may have been handled).
 */
async function startProxy(backends: () => string[]) {
  const port = await freePort();
  const served = new Map<string, number>();
  let next = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const list = backends();
    for (let tried = 0; tried < list.length; tried += 1) {
      const target = list[next++ % list.length]!;
      const outcome = await new Promise<'refused' | 'done'>((resolve) => {
        const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
          served.set(target, (served.get(target) ?? 0) + 1);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => resolve('done'));
          answer.on('error', () => {
            res.destroy();
            resolve('done');
          });
        });
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED') return resolve('refused');
          if (!res.headersSent) res.writeHead(502).end();
          else res.destroy();
          resolve('done');
        });
        upstream.end(body);
      });
      if (outcome === 'done') return;
    }
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, served, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type UploadResult = { name: string; size: number; mediaId: string | null; retries: number; error?: string; lastFailures: string[] };

/**
 * A resumable upload the way tus clients do it: after any failed request (server killed, database
 * restarting) ask the server for the offset it has (HEAD) and go on from there.
 */
async function tusUpload(baseUrl: string, client: Client, workspaceId: string, bytes: Buffer, name: string, stop: () => boolean): Promise<UploadResult> {
  const result: UploadResult = { name, size: bytes.length, mediaId: null, retries: 0, lastFailures: [] };
  // What the last failed requests answered: the diagnostics say why an upload did not finish.
  const failed = (what: string, res: Response | null) => {
    result.lastFailures = [...result.lastFailures.slice(-4), `${what} ${res ? res.status : 'no answer'}`];
  };
  const headers = (): Record<string, string> => ({ origin: baseUrl, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'tus-resumable': '1.0.0' });
  const send = async (method: string, url: string, extra: Record<string, string> = {}, body?: Buffer) => {
    try {
      const res = await fetch(new URL(url, baseUrl), { method, headers: { ...headers(), ...extra }, body: body && new Uint8Array(body), signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      return res;
    } catch {
      return null;
    }
  };
  const again = async () => {
    result.retries += 1;
    await sleep(300);
  };
  let location: string | null = null;
  while (!location) {
    if (stop()) return { ...result, error: 'never created' };
    const created = await send('POST', `/api/v1/workspaces/${workspaceId}/media/uploads`, { 'upload-length': String(bytes.length), 'upload-metadata': `filename ${Buffer.from(name).toString('base64')}` });
    if (created?.status === 201) location = created.headers.get('location');
    else {
      failed('POST', created);
      await again();
    }
  }
  const uploadId = location.split('/').at(-1)!;
  for (;;) {
    if (stop()) return { ...result, error: 'not finished in time' };
    const head = await send('HEAD', location);
    if (head?.status !== 200) {
      failed('HEAD', head);
      await again();
      continue;
    }
    const offset = Number(head.headers.get('upload-offset'));
    if (offset >= bytes.length) break;
    const patch = await send('PATCH', location, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, bytes.subarray(offset, offset + CHUNK_BYTES));
    if (patch?.status !== 204) {
      failed(`PATCH at ${offset}`, patch);
      await again();
    }
    // Spread over the kills and the restart, as a slow connection would.
    else await sleep(700);
  }
  // Every byte is there: the upload's media, once the server has finished it.
  for (;;) {
    if (stop()) return { ...result, error: 'all bytes sent, no media' };
    const res = await send('GET', `/api/v1/workspaces/${workspaceId}/media/uploads/${uploadId}/result`);
    if (res?.status === 200) return { ...result, mediaId: uploadId };
    failed('GET result', res);
    await again();
  }
}

/** Retries a read through the proxy while PostgreSQL restarts or a server dies. */
async function patiently<T>(read: () => Promise<T>, until: number): Promise<T> {
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(500);
    }
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('2 serve + 3 worker processes through kills and a PostgreSQL restart', () => {
  let postgres: PrivatePostgres | null = null;
  let fakes: MastodonFake[] = [];
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-scale-out-'));

  afterAll(async () => {
    await killAllHeraldProcesses();
    await proxy?.close();
    await Promise.all(fakes.map((fake) => fake.close()));
    await postgres?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it(
    'loses nothing, publishes nothing twice, completes every upload, and every process left carries on',
    async () => {
      const began = Date.now();
      const ownDeadline = began + OWN_DEADLINE_MS;
      const phases: string[] = [];
      let phaseStart = began;
      const phase = (name: string) => {
        phases.push(`${name} ${Date.now() - phaseStart} ms`);
        phaseStart = Date.now();
      };
      const processes: { name: string; process: HeraldProcess }[] = [];
      const facts: Record<string, unknown> = {};
      const report = () => {
        const lines = [`scale-out: ${phases.join(', ')}; ${Date.now() - began} ms in all`];
        for (const { name, process } of processes) {
          const errors = process.logs.filter((line) => line.includes('"level":50') || line.startsWith('[stderr]'));
          lines.push(`  ${name} (pid ${process.pid}): ${process.alive ? 'running' : 'exited'}, ${errors.length} error lines${errors.length ? `; last: ${errors.at(-1)!.slice(0, 400)}` : ''}`);
        }
        lines.push(`  proxy: ${[...(proxy?.served ?? new Map<string, number>())].map(([url, n]) => `${url} ${n}`).join(', ')}`);
        lines.push(`  fleet: ${fakes.reduce((n, fake) => n + fake.creations(), 0)} statuses created for ${CHANNELS * (POSTS + AFTER_RESTART_POSTS)} deliveries; at most ${fleetLoad.most} calls at once before the kills (limit ${CONCURRENCY})`);
        for (const [key, value] of Object.entries(facts)) lines.push(`  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
        return lines.join('\n');
      };

      try {
        postgres = await startPrivatePostgres();
        if (!postgres) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl) on this machine');
        await createDatabase(postgres, 'herald');
        fakes = await startMastodonFleet(CHANNELS, { latencyMs: answerSlowly });
        const servePorts = [await freePort(), await freePort()];
        proxy = await startProxy(() => processes.filter((p) => p.process.mode === 'serve' && p.process.alive).map((p) => p.process.url));
        const env: Record<string, string> = {
          DATABASE_URL: postgres.url('herald'),
          ...mediaStorageEnv(folder),
          HERALD_PUBLIC_URL: proxy.url,
          HERALD_SECRET: `scale-out-tests-${'x'.repeat(32)}`,
          HERALD_ENCRYPTION_KEYS: generateEncryptionKey('k1'),
          HERALD_AUTH_RATE_LIMIT: '1000',
          LOG_LEVEL: 'info',
          ...engineEnv,
        };
        // Each process names its connections, so PostgreSQL can say who came back after the restart.
        const start = async (name: string, mode: 'serve' | 'worker', port: number) => {
          const process = await startHeraldProcess({ mode, env: { ...env, PORT: String(port), PGAPPNAME: name }, readyTimeoutMs: 120_000 });
          processes.push({ name, process });
          return process;
        };
        // The first server migrates; the others start together.
        const serveA = await start('serve-a', 'serve', servePorts[0]!);
        const [serveB, ...workers] = await Promise.all([
          start('serve-b', 'serve', servePorts[1]!),
          start('worker-1', 'worker', 0),
          start('worker-2', 'worker', 0),
          start('worker-3', 'worker', 0),
        ]);
        phase('start');

        const owner = await signUp(proxy.url);
        const client = owner.client;
        const workspaceId: string = (await client.post('/api/v1/workspaces', { name: 'Scale out' })).body.id;
        // One at a time: many consent round trips at once on a loaded machine outrun the network timeout.
        const channels: Channel[] = [];
        for (const fake of fakes) channels.push({ id: await connectFake(client, workspaceId, fake), fake });
        const publishAt = new Date(Date.now() + 2000);
        const sent = await schedulePosts(client, workspaceId, channels, { posts: POSTS, publishAt, label: 'burst' });
        expect(sent).toHaveLength(CHANNELS * POSTS);
        phase('setup');

        // Uploads all through the burst, the kills and the restart.
        const stopUploads = () => Date.now() > ownDeadline;
        const videos = Array.from({ length: UPLOADS }, (_, i) => buildMp4({ durationSeconds: 5 + i, width: 1080, height: 1920, frameRate: 30, totalBytes: UPLOAD_BYTES }));
        const uploads = Promise.all(videos.map((bytes, i) => tusUpload(proxy!.url, client, workspaceId, bytes, `clip-${i}.mp4`, stopUploads)));

        const created = () => fakes.reduce((n, fake) => n + fake.creations(), 0);
        const waitForCreated = async (n: number, what: string) => {
          while (created() < n) {
            if (Date.now() > ownDeadline) throw new Error(`timed out waiting for ${what} (${created()} statuses created)`);
            await sleep(50);
          }
        };

        await waitForCreated(Math.floor(sent.length / 4), 'a quarter of the burst');
        fleetLoad.watching = false;
        facts['killed at'] = `${created()} of ${sent.length} statuses`;
        await Promise.all([workers[0]!.kill(), serveA.kill()]);
        phase('first quarter, then kills');

        await waitForCreated(Math.floor(sent.length / 2), 'half the burst');
        facts['PostgreSQL restarted at'] = `${created()} of ${sent.length} statuses`;
        const restartedAt = new Date();
        await postgres.restart();
        phase('half, then PostgreSQL restart');

        // After the restart, through the server left: more posts, due at once.
        const later = await patiently(
          () => schedulePosts(client, workspaceId, channels, { posts: AFTER_RESTART_POSTS, publishAt: new Date(Date.now() + 1000), label: 'after restart' }),
          ownDeadline,
        );
        const all = [...sent, ...later];

        // Then the engine finishes on its own; a delivery whose check was put off for long is asked for
        // by hand (retry = ask the network again, never a resend).
        let rows = await patiently(() => readDeliveries(client, workspaceId), ownDeadline);
        const askedByHand = new Set<string>();
        while ([...rows.values()].some((d) => d.state !== 'published') && Date.now() < ownDeadline) {
          for (const d of rows.values()) {
            if (d.state === 'unconfirmed' && d.nextAttemptAt && new Date(d.nextAttemptAt).getTime() > Date.now() + 10_000) {
              await client.post(`/api/v1/workspaces/${workspaceId}/posts/${d.postId}/deliveries/${d.id}/retry`, {});
              askedByHand.add(d.id);
            }
          }
          await sleep(500);
          rows = await patiently(() => readDeliveries(client, workspaceId), ownDeadline);
        }
        const states = [...rows.values()].reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.state]: (acc[d.state] ?? 0) + 1 }), {});
        facts['delivery states'] = states;
        facts['checks asked for by hand'] = askedByHand.size;
        const uploaded = await uploads;
        facts.uploads = uploaded.map((u) => `${u.name} ${u.mediaId ? 'complete' : `INCOMPLETE (${u.error}; last failures: ${u.lastFailures.join(', ')})`} after ${u.retries} retries`).join('; ');
        phase('finish');

        // Nothing lost, nothing twice: one status per delivery at the network, no more calls than posts.
        expect(states).toEqual({ published: all.length });
        const duplicates = all.filter((d) => statusesWithText(d.channel.fake, d.text).length !== 1).map((d) => d.text);
        facts['texts not found exactly once'] = duplicates.length;
        expect(duplicates).toEqual([]);
        for (const fake of fakes) expect(fake.creations()).toBe(POSTS + AFTER_RESTART_POSTS);

        // The three workers never had more calls in flight than the one network-wide limit.
        expect(fleetLoad.most).toBeLessThanOrEqual(CONCURRENCY);
        // Both servers took requests, before one of them was killed.
        expect([...proxy.served.keys()].sort()).toEqual([serveA.url, serveB.url].sort());

        // Every upload complete, byte for byte, whichever server stored which chunk.
        expect(uploaded.map((u) => u.mediaId && u.error === undefined)).toEqual(videos.map(() => true));
        for (const [i, upload] of uploaded.entries()) {
          const file = await fetch(`${proxy.url}/api/v1/workspaces/${workspaceId}/media/${upload.mediaId}/file`, { headers: { cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
          expect(file.status).toBe(200);
          expect(Buffer.from(await file.arrayBuffer()).equals(videos[i]!)).toBe(true);
        }

        // Every process left is running and back on the restarted PostgreSQL, by itself.
        const survivors = processes.filter((p) => p.process !== serveA && p.process !== workers[0]);
        expect(survivors.map((p) => [p.name, p.process.alive])).toEqual(survivors.map((p) => [p.name, true]));
        const admin = new pg.Client({ connectionString: postgres.url('herald') });
        await admin.connect();
        try {
          const { rows: back } = await admin.query<{ name: string }>(`select distinct application_name as name from pg_stat_activity where backend_start > $1`, [restartedAt]);
          facts['connected after the restart'] = back.map((r) => r.name).sort();
          for (const { name } of survivors) expect(back.map((r) => r.name), `${name} reconnected`).toContain(name);
        } finally {
          await admin.end();
        }
        facts['published per worker'] = processes
          .filter((p) => p.process.mode === 'worker')
          .map((p) => `${p.name} ${p.process.logs.filter((line) => line.includes('"delivery published"')).length}`);
        phase('verify');
        console.log(report());
      } catch (error) {
        console.log(report());
        for (const { name, process } of processes) console.log(`--- ${name} logs (tail) ---\n${process.logs.slice(-25).join('\n')}`);
        throw error;
      }
    },
    TEST_BUDGET_MS,
  );
});
