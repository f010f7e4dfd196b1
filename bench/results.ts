import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const folder = new URL('./results/', import.meta.url);

/** Where and on what a result was measured, so numbers from two machines are not compared blindly. */
export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/**
 * The code measured: the commit, and the engine files changed since (the working tree is shared
 * with people editing it, so a result may be of uncommitted code).
 */
export function revision() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: new URL('..', import.meta.url), encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const changed = git('status', '--porcelain', '--', 'src/server/modules/publishing', 'src/server/jobs', 'src/server/db', 'src/server/providers', 'src/server/modules/analytics');
  return { commit: git('rev-parse', 'HEAD'), uncommittedEngineChanges: changed ? changed.split('\n').map((line) => line.trim()) : [] };
}

/** Writes bench/results/<name>.json and answers its path. */
export function writeResult(name: string, result: unknown): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = new URL(`${name}.json`, folder);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file.pathname;
}
