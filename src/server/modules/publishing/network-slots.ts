import pg from 'pg';
import type { Logger } from 'pino';

/**
 * How many deliveries of one network are published at once, across every worker process: each
 * publish runs while holding one of the network's slots. See ADR 0022.
 */
export type NetworkSlots = {
  run<T>(network: string, publish: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** The embedded mode is one process: pg-boss's own per-process concurrency is the whole limit. */
export const oneProcessSlots: NetworkSlots = { run: (_network, publish) => publish(), close: async () => {} };

// Waits between rounds of tries when every slot is taken: short at first (a publish takes tens of
// milliseconds to seconds), then up to half a second, with jitter so waiting workers do not knock together.
const FIRST_WAIT_MS = 20;
const MAX_WAIT_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The connection holding this process's locks, and which slots of each network it holds. */
type Holder = { client: pg.Client; held: Map<string, Set<number>> };

/**
 * Slots as PostgreSQL advisory locks `(hashtext('herald.publish.<network>'), 0…perNetwork-1)`,
 * held by one connection per worker process. A lock lives as long as the session that took it, so
 * a worker killed mid-publish frees its slots the moment PostgreSQL notices the connection gone:
 * nothing to expire or clean up. Advisory locks are re-entrant within one session, so this process
 * keeps its own list of the slots it holds and never tries those again.
 *
 * When the connection breaks (PostgreSQL restarted), every lock it held is gone: publishes still
 * running keep going, and the slots they had may be taken by others until they finish, so the limit
 * can be overrun briefly after a reconnection; it is never lowered.
 */
export function postgresNetworkSlots(connectionString: string, options: { perNetwork: number; logger: Logger }): NetworkSlots {
  let connection: Holder | null = null;
  let connecting: Promise<Holder> | null = null;
  let closed = false;

  const drop = (lost: Holder, err?: unknown) => {
    if (connection !== lost) return;
    connection = null;
    if (err && !closed) options.logger.warn({ err }, 'lost the connection holding the publishing slots; reconnecting');
    lost.client.end().catch(() => {});
  };

  async function connect(): Promise<Holder> {
    if (connection) return connection;
    connecting ??= (async () => {
      // keepAlive: a connection whose server vanished is noticed, not waited on forever.
      const client = new pg.Client({ connectionString, keepAlive: true, application_name: 'herald publishing slots' });
      const made: Holder = { client, held: new Map<string, Set<number>>() };
      client.on('error', (err) => drop(made, err));
      client.on('end', () => drop(made));
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => {});
        throw error;
      }
      connection = made;
      return made;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  // One round of tries (or one release) at a time in this process: two rounds side by side could
  // both take the same slot, advisory locks being re-entrant within the session.
  let turn: Promise<unknown> = Promise.resolve();
  function inTurn<T>(step: () => Promise<T>): Promise<T> {
    const result = turn.then(step);
    turn = result.catch(() => undefined);
    return result;
  }

  /** Tries every slot this process does not hold once; answers the one taken, or null. */
  async function tryOnce(network: string): Promise<{ slot: number; from: Holder } | null> {
    let current: Holder | null = null;
    try {
      current = await connect();
      const held = current.held.get(network) ?? new Set<number>();
      current.held.set(network, held);
      // From a random slot on, so processes do not all try slot 0 first.
      const offset = Math.floor(Math.random() * options.perNetwork);
      for (let i = 0; i < options.perNetwork; i += 1) {
        const slot = (offset + i) % options.perNetwork;
        if (held.has(slot)) continue;
        const { rows } = await current.client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1), $2) as ok', [`herald.publish.${network}`, slot]);
        if (rows[0]?.ok) {
          held.add(slot);
          return { slot, from: current };
        }
      }
    } catch (err) {
      // The database is away (restarting): wait as for a busy slot, then connect again.
      if (current) drop(current, err);
      else if (!closed) options.logger.warn({ err }, 'cannot reach the database for a publishing slot; trying again');
    }
    return null;
  }

  async function acquire(network: string): Promise<{ slot: number; from: Holder }> {
    let wait = FIRST_WAIT_MS;
    for (;;) {
      if (closed) throw new Error('the publishing slots are closed');
      const taken = await inTurn(() => tryOnce(network));
      if (taken) return taken;
      await sleep(wait * (0.5 + Math.random()));
      wait = Math.min(MAX_WAIT_MS, wait * 2);
    }
  }

  function release(network: string, taken: { slot: number; from: Holder }) {
    return inTurn(async () => {
      // A lock taken on a connection since lost is already gone.
      if (connection !== taken.from) return;
      taken.from.held.get(network)?.delete(taken.slot);
      await taken.from.client.query('select pg_advisory_unlock(hashtext($1), $2)', [`herald.publish.${network}`, taken.slot]).catch((err: unknown) => drop(taken.from, err));
    });
  }

  return {
    async run(network, publish) {
      const taken = await acquire(network);
      try {
        return await publish();
      } finally {
        await release(network, taken);
      }
    },
    async close() {
      closed = true;
      const open = connection ?? (await connecting?.catch(() => null));
      connection = null;
      await open?.client.end().catch(() => {});
    },
  };
}
