import { PgBoss, fromPglite } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';

export type QueueRole = { workers: boolean };

/**
 * pg-boss on whichever database Herald runs on: the in-process PGlite in the embedded mode, or
 * PostgreSQL, where any number of worker processes share the queue.
 */
export function createQueue(database: Database, options: { pollSeconds: number; logger: Logger; runsMaintenance: boolean }) {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schedule: options.runsMaintenance, supervise: options.runsMaintenance })
      : new PgBoss({
          connectionString: database.connectionString!,
          max: 4,
          schedule: options.runsMaintenance,
          supervise: options.runsMaintenance,
        });
  // pg's errors carry the whole client (connection settings, buffers): log what says what happened.
  boss.on('error', (err: unknown) => options.logger.error({ err: queueErrorSummary(err) }, 'job queue error'));
  return boss;
}

export type Queue = ReturnType<typeof createQueue>;

function queueErrorSummary(err: unknown) {
  if (!(err instanceof Error)) return { message: String(err) };
  const { code } = err as { code?: unknown };
  return { type: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}), stack: err.stack };
}
