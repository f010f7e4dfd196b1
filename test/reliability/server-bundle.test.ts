import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllHeraldProcesses, sharedHeraldEnv, startHeraldProcess } from '../helpers/herald-process.ts';
import { freshDatabase } from '../helpers/test-herald.ts';

// bin/herald.js runs the server compiled ahead of time (dist/server/cli.js, bin/server-bundle.js):
// rebuilt when missing or older than its sources, then started without a TypeScript compiler.
// It lives with the reliability tests because those run one file at a time: it makes the shared
// bundle stale on purpose, and any other test file starting bin/herald.js meanwhile would rebuild
// it too (the stamp vanished under this test once, with four files at a time).

const root = fileURLToPath(new URL('../../', import.meta.url));
const stampFile = path.join(root, 'dist/server/build-stamp.json');
const bundleFile = path.join(root, 'dist/server/cli.js');

type Stamp = { hash: string; inputs: string[]; esbuild: string };
const readStamp = () => JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Stamp;

/** `node bin/herald.js help`: the quickest command that still loads the whole bundle. */
function runHelp(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/herald.js', 'help'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): string[] {
  const children: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return children;
}

describe('the server bundle (dist/server)', () => {
  afterAll(killAllHeraldProcesses);

  it('is rebuilt by bin/herald.js when its stamp is missing or does not match the sources, and used as it is otherwise', async () => {
    // Make sure there is a bundle to start from (another test file may be rebuilding it right now).
    const first = await runHelp();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Usage: herald <command>');

    // The sources changed since the build (the hash recorded no longer matches).
    const stamp = readStamp();
    expect(stamp.inputs).toContain('src/server/cli.ts');
    expect(stamp.inputs).toContain('src/server/db/database.ts');
    fs.writeFileSync(stampFile, JSON.stringify({ ...stamp, hash: 'built-from-other-sources' }));
    const stale = await runHelp();
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain('building the server');
    expect(stale.stdout).toContain('Usage: herald <command>');
    expect(readStamp().hash).toBe(stamp.hash);

    // No bundle at all (a fresh checkout that skipped the install scripts).
    fs.rmSync(stampFile);
    const missing = await runHelp();
    expect(missing.code).toBe(0);
    expect(missing.stderr).toContain('building the server');
    expect(fs.existsSync(bundleFile)).toBe(true);

    // Fresh: started as it is.
    const fresh = await runHelp();
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).not.toContain('building the server');
  }, 180_000);

  it('resolves the files its sources read next to themselves (migrations, the web build, package.json) from the sources', () => {
    const bundle = fs.readFileSync(bundleFile, 'utf8');
    expect(bundle).toContain('new URL("../../src/server/db/database.ts", import.meta.url)');
    // No source module was left with the bundle's own import.meta.url.
    expect(bundle.match(/import\.meta\.url/g)?.length).toBe(bundle.match(/new URL\("\.\.\/\.\.\/src\/[^"]+", import\.meta\.url\)/g)?.length);
  });

  it('starts from the bundle, answers /readyz with its migrations applied, and runs no child process', async () => {
    const database = await freshDatabase();
    try {
      const herald = await startHeraldProcess({ mode: 'all', env: await sharedHeraldEnv(database), readyTimeoutMs: 170_000 });
      const ready = await fetch(`${herald.url}/readyz`);
      expect(ready.status).toBe(200);
      // No esbuild service (tsx's, the server build's, vite's) and no other process below Herald.
      expect(childrenOf(herald.pid!)).toEqual([]);
      expect(herald.logs.join('\n')).not.toMatch(/"level":(50|60)/);
      await herald.kill();
    } finally {
      await database.drop();
    }
  }, 180_000);
});
