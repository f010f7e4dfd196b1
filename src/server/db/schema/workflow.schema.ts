import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users, workspaces } from './auth.schema.ts';
import { postGroups } from './posts.schema.ts';

// Every step of a post's approval: submitted, approved, changes requested, sent back to review by
// an edit. Who acted is a member or a review link's named recipient (then `reviewLinkId` and the IP).
export const postReviews = pgTable(
  'post_reviews',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    postGroupId: text('post_group_id')
      .notNull()
      .references(() => postGroups.id, { onDelete: 'cascade' }),
    /** submitted | approved | changes_requested | reopened (an edit after approval) */
    decision: text('decision').notNull(),
    comment: text('comment'),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    reviewLinkId: text('review_link_id'),
    /** The name shown for the step, kept when the member leaves or the link is deleted. */
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_reviews_post_idx').on(t.postGroupId, t.createdAt)],
);

// A link a client opens without an account to see faithful previews and approve or ask for
// changes. Only the token's hash is stored; the link names its recipient, expires and can be revoked.
export const reviewLinks = pgTable(
  'review_links',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientEmail: text('recipient_email'),
    /** The posts it shows: a list of post ids, or every post in review planned within [rangeFrom, rangeTo). */
    postIds: jsonb('post_ids').$type<string[]>(),
    rangeFrom: timestamp('range_from', { withTimezone: true }),
    rangeTo: timestamp('range_to', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_links_token_idx').on(t.tokenHash), index('review_links_workspace_idx').on(t.workspaceId, t.createdAt)],
);

// Internal notes on a post between team members; never sent to a network.
export const postComments = pgTable(
  'post_comments',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    postGroupId: text('post_group_id')
      .notNull()
      .references(() => postGroups.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** User ids mentioned with @, each notified once when the comment is written. */
    mentions: jsonb('mentions').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [index('post_comments_post_idx').on(t.postGroupId, t.createdAt), index('post_comments_author_idx').on(t.authorId)],
);

// The Ideas board: columns the team names, in their order.
export const ideaColumns = pgTable(
  'idea_columns',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('idea_columns_workspace_idx').on(t.workspaceId, t.position)],
);

// A card on the Ideas board: text, media and notes, until someone turns it into a post.
export const ideas = pgTable(
  'ideas',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    columnId: text('column_id')
      .notNull()
      .references(() => ideaColumns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    notes: text('notes').notNull().default(''),
    media: jsonb('media').$type<{ mediaId: string; altText?: string }[]>().notNull().default([]),
    /** The post it was turned into, if any. */
    postGroupId: text('post_group_id').references(() => postGroups.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ideas_column_idx').on(t.columnId, t.position), index('ideas_workspace_idx').on(t.workspaceId)],
);
