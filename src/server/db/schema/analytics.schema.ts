import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
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

// Every reading the collector took of one delivery: the history behind the charts. The retention
// job thins points older than a week to the last one of each day and deletes those older than the
// operator's analytics history setting; objecting (deleting collected counters) deletes them too.
export const deliveryMetricReadings = pgTable(
  'delivery_metric_readings',
  {
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
    views: integer('views'),
    likes: integer('likes'),
    comments: integer('comments'),
    shares: integer('shares'),
    reach: integer('reach'),
    extra: jsonb('extra').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.deliveryId, t.readAt] }),
    index('delivery_metric_readings_channel_idx').on(t.channelId, t.readAt),
    index('delivery_metric_readings_workspace_idx').on(t.workspaceId, t.readAt),
  ],
);

// One row per channel per day (the day in the workspace's time zone), kept up to date by the
// collector: the followers the network reported that day (its last reading; null when the network
// does not report followers or none was read), the posts published that day, and the sums of the
// newest counters of those posts (null when no post of that day has the counter: "not reported",
// never 0). The dashboard and the reports read these rows, not the readings.
export const channelDailyStats = pgTable(
  'channel_daily_stats',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    followers: integer('followers'),
    postsPublished: integer('posts_published').notNull().default(0),
    views: bigint('views', { mode: 'number' }),
    likes: bigint('likes', { mode: 'number' }),
    comments: bigint('comments', { mode: 'number' }),
    shares: bigint('shares', { mode: 'number' }),
    reach: bigint('reach', { mode: 'number' }),
    extra: jsonb('extra').$type<Record<string, number>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.day] }), index('channel_daily_stats_workspace_idx').on(t.workspaceId, t.day)],
);

// The client report each workspace sends by e-mail on the first of the month (in the workspace's
// time zone) for the month before, to the recipients its admins chose.
export const reportSchedules = pgTable('report_schedules', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// One row per report made for a period (scheduled or on request): a scheduled month is sent once,
// also with several workers (the primary key is taken before the e-mail goes out).
export const reportRuns = pgTable(
  'report_runs',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['scheduled'] }).notNull(),
    sentTo: jsonb('sent_to').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.periodStart] })],
);
