import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { MessageValues } from '../../modules/notifications/notification-message.ts';
import { users, workspaces } from './auth.schema.ts';

// What Herald tells a person that needs them to act (a channel to reconnect…): one row per
// recipient and incident, written in the transaction that records the incident.
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    /** `entity.event`, e.g. `channel.needs_reauth`. */
    kind: text('kind').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /**
     * The title and body as words to say in the reader's language: a key of the server's
     * `notifications` namespace and its values. Null on rows written before 0023: their English
     * title and body are shown as stored.
     */
    messageKey: text('message_key'),
    messageValues: jsonb('message_values').$type<MessageValues>(),
    /** Where in the web app the person can act on it. */
    link: text('link'),
    /** The e-mail preference it falls under (approvals, comments, failures, preflight, channels). */
    category: text('category').notNull().default('channels'),
    /** pending (the mail sweep sends it if the person wants that category by e-mail) | sent | skipped | failed; null: in-app only. */
    emailStatus: text('email_status'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_email_idx').on(t.emailStatus, t.createdAt)],
);

// Which notifications a person also wants by e-mail, per category; no row means the default (yes).
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    email: boolean('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);
