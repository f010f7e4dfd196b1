import pg from 'pg';

type Entry = { calls: number; totalMs: number; maxMs: number };

/**
 * Times every query Herald and pg-boss send through node-postgres, grouped by statement (the
 * text up to its parameters, whitespace folded). In-process and approximate: a query's time
 * includes its wait behind another on the same connection. PGlite is not covered.
 */
export function profileQueries() {
  const entries = new Map<string, Entry>();
  const original = pg.Client.prototype.query;
  const statementOf = (args: unknown[]) => {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    return text.replace(/\s+/g, ' ').trim().slice(0, 160);
  };
  // The promise form only (drizzle and pg-boss use it); callbacks and streams pass untouched.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (!(result instanceof Promise)) return result;
    const started = performance.now();
    const statement = statementOf(args);
    const done = () => {
      const ms = performance.now() - started;
      const entry = entries.get(statement) ?? { calls: 0, totalMs: 0, maxMs: 0 };
      entry.calls += 1;
      entry.totalMs += ms;
      entry.maxMs = Math.max(entry.maxMs, ms);
      entries.set(statement, entry);
    };
    result.then(done, done);
    return result;
  } as typeof original;
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
      pg.Client.prototype.query = original;
    },
  };
}
