import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { MessageValues } from '../../modules/notifications/notification-message.ts';
import { users, workspaces } from './auth.schema.ts';
import { postGroups } from './posts.schema.ts';

// An evergreen post: once it has been out for `everyDays`, a copy goes back into its channels'
// queue, at most `maxTimes` times, each copy with the next of `variations` as its text.
export const evergreenSettings = pgTable(
  'evergreen_settings',
  {
    postGroupId: text('post_group_id')
      .primaryKey()
      .references(() => postGroups.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Turning it off keeps the row, so the count survives turning it on again. */
    enabled: boolean('enabled').notNull().default(true),
    everyDays: integer('every_days').notNull(),
    maxTimes: integer('max_times').notNull(),
    variations: jsonb('variations').$type<string[]>().notNull().default([]),
    /** Copies made so far; raised in the transaction that makes one, guarded by its old value. */
    recycledCount: integer('recycled_count').notNull().default(0),
    lastRecycledAt: timestamp('last_recycled_at', { withTimezone: true }),
    /** Copies are made in this member's name and role: the last one who saved the setting. */
    ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Why the last due copy could not be made (channel disconnected, owner gone…); null once one is. */
    skipReason: text('skip_reason'),
    /**
     * The skip reason as words to say in the reader's language: a key (of the server's `status` namespace, or
     * any namespaced key) and its values. Null on rows from before 0026: the English is shown as stored.
     */
    skipReasonKey: text('skip_reason_key'),
    skipReasonValues: jsonb('skip_reason_values').$type<MessageValues>(),
    skippedAt: timestamp('skipped_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evergreen_settings_due_idx').on(t.enabled, t.lastRecycledAt), index('evergreen_settings_workspace_idx').on(t.workspaceId)],
);
