import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './test-herald.ts';

// A PostgreSQL server of the test's own (initdb into a temp folder, on a free loopback port), for
// tests that restart PostgreSQL: the shared server at TEST_DATABASE_URL serves other test files
// running side by side, which a restart would break. Uses the binaries of the installed server.

const run = promisify(execFile);

export type PrivatePostgres = {
  /** A connection string for `database` on this server (user postgres, trust). */
  url(database: string): string;
  /** `pg_ctl restart -m fast`: every connection is cut, and the server is away until it is back. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

async function binDir(): Promise<string | null> {
  const fromConfig = await run('pg_config', ['--bindir']).then((r) => r.stdout.trim(), () => '');
  if (fromConfig && fs.existsSync(path.join(fromConfig, 'initdb'))) return fromConfig;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  return found ?? null;
}

/** Null when no PostgreSQL server binaries are installed. */
export async function startPrivatePostgres(): Promise<PrivatePostgres | null> {
  const bin = await binDir();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: as root (CI, containers) the server runs as `postgres`.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgRun = (command: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]) : run(path.join(bin, command), args));
  await pgRun('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=200`;
  const ctl = (action: string, ...extra: string[]) => pgRun('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', '-t', '60', action, ...extra]);
  await ctl('start');
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    restart: async () => {
      await ctl('restart', '-m', 'fast');
    },
    async stop() {
      await ctl('stop', '-m', 'immediate').catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createDatabase(server: PrivatePostgres, name: string) {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}
