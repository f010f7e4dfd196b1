import { forkFakeProcess } from './fake-process.ts';
import type { IgCallCounts, InstagramFakeCommand, InstagramFakeStart, IssuedIgAccount, PublishedIgPost } from './instagram-fake.process.ts';

export type RemoteInstagramFake = Awaited<ReturnType<typeof startRemoteInstagramFake>>;

/** Starts the Instagram Graph fake in a child process (see instagram-fake.process.ts) and answers a typed handle on it. */
export async function startRemoteInstagramFake(options: InstagramFakeStart) {
  const { send, disconnect } = forkFakeProcess<InstagramFakeCommand>(new URL('./instagram-fake.process.ts', import.meta.url), 'instagram fake');
  const { url, version, env } = await send<{ url: string; version: string; env: Record<string, string> }>({ op: 'start', options });
  return {
    url,
    version,
    /** The settings pointing Herald's Instagram (Instagram Login) at this fake, the poll interval left at Herald's. */
    env,
    authorize: (authorizationUrl: string) => send<string>({ op: 'authorize', url: authorizationUrl }),
    /** Long-lived tokens for the accounts from index `from` on (the first consents through OAuth instead). */
    issueTokens: (from: number) => send<IssuedIgAccount[]>({ op: 'issueTokens', from }),
    publishedCount: (captionPrefix: string) => send<number>({ op: 'publishedCount', captionPrefix }),
    published: (captionPrefix: string) => send<PublishedIgPost[]>({ op: 'published', captionPrefix }),
    calls: () => send<IgCallCounts>({ op: 'calls' }),
    async close() {
      await send({ op: 'close' }).catch(() => undefined);
      disconnect();
    },
  };
}
