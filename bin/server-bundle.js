// The server compiled ahead of time: src/server/cli.ts and everything it imports from src/, bundled
// by esbuild into dist/server/cli.js (packages stay imports of node_modules). Plain JavaScript, so
// that checking and building it needs no TypeScript compiler. Built at install (`npm run
// build:server`, run by `prepare`) and again by bin/herald.js whenever a source it was built from
// changed. ADR 0024.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const serverDist = path.join(root, 'dist/server');
const entry = path.join(root, 'src/server/cli.ts');
const bundleFile = path.join(serverDist, 'cli.js');
const stampFile = path.join(serverDist, 'build-stamp.json');
// Files that shape the output without being bundled: this builder and the compiler's settings.
const buildInputs = [fileURLToPath(import.meta.url), path.join(root, 'tsconfig.json')];

/** One hash over the files the bundle was built from (paths relative to the project) and the esbuild version. */
function hashOf(inputs, esbuildVersion) {
  const hash = crypto.createHash('sha256').update(esbuildVersion);
  for (const input of [...inputs].sort()) {
    hash.update(`\0${input}\0`);
    try {
      hash.update(fs.readFileSync(path.join(root, input)));
    } catch {
      hash.update('\0missing');
    }
  }
  return hash.digest('hex');
}

const relative = (file) => path.relative(root, file).split(path.sep).join('/');

/**
 * True when dist/server/cli.js was built from the sources as they are now. Only the files the
 * build read are hashed (its stamp lists them): a new source file only matters once a listed one
 * imports it, and then that one changed.
 */
export function serverBundleIsFresh() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(stamp.inputs) || typeof stamp.hash !== 'string' || !fs.existsSync(bundleFile)) return false;
  return hashOf(stamp.inputs, String(stamp.esbuild)) === stamp.hash;
}

/**
 * In the bundle every module shares the bundle's import.meta.url; the sources resolve files next to
 * themselves (migrations, the web build, package.json). Each module gets its own source file's
 * URL back, written relative to the bundle so the project folder may move after the build.
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(serverDist, args.path).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/**
 * Bundles the server and writes it with its stamp. Each file is written under a temporary name and
 * renamed, the stamp last: processes starting meanwhile see the old bundle or the new one, never
 * half of one. esbuild's service process is stopped afterwards, so none is left running.
 */
export async function buildServerBundle() {
  const esbuild = await import('esbuild');
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      outfile: bundleFile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      packages: 'external',
      sourcemap: 'linked',
      sourcesContent: false,
      metafile: true,
      write: false,
      logLevel: 'warning',
      plugins: [sourceLocations],
    });
    const inputs = [...Object.keys(result.metafile.inputs).map((input) => relative(path.resolve(root, input))), ...buildInputs.map(relative)];
    const stamp = { esbuild: esbuild.version, builtAt: new Date().toISOString(), hash: hashOf(inputs, esbuild.version), inputs };
    fs.mkdirSync(serverDist, { recursive: true });
    const files = [...result.outputFiles.map((file) => [file.path, file.contents]), [stampFile, `${JSON.stringify(stamp, null, 1)}\n`]];
    for (const [file, contents] of files) {
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, contents);
      fs.renameSync(temporary, file);
    }
    return stamp;
  } finally {
    await esbuild.stop();
  }
}

/**
 * The bundle's URL for import(), built first when it is missing or older than the sources. The
 * build runs in a child process: its memory and esbuild's service end with it, not with Herald.
 */
export async function freshServerBundle() {
  if (!serverBundleIsFresh()) {
    process.stderr.write('Herald: building the server (first start, or its sources changed)…\n');
    const builder = spawn(process.execPath, [fileURLToPath(import.meta.url)], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    const ended = await new Promise((resolve, reject) => {
      builder.once('error', reject);
      builder.once('exit', (code, signal) => resolve(signal ?? code));
    });
    if (ended !== 0) throw new Error(`Herald: building the server failed (${ended}); the reason is above. \`npm run build:server\` runs the build alone.`);
  }
  return pathToFileURL(bundleFile).href;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  // `node bin/server-bundle.js`: the build on its own (npm run build:server, prepare, freshServerBundle).
  const started = Date.now();
  const stamp = await buildServerBundle();
  console.log(`Herald: server built (dist/server/cli.js) from ${stamp.inputs.length} files in ${Date.now() - started} ms`);
}
