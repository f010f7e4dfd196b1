import { index, integer, boolean, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MessageValues } from '../../modules/notifications/notification-message.ts';
import { users, workspaces } from './auth.schema.ts';
import { postGroups } from './posts.schema.ts';

// An RSS, Atom or JSON Feed whose new items become posts (drafts, or in the queue of its channels).
export const feeds = pgTable(
  'feeds',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    url: text('url').notNull(),
    channelIds: jsonb('channel_ids').$type<string[]>().notNull(),
    /** draft | queue */
    mode: text('mode').$type<'draft' | 'queue'>().notNull(),
    template: text('template').notNull(),
    intervalMinutes: integer('interval_minutes').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /**
     * Whose name the posts are made in (the last member who saved the feed): their role decides
     * whether a post may be queued or waits for approval, as if they had written it.
     */
    ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
    etag: text('etag'),
    lastModified: text('last_modified'),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }).notNull().defaultNow(),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    /** The last check's failure, in words for the Feeds page; null after a check that worked. */
    lastError: text('last_error'),
    /**
     * The last error as words to say in the reader's language: a key (of the server's `feeds` namespace, or
     * any namespaced key) and its values. Null on rows from before 0026: the English is shown as stored.
     */
    lastErrorKey: text('last_error_key'),
    lastErrorValues: jsonb('last_error_values').$type<MessageValues>(),
    lastNewItemAt: timestamp('last_new_item_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feeds_workspace_idx').on(t.workspaceId, t.createdAt), index('feeds_due_idx').on(t.enabled, t.nextCheckAt)],
);

// Every item a feed has seen, once: the unique (feed, key) is what keeps an item from becoming two
// posts, whichever process checks the feed and however often.
export const feedItems = pgTable(
  'feed_items',
  {
    id: text('id').primaryKey(),
    feedId: text('feed_id')
      .notNull()
      .references(() => feeds.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** sha256 of the item's guid/id, else its link, else its title and date. */
    itemKey: text('item_key').notNull(),
    title: text('title').notNull().default(''),
    link: text('link'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** queued | draft | skipped | seen (taken as already known on the feed's first check) */
    outcome: text('outcome').$type<'pending' | 'queued' | 'draft' | 'skipped' | 'seen'>().notNull(),
    /** Why an item became a draft instead of queued, or was skipped. */
    reason: text('reason'),
    /**
     * The reason as words to say in the reader's language: a key (of the server's `feeds` namespace, or
     * any namespaced key) and its values. Null on rows from before 0026: the English is shown as stored.
     */
    reasonKey: text('reason_key'),
    reasonValues: jsonb('reason_values').$type<MessageValues>(),
    postGroupId: text('post_group_id').references(() => postGroups.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('feed_items_feed_key_idx').on(t.feedId, t.itemKey), index('feed_items_feed_created_idx').on(t.feedId, t.createdAt)],
);

// Saved texts the composer inserts: hashtag groups, signatures and the like.
export const snippets = pgTable(
  'snippets',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    text: text('text').notNull(),
    /** hashtags | signature | other */
    kind: text('kind').$type<'hashtags' | 'signature' | 'other'>().notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('snippets_workspace_idx').on(t.workspaceId, t.name)],
);
