import { fork, type ChildProcess } from 'node:child_process';
import type { MastodonFakeOptions } from '../test/fakes/mastodon/mastodon-fake.ts';
import type { CreatedStatus, FakeCommand, IssuedAccount, RequestCounts, SeededStatus } from './mastodon-fake.process.ts';

export type RemoteMastodonFake = Awaited<ReturnType<typeof startRemoteMastodonFake>>;

/** Starts the Mastodon fake in a child process (see mastodon-fake.process.ts) and answers a typed handle on it. */
export async function startRemoteMastodonFake(options: MastodonFakeOptions) {
  const child: ChildProcess = fork(new URL('./mastodon-fake.process.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) call?.reject(new Error(`mastodon fake: ${message.error}`));
    else call?.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const call of waiting.values()) call.reject(new Error(`the mastodon fake process exited (${code})`));
    waiting.clear();
  });
  const send = <T>(command: FakeCommand) =>
    new Promise<T>((resolve, reject) => {
      next += 1;
      waiting.set(next, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id: next, command });
    });

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
    seedStatuses: (perAccount: number, textPrefix: string, concurrency = 50) => send<SeededStatus[]>({ op: 'seedStatuses', perAccount, textPrefix, concurrency }),
    /** Requests since the previous call by "METHOD /path/:id"; `keep` switches the log on (off: nothing is counted afterwards). */
    countRequests: (keep: boolean) => send<RequestCounts>({ op: 'countRequests', keep }),
    async close() {
      await send({ op: 'close' }).catch(() => undefined);
      child.disconnect();
    },
  };
}
