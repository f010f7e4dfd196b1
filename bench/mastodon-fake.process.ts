import { startMastodonFake, type MastodonFake, type MastodonFakeOptions } from '../test/fakes/mastodon/mastodon-fake.ts';
import { serveFakeCommands } from './fake-process.ts';

// The Mastodon fake in a process of its own, driven over IPC by fake-client.ts. Run in Herald's
// process, its request handling would compete with the engine for the same event loop and make
// both the engine and the raw baseline look slower than they are.

export type FakeCommand =
  | { op: 'start'; options: MastodonFakeOptions }
  | { op: 'issueTokens'; count: number; idPrefix: string }
  | { op: 'authorize'; url: string }
  | { op: 'creations' }
  | { op: 'statuses'; textPrefix: string }
  | { op: 'seedStatuses'; perAccount: number; textPrefix: string; concurrency: number }
  | { op: 'countRequests'; keep: boolean }
  | { op: 'close' };

export type IssuedAccount = { accountId: string; username: string; token: string };
/** A created status as the benchmarks need it: `createdAt` is when the fake stored it (epoch ms). */
export type CreatedStatus = { text: string; accountId: string; idempotencyKey: string | null; createdAt: number };
/** Statuses made for a benchmark to read back, with the counters `engage` gave them. */
export type SeededStatus = { id: string; accountId: string; favourites: number; reblogs: number };

/** `countRequests`: the requests since the last call, by method and path with ids folded to :id. */
export type RequestCounts = Record<string, number>;

let fake: MastodonFake | null = null;
const started = () => {
  if (!fake) throw new Error('the fake is not started');
  return fake;
};

async function run(command: FakeCommand): Promise<unknown> {
  switch (command.op) {
    case 'start': {
      fake = await startMastodonFake(command.options);
      // Tens of thousands of requests: the request log would only cost memory.
      fake.setKeepRequests(false);
      return { url: fake.url, domain: fake.domain };
    }
    case 'issueTokens': {
      const issued: IssuedAccount[] = [];
      for (let i = 0; i < command.count; i += 1) {
        // Numeric ids, as Mastodon's (the fake routes /api/v1/accounts/:id/statuses on \d+).
        const account = { id: `${command.idPrefix}${String(i).padStart(6, '0')}`, username: `bench${i}`, displayName: `Bench account ${i}` };
        issued.push({ accountId: account.id, username: account.username, token: started().issueToken(['read', 'write'], account) });
      }
      return issued;
    }
    case 'authorize':
      return started().authorize(command.url);
    case 'creations':
      return started().creations();
    case 'statuses':
      return started()
        .statuses.filter((s) => s.text.startsWith(command.textPrefix))
        .map((s): CreatedStatus => ({ text: s.text, accountId: s.accountId, idempotencyKey: s.idempotencyKey, createdAt: s.createdAt.getTime() }));
    case 'seedStatuses':
      return seedStatuses(started(), command);
    case 'countRequests': {
      // The fake keeps no counter of its own: the request log is switched on, summarised and emptied.
      const fake = started();
      const counts: RequestCounts = {};
      for (const r of fake.requests) {
        const key = `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      fake.requests.length = 0;
      fake.setKeepRequests(command.keep);
      return counts;
    }
    case 'close':
      await fake?.close();
      fake = null;
      return null;
  }
}

/**
 * `perAccount` statuses for every account that has a token (the OAuth one and the issued ones),
 * created through the fake's own API (POST /api/v1/statuses, with the latency it answers with), then
 * given favourites and boosts with `engage`: readings of them are real answers, not 404s.
 */
async function seedStatuses(fake: MastodonFake, command: { perAccount: number; textPrefix: string; concurrency: number }) {
  const owners = new Map<string, string>();
  for (const t of fake.tokens()) if (!t.revoked && t.scopes.some((s) => s === 'write' || s === 'write:statuses') && !owners.has(t.accountId)) owners.set(t.accountId, t.token);
  const work = [...owners].flatMap(([accountId, token]) => Array.from({ length: command.perAccount }, (_, i) => ({ accountId, token, i })));
  const seeded: SeededStatus[] = new Array(work.length);
  let next = 0;
  const loop = async () => {
    for (let n = next++; n < work.length; n = next++) {
      const { accountId, token, i } = work[n]!;
      const response = await postWithRetry(`${fake.url}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: `${command.textPrefix} ${accountId} #${i}`, visibility: 'public' }),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 200 || !body.id) throw new Error(`seeding a status failed (${response.status}): ${JSON.stringify(body)}`);
      const counts = { favourites: n % 50, reblogs: n % 7 };
      fake.engage(body.id, counts);
      seeded[n] = { id: body.id, accountId, ...counts };
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, loop));
  return seeded;
}

/**
 * Seeding 100,000 statuses (500 × 200) was seen to lose a connection now and then ("fetch failed"):
 * a lost one is sent again (a status created twice is only an extra one nobody reads).
 */
async function postWithRetry(url: string, init: RequestInit, tries = 3): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= tries) throw new Error(`seeding a status failed: ${error instanceof Error ? `${error.message} (${String((error as { cause?: unknown }).cause)})` : String(error)}`, { cause: error });
    }
  }
}

serveFakeCommands(run);
