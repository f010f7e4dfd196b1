import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users, workspaces } from './auth.schema.ts';

/** How long an answer is kept under its key (the publishing engine's reconcile sweep deletes older rows). */
export const idempotentRequestsKeptMs = 24 * 60 * 60 * 1000;

// The answer to a creating API call, kept 24 hours under the client's Idempotency-Key, so a
// repeated call (a retry after a lost answer) gets the first answer instead of a second resource.
// A row with no status is a claim: the first call is still running (src/server/http/idempotency.ts).
export const idempotentRequests = pgTable(
  'idempotent_requests',
  {
    /** Whose key it is: `key:<api key id>` or `user:<user id>`, then `:<workspace id>` when the route has one. */
    scope: text('scope').notNull(),
    method: text('method').notNull(),
    /** The route's path pattern (`/api/v1/workspaces/:workspaceId/posts`), not the URL. */
    route: text('route').notNull(),
    key: text('key').notNull(),
    /** Kept to delete a leaving account's keys; the scope already names the actor. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    /** sha256 of method, URL and canonical JSON body: the same key for another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status'),
    body: jsonb('body'),
    contentType: text('content_type'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.method, t.route, t.key] }), index('idempotent_requests_created_idx').on(t.createdAt)],
);
