import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { deliveries } from '../../src/server/db/schema/index.ts';
import type { PublishMedia } from '../../src/server/providers/publishing.ts';
import type { Client, TestHerald } from './test-herald.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import type { TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';

/** Settings that make the engine's waits short enough for tests (retries, crash detection, checks). */
export const fastEngineEnv = {
  HERALD_JOB_POLL_SECONDS: '0.5',
  HERALD_PUBLISH_RETRY_BASE_SECONDS: '0.2',
  HERALD_RECONCILE_SECONDS: '1',
  HERALD_PUBLISH_LEASE_SECONDS: '5',
  // The fakes answer in the test's own process: with four test files on two cores an answer can
  // take seconds, and a timeout here would be taken for a lost answer. Lost answers are dropped
  // connections in the fakes, so they do not wait on this.
  HERALD_NETWORK_TIMEOUT_SECONDS: '8',
  HERALD_MASTODON_ALLOW_HTTP: 'true',
};

/** Polls until `check` returns something truthy, or fails with what it last saw. */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, options: { timeoutMs?: number; intervalMs?: number; what?: string | (() => string) } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let last: unknown;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    last = value;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
  const what = typeof options.what === 'function' ? options.what() : options.what;
  throw new Error(`timed out waiting for ${what ?? 'a condition'} (last: ${JSON.stringify(last)})`);
}

/** Connects the fake's account through Herald's consent round trip; answers the channel id. */
export async function connectMastodon(h: TestHerald, client: Client, workspaceId: string, fake: MastodonFake): Promise<string> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'mastodon', instance: fake.domain });
  expect(start.status).toBe(200);
  const res = await client.get(fake.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
  const location = new URL(res.headers.get('location')!, h.url);
  const id = location.searchParams.get('connected');
  if (!id) throw new Error(`connect failed: ${location.toString()}`);
  return id;
}

/** Waits until the post's deliveries have all left the engine's hands (published, failed, unconfirmed…). */
export async function waitForPost(client: Client, workspaceId: string, postId: string, done: (post: any) => boolean, timeoutMs = 20_000) {
  // What the post last looked like, for the failure message: "timed out" alone says nothing.
  let seen = 'never read';
  return waitFor(
    async () => {
      const res = await client.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}`);
      const deliveries: { state?: string; errorMessage?: string | null; nextAttemptAt?: string | null }[] = res.body?.deliveries ?? [];
      seen = `${res.status}: ${deliveries.map((d) => `${d.state}${d.nextAttemptAt ? ` next ${d.nextAttemptAt}` : ''}${d.errorMessage ? ` (${d.errorMessage})` : ''}`).join('; ') || 'no deliveries'}`;
      return done(res.body) ? res.body : null;
    },
    { timeoutMs, what: () => `post ${postId}, last seen ${seen}` },
  );
}

/** Uploads a file the way the composer does (multipart); answers the media object. */
export async function uploadMedia(h: TestHerald, client: Client, workspaceId: string, file: { bytes: Buffer; name: string; type: string }) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(new URL(`/api/v1/workspaces/${workspaceId}/media`, h.url), {
    method: 'POST',
    headers: { origin: h.url, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Connects the TikTok fake's current user through Herald's consent round trip; answers the channel id. */
export async function connectTikTok(h: TestHerald, client: Client, workspaceId: string, fake: TikTokFake): Promise<string> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'tiktok' });
  expect(start.status).toBe(200);
  const res = await client.get(fake.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
  const id = new URL(res.headers.get('location')!, h.url).searchParams.get('connected');
  if (!id) throw new Error(`connect failed: ${res.headers.get('location')}`);
  return id;
}

/** Sends a job as its schedule would and waits until a worker has finished it. */
export async function runJobNow(h: TestHerald, name: string) {
  const id = await h.herald.boss.send(name, {});
  if (!id) throw new Error(`${name} was not queued (a singleton job of that name may be waiting)`);
  await waitFor(
    async () => {
      const job = await h.herald.boss.getJobById(name, id);
      return job && ['completed', 'failed'].includes(job.state) ? job : null;
    },
    { what: `the ${name} job` },
  );
}

/** A post's file held in memory, as a publisher sees it: a 1080×1920 JPEG or 12-second MP4 unless `fields` say otherwise. */
export function memoryMedia(kind: 'image' | 'video', bytes: Buffer, fields: Partial<PublishMedia> = {}): PublishMedia {
  return {
    id: `${kind}-${bytes.length}`,
    kind,
    mimeType: kind === 'video' ? 'video/mp4' : 'image/jpeg',
    size: bytes.length,
    width: 1080,
    height: 1920,
    durationSeconds: kind === 'video' ? 12 : null,
    frameRate: kind === 'video' ? 30 : null,
    altText: '',
    publicUrl: null,
    open: (range) => Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]),
    ...fields,
  };
}

/** The engine's journal, in memory: records each step so tests can check what was announced. */
export function memoryJournal(initial: Record<string, unknown> = {}) {
  const journal = {
    progress: { ...initial } as Record<string, unknown>,
    events: [] as string[],
    pending: null as { step: string; sentAt: Date } | null,
    async beforeCreate(step: string) {
      journal.events.push(`before:${step}`);
      journal.pending = { step, sentAt: new Date() };
    },
    async afterCreate(step: string, _response: Record<string, unknown>, progress: Record<string, unknown>) {
      journal.events.push(`after:${step}`);
      journal.pending = null;
      journal.progress = progress;
    },
    async saveProgress(progress: Record<string, unknown>) {
      journal.events.push('save');
      journal.progress = progress;
    },
    log() {},
  };
  return journal;
}

/**
 * Makes a delivery unconfirmed since two hours ago: a call whose fate is unknown, past the engine's
 * hour of automatic checks, so only a person's "check again" asks the network.
 */
export async function makeUnconfirmedSinceTwoHours(h: TestHerald, deliveryId: string) {
  await h.herald.database.db
    .update(deliveries)
    .set({
      state: 'unconfirmed',
      attemptCount: 1,
      pendingStep: { step: 'status:0', attemptId: crypto.randomUUID(), sentAt: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString() },
      nextAttemptAt: null,
      errorCode: 'delivery.unconfirmed',
    })
    .where(eq(deliveries.id, deliveryId));
}
