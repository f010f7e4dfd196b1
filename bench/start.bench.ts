import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from './options.ts';
import { machine, revision } from './results.ts';

// `npm run bench -- start`: how long `herald start` takes to answer /readyz on a fresh data folder
// (first start: the embedded database is created) and on the same folder again (a later start),
// how much memory it holds after idling, and which processes it left behind. The raw baseline is
// a bare node HTTP server started the same way, in the same run: node's own start-up on this
// machine under its current load.

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/herald.js');

type Descendant = { pid: number; rssMb: number; command: string };
type StartRun = { label: string; readyMs: number; cpuMsToReady: number; idleSeconds: number; rssMb: number; descendants: Descendant[]; log: string[] };

/** Linux: /proc/<pid>/status VmRSS in MB (null once the process is gone). */
function rssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * CPU time the process used so far (user + system, /proc/<pid>/stat, in clock ticks of 10 ms):
 * unlike the wall-clock time it hardly depends on what else the machine is running.
 */
function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Every process below `pid` (children, their children…), found through /proc's parent ids. */
function descendantsOf(pid: number): Descendant[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the parent id follows the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone between the listing and the read.
    }
  }
  const found: Descendant[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      let command: string;
      try {
        command = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').join(' ').trim();
      } catch {
        continue;
      }
      found.push({ pid: child, rssMb: rssMb(child) ?? 0, command: command.replace(root, '') });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `args` with node, times it until `/readyz` answers, idles, measures, stops it. */
async function measureStart(label: string, args: string[], env: Record<string, string>, idleSeconds: number, log: (line: string) => void): Promise<StartRun> {
  const port = await freePort();
  const output: string[] = [];
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().trimEnd().split('\n')));
  child.stderr.on('data', (chunk: Buffer) => output.push(...chunk.toString().trimEnd().split('\n')));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${label}: exited (${child.exitCode}) before it was ready:\n${output.slice(-30).join('\n')}`);
      if (performance.now() - started > 300_000) throw new Error(`${label}: not ready after 300 s:\n${output.slice(-30).join('\n')}`);
      if (await answers(`http://127.0.0.1:${port}/readyz`)) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const readyMs = Math.round(performance.now() - started);
    const cpuMsToReady = cpuMs(child.pid!);
    log(`${label}: ready in ${readyMs} ms (${cpuMsToReady} ms of CPU); idling ${idleSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const run = { label, readyMs, cpuMsToReady, idleSeconds, rssMb: rssMb(child.pid!) ?? 0, descendants: descendantsOf(child.pid!), log: output.filter((line) => /"level":(40|50|60)|warn|error/i.test(line)).slice(-10) };
    log(`${label}: ${run.rssMb} MB resident after ${idleSeconds} s idle, ${run.descendants.length} process(es) left below it${run.descendants.map((d) => `\n    ${d.pid} ${d.rssMb} MB ${d.command}`).join('')}`);
    return run;
  } finally {
    await stop(child);
  }
}

export async function runStart(options: BenchOptions, log: (line: string) => void) {
  const { idleSeconds, rebuild } = options.start;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-start-'));
  try {
    if (rebuild) {
      // A first start after install or after a change: both builds are redone.
      for (const stamp of ['dist/server/build-stamp.json', 'dist/web/.build-stamp']) fs.rmSync(path.join(root, stamp), { force: true });
      log('removed the build stamps: the first start builds the server and the web app');
    }
    const env = { HERALD_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env };
    const raw = await measureStart(
      'raw node HTTP server',
      ['-e', "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')"],
      {},
      1,
      log,
    );
    const first = await measureStart('first start (fresh data folder)', [bin, 'start'], env, idleSeconds, log);
    const later = await measureStart('later start (same data folder)', [bin, 'start'], env, idleSeconds, log);
    return {
      benchmark: 'start',
      measuredAt: new Date().toISOString(),
      machine: machine(),
      revision: revision(),
      rebuild,
      raw: { readyMs: raw.readyMs, cpuMsToReady: raw.cpuMsToReady, rssMb: raw.rssMb },
      first,
      later,
      laterRatioToRaw: Math.round((later.readyMs / raw.readyMs) * 10) / 10,
      goals: { laterStartMs: 2000, laterStartMet: later.readyMs <= 2000, idleRssMb: 350, idleRssMet: Math.max(first.rssMb, later.rssMb) <= 350, noProcessLeft: first.descendants.length + later.descendants.length === 0 },
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
