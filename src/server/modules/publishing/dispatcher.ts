import type { Job } from 'pg-boss';
import type { Logger } from 'pino';
import type { Queue } from '../../jobs/queue.ts';
import { msUntilNextJob } from './wake-ups.ts';

// Runs the publishing wake-up jobs at their due time instead of polling for them (ADR 0025).
// pg-boss still claims each job (boss.fetch: its SKIP LOCKED fetch and queue policy, so exactly one
// worker anywhere gets it) and settles it (complete / fail, fenced to the attempt fetched). What
// changes is when a worker asks: it reads, in the database and on pg-boss's clock, how long until
// the next job of its queues is due, and sleeps exactly that long. A NOTIFY sent with every new
// wake-up (wake-ups.ts) makes every worker read it again; a safety poll covers a lost notification.

export type WakeJob = Job<{ deliveryId: string }>;

export type DispatchedQueue = {
  name: string;
  /** Jobs of this queue run at once in this process. */
  capacity: number;
  run(job: WakeJob): Promise<unknown>;
};

export type Dispatcher = {
  /** Something may have become due sooner than the timer says (a NOTIFY arrived): look again. */
  wake(): void;
  /**
   * Stops fetching, hands the fetched jobs not started back (`handBack`), waits up to `graceMs`
   * for the jobs running and settles the ones that finished.
   */
  stop(graceMs: number): Promise<void>;
};

type QueueState = DispatchedQueue & {
  running: number;
  /** Fetched, not started yet: a burst fetches a batch while the previous one runs. */
  fetched: WakeJob[];
  /** The last fetch came back full (or the next job is known to be due): fetch again when there is room. */
  due: boolean;
  /** The next due time must be read again: a notification, a drained fetch, the safety poll. */
  stale: boolean;
  /** When its next job is due, by the local clock, as last read; null when none is waiting. */
  nextAt: number | null;
  done: WakeJob[];
  failed: { job: WakeJob; error: unknown }[];
};

// A job reported due that no fetch returns (another worker's fetch holds it for a moment) is asked
// for again after this, doubling, so such a moment never turns into a busy loop.
const FIRST_RETRY_MS = 10;
const MAX_RETRY_MS = 1_000;
// A timer a little after the due time: pg-boss fetches `start_after <= now()`, and a timer that
// fires a millisecond early finds nothing.
const TIMER_SLACK_MS = 2;
// Finished jobs are completed in one statement per queue: when a batch's worth has finished, when
// the queue has nothing left to run, or this long after the first of them. The delivery row is the
// truth; a completed wake-up job only stops being `active` in pg-boss a moment later.
const SETTLE_AFTER_MS = 500;

export function startDispatcher(
  boss: Queue,
  options: { queues: DispatchedQueue[]; safetyPollMs: number; logger: Logger; handBack(queue: string, jobs: WakeJob[]): Promise<void> },
): Dispatcher {
  const queues: QueueState[] = options.queues.map((q) => ({ ...q, running: 0, fetched: [], due: true, stale: true, nextAt: null, done: [], failed: [] }));
  let stopped = false;
  let passing: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let retryMs = FIRST_RETRY_MS;
  let lastSafetyPoll = Date.now();
  const tasks = new Set<Promise<void>>();

  const start = (queue: QueueState, job: WakeJob) => {
    queue.running += 1;
    const task = queue
      .run(job)
      .then(
        () => void queue.done.push(job),
        (error: unknown) => void queue.failed.push({ job, error }),
      )
      .finally(() => {
        queue.running -= 1;
        tasks.delete(task);
        // Room again: the next fetched job starts, or more are fetched.
        if (queue.fetched.length && !stopped) start(queue, queue.fetched.shift()!);
        else trigger();
        settleSoon();
      });
    tasks.add(task);
  };

  /** Settles finished jobs as boss.work would: complete, or fail with the error. */
  const settle = async (queue: QueueState) => {
    const done = queue.done.splice(0);
    const failed = queue.failed.splice(0);
    if (done.length) await boss.complete(queue.name, done).catch((err: unknown) => options.logger.warn({ err, queue: queue.name }, 'could not complete wake-up jobs'));
    for (const { job, error } of failed) {
      const message = error instanceof Error ? error.message : String(error);
      await boss.fail(queue.name, [job], { message }).catch((err: unknown) => options.logger.warn({ err, queue: queue.name }, 'could not fail a wake-up job'));
    }
  };
  const settleAll = async () => {
    clearTimeout(settleTimer);
    settleTimer = undefined;
    for (const queue of queues) await settle(queue);
  };
  function settleSoon() {
    // After a stop, stop() settles what finished within its grace.
    if (stopped) return;
    const ready = queues.some((q) => q.failed.length || q.done.length >= q.capacity || (q.done.length && !q.running && !q.fetched.length));
    if (ready) {
      clearTimeout(settleTimer);
      settleTimer = undefined;
      void settleAll();
    } else if (!settleTimer) {
      settleTimer = setTimeout(() => void settleAll(), SETTLE_AFTER_MS);
      settleTimer.unref();
    }
  }

  /** Queues whose next job's time has come are fetched from. */
  const promote = () => {
    const now = Date.now();
    for (const queue of queues) if (!queue.due && queue.nextAt !== null && queue.nextAt <= now) queue.due = true;
  };

  const pass = async () => {
    promote();
    let fetched = 0;
    for (const queue of queues) {
      // Up to one batch running and one waiting, fetched a batch at a time: one fetch per
      // `capacity` jobs in a burst, and nothing waits on a fetch when a job finishes.
      const room = 2 * queue.capacity - queue.running - queue.fetched.length;
      if (stopped || !queue.due || room < queue.capacity) continue;
      const jobs = await boss.fetch<{ deliveryId: string }>(queue.name, { batchSize: room });
      fetched += jobs.length;
      queue.fetched.push(...jobs);
      while (!stopped && queue.fetched.length && queue.running < queue.capacity) start(queue, queue.fetched.shift()!);
      // Fewer than asked: nothing else is due now, and when the next one is must be read again.
      if (jobs.length < room) {
        queue.due = false;
        queue.stale = true;
      }
    }
    if (stopped) return;
    const now = Date.now();
    if (now - lastSafetyPoll >= options.safetyPollMs) {
      lastSafetyPoll = now;
      for (const queue of queues) queue.stale = true;
    }
    const stale = queues.filter((q) => q.stale && !q.due);
    if (stale.length) {
      const waits = await msUntilNextJob(boss, stale.map((q) => q.name));
      const readAt = Date.now();
      for (const queue of stale) {
        queue.stale = false;
        const wait = waits.get(queue.name);
        queue.nextAt = wait === undefined ? null : readAt + wait;
      }
    }
    promote();
    if (queues.some((q) => q.due && 2 * q.capacity - q.running - q.fetched.length >= q.capacity)) {
      if (fetched > 0) {
        retryMs = FIRST_RETRY_MS;
        again = true;
      } else {
        // Due, yet nothing came: held by another worker's fetch this instant. Ask again shortly.
        arm(retryMs);
        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
      }
      return;
    }
    retryMs = FIRST_RETRY_MS;
    const next = Math.min(...queues.filter((q) => !q.due && q.nextAt !== null).map((q) => q.nextAt!));
    arm(Math.min(options.safetyPollMs - (Date.now() - lastSafetyPoll), Number.isFinite(next) ? next - Date.now() + TIMER_SLACK_MS : Infinity));
  };

  function arm(ms: number) {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(trigger, Math.max(0, ms));
    timer.unref();
  }

  /** One pass at a time; a trigger during a pass runs one more right after it. */
  function trigger() {
    if (stopped) return;
    if (passing) {
      again = true;
      return;
    }
    passing = (async () => {
      do {
        again = false;
        await pass();
      } while (again && !stopped);
    })()
      .catch((err: unknown) => {
        options.logger.error({ err }, 'publishing dispatcher pass failed');
        for (const queue of queues) queue.stale = true;
        arm(Math.min(options.safetyPollMs, 5_000));
      })
      .finally(() => {
        passing = null;
      });
  }

  trigger();
  return {
    wake() {
      for (const queue of queues) queue.stale = true;
      trigger();
    },
    async stop(graceMs) {
      stopped = true;
      clearTimeout(timer);
      await passing;
      for (const queue of queues) {
        const waiting = queue.fetched.splice(0);
        if (!waiting.length) continue;
        // Not started: new wake-ups for any worker, and these jobs are done with.
        await options.handBack(queue.name, waiting).then(
          () => void queue.done.push(...waiting),
          (err: unknown) => options.logger.warn({ err, queue: queue.name }, 'could not hand back fetched wake-ups; reconcile will wake them'),
        );
      }
      let graceTimer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...tasks]), new Promise((resolve) => (graceTimer = setTimeout(resolve, graceMs)))]);
      clearTimeout(graceTimer);
      // Jobs still running stay active in pg-boss and expire; their deliveries are reconciled.
      await settleAll();
    },
  };
}
