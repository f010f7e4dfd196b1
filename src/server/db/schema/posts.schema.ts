import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { MessageValues } from '../../modules/notifications/notification-message.ts';
import { users, workspaces } from './auth.schema.ts';
import { channels } from './channels.schema.ts';
import type { LinkCard, Utm } from '../../../shared/link-cards.ts';

/** What one channel publishes: the main post, its thread parts and an optional first comment. */
export type PostContent = {
  parts: { text: string; media: { mediaId: string; altText?: string }[] }[];
  firstComment?: string | null;
  /** Network settings (TikTok privacy level, Mastodon visibility…), validated by the network's rules. */
  settings: Record<string, unknown>;
  /** The preview card of the post's link, as the user edited it (networks that take one send it). */
  linkCard?: LinkCard | null;
  /** Campaign tags added to the links when this channel's variant is published. */
  utm?: Utm | null;
};

// A post group: one draft written once and sent to one or more channels. The shared content is
// what the composer edits; each delivery holds the channel's own variant.
export const postGroups = pgTable(
  'post_groups',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /**
     * draft | in_review | changes_requested | scheduled | publishing | published | partially_failed
     * | failed | cancelled (derived from deliveries once scheduled; in_review and changes_requested
     * are approval states of a post whose deliveries are still drafts).
     */
    state: text('state').notNull().default('draft'),
    content: jsonb('content').$type<PostContent>().notNull(),
    /** The instant it is due (UTC); null for drafts without a time. */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    /** The IANA zone the time was chosen in, so the calendar shows it the way the author meant it. */
    timeZone: text('time_zone').notNull().default('UTC'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Set when the post was approved (by a member or through a review link); cleared when it goes back to review. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Who approved it, as shown to people: a member's name or a review link's named recipient. */
    approvedByName: text('approved_by_name'),
    /** When the people concerned were told that its time passed while in review (once per time). */
    reviewOverdueNotifiedAt: timestamp('review_overdue_notified_at', { withTimezone: true }),
    /** The evergreen post this one is a recycled copy of (null for posts written by someone). */
    recycledFrom: text('recycled_from').references((): AnyPgColumn => postGroups.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('post_groups_calendar_idx').on(t.workspaceId, t.publishAt, t.id),
    index('post_groups_state_idx').on(t.workspaceId, t.state),
    index('post_groups_recycled_from_idx').on(t.recycledFrom),
  ],
);

// One delivery per (post group, channel). The row is the truth the engine works from; jobs only
// wake it up. `pendingStep` is set, and committed, before any call that creates something at the
// network and cleared once the answer is stored: a delivery found with a pending step after a
// crash may have been published, so it becomes `unconfirmed` instead of being sent again.
export const deliveries = pgTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    postGroupId: text('post_group_id')
      .notNull()
      .references(() => postGroups.id, { onDelete: 'cascade' }),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    /** draft | queued | publishing | processing | published | failed | unconfirmed | cancelled */
    state: text('state').notNull().default('draft'),
    content: jsonb('content').$type<PostContent>().notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** When the engine may try next (backoff, Retry-After, per-channel spacing). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    attemptCount: integer('attempt_count').notNull().default(0),
    /** Stable for the delivery's life: the base of the keys sent to networks that honour one (Mastodon). */
    idempotencyKey: text('idempotency_key').notNull(),
    /** The pg-boss job that will wake this delivery, so rescheduling or cancelling can remove it. */
    wakeJobId: text('wake_job_id'),
    claimedBy: text('claimed_by'),
    claimExpiresAt: timestamp('claim_expires_at', { withTimezone: true }),
    /** What earlier attempts achieved at the network (ids of parts already created, upload state…), provider-defined. */
    progress: jsonb('progress').$type<Record<string, unknown>>().notNull().default({}),
    pendingStep: jsonb('pending_step').$type<{ step: string; attemptId: string; sentAt: string } | null>(),
    externalId: text('external_id'),
    externalUrl: text('external_url'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by'),
    /** Published more than a minute after it was due (e.g. Herald was down). */
    late: boolean('late').notNull().default(false),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The error message as words for the reader's language (key in the server's `delivery` namespace, or `network-<id>:…`); null: say `errorMessage` as stored. */
    errorKey: text('error_key'),
    errorValues: jsonb('error_values').$type<MessageValues>(),
    /** The due time a pre-flight alert was sent for: one alert per planned time, again after a reschedule. */
    preflightAlertedFor: timestamp('preflight_alerted_for', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deliveries_post_channel_idx').on(t.postGroupId, t.channelId),
    index('deliveries_due_idx').on(t.state, t.nextAttemptAt),
    index('deliveries_channel_idx').on(t.channelId, t.state),
    index('deliveries_workspace_state_idx').on(t.workspaceId, t.state),
  ],
);

// Every engine run on a delivery, with the calls it made (request summaries and the network's
// answers, secrets removed).
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** publish | check | resolve (unconfirmed check) | manual */
    kind: text('kind').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** published | processing | retry | failed | unconfirmed | found | not_found | interrupted */
    outcome: text('outcome'),
    steps: jsonb('steps').$type<{ at: string; step: string; request?: unknown; response?: unknown }[]>().notNull().default([]),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The error message as words for the reader's language (key in the server's `delivery` namespace, or `network-<id>:…`); null: say `errorMessage` as stored. */
    errorKey: text('error_key'),
    errorValues: jsonb('error_values').$type<MessageValues>(),
    retryAt: timestamp('retry_at', { withTimezone: true }),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId, t.number)],
);

// Weekly posting times of a channel, in the workspace's time zone: "add to queue" takes the next
// one that no post of the channel occupies.
export const timeSlots = pgTable(
  'time_slots',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    /** 0 = Monday … 6 = Sunday */
    weekday: integer('weekday').notNull(),
    /** Minutes after local midnight. */
    minute: integer('minute').notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.weekday, t.minute] })],
);

export const workspaceSettings = pgTable('workspace_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull().default('UTC'),
  /** Off = the workspace objected to analytics: no counters are fetched for any of its channels. */
  analyticsEnabled: boolean('analytics_enabled').notNull().default(true),
  /** Posts need approval before they are scheduled (a channel may override it). */
  approvalRequired: boolean('approval_required').notNull().default(false),
  /** How long before a scheduled post the pre-flight check warns about what would make it fail. */
  preflightMinutes: integer('preflight_minutes').notNull().default(60),
  /** On = the media library: uploads are kept after publishing until a member deletes them (off: deleted once published). */
  mediaLibraryEnabled: boolean('media_library_enabled').notNull().default(false),
  /** Set when an admin closes the new workspace's getting-started checklist. */
  onboardingDismissedAt: timestamp('onboarding_dismissed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
