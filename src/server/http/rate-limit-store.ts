import { sql } from 'drizzle-orm';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { rowsOf, type Db } from '../db/database.ts';

// Expired windows are deleted now and then, not on every request.
const SWEEP_EVERY_MS = 60_000;

type Hit = { hits: number; ttl_ms: number };

/**
 * A @fastify/rate-limit store counting in PostgreSQL (table rate_limit_hits), for the scaled mode:
 * every serve process draws from the same counters, so "10 sign-in attempts a minute per IP" stays
 * 10 with any number of servers behind the proxy. One statement per hit: an upsert that starts a
 * new fixed window once the old one has ended, so two processes counting the same key at once
 * both see the other's hit. The window is timed by the database's clock, the one clock every
 * process shares. (Fixed windows only: Herald sets neither continueExceeding nor exponentialBackoff.)
 */
export function postgresRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  const sweep = () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    db.execute(sql`delete from rate_limit_hits where window_ends_at < now()`).catch(() => {
      // A failed sweep is retried at the next one; the rows it left are reset when hit again.
    });
  };

  async function incr(key: string, timeWindowMs: number): Promise<{ current: number; ttl: number }> {
    const result = await db.execute(sql`
      insert into rate_limit_hits as r (key, hits, window_ends_at)
      values (${key}, 1, now() + ${timeWindowMs} * interval '1 millisecond')
      on conflict (key) do update set
        hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
        window_ends_at = case when r.window_ends_at <= now() then excluded.window_ends_at else r.window_ends_at end
      returning hits, greatest(0, ceil(extract(epoch from (window_ends_at - now())) * 1000))::int as ttl_ms`);
    const [row] = rowsOf<Hit>(result);
    sweep();
    return { current: Number(row!.hits), ttl: Number(row!.ttl_ms) };
  }

  async function read(key: string): Promise<{ current: number; ttl: number }> {
    const result = await db.execute(sql`
      select hits, greatest(0, ceil(extract(epoch from (window_ends_at - now())) * 1000))::int as ttl_ms
      from rate_limit_hits where key = ${key} and window_ends_at > now()`);
    const [row] = rowsOf<Hit>(result);
    return row ? { current: Number(row.hits), ttl: Number(row.ttl_ms) } : { current: 0, ttl: 0 };
  }

  class PostgresRateLimitStore implements FastifyRateLimitStore {
    // Each route with its own limit counts under its own prefix (a limit made with createRateLimit
    // has none: its key generator names it).
    constructor(private readonly prefix = '') {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      incr(this.prefix + key, timeWindow).then((res) => callback(null, res), (error: Error) => callback(error));
    }

    read(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void) {
      read(this.prefix + key).then((res) => callback(null, res), (error: Error) => callback(error));
    }

    // Typed by the plugin as the route's options; what it passes are the merged limit settings,
    // with the route under `routeInfo`.
    child(routeOptions: object) {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new PostgresRateLimitStore(route?.url ? `${String(route.method)}${route.url}-` : '');
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
