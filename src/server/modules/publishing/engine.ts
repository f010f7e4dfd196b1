import crypto from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { networkLabel, type NetworkId } from '../../../shared/networks.ts';
import { httpLinkOrNull } from '../../../shared/web-links.ts';
import { accountSpacingMs } from '../../../networks/server.ts';
import { rowsOf, type Db } from '../../db/database.ts';
import { channels, deliveries, deliveryAttempts, idempotentRequests, idempotentRequestsKeptMs } from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import { ProviderError } from '../../providers/provider.ts';
import type { StoredWords } from '../../i18n/stored-words.ts';
import type { PublishContext, PublishJournal, PublishLinkCard, PublishOutcome, PublishPart, Publisher } from '../../providers/publishing.ts';
import type { LinkCard } from '../../../shared/link-cards.ts';
import { loadCardImage } from '../link-previews/card-image.ts';
import { asPublished } from '../posts/posts.content.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import { deliveryErrorCode, tokenSealContext, withChannelToken } from '../channel-tokens/index.ts';
import { usageLedger } from '../network-usage/network-usage.ts';
import { connectorNotRestricted } from '../privacy/restriction.service.ts';
import { retryDelayMs } from './backoff.ts';
import { notifyDeliveryIncident } from './failure-alerts.ts';
import { emitDeliveryOutcome } from '../webhooks/webhooks.emit.ts';
import { refreshGroupState } from './group-state.ts';
import { scheduleWakeUp, WAKE_LEAD_MS, wakeMany, type WakeUp } from './wake-ups.ts';
import { observePublishLateness } from '../metrics/metrics.instruments.ts';
import { deliveryWords, errorColumns, providerReason, reasonValue, type Reason } from './delivery-words.ts';

type DeliveryRow = typeof deliveries.$inferSelect;
type ChannelRow = typeof channels.$inferSelect;

export type Publishers = Partial<Record<NetworkId, Publisher>>;

/** Turns a delivery's media references into files a publisher can read. */
export type MediaSource = (db: Db, workspaceId: string, refs: { mediaId: string; altText?: string }[]) => Promise<PublishPart['media']>;

export type EngineSettings = { leaseMs: number; retryBaseMs: number; maxAttempts: number };

export type EngineDeps = {
  db: Db;
  boss: Queue;
  logger: Logger;
  channelDeps: ChannelDeps;
  publishers: Publishers;
  media: MediaSource;
  settings: EngineSettings;
  /** Names this process in claims, so an interrupted claim can be told from a live one. */
  workerId: string;
};

// A delivery first touched this long after it was due is marked late (Herald was down, or busy).
const LATE_AFTER_MS = 60_000;
// Checks of an unconfirmed delivery stop after this; a person decides from then on.
const AUTO_CHECK_WINDOW_MS = 60 * 60 * 1000;
const MAX_CHECK_INTERVAL_MS = 15 * 60 * 1000;

class LostClaim extends Error {}

/** The card handed to the publisher: its image is fetched only if the network sends one, and a bad image never fails the post. */
function publishLinkCard(card: LinkCard, journal: PublishJournal): PublishLinkCard {
  return {
    ...card,
    async loadImage(maxBytes) {
      if (!card.imageUrl) return null;
      try {
        const image = await loadCardImage(card.imageUrl, maxBytes);
        journal.log('link-card-image', { url: card.imageUrl }, { mimeType: image.mimeType, size: image.data.byteLength });
        return image;
      } catch (error) {
        journal.log('link-card-image', { url: card.imageUrl }, { skipped: error instanceof Error ? error.message : String(error) });
        return null;
      }
    },
  };
}

const secretKey = /token|secret|password|authorization|jwt|cookie/i;
/** Request and answer summaries keep their shape but never a credential. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return typeof value === 'string' && value.length > 2000 ? `${value.slice(0, 2000)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => withoutSecrets(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretKey.test(k) ? '[removed]' : withoutSecrets(v, depth + 1)]));
}

type Claimed = { delivery: DeliveryRow; channel: ChannelRow; attemptId: string; claimToken: string; kind: 'publish' | 'check' | 'resolve' };

/**
 * Takes a delivery for this attempt, atomically: only one attempt anywhere can move it to
 * `publishing`. One delivery per account at a time, and creating calls to an account are spaced
 * out; a delivery that must wait is given a wake-up at its turn.
 */
async function claim(deps: EngineDeps, deliveryId: string, now: Date): Promise<Claimed | 'skipped' | 'deferred'> {
  const [row] = await deps.db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
  if (!row || !['queued', 'processing', 'unconfirmed'].includes(row.state)) return 'skipped';
  // Early wake-ups (the post was moved later) find nothing to do; the delivery has its own. A
  // wake-up comes WAKE_LEAD_MS ahead on purpose (wake-ups.ts), and clocks differ a little.
  if (!row.nextAttemptAt || row.nextAttemptAt.getTime() > now.getTime() + WAKE_LEAD_MS + 50) return 'skipped';
  const spacing = accountSpacingMs(row.network);
  return deps.db.transaction(async (tx) => {
    // The channel row lock serialises every claim on one account, across processes. The same
    // statement reads whether processing is paused by the user who connected the account (GDPR
    // art. 18): the delivery then keeps its state and gets no wake-up; resuming wakes it, and until
    // then reconcile re-checks it.
    const [lockedRow] = await tx
      .select({ channel: channels, notRestricted: sql<boolean>`${connectorNotRestricted}` })
      .from(channels)
      .where(eq(channels.id, row.channelId))
      .for('update');
    if (!lockedRow) return 'skipped' as const;
    const locked = lockedRow.channel;
    if (!lockedRow.notRestricted) return 'deferred' as const;
    const notBefore = locked.publishNotBefore;
    const creating = row.state === 'queued';
    /** Its turn: after the account's next free moment, behind the deliveries queued before it. */
    const defer = async (busy: boolean) => {
      const [{ ahead }] = rowsOf<{ ahead: number }>(
        await tx.execute(sql`
          select count(*)::int as ahead from deliveries
          where channel_id = ${row.channelId} and state = 'queued' and id <> ${row.id}
            and (next_attempt_at, id) < (${row.nextAttemptAt}, ${row.id})`),
      ) as [{ ahead: number }];
      const start = Math.max(now.getTime(), notBefore?.getTime() ?? 0) + (busy ? spacing : 0);
      const at = new Date(start + ahead * spacing + Math.floor(Math.random() * 200));
      const [moved] = await tx
        .update(deliveries)
        .set({ nextAttemptAt: at, updatedAt: now })
        .where(and(eq(deliveries.id, row.id), eq(deliveries.state, row.state)))
        .returning({ id: deliveries.id });
      if (moved) await scheduleWakeUp(tx, deps.boss, { deliveryId: row.id, network: row.network, at, check: row.state !== 'queued' }, row.wakeJobId);
      return 'deferred' as const;
    };
    // Another delivery of the account being published (its claim alive), seen by a statement that
    // starts after the lock was granted, so it sees every claim committed before.
    const otherPublishing = sql`exists (select 1 from deliveries d2 where d2.channel_id = ${row.channelId} and d2.state = 'publishing' and d2.claim_expires_at > ${now} and d2.id <> ${row.id})`;
    const isBusy = async () => rowsOf<{ busy: boolean }>(await tx.execute(sql`select ${otherPublishing} as busy`))[0]?.busy === true;
    if (creating && notBefore && notBefore > now) return defer(await isBusy());
    const attemptId = crypto.randomUUID();
    // Per attempt, not per process: a slow attempt whose lease ran out cannot go on writing
    // (or sending) after a newer attempt of the same process took the delivery.
    const claimToken = `${deps.workerId}:${attemptId}`;
    const [taken] = await tx
      .update(deliveries)
      .set({
        state: 'publishing',
        claimedBy: claimToken,
        claimExpiresAt: new Date(now.getTime() + deps.settings.leaseMs),
        attemptCount: creating ? row.attemptCount + 1 : row.attemptCount,
        late: row.late || (creating && row.attemptCount === 0 && !!row.dueAt && now.getTime() - row.dueAt.getTime() > LATE_AFTER_MS),
        wakeJobId: null,
        updatedAt: now,
      })
      .where(and(eq(deliveries.id, row.id), eq(deliveries.state, row.state), sql`not ${otherPublishing}`))
      .returning();
    if (!taken) {
      // Either the account is busy (then this one waits its turn) or another attempt took this delivery.
      return (await isBusy()) ? defer(true) : ('skipped' as const);
    }
    // Spaced from the moment the call can go out (a claim made ahead of time waits for it).
    const callAt = Math.max(now.getTime(), row.nextAttemptAt!.getTime());
    if (creating) await tx.update(channels).set({ publishNotBefore: new Date(callAt + spacing) }).where(eq(channels.id, row.channelId));
    const kind = row.pendingStep || row.state === 'unconfirmed' ? 'resolve' : row.state === 'processing' ? 'check' : 'publish';
    await tx.insert(deliveryAttempts).values({
      id: attemptId,
      deliveryId: row.id,
      number: sql`(select count(*)::int + 1 from delivery_attempts where delivery_id = ${row.id})`,
      kind,
      startedAt: now,
    });
    return { delivery: taken, channel: locked, attemptId, claimToken, kind } as Claimed;
  });
}

/**
 * The journal a publisher writes through. Only `beforeCreate` must reach the database before the
 * call it announces; what a call achieved (`afterCreate`, `saveProgress`) is carried to the next
 * write, because losing it in a crash only costs a check (the pending step stays set) or a
 * re-upload. Every write renews the lease and fails if the claim was lost.
 */
function createJournal(deps: EngineDeps, claimed: Claimed) {
  const { delivery, attemptId, claimToken } = claimed;
  let progress = delivery.progress ?? {};
  let pending = delivery.pendingStep ?? null;
  let lastWrite = Date.now();
  const steps: { at: string; step: string; request?: unknown; response?: unknown }[] = [];
  const lease = () => new Date(Date.now() + deps.settings.leaseMs);

  // One statement, so one round trip and no transaction around it: the delivery keeps its claim
  // (renewed) and, only then, the attempt's steps are saved.
  async function write(withSteps: boolean) {
    lastWrite = Date.now();
    const noted = withSteps
      ? sql`, noted as (update delivery_attempts set steps = ${sql.param(steps, deliveryAttempts.steps)} where id = ${attemptId} and exists (select 1 from kept))`
      : sql``;
    const [result] = rowsOf<{ kept: number }>(
      await deps.db.execute(sql`
        with kept as (
          update deliveries
          set pending_step = ${sql.param(pending, deliveries.pendingStep)}, progress = ${sql.param(progress, deliveries.progress)},
              claim_expires_at = ${lease()}, updated_at = ${new Date()}
          where id = ${delivery.id} and state = 'publishing' and claimed_by = ${claimToken}
          returning id
        )${noted}
        select count(*)::int as kept from kept`),
    );
    // Another attempt took over (this one was presumed dead): it must not send anything more.
    if (!result?.kept) throw new LostClaim('the claim on this delivery was lost');
  }
  // Long uploads write nothing for a while: the lease is renewed before a third of it is gone.
  const keepAlive = () => (Date.now() - lastWrite > deps.settings.leaseMs / 3 ? write(false) : Promise.resolve());
  const note = (step: string, request?: Record<string, unknown>, response?: Record<string, unknown>) =>
    steps.push({ at: new Date().toISOString(), step, ...(request ? { request: withoutSecrets(request) } : {}), ...(response ? { response: withoutSecrets(response) } : {}) });

  const journal: PublishJournal = {
    get progress() {
      return progress;
    },
    async beforeCreate(step, request) {
      note(`${step}: sending`, request);
      pending = { step, attemptId, sentAt: new Date().toISOString() };
      // Committed before the call: after a crash this is what says "ask the network first".
      await write(true);
    },
    async afterCreate(step, response, next) {
      note(`${step}: created`, undefined, response);
      progress = next;
      pending = null;
      await keepAlive();
    },
    async saveProgress(next) {
      progress = next;
      await keepAlive();
    },
    log: note,
  };
  return {
    journal,
    steps,
    note,
    claimToken,
    /** True while the network is being asked about a lost call: its errors settle nothing. */
    checking: false,
    get pending() {
      return pending;
    },
    /** After a check settled the unknown call: continue from what the network says happened. */
    async settlePending(next: Record<string, unknown>, found: boolean) {
      note(`${pending?.step ?? 'check'}: ${found ? 'found at the network' : 'not at the network, safe to send'}`);
      progress = next;
      pending = null;
      await write(true);
    },
    /** Called when a creating call failed with a clear answer: nothing was created. */
    clearPending() {
      pending = null;
    },
  };
}

type RunResult = PublishOutcome | { status: 'unknown'; reason: string; words?: StoredWords };

export type RunOutcome = 'skipped' | 'deferred' | 'published' | 'processing' | 'retry' | 'failed' | 'unconfirmed' | 'lost';

/** Wakes a delivery: claims it, runs its publisher, and records what happened. */
export async function runDelivery(deps: EngineDeps, deliveryId: string): Promise<RunOutcome> {
  const now = new Date();
  const claimed = await claim(deps, deliveryId, now);
  if (claimed === 'skipped' || claimed === 'deferred') return claimed;
  const { delivery } = claimed;
  const network = delivery.network as NetworkId;
  const run = createJournal(deps, claimed);
  const publisher = deps.publishers[network];
  try {
    if (!publisher) {
      const words = deliveryWords('networkNotEnabled', { network: networkLabel(network) });
      throw new ProviderError('invalid', network, words.message, 'network_unavailable', { words: words.words ?? undefined });
    }
    const channel = claimed.channel;
    const content = asPublished(delivery.content, network);
    const parts: PublishPart[] = [];
    for (const part of content.parts) parts.push({ text: part.text, media: await deps.media(deps.db, delivery.workspaceId, part.media) });
    // Claimed (and the media found) up to WAKE_LEAD_MS ahead; nothing reaches the network before its time.
    const early = (delivery.nextAttemptAt?.getTime() ?? 0) - Date.now();
    if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
    const result: RunResult = await withChannelToken(deps.db, deps.channelDeps, channel, async (accessToken, instance) => {
      const ctx: PublishContext = {
        deliveryId: delivery.id,
        idempotencyKey: delivery.idempotencyKey,
        accessToken,
        grantToken: publisher.usesGrantToken && channel.refreshTokenSealed ? deps.channelDeps.box.open(channel.refreshTokenSealed, tokenSealContext(channel.id, 'refresh')) : null,
        instance,
        externalAccountId: channel.externalId,
        username: channel.username,
        limits: channel.limits ?? {},
        parts,
        firstComment: content.firstComment ?? null,
        settings: content.settings ?? {},
        linkCard: content.linkCard ? publishLinkCard(content.linkCard, run.journal) : null,
        journal: run.journal,
        usage: usageLedger(deps.db, network),
      };
      const pending = run.pending;
      if (pending) {
        run.checking = true;
        const check = await publisher.findExisting(ctx, { step: pending.step, sentAt: new Date(pending.sentAt) });
        run.checking = false;
        if (check.found === 'unknown') return { status: 'unknown' as const, reason: check.reason, words: check.words };
        await run.settlePending(check.found ? check.progress : run.journal.progress, check.found);
      }
      return publisher.publish(ctx);
    });
    return await settle(deps, claimed, run, result);
  } catch (error) {
    if (error instanceof LostClaim) {
      deps.logger.warn({ deliveryId }, 'another worker took this delivery over; stopping here');
      return 'lost';
    }
    return settleError(deps, claimed, run, error);
  }
}

async function finish(
  deps: EngineDeps,
  claimed: Claimed,
  run: ReturnType<typeof createJournal>,
  values: Partial<DeliveryRow> & { error?: Reason },
  attempt: { outcome: string; errorCode?: string | null; error?: Reason; retryAt?: Date | null },
  wake?: WakeUp,
) {
  const { delivery, attemptId } = claimed;
  const { error, ...set } = values;
  const row = { ...set, ...(error ? errorColumns(error) : {}) };
  await deps.db.transaction(async (tx) => {
    const [kept] = await tx
      .update(deliveries)
      .set({ claimedBy: null, claimExpiresAt: null, updatedAt: new Date(), progress: run.journal.progress, pendingStep: run.pending, ...row })
      .where(and(eq(deliveries.id, delivery.id), eq(deliveries.state, 'publishing'), eq(deliveries.claimedBy, run.claimToken)))
      .returning({ id: deliveries.id });
    if (!kept) throw new LostClaim('the claim on this delivery was lost');
    await tx
      .update(deliveryAttempts)
      .set({ finishedAt: new Date(), outcome: attempt.outcome, steps: run.steps, errorCode: attempt.errorCode ?? null, ...errorColumns(attempt.error ?? null), retryAt: attempt.retryAt ?? null })
      .where(eq(deliveryAttempts.id, attemptId));
    if (wake) await scheduleWakeUp(tx, deps.boss, wake);
    await refreshGroupState(tx, delivery.postGroupId);
    // The incident starts here: failed, or unconfirmed with the engine's checks over (a person decides).
    if (values.state === 'failed' || (values.state === 'unconfirmed' && !values.nextAttemptAt)) {
      await notifyDeliveryIncident(tx, delivery, claimed.channel, {
        state: values.state,
        // The attempt's message is the network's own words; the delivery's adds Herald's explanation.
        reason: (values.state === 'unconfirmed' ? attempt.error : values.error) ?? { message: 'no reason given', words: null },
      });
    }
    if (values.state === 'published' || values.state === 'failed' || (values.state === 'unconfirmed' && !values.nextAttemptAt)) {
      await emitDeliveryOutcome(tx, values.state, { ...delivery, ...row }, claimed.channel.username);
    }
  });
}

async function settle(deps: EngineDeps, claimed: Claimed, run: ReturnType<typeof createJournal>, result: RunResult): Promise<RunOutcome> {
  const { delivery } = claimed;
  if (result.status === 'published') {
    const publishedAt = new Date();
    // The network's link becomes an href in the web app: anything but http(s) is dropped, the id is kept.
    await finish(
      deps,
      claimed,
      run,
      { state: 'published', externalId: result.externalId, externalUrl: httpLinkOrNull(result.url), publishedAt, errorCode: null, errorMessage: null, errorKey: null, errorValues: null, nextAttemptAt: null },
      { outcome: 'published' },
    );
    observePublishLateness(delivery.network, delivery.dueAt, publishedAt);
    deps.logger.info({ deliveryId: delivery.id, network: delivery.network, externalId: result.externalId, late: delivery.late }, 'delivery published');
    return 'published';
  }
  if (result.status === 'processing') {
    const at = new Date(Date.now() + result.checkAfterMs);
    await finish(deps, claimed, run, { state: 'processing', nextAttemptAt: at }, { outcome: 'processing', retryAt: at }, { deliveryId: delivery.id, network: delivery.network, at, check: true });
    return 'processing';
  }
  // The network cannot tell whether the lost call created the post: checked again later, then left to a person.
  const at = nextCheckAt(deps, run.pending?.sentAt ?? new Date().toISOString());
  const reason = providerReason(result.reason, result.words);
  await finish(
    deps,
    claimed,
    run,
    { state: 'unconfirmed', nextAttemptAt: at, errorCode: 'delivery.unconfirmed', error: reason },
    { outcome: 'unconfirmed', errorCode: 'delivery.unconfirmed', error: reason, retryAt: at },
    at ? { deliveryId: delivery.id, network: delivery.network, at, check: true } : undefined,
  );
  return 'unconfirmed';
}

/**
 * When to ask the network again about a lost call: soon at first, then less often (a quarter of
 * the time it has been unknown, at most 15 minutes); after an hour a person decides (null).
 */
function nextCheckAt(deps: EngineDeps, sentAt: string, retryAfterMs?: number): Date | null {
  const unknownFor = Date.now() - new Date(sentAt).getTime();
  if (unknownFor > AUTO_CHECK_WINDOW_MS) return null;
  const wait = Math.min(MAX_CHECK_INTERVAL_MS, Math.max(deps.settings.retryBaseMs, unknownFor / 4)) * (0.75 + Math.random() / 2);
  return new Date(Date.now() + Math.max(wait, retryAfterMs ?? 0));
}

async function settleError(deps: EngineDeps, claimed: Claimed, run: ReturnType<typeof createJournal>, error: unknown): Promise<RunOutcome> {
  const { delivery } = claimed;
  const providerError = error instanceof ProviderError ? error : null;
  if (!providerError) deps.logger.error({ err: error, deliveryId: delivery.id }, 'publishing failed unexpectedly');
  const reason = providerError ? providerReason(providerError.message, providerError.words) : deliveryWords('unexpected');
  const code = providerError?.code ?? (providerError ? providerError.kind : 'internal');
  try {
    // A creating call whose answer was lost (timeout, cut connection, crash), or a check of one that
    // could not be made: whatever the error, nothing is sent again until the network has answered.
    if (run.pending && (!providerError || providerError.ambiguous || run.checking)) {
      const at = nextCheckAt(deps, run.pending.sentAt, providerError?.retryAfterMs);
      const why = run.checking ? deliveryWords('couldNotAsk', { network: networkLabel(delivery.network), reason: reasonValue(reason) }) : reason;
      await finish(
        deps,
        claimed,
        run,
        { state: 'unconfirmed', nextAttemptAt: at, errorCode: 'delivery.unconfirmed', error: deliveryWords('unconfirmed', { why: reasonValue(why) }) },
        { outcome: 'unconfirmed', errorCode: code, error: why, retryAt: at },
        at ? { deliveryId: delivery.id, network: delivery.network, at, check: true } : undefined,
      );
      return 'unconfirmed';
    }
    // The network answered: whatever was being created was not.
    run.clearPending();
    const transient = !providerError || providerError.kind === 'transient';
    if (transient && delivery.attemptCount < deps.settings.maxAttempts) {
      const delay = retryDelayMs(delivery.attemptCount, deps.settings.retryBaseMs, providerError?.retryAfterMs);
      const at = new Date(Date.now() + delay);
      if (providerError?.retryAfterMs) {
        // The network's "slow down" is about the account, not just this post.
        await deps.db.update(channels).set({ publishNotBefore: at }).where(eq(channels.id, delivery.channelId));
      }
      await finish(
        deps,
        claimed,
        run,
        { state: 'queued', nextAttemptAt: at, errorCode: code, error: reason },
        { outcome: 'retry', errorCode: code, error: reason, retryAt: at },
        { deliveryId: delivery.id, network: delivery.network, at },
      );
      return 'retry';
    }
    const final = transient ? deliveryWords('gaveUp', { reason: reasonValue(reason), count: delivery.attemptCount }) : reason;
    const finalCode = providerError ? deliveryErrorCode(providerError) : code;
    await finish(deps, claimed, run, { state: 'failed', nextAttemptAt: null, errorCode: finalCode, error: final }, { outcome: 'failed', errorCode: finalCode, error: final });
    deps.logger.warn({ deliveryId: delivery.id, network: delivery.network, code: finalCode }, 'delivery failed');
    return 'failed';
  } catch (settleFailure) {
    if (settleFailure instanceof LostClaim) return 'lost';
    throw settleFailure;
  }
}

/**
 * Runs every minute in each worker (and at start): deliveries whose worker died are taken back
 * (`unconfirmed` when a creating call was in flight, else queued again), and due deliveries that
 * have no live wake-up (Herald was down, a job was lost) are woken.
 */
export async function reconcile(deps: EngineDeps, options: { staleAfterMs: number; now?: Date }): Promise<{ interrupted: number; woken: number }> {
  const now = options.now ?? new Date();
  const interrupted = await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(deliveries)
      .set({
        state: sql`case when ${deliveries.pendingStep} is not null then 'unconfirmed' else 'queued' end`,
        claimedBy: null,
        claimExpiresAt: null,
        nextAttemptAt: now,
        updatedAt: now,
      })
      .where(and(eq(deliveries.state, 'publishing'), lt(deliveries.claimExpiresAt, now)))
      .returning({ id: deliveries.id, postGroupId: deliveries.postGroupId, network: deliveries.network, state: deliveries.state });
    if (rows.length) {
      await tx
        .update(deliveryAttempts)
        .set({ finishedAt: now, outcome: 'interrupted', ...errorColumns(deliveryWords('interrupted')) })
        .where(and(inArray(deliveryAttempts.deliveryId, rows.map((r) => r.id)), isNull(deliveryAttempts.finishedAt)));
      for (const groupId of new Set(rows.map((r) => r.postGroupId))) await refreshGroupState(tx, groupId);
    }
    return rows;
  });
  // Taken back from a dead worker: woken now, not a stale period later.
  await wakeMany(deps.boss, interrupted.map((row) => ({ deliveryId: row.id, network: row.network, at: now, check: row.state !== 'queued' })));
  const stale = await deps.db
    .select({ id: deliveries.id, network: deliveries.network, state: deliveries.state, nextAttemptAt: deliveries.nextAttemptAt })
    .from(deliveries)
    .where(and(inArray(deliveries.state, ['queued', 'processing', 'unconfirmed']), lt(deliveries.nextAttemptAt, new Date(now.getTime() - options.staleAfterMs))))
    .limit(5000);
  await wakeMany(deps.boss, stale.map((row) => ({ deliveryId: row.id, network: row.network, at: now, check: row.state !== 'queued' })));
  await deps.db.delete(idempotentRequests).where(lt(idempotentRequests.createdAt, new Date(now.getTime() - idempotentRequestsKeptMs)));
  if (interrupted.length || stale.length) deps.logger.info({ interrupted: interrupted.length, woken: stale.length }, 'publishing reconcile');
  return { interrupted: interrupted.length, woken: stale.length };
}

