import type { DatabaseKind, deliveryOutcome } from './herald-setup.ts';
import { perSecond } from './stats.ts';

type Outcome = Pick<Awaited<ReturnType<typeof deliveryOutcome>>, 'published' | 'firstPublishedAt' | 'lastPublishedAt'>;

/**
 * What every burst-shaped benchmark reports for one database: times from the due instant, the
 * rate, and (when the budget ran out) how long the whole burst would take at that rate.
 */
export function burstTimings(input: {
  kind: DatabaseKind;
  completed: boolean;
  budgetSeconds: number;
  setupMs: number;
  releaseMs: number;
  margin: number;
  dueAt: Date;
  stoppedAt: number;
  count: number;
  outcome: Outcome;
  /** When the network stored each post (its clock, in ms). */
  storedAtNetwork: number[];
}) {
  const { outcome, dueAt } = input;
  const due = dueAt.getTime();
  const durationMs = input.completed && outcome.lastPublishedAt ? outcome.lastPublishedAt - due : input.stoppedAt - due;
  return {
    database: input.kind,
    completed: input.completed,
    budgetSeconds: input.budgetSeconds,
    setupMs: input.setupMs,
    wakeUpInsertMs: input.releaseMs,
    dueMarginMs: input.margin,
    dueAt: dueAt.toISOString(),
    firstPublishedAfterMs: outcome.firstPublishedAt ? outcome.firstPublishedAt - due : null,
    /** Due time → last delivery stored as published (or → the stop, when the budget ran out). */
    durationMs,
    /** Due time → the network stored the last post. */
    networkDurationMs: input.storedAtNetwork.length ? Math.max(...input.storedAtNetwork) - due : null,
    published: outcome.published,
    ratePerSecond: perSecond(outcome.published, durationMs),
    projectedTotalSeconds: input.completed ? null : Math.round(input.count / (outcome.published / durationMs) / 1000),
  };
}

/** Posts at the network, distinct among them, and published deliveries: `ok` when all three agree. */
export function exactlyOnceOf(textsAtNetwork: string[], publishedDeliveries: number) {
  const distinct = new Set(textsAtNetwork).size;
  return {
    atNetwork: textsAtNetwork.length,
    distinctPosts: distinct,
    duplicates: textsAtNetwork.length - distinct,
    publishedDeliveries,
    ok: textsAtNetwork.length === distinct && textsAtNetwork.length === publishedDeliveries,
  };
}
