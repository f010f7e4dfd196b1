import { setTimeout as sleep } from 'node:timers/promises';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { createPgPool } from '../../db/pg-pool.ts';

// Any fixed number works; it only has to be the same in every Herald process (the second key is
// the upload id's hash). Two-key advisory locks live apart from the one-key migration lock.
const UPLOAD_LOCK_CLASS = 727_131_021;
// A request that wants an upload someone holds says so here; every process's holders of that
// upload are asked to let go (tus: a new request for an upload ends the one before it).
const RELEASE_CHANNEL = 'herald_tus_release';
// As long as @tus/server's MemoryLocker waits before giving up (answers 500, the client retries).
const ACQUIRE_TIMEOUT_MS = 30_000;
const ASK_AGAIN_MS = 1_000;

export type UploadLocker = Locker & { close(): Promise<void> };

/**
 * tus upload locks shared by every Herald process on one PostgreSQL: a session advisory lock per
 * upload, held on its own connection for as long as tus holds the lock (a connection that dies
 * takes its lock with it, so a crashed process blocks nobody). A lock that is taken is asked to be
 * released through NOTIFY, and tried again until it is free, the request ends, or 30 s pass.
 */
export function createPostgresUploadLocker(connectionString: string, logger: FastifyBaseLogger, options: { poolSize?: number } = {}): UploadLocker {
  // Apart from the app's pool: a long PATCH holds its connection for its whole length.
  const pool = createPgPool({ connectionString, max: options.poolSize ?? 20 });
  const holders = new Map<string, Set<RequestRelease>>();
  let listener: pg.Client | undefined;
  let listening: Promise<void> | undefined;
  let closed = false;

  const askHoldersHere = (id: string) => {
    for (const release of holders.get(id) ?? []) void Promise.resolve(release()).catch(() => {});
  };
  // Started on first use and again after a lost connection; without it locks still exclude, a
  // holder is only not asked to hurry.
  const listen = () =>
    (listening ??= (async () => {
      const client = new pg.Client({ connectionString });
      client.on('error', () => {
        listening = undefined;
        listener = undefined;
        void client.end().catch(() => {});
      });
      client.on('notification', (message) => message.payload && askHoldersHere(message.payload));
      await client.connect();
      await client.query(`listen ${RELEASE_CHANNEL}`);
      if (closed) await client.end();
      else listener = client;
    })().catch((err: unknown) => {
      listening = undefined;
      logger.warn({ err }, 'resumable uploads: listening for lock release requests failed; locks still hold');
    }));

  return {
    newLock(id: string): Lock {
      let held: pg.PoolClient | undefined;
      let release: RequestRelease | undefined;
      return {
        async lock(stopSignal, requestRelease) {
          await listen();
          const client = await pool.connect();
          const giveUpAt = Date.now() + ACQUIRE_TIMEOUT_MS;
          let askedAt = 0;
          try {
            for (let attempt = 0; ; attempt += 1) {
              const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as ok', [UPLOAD_LOCK_CLASS, id]);
              if (rows[0]?.ok) break;
              if (stopSignal.aborted || Date.now() >= giveUpAt) throw ERRORS.ERR_LOCK_TIMEOUT;
              if (Date.now() - askedAt >= ASK_AGAIN_MS) {
                await client.query('select pg_notify($1, $2)', [RELEASE_CHANNEL, id]);
                askedAt = Date.now();
              }
              await sleep(Math.min(20 * 2 ** attempt, 200));
            }
          } catch (error) {
            client.release();
            throw error;
          }
          held = client;
          release = requestRelease;
          const own = holders.get(id) ?? new Set();
          own.add(requestRelease);
          holders.set(id, own);
        },
        async unlock() {
          const client = held;
          if (!client) throw new Error('Releasing an unlocked lock!');
          held = undefined;
          const own = holders.get(id);
          own?.delete(release!);
          if (own?.size === 0) holders.delete(id);
          try {
            await client.query('select pg_advisory_unlock($1, hashtext($2))', [UPLOAD_LOCK_CLASS, id]);
            client.release();
          } catch (error) {
            // The connection is gone or broken: dropping it ends its session, and the lock with it.
            client.release(error as Error);
          }
        },
      };
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
