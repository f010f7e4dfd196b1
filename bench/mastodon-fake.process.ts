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
  | { op: 'seedStatuses'; perAccount: number; textPrefix: string }
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
 * stored in the fake directly (what it would hold after those posts were made), then given
 * favourites and boosts with `engage`: readings of them are real answers over HTTP, not 404s.
 * Seeding 100,000 through the fake's own POST took from 5 to 28 minutes; it measured nothing.
 */
function seedStatuses(fake: MastodonFake, command: { perAccount: number; textPrefix: string }) {
  const owners = new Set<string>();
  for (const t of fake.tokens()) if (!t.revoked && t.scopes.some((s) => s === 'write' || s === 'write:statuses')) owners.add(t.accountId);
  const seeded: SeededStatus[] = [];
  for (const accountId of owners) {
    for (let i = 0; i < command.perAccount; i += 1) {
      const status = fake.seedStatus(accountId, `${command.textPrefix} ${accountId} #${i}`);
      const counts = { favourites: seeded.length % 50, reblogs: seeded.length % 7 };
      fake.engage(status.id, counts);
      seeded.push({ id: status.id, accountId, ...counts });
    }
  }
  return seeded;
}

serveFakeCommands(run);
