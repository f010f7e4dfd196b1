import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { listen } from '../../db/listen.ts';
import type { Queue } from '../../jobs/queue.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { WEBHOOK_NOTIFY_CHANNEL } from './webhooks.emit.ts';
import { nextDueAt, sendDueDeliveries, type SenderDeps } from './webhooks.sender.ts';

// How deliveries get sent soon after their event: the emitting transaction NOTIFYs on commit and
// every worker LISTENs, so the first try does not wait for a poll. A retry due within a minute is
// woken by a timer in the worker that scheduled it; anything else (a later retry, a worker that
// stopped, a lost notification) is found by the sweep every minute.

export const WEBHOOKS_SWEEP_JOB = 'webhooks.send-due';
const TIMER_HORIZON_MS = 60_000;

export function senderDepsFrom(deps: { db: Db; box: SecretBox; config: Config; logger?: Logger }): SenderDeps {
  return { db: deps.db, box: deps.box, allowPrivate: deps.config.webhooksAllowPrivate, retrySeconds: deps.config.webhookRetrySeconds, logger: deps.logger };
}

/** Worker side: the listener, the retry timer and the sweep every minute. */
export async function startWebhookJobs(boss: Queue, deps: { db: Db; box: SecretBox; config: Config; logger: Logger }) {
  const sender = senderDepsFrom(deps);
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const armTimer = async () => {
    const at = await nextDueAt(deps.db);
    clearTimeout(timer);
    if (!at || stopped) return;
    const wait = Math.max(0, at.getTime() - Date.now());
    if (wait <= TIMER_HORIZON_MS) timer = setTimeout(() => void run(), wait + 5).unref();
  };
  // One pass at a time per process; a wake-up during a pass runs one more after it.
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await sendDueDeliveries(sender);
      } while (again && !stopped);
      await armTimer();
    })()
      .catch((err: unknown) => deps.logger.error({ err }, 'webhook sending failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const unlisten = await listen(deps.db, WEBHOOK_NOTIFY_CHANNEL, deps.logger, () => void run());
  boss.on('stopped', () => {
    stopped = true;
    clearTimeout(timer);
    void unlisten().catch(() => undefined);
  });

  await boss.createQueue(WEBHOOKS_SWEEP_JOB, { policy: 'singleton', retryLimit: 1, retryDelay: 30 });
  await boss.work(WEBHOOKS_SWEEP_JOB, async () => {
    await run();
    return { ok: true };
  });
  await boss.schedule(WEBHOOKS_SWEEP_JOB, '* * * * *');
  void run();
}
