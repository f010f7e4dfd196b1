import crypto from 'node:crypto';
import net from 'node:net';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { MAX_WEBHOOK_ENDPOINTS, WEBHOOK_TEST_EVENT, type WebhookEventType } from '../../../shared/webhook-events.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';
import { sayStored } from '../../i18n/stored-words.ts';
import { isPublicAddress } from '../../providers/guarded-fetch.ts';
import { auditByActor, diffFields } from '../audit/audit.service.ts';
import { keysetOrderBy, keysetWhere, readCursor, toPage } from '../shared/cursor.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { newMessageId, type WebhookPayload } from './webhooks.emit.ts';
import { attemptDelivery, claimOne, newSigningSecret, secretSealContext, type SenderDeps } from './webhooks.sender.ts';

// A workspace's webhook endpoints: adding, changing and removing them, their signing secret
// (shown once), a test event, and the delivery log with manual redelivery.

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;

export type WebhookInput = { url: string; description?: string | null; events: WebhookEventType[] };
export type WebhookChange = Partial<WebhookInput> & { enabled?: boolean };

/** What the API shows of an endpoint: never its secret; why Herald turned it off in `language` (the request's). */
export const publicEndpoint = (row: EndpointRow, language: Language = defaultLanguage) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: row.events,
  enabled: row.enabled,
  disabledReason: sayStored('status', { message: row.disabledReason, key: row.disabledReasonKey, values: row.disabledReasonValues }, language),
  disabledAt: row.disabledAt,
  consecutiveFailures: row.consecutiveFailures,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Why an attempt failed in `language`: its words when it has them, else its English as stored. */
const attemptError = (row: Pick<AttemptRow, 'error' | 'errorKey' | 'errorValues'>, language: Language) =>
  sayStored('status', { message: row.error, key: row.errorKey, values: row.errorValues }, language);

const publicDelivery = (row: DeliveryRow, language: Language, last?: Pick<AttemptRow, 'responseStatus' | 'error' | 'errorKey' | 'errorValues' | 'createdAt' | 'durationMs'> | null) => ({
  id: row.id,
  endpointId: row.endpointId,
  eventType: row.eventType,
  status: row.status as 'pending' | 'succeeded' | 'failed',
  attempts: row.attempts,
  nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
  createdAt: row.createdAt,
  lastAttempt: last ? { responseStatus: last.responseStatus, error: attemptError(last, language), durationMs: last.durationMs, createdAt: last.createdAt } : null,
});

const publicAttempt = (row: AttemptRow, language: Language) => ({
  id: row.id,
  requestHeaders: row.requestHeaders,
  requestBody: row.requestBody,
  responseStatus: row.responseStatus,
  responseBody: row.responseBody,
  error: attemptError(row, language),
  durationMs: row.durationMs,
  manual: row.manual,
  createdAt: row.createdAt,
});

/**
 * An endpoint must be https on a public address. Names are checked again at every connection
 * (the guarded fetch); here the obvious mistakes are refused at once, with a reason.
 */
export function checkEndpointUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('webhook.invalid_url', 'The URL is not a valid absolute URL', { field: 'url' });
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw invalid('webhook.invalid_url', allowPrivate ? 'The URL must start with https:// or http://' : 'The URL must start with https://', { field: 'url' });
  }
  if (url.username || url.password) throw invalid('webhook.invalid_url', 'Put no user name or password in the URL; check the signature instead', { field: 'url' });
  if (!allowPrivate) {
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const privateName = host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.');
    if ((net.isIP(host) && !isPublicAddress(host)) || (!net.isIP(host) && privateName)) {
      throw invalid('webhook.url_not_public', 'The URL points to a private address; Herald only sends webhooks to public servers', { field: 'url' });
    }
  }
  url.hash = '';
  return url.toString();
}

async function findEndpoint(ctx: ServiceContext, workspaceId: string, webhookId: string): Promise<EndpointRow> {
  const [row] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, webhookId)));
  if (!row) throw notFound('webhook', 'Webhook endpoint not found');
  return row;
}

export async function listEndpoints(ctx: ServiceContext, workspaceId: string, language: Language = defaultLanguage) {
  const rows = await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).orderBy(webhookEndpoints.createdAt);
  return { items: rows.map((row) => publicEndpoint(row, language)) };
}

export async function getEndpoint(ctx: ServiceContext, workspaceId: string, webhookId: string, language: Language = defaultLanguage) {
  return publicEndpoint(await findEndpoint(ctx, workspaceId, webhookId), language);
}

export async function createEndpoint(ctx: ServiceContext, deps: SenderDeps, workspaceId: string, input: WebhookInput) {
  const url = checkEndpointUrl(input.url, deps.allowPrivate);
  const secret = newSigningSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const [counted] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId));
    if ((counted?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS) {
      throw new AppError('webhook.limit_reached', 409, `A workspace can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first`, { max: MAX_WEBHOOK_ENDPOINTS });
    }
    const id = crypto.randomUUID();
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({ id, workspaceId, url, description: input.description?.trim() || null, events: [...new Set(input.events)], secretSealed: deps.box.seal(secret, secretSealContext(id)), createdBy: ctx.actor.userId })
      .returning();
    await auditByActor(tx, ctx, { workspaceId, action: 'webhook.created', entityType: 'webhook', entityId: id, changes: { url, events: created!.events } });
    return created!;
  });
  return { ...publicEndpoint(row), secret };
}

export async function updateEndpoint(ctx: ServiceContext, deps: SenderDeps, workspaceId: string, webhookId: string, input: WebhookChange, language: Language = defaultLanguage) {
  const before = await findEndpoint(ctx, workspaceId, webhookId);
  const change: Partial<EndpointRow> = {};
  if (input.url !== undefined) change.url = checkEndpointUrl(input.url, deps.allowPrivate);
  if (input.description !== undefined) change.description = input.description?.trim() || null;
  if (input.events !== undefined) change.events = [...new Set(input.events)];
  if (input.enabled !== undefined) change.enabled = input.enabled;
  const reEnabled = input.enabled === true && !before.enabled;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({
        ...change,
        // Turned on again: a fresh start (no failure streak, no reason). Turned off by a person: no reason either.
        ...(input.enabled !== undefined && input.enabled !== before.enabled ? { disabledReason: null, disabledReasonKey: null, disabledReasonValues: null, disabledAt: input.enabled ? null : new Date() } : {}),
        ...(reEnabled ? { consecutiveFailures: 0 } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(webhookEndpoints.id, webhookId), eq(webhookEndpoints.workspaceId, workspaceId)))
      .returning();
    const changes = diffFields({ ...before, events: before.events.join(',') } as Record<string, unknown>, { ...change, events: change.events?.join(',') });
    await auditByActor(tx, ctx, { workspaceId, action: 'webhook.updated', entityType: 'webhook', entityId: webhookId, changes });
    // Deliveries that waited while it was off go out now rather than at their old retry times.
    if (reEnabled) await tx.update(webhookDeliveries).set({ nextAttemptAt: new Date() }).where(and(eq(webhookDeliveries.endpointId, webhookId), eq(webhookDeliveries.status, 'pending')));
    return updated!;
  });
  return publicEndpoint(row, language);
}

export async function deleteEndpoint(ctx: ServiceContext, workspaceId: string, webhookId: string) {
  const before = await findEndpoint(ctx, workspaceId, webhookId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, webhookId), eq(webhookEndpoints.workspaceId, workspaceId)));
    await auditByActor(tx, ctx, { workspaceId, action: 'webhook.deleted', entityType: 'webhook', entityId: webhookId, changes: { url: before.url } });
  });
}

/** A new signing secret, shown once; the old one stops signing at once. */
export async function rotateSecret(ctx: ServiceContext, deps: SenderDeps, workspaceId: string, webhookId: string, language: Language = defaultLanguage) {
  await findEndpoint(ctx, workspaceId, webhookId);
  const secret = newSigningSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({ secretSealed: deps.box.seal(secret, secretSealContext(webhookId)), updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.id, webhookId), eq(webhookEndpoints.workspaceId, workspaceId)))
      .returning();
    await auditByActor(tx, ctx, { workspaceId, action: 'webhook.secret_rotated', entityType: 'webhook', entityId: webhookId });
    return updated!;
  });
  return { ...publicEndpoint(row, language), secret };
}

/** Sends a `webhook.test` event to the endpoint now (enabled or not) and answers how it went, in `language` (the request's). */
export async function sendTestEvent(ctx: ServiceContext, deps: SenderDeps, workspaceId: string, webhookId: string, language: Language = defaultLanguage) {
  const endpoint = await findEndpoint(ctx, workspaceId, webhookId);
  const now = new Date();
  const payload: WebhookPayload = { type: WEBHOOK_TEST_EVENT, timestamp: now.toISOString(), data: { endpoint: { id: endpoint.id }, message: 'A test event from Herald' } };
  const id = newMessageId();
  // Claimed from the start, so no worker sends it alongside this request.
  const until = new Date(now.getTime() + 60_000);
  await ctx.db.insert(webhookDeliveries).values({ id, endpointId: endpoint.id, workspaceId, eventType: WEBHOOK_TEST_EVENT, payload, status: 'pending', nextAttemptAt: now, claimedUntil: until, createdAt: now });
  await attemptDelivery(deps, id, until, { manual: false });
  return getDelivery(ctx, workspaceId, webhookId, id, language);
}

/** The endpoint's deliveries, newest first, in cursor pages; filtered by status and event. Why the last attempt failed is said in `language`. */
export async function listDeliveries(
  ctx: ServiceContext,
  workspaceId: string,
  webhookId: string,
  q: { status?: string; event?: string; cursor?: string; limit: number },
  language: Language = defaultLanguage,
) {
  await findEndpoint(ctx, workspaceId, webhookId);
  const after = readCursor(q.cursor);
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, webhookId),
        eq(webhookDeliveries.workspaceId, workspaceId),
        q.status ? eq(webhookDeliveries.status, q.status) : undefined,
        q.event ? eq(webhookDeliveries.eventType, q.event) : undefined,
        keysetWhere(webhookDeliveries.createdAt, webhookDeliveries.id, after, 'desc'),
      ),
    )
    .orderBy(...keysetOrderBy(webhookDeliveries.createdAt, webhookDeliveries.id, 'desc'))
    .limit(q.limit + 1);
  const { items: page, nextCursor } = toPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const attempts = page.length
    ? await ctx.db
        .select({
          deliveryId: webhookAttempts.deliveryId,
          responseStatus: webhookAttempts.responseStatus,
          error: webhookAttempts.error,
          errorKey: webhookAttempts.errorKey,
          errorValues: webhookAttempts.errorValues,
          durationMs: webhookAttempts.durationMs,
          createdAt: webhookAttempts.createdAt,
        })
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, page.map((r) => r.id)))
        .orderBy(desc(webhookAttempts.createdAt))
    : [];
  return { items: page.map((r) => publicDelivery(r, language, attempts.find((a) => a.deliveryId === r.id))), nextCursor };
}

/** One delivery with what was sent and every attempt (request headers, body, answer); why attempts failed in `language`. */
export async function getDelivery(ctx: ServiceContext, workspaceId: string, webhookId: string, deliveryId: string, language: Language = defaultLanguage) {
  const [row] = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, webhookId), eq(webhookDeliveries.workspaceId, workspaceId)));
  if (!row) throw notFound('webhook_delivery', 'Webhook delivery not found');
  const attempts = await ctx.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(desc(webhookAttempts.createdAt));
  return { ...publicDelivery(row, language, attempts[0]), payload: row.payload as WebhookPayload, attemptLog: attempts.map((a) => publicAttempt(a, language)) };
}

/** A person's try of a delivery now, whatever its state; answers the delivery with the new attempt. */
export async function redeliver(ctx: ServiceContext, deps: SenderDeps, workspaceId: string, webhookId: string, deliveryId: string, language: Language = defaultLanguage) {
  await getDelivery(ctx, workspaceId, webhookId, deliveryId);
  const until = await claimOne(ctx.db, deliveryId);
  if (!until) throw new AppError('webhook.delivery_busy', 409, 'Herald is sending this delivery right now; look again in a few seconds');
  await attemptDelivery(deps, deliveryId, until, { manual: true });
  return getDelivery(ctx, workspaceId, webhookId, deliveryId, language);
}
