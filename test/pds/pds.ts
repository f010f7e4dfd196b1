import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

// A real Bluesky PDS (and PLC directory) for tests: started with Node 22 from test/pds/.node, as
// installed by test/pds/setup.sh, because the reference PDS does not run on Node 20.

const here = path.dirname(fileURLToPath(import.meta.url));
const node22 = path.join(here, '.node', 'package', 'bin', 'node');

export type PdsAccount = { handle: string; did: string; password: string; appPassword: string };
export type LocalPds = { pdsUrl: string; plcUrl: string; accounts: PdsAccount[]; stop: () => Promise<void> };

/** True once test/pds/setup.sh has run; tests skip with that instruction otherwise. */
export function pdsAvailable(): boolean {
  return fs.existsSync(node22) && fs.existsSync(path.join(here, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
}

export async function startLocalPds(accounts: { handle: string; password: string; displayName?: string }[]): Promise<LocalPds> {
  const child = spawn(node22, [path.join(here, 'start-pds.mjs'), JSON.stringify(accounts)], { cwd: here, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', resolve);
    void exited.then((code) => reject(new Error(`the local PDS exited (${code}) before it was ready:\n${stderr}`)));
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the local PDS was not ready in 60 s:\n${stderr}`)), 60_000).unref());
  let ready: Omit<LocalPds, 'stop'>;
  try {
    ready = JSON.parse(await Promise.race([firstLine, timeout])) as Omit<LocalPds, 'stop'>;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    ...ready,
    async stop() {
      if (child.exitCode !== null) return;
      child.stdin.end();
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** The settings that point Herald's Bluesky provider at this network. */
export const blueskyEnv = (pds: LocalPds) => ({
  HERALD_BLUESKY_RESOLVER_URL: pds.pdsUrl,
  HERALD_BLUESKY_PLC_URL: pds.plcUrl,
  HERALD_BLUESKY_ALLOW_HTTP: 'true',
});
