import { sql } from 'drizzle-orm';
import type { MessageValues } from '../../modules/notifications/notification-message.ts';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.schema.ts';

// A "download all my data" archive. The job builds the ZIP and keeps it in the media storage
// under `exports/<id>.zip` (older rows: an absolute path under `<dataPath>/exports`);
// the link works until `expiresAt`, then the daily purge deletes the file and marks the row expired.
// The row itself stays (without the file) as a record that an export was made.
export const dataExports = pgTable(
  'data_exports',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** queued | building | ready | failed | expired */
    status: text('status').notNull().default('queued'),
    /** 0–100, updated by the job as it writes each part. */
    progress: integer('progress').notNull().default(0),
    /** Where the ZIP is: its media storage key (`exports/<id>.zip`), or an older row's absolute path. */
    filePath: text('file_path'),
    size: bigint('size', { mode: 'number' }),
    error: text('error'),
    /**
     * The error as words to say in the reader's language: a key (of the server's `status` namespace, or
     * any namespaced key) and its values. Null on rows from before 0026: the English is shown as stored.
     */
    errorKey: text('error_key'),
    errorValues: jsonb('error_values').$type<MessageValues>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
  },
  (t) => [
    index('data_exports_user_idx').on(t.userId, t.createdAt),
    index('data_exports_expires_idx').on(t.status, t.expiresAt),
    // At most one export in the making per user, even when two requests race.
    uniqueIndex('data_exports_one_running_idx').on(t.userId).where(sql`${t.status} in ('queued', 'building')`),
  ],
);

// A user's own picture, resized by Herald to a small square (WebP) and kept base64 in the row so it
// lives and dies with the user (no file to forget on deletion).
export const userAvatars = pgTable('user_avatars', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  data: text('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
