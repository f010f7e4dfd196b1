import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

const root = fileURLToPath(new URL('../../', import.meta.url));
const stampFile = path.join(root, 'dist/web/.build-stamp');
// Every folder the SPA is built from: the networks' web parts and descriptors live in src/networks.
const inputs = ['src/web', 'src/shared', 'src/networks', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** `npm start` builds the web app when it is missing or older than its sources. */
export async function buildWebIfStale(logger: Logger): Promise<void> {
  const sourcesChanged = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
  const built = fs.existsSync(stampFile) ? fs.statSync(stampFile).mtimeMs : 0;
  if (built >= sourcesChanged) return;
  logger.info('building the web app (first start or sources changed)…');
  const started = Date.now();
  await viteBuild();
  fs.writeFileSync(stampFile, new Date().toISOString());
  logger.info({ ms: Date.now() - started }, 'web app built');
}

/**
 * `vite build` in a child process that ends with the build: in Herald's own process the build's
 * memory (hundreds of MB) stayed with the server, and so did vite's esbuild service process.
 */
async function viteBuild(): Promise<void> {
  const vitePackage = createRequire(import.meta.url).resolve('vite/package.json');
  const { bin } = JSON.parse(fs.readFileSync(vitePackage, 'utf8')) as { bin: { vite: string } };
  const child = spawn(process.execPath, [path.join(path.dirname(vitePackage), bin.vite), 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
  });
  if (code !== 0) throw new Error(`building the web app failed (vite build ended with ${code ?? 'a signal'}); its output is above`);
}
