import { instagramEnv, startInstagramFake, type FakeIgAccount, type InstagramFake } from '../test/fakes/instagram/instagram-fake.ts';
import { serveFakeCommands } from './fake-process.ts';

// The Instagram Graph fake in a process of its own, driven over IPC by instagram-fake-client.ts
// (for the same reason as mastodon-fake.process.ts: in Herald's process its request handling, and
// the photo downloads it makes from Herald, would compete with the engine for the event loop).

export type InstagramFakeStart = { accounts: number; latencyMs: number; imageProcessingMs: number; quotaTotal: number };

export type InstagramFakeCommand =
  | { op: 'start'; options: InstagramFakeStart }
  | { op: 'authorize'; url: string }
  | { op: 'issueTokens'; from: number }
  | { op: 'publishedCount'; captionPrefix: string }
  | { op: 'published'; captionPrefix: string }
  | { op: 'calls' }
  | { op: 'close' };

/** A professional account of the fake with a long-lived Instagram Login token of its own. */
export type IssuedIgAccount = { igId: string; appUserId: string; username: string; name: string; token: string };
/** A post the fake published: `createdAt` is when media_publish stored it (epoch ms). */
export type PublishedIgPost = { mediaId: string; igId: string; containerId: string; caption: string; createdAt: number };
/** What the fake was asked, by kind of Graph call, and what it downloaded from Herald. */
export type IgCallCounts = {
  byKind: Record<string, number>;
  /** Container status reads (GET /{container-id}?fields=status_code…) per container, as a histogram: reads → containers. */
  statusReadsPerContainer: Record<string, number>;
  containers: number;
  downloads: { count: number; ok: number; failed: number; bytes: number };
};

const PERMISSIONS = ['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_insights'];

let fake: InstagramFake | null = null;
const started = () => {
  if (!fake) throw new Error('the fake is not started');
  return fake;
};

/** Professional accounts with 17-digit ids, as Instagram's (the first is the one consenting through OAuth). */
function benchAccounts(count: number): FakeIgAccount[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `17841400${String(i).padStart(9, '0')}`,
    appUserId: `27000000${String(i).padStart(9, '0')}`,
    username: `bench.ig${i}`,
    name: `Bench Instagram ${i}`,
    pictureUrl: `https://scontent.cdninstagram.example/v/bench-${i}.jpg`,
  }));
}

/** Sorts the fake's request log into the calls of the publish sequence (instagram.publisher.ts). */
function countCalls(fake: InstagramFake): IgCallCounts {
  const containerIds = new Set(fake.containers().map((c) => c.id));
  const mediaIds = new Set(fake.posts().map((p) => p.id));
  const byKind: Record<string, number> = {};
  const readsPer = new Map<string, number>([...containerIds].map((id) => [id, 0]));
  for (const r of fake.requests) {
    const [, objectId, edge] = r.path.replace(/^\/v\d+\.\d+/, '').split('/');
    // Anything else is `other`: the connect round trip, and the analytics collector's reads when its schedule fires during a run.
    const kind =
      edge === 'content_publishing_limit'
        ? 'publishing limit'
        : edge === 'media' && r.method === 'POST'
          ? 'container create'
          : edge === 'media_publish'
            ? 'media_publish'
            : !edge && containerIds.has(objectId ?? '')
              ? 'container status'
              : !edge && mediaIds.has(objectId ?? '') && r.query.get('fields') === 'permalink'
                ? 'media read (permalink)'
                : `other ${r.method} ${r.path.replace(/\d{6,}/g, ':id')}`;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    if (kind === 'container status') readsPer.set(objectId!, readsPer.get(objectId!)! + 1);
  }
  const statusReadsPerContainer: Record<string, number> = {};
  for (const reads of readsPer.values()) statusReadsPerContainer[reads] = (statusReadsPerContainer[reads] ?? 0) + 1;
  const ok = fake.downloads.filter((d) => d.status === 200).length;
  return {
    byKind,
    statusReadsPerContainer,
    containers: containerIds.size,
    downloads: { count: fake.downloads.length, ok, failed: fake.downloads.length - ok, bytes: fake.downloads.reduce((sum, d) => sum + d.bytes, 0) },
  };
}

async function run(command: InstagramFakeCommand): Promise<unknown> {
  switch (command.op) {
    case 'start': {
      const { accounts, latencyMs, imageProcessingMs, quotaTotal } = command.options;
      // The request log stays on: a run is a few thousand calls, and it is what `calls` counts.
      fake = await startInstagramFake({ accounts: benchAccounts(accounts), imageProcessingMs, quotaTotal, latencyMs: () => latencyMs });
      const env: Record<string, string> = instagramEnv(fake, 'instagram');
      // The tests' short poll interval is theirs: the benchmark measures the shipped one (or --env).
      delete env.HERALD_INSTAGRAM_POLL_SECONDS;
      return { url: fake.url, version: fake.version, env };
    }
    case 'authorize':
      return started().authorize(command.url);
    case 'issueTokens':
      return started()
        .accounts.slice(command.from)
        .map((a): IssuedIgAccount => ({ igId: a.id, appUserId: a.appUserId, username: a.username, name: a.name, token: started().tokens.issue('long', a.id, PERMISSIONS).token }));
    case 'publishedCount':
      return started()
        .posts()
        .filter((p) => p.caption.startsWith(command.captionPrefix)).length;
    case 'published':
      return started()
        .posts()
        .filter((p) => p.caption.startsWith(command.captionPrefix))
        .map((p): PublishedIgPost => ({ mediaId: p.id, igId: p.igId, containerId: p.containerId, caption: p.caption, createdAt: p.createdAt }));
    case 'calls':
      return countCalls(started());
    case 'close':
      await fake?.close();
      fake = null;
      return null;
  }
}

serveFakeCommands(run);
