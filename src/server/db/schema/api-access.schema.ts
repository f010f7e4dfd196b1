import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MessageValues } from '../../modules/notifications/notification-message.ts';
import { users, workspaces } from './auth.schema.ts';

// A key scripts, automations and assistants use instead of a browser session. Only the SHA-256 of
// the secret is stored; the prefix identifies the key in lists and logs. A workspace key works in
// its workspace; a personal key (workspace_id null) in every workspace its creator belongs to.
// Either way the key never does more than its scopes AND its creator's current role allow.
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the key ("hk_live_ab12…"), shown so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    /** Workspace permissions (src/shared/permissions.ts) the key may use. */
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: text('last_used_ip'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_keys_hash_idx').on(t.keyHash), index('api_keys_workspace_idx').on(t.workspaceId, t.createdAt), index('api_keys_user_idx').on(t.userId)],
);

// Where a workspace wants to hear about events, signed as Standard Webhooks says. The signing
// secret is sealed with the secret box like channel tokens.
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types it receives (src/shared/webhook-events.ts). */
    events: jsonb('events').$type<string[]>().notNull(),
    secretSealed: text('secret_sealed').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Why it was turned off by Herald (repeated failure), null when a person did it or it is on. */
    disabledReason: text('disabled_reason'),
    /** The same as words for the reader's language (key in the server's `status` namespace); null before 0024. */
    disabledReasonKey: text('disabled_reason_key'),
    disabledReasonValues: jsonb('disabled_reason_values').$type<MessageValues>(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_workspace_idx').on(t.workspaceId)],
);

// One event for one endpoint: the message (its id is the `webhook-id` header, the same on every
// retry) and where it stands. Retries follow a schedule spanning a day.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending | succeeded | failed (gave up) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Set while a worker sends it, so two workers never send the same attempt. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt)],
);

// Each try of a delivery: what was sent (headers without secrets) and what came back.
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    requestHeaders: jsonb('request_headers').$type<Record<string, string>>().notNull(),
    requestBody: text('request_body').notNull(),
    responseStatus: integer('response_status'),
    /** The answer's first few kilobytes. */
    responseBody: text('response_body'),
    error: text('error'),
    /**
     * The error as words to say in the reader's language: a key (of the server's `status` namespace, or
     * any namespaced key) and its values. Null on rows from before 0026: the English is shown as stored.
     */
    errorKey: text('error_key'),
    errorValues: jsonb('error_values').$type<MessageValues>(),
    durationMs: integer('duration_ms'),
    /** Whether a person asked for it (redelivery) rather than the schedule. */
    manual: boolean('manual').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.createdAt)],
);
