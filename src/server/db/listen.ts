import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from './database.ts';

// LISTEN on either database. A notification is only ever a hint ("look again"): every listener
// also has a timer or a sweep that finds what a lost notification would have announced.

/**
 * Calls `onNotify` for each NOTIFY on `channel` (a plain identifier), and once more whenever the
 * listening connection is (re)established, for what was committed while nobody listened. Answers
 * a function that stops listening.
 */
export async function listen(db: Db, channel: string, logger: Logger, onNotify: () => void): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof PGlite) return client.listen(channel, onNotify);
  const { connectionString } = (client as pg.Pool).options;
  let stopped = false;
  let current: pg.Client | null = null;
  const connect = async () => {
    if (stopped) return;
    const listener = new pg.Client({ connectionString, keepAlive: true, application_name: `herald listen ${channel}` });
    current = listener;
    listener.on('notification', onNotify);
    // A dropped connection is replaced; the caller's timer or sweep covers what was missed meanwhile.
    listener.on('error', () => {
      void listener.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 2_000).unref();
    });
    try {
      await listener.connect();
      await listener.query(`listen ${channel}`);
      onNotify();
    } catch (err) {
      logger.warn({ err, channel }, 'listener could not connect; retrying');
      await listener.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 5_000).unref();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await current?.end().catch(() => undefined);
  };
}
