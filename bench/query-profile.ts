import pg from 'pg';

type Entry = { calls: number; totalMs: number; maxMs: number };

/**
 * Times every query Herald and pg-boss send through node-postgres, grouped by statement (the
 * first 160 characters, whitespace folded). In-process and approximate: a query's time includes
 * its wait for a pool connection or behind another query on the same one. PGlite is not covered.
 */
export function profileQueries() {
  const entries = new Map<string, Entry>();
  const record = (statement: string, ms: number) => {
    const entry = entries.get(statement) ?? { calls: 0, totalMs: 0, maxMs: 0 };
    entry.calls += 1;
    entry.totalMs += ms;
    entry.maxMs = Math.max(entry.maxMs, ms);
    entries.set(statement, entry);
  };
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
          .map(([statement, e]) => ({ statement, calls: e.calls, totalMs: Math.round(e.totalMs), meanMs: Math.round((e.totalMs / e.calls) * 100) / 100, maxMs: Math.round(e.maxMs), share: Math.round((e.totalMs / total) * 1000) / 10 })),
      };
    },
    stop: () => {
      pg.Client.prototype.query = originals.client;
      pg.Pool.prototype.query = originals.pool;
    },
  };
}
