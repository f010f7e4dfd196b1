import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/server/config/config.ts';
import type { Providers } from '../../src/networks/server.ts';
import { startHerald, type Herald, type Mode } from '../../src/server/runtime.ts';
import { copyPgliteTemplate } from './database-template.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh, empty database for one test file: a new PostgreSQL database when TEST_DATABASE_URL is
 * set (CI runs the suite both ways), otherwise a PGlite folder in a temp dir. Both start as a copy
 * of the migrated template the global set-up made (test/helpers/database-template.ts).
 */
export async function freshDatabase(): Promise<{ env: Record<string, string>; dataDir: string; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-test-'));
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    copyPgliteTemplate(dataDir);
    return { env: {}, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `herald_test_${crypto.randomBytes(6).toString('hex')}`;
  const template = process.env.HERALD_TEST_PG_TEMPLATE;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    dataDir,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestHerald = {
  url: string;
  dataDir: string;
  herald: Herald;
  /** The configuration Herald was started with (a test building a network's publisher the way Herald does). */
  config: Config;
  logs: string[];
  /** Stops Herald; the database stays, so a test can start it again on the same data. */
  stop(): Promise<void>;
  restart(env?: Record<string, string>): Promise<TestHerald>;
  /** Stops Herald and deletes its database. */
  close(): Promise<void>;
};

/** `providers` replaces the connect side of the named networks (see test/helpers/multi-account.ts). */
export async function startTestHerald(
  options: { env?: Record<string, string>; mode?: Mode; database?: Awaited<ReturnType<typeof freshDatabase>>; providers?: Providers } = {},
): Promise<TestHerald> {
  const database = options.database ?? (await freshDatabase());
  const port = options.env?.PORT ? Number(options.env.PORT) : await freePort();
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const config = loadConfig({
    PORT: String(port),
    HERALD_DATA_DIR: database.dataDir,
    HERALD_PUBLIC_URL: `http://127.0.0.1:${port}`,
    HERALD_AUTH_RATE_LIMIT: '1000',
    HERALD_JOB_POLL_SECONDS: '0.5',
    ...database.env,
    ...options.env,
  });
  const herald = await startHerald({ mode: options.mode ?? 'all', config, logger, providers: options.providers });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await herald.close();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir: database.dataDir,
    herald,
    config,
    logs,
    stop,
    async restart(env) {
      await stop();
      return startTestHerald({ ...options, env: { ...options.env, ...env }, database });
    },
    async close() {
      await stop();
      await database.drop();
    },
  };
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/** A browser-like API client: keeps cookies and sends the Origin header a browser would. */
export function createClient(baseUrl: string, options: { userAgent?: string } = {}) {
  const jar = new Map<string, string>();
  async function request<T = any>(method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { origin: baseUrl, 'user-agent': options.userAgent ?? 'herald-tests', ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(new URL(url, baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    jar,
    get: <T = any>(url: string) => request<T>('GET', url),
    post: <T = any>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
    patch: <T = any>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
    put: <T = any>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
    delete: <T = any>(url: string) => request<T>('DELETE', url),
    request,
  };
}
export type Client = ReturnType<typeof createClient>;

let counter = 0;
/** Signs a new user up and returns their signed-in client. */
export async function signUp(baseUrl: string, overrides: { name?: string; email?: string; password?: string } = {}) {
  counter += 1;
  const client = createClient(baseUrl);
  const user = {
    name: overrides.name ?? `User ${counter}`,
    email: overrides.email ?? `user${counter}-${crypto.randomBytes(3).toString('hex')}@example.com`,
    password: overrides.password ?? 'a long enough password',
  };
  const res = await client.post('/api/auth/sign-up/email', user);
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, ...user, id: res.body.user.id as string };
}
