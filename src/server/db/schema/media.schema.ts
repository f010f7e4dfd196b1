import { bigint, index, integer, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { users, workspaces } from './auth.schema.ts';

// A file uploaded to a workspace for posting. The bytes live in the storage driver (disk in the
// embedded mode) under `storageKey`; what the probe found is kept here so every network's rules
// can be checked without reading the file again.
export const media = pgTable(
  'media',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** image | video | document (PDF) */
    kind: text('kind').notNull(),
    /** Detected from the content, never from the file name. */
    mimeType: text('mime_type').notNull(),
    fileName: text('file_name'),
    /** The library's display name (null: the file name). */
    name: text('name'),
    /** Default description for screen readers, offered when the file is added to a post (posts keep their own). */
    altText: text('alt_text'),
    /** Library tags, lower-cased and unique. */
    tags: text('tags').array().notNull().default([]),
    /** A small WebP preview in the storage (images: made at upload; videos: a poster frame the browser sends). */
    thumbnailKey: text('thumbnail_key'),
    /** The library item this one was edited from (crop, rotate, resize). */
    sourceMediaId: text('source_media_id'),
    size: bigint('size', { mode: 'number' }).notNull(),
    width: integer('width'),
    height: integer('height'),
    durationSeconds: real('duration_seconds'),
    videoCodec: text('video_codec'),
    frameRate: real('frame_rate'),
    /** Documents: pages counted at upload (null: not found in the file). */
    pageCount: integer('page_count'),
    storageKey: text('storage_key').notNull(),
    /** ready | deleted (the bytes are gone; the row stays while posts refer to it) */
    status: text('status').notNull().default('ready'),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the last post that used it was deleted: the retention job then deletes the file. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('media_workspace_idx').on(t.workspaceId, t.createdAt)],
);
