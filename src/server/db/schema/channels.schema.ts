import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MessageValues } from '../../modules/notifications/notification-message.ts';
import { users, workspaces } from './auth.schema.ts';

// A social account connected to a workspace. Tokens are stored sealed (AES-256-GCM, see
// src/server/security/secret-box.ts); profile fields are cached and purged after disconnection.
export const channels = pgTable(
  'channels',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    /** The account's id at the network (TikTok open_id, Mastodon account id, Bluesky DID). */
    externalId: text('external_id').notNull(),
    /**
     * The person at the network who granted Herald this account, when that is not the account
     * itself (the Meta user behind a Facebook Page): the network's deauthorize and data deletion
     * callbacks name that person.
     */
    ownerExternalId: text('owner_external_id'),
    /** Mastodon instance domain or Bluesky PDS origin; null for single-host networks. */
    instance: text('instance'),
    username: text('username'),
    displayName: text('display_name'),
    avatarUrl: text('avatar_url'),
    /** Set while Herald holds a copy of the avatar (channel_avatars), so browsers never ask the network. */
    avatarCachedAt: timestamp('avatar_cached_at', { withTimezone: true }),
    /** Network limits read at connect time (Mastodon max characters, media limits…). */
    limits: jsonb('limits').$type<Record<string, unknown>>(),
    scopesGranted: text('scopes_granted').array().notNull().default([]),
    status: text('status').notNull().default('ok'),
    statusReason: text('status_reason'),
    /**
     * The status reason as words to say in the reader's language: a key of the server's `status`
     * namespace (or `network-<id>:…`) and its values. Null when the reason is a network's own words
     * or from before 0024: `statusReason` is then shown as stored.
     */
    statusReasonKey: text('status_reason_key'),
    statusReasonValues: jsonb('status_reason_values').$type<MessageValues>(),
    accessTokenSealed: text('access_token_sealed'),
    refreshTokenSealed: text('refresh_token_sealed'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    connectedBy: text('connected_by').references(() => users.id, { onDelete: 'set null' }),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    disconnectedAt: timestamp('disconnected_at', { withTimezone: true }),
    /** When the cached profile data of a disconnected channel is to be purged. */
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
    /** The engine sends nothing creating to this account before then (per-account spacing, the network's Retry-After). */
    /** Off = someone objected to analytics for this account: Herald fetches no counters for it. */
    analyticsEnabled: boolean('analytics_enabled').notNull().default(true),
    publishNotBefore: timestamp('publish_not_before', { withTimezone: true }),
    /** Whether posts to this channel need approval: null follows the workspace's setting. */
    approvalRequired: boolean('approval_required'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channels_account_idx').on(t.workspaceId, t.network, t.externalId),
    index('channels_workspace_idx').on(t.workspaceId),
    index('channels_refresh_due_idx').on(t.accessTokenExpiresAt),
  ],
);

// One row per OAuth attempt: the `state` is single use, bound to the user's session and the
// workspace, and expires after ten minutes.
export const oauthStates = pgTable(
  'oauth_states',
  {
    state: text('state').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull(),
    network: text('network').notNull(),
    instance: text('instance'),
    codeVerifierSealed: text('code_verifier_sealed'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('oauth_states_expires_idx').on(t.expiresAt)],
);

// One consent that covers several accounts (a Facebook user's Pages): the accounts offered,
// sealed with their tokens, until the user picks which to connect. Single use, fifteen minutes.
export const connectSelections = pgTable(
  'connect_selections',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull(),
    network: text('network').notNull(),
    instance: text('instance'),
    /** JSON of the offered accounts with their tokens, sealed for this row. */
    accountsSealed: text('accounts_sealed').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('connect_selections_expires_idx').on(t.expiresAt)],
);

// A network told Herald that a person removed the app or asked for their data to be deleted
// (Meta's deauthorize and data deletion callbacks). The confirmation code is what the network
// shows the person; the status page at /networks/deletion/<code> reads this row. The person is
// kept only as a hash, so the row proves the request without keeping who made it.
export const networkDeletionRequests = pgTable('network_deletion_requests', {
  code: text('code').primaryKey(),
  network: text('network').notNull(),
  kind: text('kind').notNull(),
  ownerHash: text('owner_hash').notNull(),
  channelsAffected: integer('channels_affected').notNull().default(0),
  status: text('status').notNull().default('completed'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});

// Mastodon needs an app registered on each instance; Herald registers once and reuses it.
export const mastodonApps = pgTable('mastodon_apps', {
  instance: text('instance').primaryKey(),
  clientId: text('client_id').notNull(),
  clientSecretSealed: text('client_secret_sealed').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  scopes: text('scopes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// A token the network could not be reached to revoke (at disconnect, or when a workspace is
// deleted). Only the token the revocation needs is kept, sealed for this row alone, until the
// channels.revoke-retry job gets it revoked. It outlives its channel and workspace on purpose.
export const pendingRevocations = pgTable('pending_revocations', {
  id: text('id').primaryKey(),
  channelId: text('channel_id').references(() => channels.id, { onDelete: 'set null' }),
  workspaceId: text('workspace_id'),
  network: text('network').notNull(),
  instance: text('instance'),
  tokenSealed: text('token_sealed').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// The avatar image, fetched by the server: the browser loads it from Herald, so the network never
// learns who looks at Herald. Purged with the rest of the cached profile data.
export const channelAvatars = pgTable('channel_avatars', {
  channelId: text('channel_id')
    .primaryKey()
    .references(() => channels.id, { onDelete: 'cascade' }),
  contentType: text('content_type').notNull(),
  /** The image bytes, base64 (at most 1 MB of image). */
  data: text('data').notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
});
