import { bigint, index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

// Append-only record of every change. No route updates or deletes it, and a trigger (migration
// 0001) refuses UPDATE and DELETE unless a maintenance flag is set in the same transaction.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text('actor_user_id'),
    workspaceId: text('workspace_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_workspace_idx').on(t.workspaceId, t.id),
    index('audit_log_actor_idx').on(t.actorUserId, t.id),
  ],
);

// One row per HTTP request. The route pattern is stored, not the URL, so query strings (which can
// carry tokens or personal data) never reach the table.
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    status: integer('status').notNull(),
    durationMs: real('duration_ms').notNull(),
    userId: text('user_id'),
    workspaceId: text('workspace_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('access_log_created_at_idx').on(t.createdAt), index('access_log_user_idx').on(t.userId)],
);
