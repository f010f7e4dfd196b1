import crypto from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_TEST_EVENT } from '../../../shared/webhook-events.ts';
import { rowsOf, type Db, type Tx } from '../../db/database.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';
import { HostNotPublicError, guardedFetch, type Resolver } from '../../providers/guarded-fetch.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyMembersWhoCan } from '../notifications/notifications.service.ts';
import { ref, type MessageValues } from '../notifications/notification-message.ts';
import { englishOf, type StoredReason, type StoredWords } from '../../i18n/stored-words.ts';

// Sends webhook deliveries: claims due ones (several workers never send the same attempt), signs
// each as Standard Webhooks says, POSTs it through the guarded fetch, records the attempt and sets
// the next try from the retry schedule. An endpoint that keeps failing is turned off and the
// workspace's admins are told. No transaction is held across a request: PGlite has one session.

export type SenderDeps = {
  db: Db;
  box: SecretBox;
  /** HERALD_WEBHOOKS_ALLOW_PRIVATE: tests and the offline demo post to loopback receivers. */
  allowPrivate: boolean;
  /** Waits between tries, in seconds (HERALD_WEBHOOK_RETRY_SECONDS). */
  retrySeconds: number[];
  logger?: Logger;
  resolve?: Resolver;
  timeoutMs?: number;
};

const TIMEOUT_MS = 10_000;
/** A claim outlives the longest request comfortably; a worker that died lets go after it. */
const CLAIM_MS = 60_000;
const BATCH = 10;
const KEPT_ANSWER_BYTES = 4096;
/** Turned off after this many failed tries in a row, or after failing every try for a day. */
export const AUTO_DISABLE_FAILURES = 15;
export const AUTO_DISABLE_AFTER_MS = 24 * 60 * 60 * 1000;

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** The sealing context binds a sealed secret to its endpoint. */
export const secretSealContext = (endpointId: string) => `webhook:${endpointId}`;
/** A signing secret as Standard Webhooks writes them: `whsec_` and base64 of 32 random bytes. */
export const newSigningSecret = () => `whsec_${crypto.randomBytes(32).toString('base64')}`;

/** The first bytes of the answer, as text; reading stops there. */
async function firstBytes(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < KEPT_ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A broken or oversized answer keeps what arrived.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, KEPT_ANSWER_BYTES).toString('utf8');
}

/**
 * Why an attempt failed, as its English (API clients, the log) and its words of the server's
 * `status` namespace, said in the reader's language by the delivery log. A system's code and
 * message (ECONNREFUSED…) and a host stay as they are inside them.
 */
const attemptError = (key: string, values?: MessageValues): StoredReason => {
  const words = ref(`status:webhookAttempt.${key}`, values);
  return { message: englishOf('status', words), words };
};

function describeError(error: unknown): StoredReason {
  if (error instanceof HostNotPublicError) return attemptError('privateAddress', { host: error.host, address: error.address });
  if ((error as { name?: string }).name === 'TimeoutError') return attemptError('timeout', { seconds: TIMEOUT_MS / 1000 });
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.message === undefined ? attemptError('connectionFailed', { code: cause.code }) : attemptError('systemError', { code: cause.code, message: cause.message });
  // Another error's own text (fetch's, undici's) is said as it is.
  const message = (error as Error).message;
  return message ? { message, words: null } : attemptError('requestFailed');
}

/** The endpoint answered, but not with a 2xx. */
const refusedByEndpoint = (status: number): StoredReason => attemptError('httpStatus', { status });

export type AttemptResult = { id: string; ok: boolean; responseStatus: number | null; error: string | null; durationMs: number };

/** One POST of the delivery to the endpoint; answers what happened without writing anything. */
async function post(deps: SenderDeps, endpoint: EndpointRow, delivery: DeliveryRow) {
  const body = JSON.stringify(delivery.payload);
  const at = new Date();
  const signature = new Webhook(deps.box.open(endpoint.secretSealed, secretSealContext(endpoint.id))).sign(delivery.id, at, body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Herald-Webhooks/1.0',
    'webhook-id': delivery.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
  const started = performance.now();
  let responseStatus: number | null = null;
  let responseBody: string | null = null;
  let failure: StoredReason | null = null;
  try {
    const response = await guardedFetch(endpoint.url, { method: 'POST', headers, body }, { allowPrivate: deps.allowPrivate, maxBytes: 1024 * 1024, timeoutMs: deps.timeoutMs ?? TIMEOUT_MS, resolve: deps.resolve });
    responseStatus = response.status;
    responseBody = await firstBytes(response);
    if (response.status < 200 || response.status > 299) failure = refusedByEndpoint(response.status);
  } catch (e) {
    failure = describeError(e);
  }
  const durationMs = Math.round(performance.now() - started);
  // What is kept of the request: everything but the signature, which is shown shortened.
  const kept = { ...headers, 'webhook-signature': `${signature.slice(0, 10)}…` };
  return { ok: failure === null, requestHeaders: kept, requestBody: body, responseStatus, responseBody, error: failure?.message ?? null, failure, durationMs };
}

/** Takes up to `limit` due deliveries of enabled endpoints for this worker, skipping those another holds. */
async function claimDue(db: Db, now: Date, limit: number): Promise<{ id: string; until: Date }[]> {
  const until = new Date(now.getTime() + CLAIM_MS);
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with due as (
        select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
        where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz
          and (d.claimed_until is null or d.claimed_until < ${now.toISOString()}::timestamptz) and e.enabled
        order by d.next_attempt_at limit ${limit}
        for update of d skip locked
      )
      update webhook_deliveries w set claimed_until = ${until.toISOString()}::timestamptz from due where w.id = due.id
      returning w.id`),
  );
  return rows.map((r) => ({ id: r.id, until }));
}

/** Claims one delivery for a person's redelivery or test; null when a worker is sending it right now. */
export async function claimOne(db: Db | Tx, deliveryId: string, now = new Date()): Promise<Date | null> {
  const until = new Date(now.getTime() + CLAIM_MS);
  const [row] = await db
    .update(webhookDeliveries)
    .set({ claimedUntil: until })
    .where(and(eq(webhookDeliveries.id, deliveryId), or(isNull(webhookDeliveries.claimedUntil), lt(webhookDeliveries.claimedUntil, now))))
    .returning({ id: webhookDeliveries.id });
  return row ? until : null;
}

/**
 * Sends one claimed delivery and records the attempt. A scheduled try moves the delivery along the
 * retry schedule and counts for (or against) the endpoint; a person's try (`manual`) only records
 * itself, and marks the delivery succeeded when it worked. A test event is tried once.
 */
export async function attemptDelivery(deps: SenderDeps, deliveryId: string, until: Date, options: { manual: boolean }): Promise<AttemptResult | null> {
  const [row] = await deps.db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return null;
  const { delivery, endpoint } = row;
  const sent = await post(deps, endpoint, delivery);
  const attemptId = crypto.randomUUID();
  const isTest = delivery.eventType === WEBHOOK_TEST_EVENT;
  const counts = !options.manual && !isTest;
  await deps.db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      id: attemptId,
      deliveryId,
      requestHeaders: sent.requestHeaders,
      requestBody: sent.requestBody,
      responseStatus: sent.responseStatus,
      responseBody: sent.responseBody,
      error: sent.error,
      errorKey: sent.failure?.words?.key ?? null,
      errorValues: sent.failure?.words?.values ?? null,
      durationMs: sent.durationMs,
      manual: options.manual,
    });
    const tries = delivery.attempts + 1;
    const wait = deps.retrySeconds[delivery.attempts];
    const next: Partial<DeliveryRow> = sent.ok
      ? { status: 'succeeded', nextAttemptAt: null }
      : options.manual
        ? {}
        : isTest || wait === undefined
          ? { status: 'failed', nextAttemptAt: null }
          : { status: 'pending', nextAttemptAt: new Date(Date.now() + wait * 1000) };
    await tx
      .update(webhookDeliveries)
      .set({ attempts: tries, claimedUntil: null, ...next })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.claimedUntil, until)));
    if (sent.ok && !isTest) {
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, endpoint.id));
    } else if (!sent.ok && counts) {
      const [counted] = await tx
        .update(webhookEndpoints)
        .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
        .where(eq(webhookEndpoints.id, endpoint.id))
        .returning({ failures: webhookEndpoints.consecutiveFailures });
      await disableIfFailing(tx, endpoint, counted?.failures ?? 0);
    }
  });
  if (!sent.ok) deps.logger?.info({ deliveryId, endpointId: endpoint.id, status: sent.responseStatus, error: sent.error }, 'webhook attempt failed');
  return { id: attemptId, ok: sent.ok, responseStatus: sent.responseStatus, error: sent.error, durationMs: sent.durationMs };
}

/**
 * When the endpoint has failed N tries in a row, or every try for a day: off, with a reason, and its
 * admins told. The reason is stored in English (API clients, the audit log) and as words, which the
 * API and the notification say in each reader's language.
 */
async function disableIfFailing(tx: Tx, endpoint: EndpointRow, failures: number) {
  let words: StoredWords | null = null;
  if (failures >= AUTO_DISABLE_FAILURES) {
    words = ref('status:webhook.failures', { count: failures });
  } else if (failures >= 2) {
    // The first failed try since the last one that worked.
    const [first] = rowsOf<{ at: string | null }>(
      await tx.execute(sql`
        select min(a.created_at) as at from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
        where d.endpoint_id = ${endpoint.id} and not a.manual and d.event_type <> ${WEBHOOK_TEST_EVENT}
          and a.created_at > coalesce((select max(a2.created_at) from webhook_attempts a2 join webhook_deliveries d2 on d2.id = a2.delivery_id
            where d2.endpoint_id = ${endpoint.id} and a2.response_status between 200 and 299), 'epoch'::timestamptz)`),
    );
    if (first?.at && Date.now() - new Date(first.at).getTime() >= AUTO_DISABLE_AFTER_MS) words = ref('status:webhook.failingDay');
  }
  if (!words) return;
  const reason = englishOf('status', words);
  const [off] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason, disabledReasonKey: words.key, disabledReasonValues: words.values ?? null, disabledAt: new Date(), updatedAt: new Date() })
    .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id });
  if (!off) return;
  await recordAudit(tx, { actorUserId: null, workspaceId: endpoint.workspaceId, action: 'webhook.auto_disabled', entityType: 'webhook', entityId: endpoint.id, changes: { url: endpoint.url, reason, failures } });
  await notifyMembersWhoCan(tx, 'settings.manage', {
    workspaceId: endpoint.workspaceId,
    kind: 'webhook.disabled',
    entityType: 'webhook',
    entityId: endpoint.id,
    message: { key: 'webhook.disabled', values: { url: endpoint.url, reason: words } },
    link: `/w/${endpoint.workspaceId}/developers`,
    category: 'webhooks',
    email: true,
  });
}

/** Sends everything due, batch after batch, until nothing is; answers how many tries worked and failed. */
export async function sendDueDeliveries(deps: SenderDeps, options: { concurrency?: number } = {}): Promise<{ sent: number; failed: number }> {
  const outcome = { sent: 0, failed: 0 };
  for (let round = 0; round < 100; round++) {
    const claimed = await claimDue(deps.db, new Date(), options.concurrency ?? BATCH);
    if (!claimed.length) break;
    const results = await Promise.all(claimed.map((c) => attemptDelivery(deps, c.id, c.until, { manual: false }).catch((err: unknown) => (deps.logger?.error({ err, deliveryId: c.id }, 'webhook send failed'), null))));
    for (const r of results) if (r) outcome[r.ok ? 'sent' : 'failed'] += 1;
  }
  return outcome;
}

/** When the next pending delivery of an enabled endpoint is due; null when none is. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`min(${webhookDeliveries.nextAttemptAt})` })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.id, webhookDeliveries.endpointId), eq(webhookEndpoints.enabled, true)))
    .where(eq(webhookDeliveries.status, 'pending'));
  return row?.at ? new Date(row.at) : null;
}
