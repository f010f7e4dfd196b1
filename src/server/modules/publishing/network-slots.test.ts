import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import { freshDatabase } from '../../../../test/helpers/test-herald.ts';
import { postgresNetworkSlots, type NetworkSlots } from './network-slots.ts';

// The per-network limit held by several worker processes at once (each one its own NetworkSlots,
// with its own connection, as separate processes have). Advisory locks exist only on PostgreSQL.

const logger = pino({ level: 'silent' });

/** A publish that counts how many run at once, and finishes when told to. */
function gauge() {
  let now = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  return {
    get now() {
      return now;
    },
    get most() {
      return most;
    },
    publish: () =>
      new Promise<void>((resolve) => {
        now += 1;
        most = Math.max(most, now);
        waiting.push(() => {
          now -= 1;
          resolve();
        });
      }),
    /** Lets the oldest running publish finish. */
    finishOne() {
      waiting.shift()?.();
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('network slots across processes', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let url: string;
  const opened: NetworkSlots[] = [];
  const open = () => {
    const slots = postgresNetworkSlots(url, { perNetwork: 2, logger });
    opened.push(slots);
    return slots;
  };

  beforeAll(async () => {
    database = await freshDatabase();
    url = database.env.DATABASE_URL!;
  });
  afterAll(async () => {
    await Promise.all(opened.map((slots) => slots.close()));
    await database?.drop();
  });

  it('let no more than the limit publish at once across three workers, per network', async () => {
    const workers = [open(), open(), open()];
    const network = gauge();
    const other = gauge();
    const runs = Array.from({ length: 9 }, (_, i) => workers[i % 3]!.run('fakenet', network.publish));
    // Another network has slots of its own.
    const otherRuns = [workers[0]!.run('othernet', other.publish), workers[1]!.run('othernet', other.publish)];
    await until(() => network.now === 2 && other.now === 2, 'two publishes of each network running');
    for (let finished = 0; finished < 9; finished += 1) {
      await until(() => network.now > 0, 'a publish to finish');
      network.finishOne();
      // Give the waiting workers time to (wrongly) overrun the limit before the next one finishes.
      await new Promise((r) => setTimeout(r, 60));
      expect(network.now).toBeLessThanOrEqual(2);
    }
    other.finishOne();
    other.finishOne();
    await Promise.all([...runs, ...otherRuns]);
    expect(network.most).toBe(2);
    expect(other.most).toBe(2);
  });

  it('free the slots of a worker whose connection died, and reconnect the worker', async () => {
    const [dying, alive] = [open(), open()];
    const held = gauge();
    const first = [dying.run('fakenet', held.publish), dying.run('fakenet', held.publish)];
    await until(() => held.now === 2, 'the first worker to hold both slots');
    const late = gauge();
    const waiting = alive.run('fakenet', late.publish);
    await new Promise((r) => setTimeout(r, 100));
    expect(late.now).toBe(0);

    // What PostgreSQL does when a worker process dies (or the server restarts): the session ends.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'herald publishing slots' and pid in (select pid from pg_locks where locktype = 'advisory' and granted)`);
    } finally {
      await admin.end();
    }
    await until(() => late.now === 1, 'the other worker to take a freed slot');
    late.finishOne();
    await waiting;
    held.finishOne();
    held.finishOne();
    await Promise.all(first);

    // The worker whose connection was cut takes slots again on a new one.
    const again = gauge();
    const next = dying.run('fakenet', again.publish);
    await until(() => again.now === 1, 'the reconnected worker to publish');
    again.finishOne();
    await next;
  });
});
