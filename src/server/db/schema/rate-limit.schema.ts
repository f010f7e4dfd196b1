import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Request counters of the rate limits (sign-in attempts per IP, API calls per key, …) when Herald
// runs as several processes on PostgreSQL: every process counts in this one table, so a limit
// holds whichever server a request lands on. The embedded mode (one process) counts in memory.
// The table is UNLOGGED (see the migration and ADR 0022): counters are worth no WAL write, and a
// crash of PostgreSQL emptying them only gives every caller a fresh window.
export const rateLimitHits = pgTable('rate_limit_hits', {
  /** The limit's key: route (or limiter) and caller, e.g. `POST/api/auth/*-127.0.0.1`. */
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  /** When the current fixed window ends; the next hit after it starts a new window at 1. */
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
});
