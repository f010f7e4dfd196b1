import { networkIds } from '../../../shared/networks.ts';
import { listen } from '../../db/listen.ts';
import type { Queue } from '../../jobs/queue.ts';
import { startDispatcher, type DispatchedQueue } from './dispatcher.ts';
import { reconcile, runDelivery, type EngineDeps } from './engine.ts';
import { oneProcessSlots, type NetworkSlots } from './network-slots.ts';
import { CHECK_STATUS_QUEUE, notifyPublishWorkers, PUBLISH_NOTIFY_CHANNEL, publishQueue } from './wake-ups.ts';

// How long a stop waits for the deliveries being published (as pg-boss's graceful stop did).
const STOP_GRACE_MS = 5_000;

/**
 * The worker side of publishing: one queue per network, so each network gets its own
 * concurrency, a queue for status checks, and the reconcile pass on a timer. Wake-up jobs are run
 * at their due time by the dispatcher (dispatcher.ts); `pollSeconds` is only its safety poll.
 * Answers a stop function for shutdown.
 */
export async function startPublishingWorkers(
  boss: Queue,
  deps: EngineDeps,
  options: { concurrency: number; pollSeconds: number; reconcileSeconds: number; slots?: NetworkSlots },
) {
  // The network-wide limit, across every worker process (network-slots.ts).
  const slots = options.slots ?? oneProcessSlots;
  const queues: DispatchedQueue[] = networkIds
    .filter((network) => deps.publishers[network])
    .map((network) => ({ name: publishQueue(network), capacity: options.concurrency, run: (job) => slots.run(network, () => runDelivery(deps, job.data.deliveryId)) }));
  queues.push({ name: CHECK_STATUS_QUEUE, capacity: options.concurrency, run: (job) => runDelivery(deps, job.data.deliveryId) });
  const dispatcher = startDispatcher(boss, {
    queues,
    safetyPollMs: options.pollSeconds * 1000,
    logger: deps.logger,
    // Fetched by this worker but not started when it stops: due now, for whichever worker is running.
    handBack: async (queue, jobs) => {
      await boss.insert(queue, jobs.map((job) => ({ data: job.data })));
      await notifyPublishWorkers(boss);
    },
  });
  const unlisten = await listen(deps.db, PUBLISH_NOTIFY_CHANNEL, deps.logger, () => dispatcher.wake());

  let running: Promise<unknown> | null = null;
  const pass = (staleAfterMs: number) => {
    // One pass at a time per process; a slow pass is not stacked with the next.
    if (running) return running;
    running = reconcile(deps, { staleAfterMs })
      .catch((err: unknown) => deps.logger.error({ err }, 'publishing reconcile failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  // At start everything overdue is woken at once: posts due while Herald was down go out now.
  await pass(0);
  const intervalMs = options.reconcileSeconds * 1000;
  const timer = setInterval(() => void pass(Math.max(2 * intervalMs, 5_000)), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await unlisten();
    await dispatcher.stop(STOP_GRACE_MS);
    await running;
    await slots.close();
  };
}
