import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { networks, type NetworkId } from '../../../shared/networks.ts';
import type { Db, Tx } from '../../db/database.ts';
import { channels } from '../../db/schema/index.ts';
import { ProviderError, type Instance, type TokenSet } from '../../providers/provider.ts';
import type { Providers } from '../../../networks/server.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notifyMembersWhoCan } from '../notifications/notifications.service.ts';
import { emitWebhookEvent } from '../webhooks/webhooks.emit.ts';
import { accessEndingNotice, accessEndingReason, accessEndsSoon, channelsWithTokensEnding, type ChannelNotice } from './access-ending.ts';
import { ref } from '../notifications/notification-message.ts';
import { countTokenRefresh } from '../metrics/metrics.instruments.ts';
import { reasonOf, reasonOfError, reconnectBecause, statusWords, storedReason, type StatusReason } from './status-reason.ts';

// The one lifecycle of a channel's tokens: sealing, refreshing (once per channel across every
// Herald process), using them for a network call, and the health status that follows.

type ChannelRow = typeof channels.$inferSelect;

/** What the lifecycle needs; every module's ChannelDeps carries it. */
export type TokenDeps = { providers: Providers; box: SecretBox };

export type ChannelStatus = 'ok' | 'expiring' | 'needs_reauth';

/**
 * What a refresh did: `refreshed` (new tokens from the network), `fresh` (another request or
 * process had already stored newer tokens; the network was not called), `retry_later` (the network
 * did not answer), `needs_reauth` (the network rejected the refresh token), `skipped` (nothing to
 * refresh: disconnected, no refresh token, or the network has none).
 */
export type RefreshOutcome = 'refreshed' | 'fresh' | 'needs_reauth' | 'retry_later' | 'skipped';

export type RefreshCondition = {
  /**
   * The sealed access token the caller found expired or had rejected. When the stored one is
   * another by the time the lock is held, someone else refreshed it: that token is used as it is.
   */
  replacing?: string | null;
  /** A proactive refresh: skipped when the stored token no longer expires before this time. */
  dueBefore?: Date;
};

/** The sealing context binds each sealed token to its channel and role. */
export const tokenSealContext = (channelId: string, field: 'access' | 'refresh') => `channel:${channelId}:${field}`;

// Any fixed number works; it only has to be the same in every Herald process. Two-key advisory
// locks live apart from the one-key migration lock.
const REFRESH_LOCK_CLASS = 727_131_002;

/** What the people who can reconnect a channel are told, by the status it turned to. */
const incidentMessage: Record<string, ChannelNotice> = {
  needs_reauth: (network, account) => ({ key: 'channel.needsReauth', values: { network, account } }),
  expiring: (network, account) => ({ key: 'channel.expiring', values: { network, account } }),
};

/**
 * Moves a channel to another health status, with its reason (English and words). The change writes
 * one audit row and, when an incident starts (ok → expiring, → needs_reauth), one notification to
 * each member who can fix it; retries that find the same status write nothing, so one incident is
 * one entry. The audit row and the webhook event keep the English, as API readers always had it.
 */
export async function markChannelStatus(db: Db | Tx, row: ChannelRow, status: ChannelStatus, statusReason: StatusReason | null, notice?: ChannelNotice) {
  const reason = statusReason?.message ?? null;
  await db.transaction(async (tx) => {
    await tx.update(channels).set({ status, ...storedReason(statusReason), updatedAt: new Date() }).where(eq(channels.id, row.id));
    if (status === row.status) return;
    await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: `channel.${status}`, entityType: 'channel', entityId: row.id, changes: { status: { from: row.status, to: status }, reason } });
    if (status === 'needs_reauth') {
      await emitWebhookEvent(tx, {
        workspaceId: row.workspaceId,
        type: 'channel.needs_reconnect',
        data: { channel: { id: row.id, network: row.network, username: row.username, displayName: row.displayName, status, reason } },
      });
    }
    const message = notice ?? incidentMessage[status];
    if (!message) return;
    const label = networks[row.network as NetworkId]?.label ?? row.network;
    const account = row.username ? `@${row.username}` : (row.displayName ?? ref('words.account'));
    await notifyMembersWhoCan(tx, 'channels.manage', {
      workspaceId: row.workspaceId,
      kind: `channel.${status}`,
      entityType: 'channel',
      entityId: row.id,
      message: message(label, account),
      link: `/w/${row.workspaceId}/channels`,
    });
  });
}

/** Embedded mode: PGlite is one session in one process, where an advisory lock excludes nobody. */
const isSingleSession = (db: Db) => (db as unknown as { $client?: unknown }).$client instanceof PGlite;

/**
 * Runs `work` as the only refresher of this channel across every process. On PostgreSQL a
 * transaction-scoped advisory lock serialises processes (and is released by the commit that
 * stores the new tokens). PGlite has a single session, on which an open transaction makes every
 * other query of the process wait: there the in-process single flight alone serialises, and
 * `work` runs without holding a transaction across the network call.
 */
async function asOnlyRefresher<T>(db: Db, channelId: string, work: (q: Db | Tx) => Promise<T>): Promise<T> {
  if (isSingleSession(db)) return work(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK_CLASS}, hashtext(${channelId}))`);
    return work(tx);
  });
}

// One refresh per channel at a time in this process: a second caller shares the first's result.
const inFlight = new Map<string, Promise<RefreshOutcome>>();

/**
 * Refreshes one channel's token, once per channel across all processes. Rotating refresh tokens
 * (TikTok, X, Bluesky…) are single use, so two refreshes with the same one would see the second
 * rejected: callers wait for the one running and use what it stored. The rotated refresh token is
 * stored with the new access token; a rejected refresh marks the channel `needs_reauth` once.
 */
export function refreshChannel(db: Db, deps: TokenDeps, channelId: string, condition: RefreshCondition = {}): Promise<RefreshOutcome> {
  const running = inFlight.get(channelId);
  if (running) return running;
  const started = asOnlyRefresher(db, channelId, (q) => refreshHoldingLock(q, deps, channelId, condition)).finally(() => inFlight.delete(channelId));
  inFlight.set(channelId, started);
  return started;
}

async function refreshHoldingLock(q: Db | Tx, deps: TokenDeps, channelId: string, condition: RefreshCondition): Promise<RefreshOutcome> {
  // Read after the lock: whatever an earlier holder stored is visible now.
  const [row] = await q.select().from(channels).where(eq(channels.id, channelId));
  try {
    const outcome = await refreshRow(q, deps, row, condition);
    countTokenRefresh(row?.network ?? 'none', outcome);
    return outcome;
  } catch (error) {
    countTokenRefresh(row?.network ?? 'none', 'error');
    throw error;
  }
}

async function refreshRow(q: Db | Tx, deps: TokenDeps, row: ChannelRow | undefined, condition: RefreshCondition): Promise<RefreshOutcome> {
  const provider = row ? deps.providers[row.network as NetworkId] : undefined;
  if (!row || !provider?.refresh || !row.refreshTokenSealed || row.status === 'disconnected' || row.status === 'needs_reauth') return 'skipped';
  if (condition.replacing !== undefined && row.accessTokenSealed !== condition.replacing) return 'fresh';
  if (condition.dueBefore && row.accessTokenExpiresAt && row.accessTokenExpiresAt.getTime() >= condition.dueBefore.getTime()) return 'fresh';
  let tokens: TokenSet;
  try {
    tokens = await provider.refresh(deps.box.open(row.refreshTokenSealed, tokenSealContext(row.id, 'refresh')), row.instance);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.kind === 'transient') {
      await markChannelStatus(q, row, 'expiring', reasonOfError(error));
      return 'retry_later';
    }
    await markChannelStatus(q, row, 'needs_reauth', reasonOfError(error));
    return 'needs_reauth';
  }
  const renewed = {
    accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
    refreshTokenSealed: tokens.refreshToken ? 'renewed' : row.refreshTokenSealed,
    refreshTokenExpiresAt: tokens.refreshToken ? (tokens.refreshTokenExpiresAt ?? null) : row.refreshTokenExpiresAt,
  };
  // A refresh that cannot move the grant's end (a Google app in Testing) leaves the channel
  // `expiring` with that reason rather than calling it healthy until the next check.
  const ending = accessEndsSoon(renewed, true) ? accessEndingReason({ network: row.network, ...renewed }, true) : null;
  await q.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({
        status: ending ? 'expiring' : 'ok',
        ...storedReason(ending),
        accessTokenSealed: deps.box.seal(tokens.accessToken, tokenSealContext(row.id, 'access')),
        accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
        ...(tokens.refreshToken
          ? { refreshTokenSealed: deps.box.seal(tokens.refreshToken, tokenSealContext(row.id, 'refresh')), refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null }
          : {}),
        scopesGranted: tokens.scopes.length ? tokens.scopes : row.scopesGranted,
        updatedAt: new Date(),
      })
      .where(eq(channels.id, row.id));
    if (ending && row.status !== 'expiring') await markChannelStatus(tx, { ...row, status: 'ok' }, 'expiring', ending, (label, account) => accessEndingNotice(label, account, renewed, true));
    if (!ending && row.status !== 'ok') {
      await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: 'channel.ok', entityType: 'channel', entityId: row.id, changes: { status: { from: row.status, to: 'ok' } } });
    }
  });
  return 'refreshed';
}

/**
 * Runs a call to the network with the channel's access token. An expired token is refreshed
 * first; a token the network rejects during use (401) gets at most one refresh and one more try,
 * after which the channel needs to be reconnected. A missing permission (`scope`) is passed on as
 * it is: no refresh can grant it, and the channel stays healthy for what it may do. Everything
 * that publishes or reads through a channel goes through here.
 */
export async function withChannelToken<T>(db: Db, deps: TokenDeps, channel: string | ChannelRow, call: (accessToken: string, instance: Instance) => Promise<T>): Promise<T> {
  const channelId = typeof channel === 'string' ? channel : channel.id;
  const load = async () => (await db.select().from(channels).where(eq(channels.id, channelId)))[0];
  // A caller that has just read the row (the publishing engine, under its claim) saves a query.
  let row = typeof channel === 'string' ? await load() : channel;
  const network = (row?.network ?? '') as NetworkId;
  const label = networks[network]?.label ?? network;
  // Each refusal carries its words, so a delivery that fails on it is told in its reader's language.
  const refusal = (kind: 'auth' | 'transient' | 'invalid', reason: StatusReason, code?: string) => new ProviderError(kind, network, reason.message, code, reason.words ? { words: reason.words } : {});
  const notConnected = (reason: StatusReason) => refusal('auth', reason, 'needs_reauth');
  if (!row || !row.accessTokenSealed || row.status === 'disconnected') throw notConnected(reasonOf(statusWords('channel.notConnected')));
  if (row.status === 'needs_reauth') throw notConnected(reasonOf(statusWords('channel.needsReconnect')));
  const provider = deps.providers[network];
  if (!provider) throw refusal('invalid', reasonOf(statusWords('channel.networkNotEnabled', { network })));
  const attempt = (current: ChannelRow) => call(deps.box.open(current.accessTokenSealed!, tokenSealContext(current.id, 'access')), current.instance);
  const refreshed = async (replacing: string | null) => {
    const outcome = await refreshChannel(db, deps, row!.id, { replacing });
    if (outcome === 'retry_later') throw refusal('transient', reasonOf(statusWords('channel.refreshUnanswered', { network: label })));
    const current = (await load())!;
    if (outcome === 'refreshed' || (outcome === 'fresh' && current.status !== 'needs_reauth' && current.accessTokenSealed)) return current;
    throw notConnected(reasonOf(statusWords('channel.refreshRejected', { network: label })));
  };

  const expired = !!row.accessTokenExpiresAt && row.accessTokenExpiresAt.getTime() <= Date.now();
  if (expired && !(provider.refresh && row.refreshTokenSealed)) {
    // The grant ended on its date (LinkedIn's 60 days): no call can succeed, and the person must
    // hear why rather than see the network's bare 401.
    const reason = accessEndingReason(row, false);
    await markChannelStatus(db, row, 'needs_reauth', reason);
    throw notConnected(reason);
  }
  if (expired) row = await refreshed(row.accessTokenSealed);
  let rejection: ProviderError;
  try {
    return await attempt(row);
  } catch (error) {
    if (!(error instanceof ProviderError && error.kind === 'auth')) throw error;
    rejection = error;
  }
  if (!provider.refresh || !row.refreshTokenSealed) {
    // The network's own reason when it gave one (Meta: "the account password was changed"), so
    // the person knows why they must connect again.
    const bare = reasonOf(statusWords('channel.tokenRejected', { network: label }));
    const reason = rejection.message.startsWith(label) && rejection.message !== bare.message ? reasonOfError(rejection) : bare;
    await markChannelStatus(db, row, 'needs_reauth', reason);
    throw notConnected(reconnectBecause(reason));
  }
  const retried = await refreshed(row.accessTokenSealed);
  try {
    return await attempt(retried);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'auth') {
      const reason = reasonOf(statusWords('channel.tokenRejectedAfterRefresh', { network: label }));
      await markChannelStatus(db, retried, 'needs_reauth', reason);
      throw notConnected(reconnectBecause(reason));
    }
    throw error;
  }
}

/**
 * Turns healthy channels whose grant ends within a week (and that no refresh can extend) to
 * `expiring`, telling the people who can reconnect them; one notice per channel and grant.
 */
export async function noticeAccessEnding(db: Db, deps: Pick<TokenDeps, 'providers'>, now = new Date()): Promise<number> {
  let noticed = 0;
  for (const row of await channelsWithTokensEnding(db, now)) {
    const canRefresh = !!deps.providers[row.network as NetworkId]?.refresh;
    if (!accessEndsSoon(row, canRefresh, now)) continue;
    const reason = accessEndingReason(row, canRefresh, now);
    await markChannelStatus(db, row, 'expiring', reason, (label, account) => accessEndingNotice(label, account, row, canRefresh, now));
    noticed += 1;
  }
  return noticed;
}
