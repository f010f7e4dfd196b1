import { startMastodonFake, type MastodonFake, type MastodonFakeOptions } from '../test/fakes/mastodon/mastodon-fake.ts';

// The Mastodon fake in a process of its own, driven over IPC by fake-client.ts. Run in Herald's
// process, its request handling would compete with the engine for the same event loop and make
// both the engine and the raw baseline look slower than they are.

export type FakeCommand =
  | { op: 'start'; options: MastodonFakeOptions }
  | { op: 'issueTokens'; count: number; idPrefix: string }
  | { op: 'authorize'; url: string }
  | { op: 'creations' }
  | { op: 'statuses'; textPrefix: string }
  | { op: 'close' };

export type IssuedAccount = { accountId: string; username: string; token: string };
/** A created status as the benchmarks need it: `createdAt` is when the fake stored it (epoch ms). */
export type CreatedStatus = { text: string; accountId: string; idempotencyKey: string | null; createdAt: number };

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
    case 'close':
      await fake?.close();
      fake = null;
      return null;
  }
}

process.on('message', (message: { id: number; command: FakeCommand }) => {
  run(message.command).then(
    (result) => process.send!({ id: message.id, result }),
    (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
