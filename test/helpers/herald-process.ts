import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { generateEncryptionKey } from '../../src/server/security/secret-box.ts';
import { freePort, type freshDatabase } from './test-herald.ts';

// Herald as a real child process (`node bin/herald.js <mode>`), for the tests that kill it with
// SIGKILL: an in-process Herald cannot die in the middle of a call the way a crashed server does.

export type ProcessMode = 'all' | 'serve' | 'worker';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/herald.js');
// Every child started by this file, so afterAll (or the test process's exit) leaves no orphan.
const running = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Settings every process of one Herald shares: the database, the data folder, the signing secret
 * and the token keys (set explicitly, so processes started together do not race to generate them).
 */
export async function sharedHeraldEnv(database: Awaited<ReturnType<typeof freshDatabase>>, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const port = await freePort();
  return {
    PORT: String(port),
    HERALD_DATA_DIR: database.dataDir,
    HERALD_PUBLIC_URL: `http://127.0.0.1:${port}`,
    HERALD_SECRET: `reliability-tests-${'x'.repeat(32)}`,
    HERALD_ENCRYPTION_KEYS: generateEncryptionKey('k1'),
    HERALD_AUTH_RATE_LIMIT: '1000',
    LOG_LEVEL: 'info',
    ...database.env,
    ...extra,
  };
}

export type HeraldProcess = {
  readonly mode: ProcessMode;
  /** The API's address (all, serve); the same across restarts. */
  readonly url: string;
  readonly pid: number | undefined;
  /** stdout and stderr of every run, in order, with a marker line at each start. */
  readonly logs: string[];
  /** False once the process has exited (killed or crashed), until it is started again. */
  readonly alive: boolean;
  /** Times each start took until ready (ms). */
  readonly startTimes: number[];
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
  /** Starts it again with the same settings (killing it first if it still runs). */
  restart(): Promise<void>;
};

function exited(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (!running.has(child)) resolve();
    else child.once('close', () => resolve());
  });
}

/** Starts `herald <mode>` and resolves once it is ready: /readyz answers (all, serve) or the worker logged its start. */
export async function startHeraldProcess(options: { mode: ProcessMode; env: Record<string, string>; readyTimeoutMs?: number }): Promise<HeraldProcess> {
  const logs: string[] = [];
  const startTimes: number[] = [];
  // Its own port when it has one: behind a proxy (test/reliability/scale-out.test.ts) the public URL is the proxy's.
  const ownPort = options.env.PORT && options.env.PORT !== '0' ? options.env.PORT : undefined;
  const url = ownPort ? `http://127.0.0.1:${ownPort}` : (options.env.HERALD_PUBLIC_URL ?? `http://127.0.0.1:${options.env.PORT}`);
  let child: ChildProcess | undefined;

  async function start() {
    const started = Date.now();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '', ...options.env };
    const proc = spawn(process.execPath, [bin, options.mode], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    logs.push(`--- herald ${options.mode} started, pid ${proc.pid} ---`);
    let workerStarted = false;
    readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
      logs.push(line);
      if (line.includes('"Herald worker started"')) workerStarted = true;
    });
    readline.createInterface({ input: proc.stderr! }).on('line', (line) => logs.push(`[stderr] ${line}`));
    // 'close' comes once the output is read to the end, so a failed start shows its last words.
    let closed = false;
    proc.once('close', (code, signal) => {
      closed = true;
      running.delete(proc);
      logs.push(`--- herald ${options.mode} pid ${proc.pid} exited (${signal ?? code}) ---`);
    });

    const deadline = started + (options.readyTimeoutMs ?? 60_000);
    const thisRun = () => logs.slice(logs.lastIndexOf(`--- herald ${options.mode} started, pid ${proc.pid} ---`)).slice(-60).join('\n');
    for (;;) {
      if (closed) throw new Error(`herald ${options.mode} exited before it was ready:\n${thisRun()}`);
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`herald ${options.mode} was not ready after ${options.readyTimeoutMs ?? 60_000} ms:\n${thisRun()}`);
      }
      if (options.mode === 'worker' ? workerStarted : await isReady(url)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    startTimes.push(Date.now() - started);
  }

  async function kill() {
    const proc = child;
    if (!proc) return;
    proc.kill('SIGKILL');
    await exited(proc);
  }

  await start();
  return {
    mode: options.mode,
    url,
    get pid() {
      return child?.pid;
    },
    get alive() {
      return !!child && running.has(child);
    },
    logs,
    startTimes,
    kill,
    async restart() {
      await kill();
      await start();
    },
  };
}

async function isReady(url: string) {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Kills every child this file started (afterAll), and waits until they are gone. */
export async function killAllHeraldProcesses() {
  const children = [...running];
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
}
