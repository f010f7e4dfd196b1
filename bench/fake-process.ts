import { fork, type ChildProcess } from 'node:child_process';

/**
 * Forks a fake's process module (mastodon-fake.process.ts, instagram-fake.process.ts) and answers
 * `send`, which posts one command over IPC and resolves with the process's answer to it.
 */
export function forkFakeProcess<Command>(module: URL, name: string) {
  const child: ChildProcess = fork(module, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) call?.reject(new Error(`${name}: ${message.error}`));
    else call?.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const call of waiting.values()) call.reject(new Error(`the ${name} process exited (${code})`));
    waiting.clear();
  });
  const send = <T>(command: Command) =>
    new Promise<T>((resolve, reject) => {
      next += 1;
      waiting.set(next, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id: next, command });
    });
  return { send, disconnect: () => child.disconnect() };
}

/** The child side: answers each command from the parent with `run`'s result or error. */
export function serveFakeCommands<Command>(run: (command: Command) => Promise<unknown>) {
  process.on('message', (message: { id: number; command: Command }) => {
    run(message.command).then(
      (result) => process.send!({ id: message.id, result }),
      (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}
