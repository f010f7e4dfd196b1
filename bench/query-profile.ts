import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

type Entry = { calls: number; totalMs: number; maxMs: number };

/**
 * Times every query Herald and pg-boss send through node-postgres, grouped by statement (the
 * first 160 characters, whitespace folded). In-process and approximate: a query's time includes
 * its wait for a pool connection or behind another query on the same one. PGlite: profilePgliteQueries.
 */
export function profileQueries() {
  const { record, reset, top } = statementTimes();
  const statementOf = (args: unknown[]) => {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    return text.replace(/\s+/g, ' ').trim().slice(0, 160);
  };
  // The promise form only (drizzle and pg-boss use it). Pool.query runs Client.query with a
  // callback, which passes untouched, so nothing is counted twice.
  const timed = <T extends (...args: never[]) => unknown>(original: T) =>
    function (this: unknown, ...args: unknown[]) {
      const result = (original as unknown as (...a: unknown[]) => unknown).apply(this, args);
      if (!(result instanceof Promise)) return result;
      const started = performance.now();
      const statement = statementOf(args);
      const done = () => record(statement, performance.now() - started);
      result.then(done, done);
      return result;
    } as unknown as T;
  const originals = { client: pg.Client.prototype.query, pool: pg.Pool.prototype.query };
  pg.Client.prototype.query = timed(originals.client);
  pg.Pool.prototype.query = timed(originals.pool);
  return {
    reset,
    top,
    stop: () => {
      pg.Client.prototype.query = originals.client;
      pg.Pool.prototype.query = originals.pool;
    },
  };
}

/**
 * The same for PGlite: the time each statement spends in PGlite's engine (its protocol messages
 * and the write to the file system after it), which on PGlite blocks Node's thread. Measured
 * inside PGlite's query lock, so, unlike the PostgreSQL profile, without the waits behind other
 * queries. Statements are recognised by their Parse or Query message.
 */
export function profilePgliteQueries(pglite: PGlite) {
  const { record, reset, top } = statementTimes();
  const instance = pglite as unknown as { execProtocolStream: (message: Uint8Array, options?: unknown) => Promise<unknown>; syncToFs: () => Promise<void> };
  const originals = { execProtocolStream: instance.execProtocolStream, syncToFs: instance.syncToFs };
  let current = '?';
  const textOf = (message: Uint8Array) => {
    // Parse: 'P', length, statement name\0, text\0; Query: 'Q', length, text\0.
    const kind = message[0];
    if (kind !== 0x50 && kind !== 0x51) return null;
    let at = 5;
    if (kind === 0x50) while (at < message.length && message[at] !== 0) at += 1;
    if (kind === 0x50) at += 1;
    const end = message.indexOf(0, at);
    return Buffer.from(message.subarray(at, end < 0 ? message.length : end)).toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 160);
  };
  const timed = <A extends unknown[], R>(original: (...args: A) => Promise<R>, statementFrom?: (...args: A) => string | null) =>
    async function (this: unknown, ...args: A): Promise<R> {
      const text = statementFrom?.(...args);
      if (text) current = text;
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        record(current, performance.now() - started, text ? 1 : 0);
      }
    };
  instance.execProtocolStream = timed(originals.execProtocolStream, (message) => textOf(message));
  instance.syncToFs = timed(originals.syncToFs);
  return {
    reset,
    top,
    stop: () => {
      instance.execProtocolStream = originals.execProtocolStream;
      instance.syncToFs = originals.syncToFs;
    },
  };
}

/** Time per statement: `calls` counts the statements, `ms` adds up every part of them. */
function statementTimes() {
  const entries = new Map<string, Entry>();
  const record = (statement: string, ms: number, calls = 1) => {
    const entry = entries.get(statement) ?? { calls: 0, totalMs: 0, maxMs: 0 };
    entry.calls += calls;
    entry.totalMs += ms;
    entry.maxMs = Math.max(entry.maxMs, ms);
    entries.set(statement, entry);
  };
  return {
    record,
    reset: () => entries.clear(),
    /** The statements that took the most time in all, with their share of it. */
    top(limit = 15) {
      const total = [...entries.values()].reduce((sum, e) => sum + e.totalMs, 0);
      const calls = [...entries.values()].reduce((sum, e) => sum + e.calls, 0);
      return {
        queries: calls,
        totalMs: Math.round(total),
        statements: [...entries]
          .sort((a, b) => b[1].totalMs - a[1].totalMs)
          .slice(0, limit)
          .map(([statement, e]) => ({ statement, calls: e.calls, totalMs: Math.round(e.totalMs), meanMs: Math.round((e.totalMs / Math.max(e.calls, 1)) * 100) / 100, maxMs: Math.round(e.maxMs), share: Math.round((e.totalMs / total) * 1000) / 10 })),
      };
    },
  };
}
