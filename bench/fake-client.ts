import type { MastodonFakeOptions } from '../test/fakes/mastodon/mastodon-fake.ts';
import { forkFakeProcess } from './fake-process.ts';
import type { CreatedStatus, FakeCommand, IssuedAccount, RequestCounts, SeededStatus } from './mastodon-fake.process.ts';

export type RemoteMastodonFake = Awaited<ReturnType<typeof startRemoteMastodonFake>>;

/** Starts the Mastodon fake in a child process (see mastodon-fake.process.ts) and answers a typed handle on it. */
export async function startRemoteMastodonFake(options: MastodonFakeOptions) {
  const { send, disconnect } = forkFakeProcess<FakeCommand>(new URL('./mastodon-fake.process.ts', import.meta.url), 'mastodon fake');
  const { url, domain } = await send<{ url: string; domain: string }>({ op: 'start', options });
  return {
    url,
    domain,
    latencyMs: options.latencyMs ?? 0,
    /** One new account per token: each is its own channel at Herald, with its own spacing. */
    issueTokens: (count: number, idPrefix: string) => send<IssuedAccount[]>({ op: 'issueTokens', count, idPrefix }),
    authorize: (authorizationUrl: string) => send<string>({ op: 'authorize', url: authorizationUrl }),
    creations: () => send<number>({ op: 'creations' }),
    statuses: (textPrefix: string) => send<CreatedStatus[]>({ op: 'statuses', textPrefix }),
    /** `perAccount` statuses per account holding a token, with favourites and boosts set (see mastodon-fake.process.ts). */
    seedStatuses: (perAccount: number, textPrefix: string) => send<SeededStatus[]>({ op: 'seedStatuses', perAccount, textPrefix }),
    /** Requests since the previous call by "METHOD /path/:id"; `keep` switches the log on (off: nothing is counted afterwards). */
    countRequests: (keep: boolean) => send<RequestCounts>({ op: 'countRequests', keep }),
    async close() {
      await send({ op: 'close' }).catch(() => undefined);
      disconnect();
    },
  };
}
