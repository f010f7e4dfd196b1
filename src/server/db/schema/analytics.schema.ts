import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { channels } from './channels.schema.ts';
import { deliveries } from './posts.schema.ts';
import { workspaces } from './auth.schema.ts';

// The latest counters a network reported for one published delivery. Networks differ in what they
// expose (Mastodon and Bluesky have no views or reach, TikTok no reach), so a missing counter is
// null, never 0. One row per delivery: a new reading replaces the old one.
export const deliveryMetrics = pgTable(
  'delivery_metrics',
  {
    deliveryId: text('delivery_id')
      .primaryKey()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    views: integer('views'),
    likes: integer('likes'),
    comments: integer('comments'),
    shares: integer('shares'),
    reach: integer('reach'),
    /** Counters only one network has (Bluesky quotes, Mastodon quotes), by the network's name. */
    extra: jsonb('extra').$type<Record<string, number>>().notNull().default({}),
    firstFetchedAt: timestamp('first_fetched_at', { withTimezone: true }).notNull().defaultNow(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delivery_metrics_channel_idx').on(t.channelId), index('delivery_metrics_workspace_idx').on(t.workspaceId)],
);
