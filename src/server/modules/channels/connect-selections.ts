import crypto from 'node:crypto';
import { networkLabel, type NetworkId } from '../../../shared/networks.ts';
import type { Language } from '../../../shared/languages.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { ConnectableAccount, Instance, Profile, TokenSet } from '../../providers/provider.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sayMessage, type MessageRef } from '../notifications/notification-message.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { fetchAvatar } from './avatar-cache.ts';
import { createChannelsRepository, type ConnectSelectionRow } from './channels.repository.ts';
import { ensureStillMayConnect, publicAfterSave, saveAccountIn } from './channels.save.ts';
import type { ChannelDeps } from './channels.service.ts';

// One consent that covers several accounts (a user's Pages): the accounts are kept, sealed with
// their tokens, until the user who consented picks which become channels, in the same session.

/** Long enough to read a list of Pages and choose; short enough that unpicked tokens do not linger. */
export const SELECTION_TTL_MS = 15 * 60 * 1000;

/** The sealed accounts are bound to their row: a value copied into another selection does not open. */
export const selectionSealContext = (selectionId: string) => `connect-selection:${selectionId}`;

type StoredAccount = {
  externalId: string;
  note: string | null;
  /** Absent in selections sealed before notes kept their words: the English note is shown. */
  noteWords?: MessageRef | null;
  profile: Profile;
  tokens: Omit<TokenSet, 'accessTokenExpiresAt' | 'refreshTokenExpiresAt'> & { accessTokenExpiresAt: string | null; refreshTokenExpiresAt: string | null };
};

const notFound = () => new AppError('channel.selection_not_found', 404, 'This choice of accounts is unknown, was already used or belongs to another session; connect again');
const expired = () => new AppError('channel.selection_expired', 410, `The choice of accounts was open more than ${SELECTION_TTL_MS / 60_000} minutes and nothing was connected; connect again`, undefined, { minutes: SELECTION_TTL_MS / 60_000 });

function seal(deps: ChannelDeps, selectionId: string, accounts: ConnectableAccount[]): string {
  const stored: StoredAccount[] = accounts.map((a) => ({
    externalId: a.externalId,
    note: a.note ?? null,
    noteWords: a.noteWords ?? null,
    profile: a.profile,
    tokens: {
      ...a.tokens,
      accessTokenExpiresAt: a.tokens.accessTokenExpiresAt?.toISOString() ?? null,
      refreshTokenExpiresAt: a.tokens.refreshTokenExpiresAt?.toISOString() ?? null,
    },
  }));
  return deps.box.seal(JSON.stringify(stored), selectionSealContext(selectionId));
}

function open(deps: ChannelDeps, row: ConnectSelectionRow): ConnectableAccount[] {
  const stored = JSON.parse(deps.box.open(row.accountsSealed, selectionSealContext(row.id))) as StoredAccount[];
  const date = (value: string | null) => (value ? new Date(value) : null);
  return stored.map((a) => ({
    externalId: a.externalId,
    note: a.note,
    noteWords: a.noteWords ?? null,
    profile: a.profile,
    tokens: { ...a.tokens, accessTokenExpiresAt: date(a.tokens.accessTokenExpiresAt), refreshTokenExpiresAt: date(a.tokens.refreshTokenExpiresAt) },
  }));
}

export type OfferInput = { workspaceId: string; sessionId: string; network: NetworkId; instance: Instance; accounts: ConnectableAccount[] };

/**
 * Keeps the accounts one consent covers until the user picks (called by completeConnect, whose
 * caller checked the user may connect). An account listed twice is offered once.
 */
export async function offerAccounts(ctx: ServiceContext, deps: ChannelDeps, input: OfferInput): Promise<{ selectionId: string; workspaceId: string }> {
  const seen = new Set<string>();
  const accounts = input.accounts.filter((a) => a.externalId && !seen.has(a.externalId) && seen.add(a.externalId));
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await createChannelsRepository(tx).insertSelection({
      id,
      workspaceId: input.workspaceId,
      userId: ctx.actor.userId,
      sessionId: input.sessionId,
      network: input.network,
      instance: input.instance,
      accountsSealed: seal(deps, id, accounts),
      expiresAt: new Date(Date.now() + SELECTION_TTL_MS),
    });
    await audit(tx, ctx, input.workspaceId, 'channel.selection_offered', id, { network: input.network, accounts: accounts.length });
  });
  return { selectionId: id, workspaceId: input.workspaceId };
}

export type SelectionRef = { workspaceId: string; selectionId: string; sessionId: string };

/** The selection of this user and session, unexpired; an expired one is deleted on the way. */
async function findOwn(db: Db, ref: SelectionRef, userId: string): Promise<ConnectSelectionRow> {
  const repo = createChannelsRepository(db);
  const row = await repo.findSelection(ref.workspaceId, ref.selectionId, userId, ref.sessionId);
  if (!row) throw notFound();
  if (row.expiresAt.getTime() <= Date.now()) {
    await repo.claimSelection(row.id);
    throw expired();
  }
  return row;
}

/** The network's line about an account in the reader's language (its English when the network gave no words). */
const noteIn = (account: ConnectableAccount, language: Language) => (account.noteWords ? sayMessage('networks', account.noteWords, language) : (account.note ?? null));

/** What the picker shows: each account (its note in `language`), whether it is a channel here already, never a token. */
export async function readSelection(ctx: ServiceContext, deps: ChannelDeps, ref: SelectionRef, language: Language = 'en') {
  const row = await findOwn(ctx.db, ref, ctx.actor.userId);
  const repo = createChannelsRepository(ctx.db);
  const accounts = await Promise.all(
    open(deps, row).map(async (account) => {
      const channel = await repo.findAccount(row.workspaceId, row.network, account.externalId);
      return {
        externalId: account.externalId,
        displayName: account.profile.displayName,
        username: account.profile.username,
        avatarUrl: account.profile.avatarUrl,
        /** Herald relays the picture, so the browser never asks the network. */
        avatar: account.profile.avatarUrl ? `/api/v1/workspaces/${row.workspaceId}/channels/selections/${row.id}/accounts/${encodeURIComponent(account.externalId)}/avatar` : null,
        note: noteIn(account, language),
        alreadyConnected: !!channel && channel.status !== 'disconnected',
      };
    }),
  );
  return { id: row.id, network: row.network, networkLabel: networkLabel(row.network), expiresAt: row.expiresAt, accounts };
}

/** An offered account's picture, fetched from the network by the server at each ask (the browser keeps it for the selection's 15 minutes). */
export async function readSelectionAvatar(ctx: ServiceContext, deps: ChannelDeps, ref: SelectionRef & { externalId: string }) {
  const row = await findOwn(ctx.db, ref, ctx.actor.userId);
  const account = open(deps, row).find((a) => a.externalId === ref.externalId);
  const avatar = account ? await fetchAvatar({ network: row.network, instance: row.instance, avatarUrl: account.profile.avatarUrl }) : null;
  if (!avatar) throw new AppError('not_found', 404, 'This account has no picture Herald could fetch');
  return avatar;
}

/**
 * Connects the picked accounts, one channel each (a reconnect updates its channel in place), and
 * uses the selection up, all in one transaction: either every picked account is connected or none
 * is and the user can pick again. Tokens of accounts not picked are dropped, not revoked: at the
 * network they share one grant with the picked ones, and revoking one could end them all.
 */
export async function connectSelectedAccounts(ctx: ServiceContext, deps: ChannelDeps, ref: SelectionRef & { externalIds: string[] }) {
  const row = await findOwn(ctx.db, ref, ctx.actor.userId);
  const offered = new Map(open(deps, row).map((account) => [account.externalId, account]));
  const picked = [...new Set(ref.externalIds)];
  const issues = ref.externalIds.map((externalId, i) => ({ externalId, field: `body.externalIds.${i}` })).filter((p) => !offered.has(p.externalId));
  if (issues.length) {
    const message = 'is not one of the accounts offered in this selection';
    throw new AppError('validation_failed', 400, `${issues[0]!.field}: ${message}`, { issues: issues.map((p) => ({ field: p.field, message })) });
  }
  const network = row.network as NetworkId;
  const saved = await ctx.db.transaction(async (tx) => {
    await ensureStillMayConnect(tx, row.workspaceId, ctx.actor.userId, true);
    // Claimed inside the transaction: a second submit waits here, then finds nothing to use.
    if (!(await createChannelsRepository(tx).claimSelection(row.id))) throw notFound();
    const rows = [];
    for (const externalId of picked) {
      const account = offered.get(externalId)!;
      rows.push(
        await saveAccountIn(
          tx,
          ctx,
          deps,
          { workspaceId: row.workspaceId, network, instance: row.instance, tokens: { ...account.tokens, externalId }, profile: account.profile },
          { selectionId: row.id },
        ),
      );
    }
    await audit(tx, ctx, row.workspaceId, 'channel.selection_used', row.id, { network, offered: offered.size, connected: rows.length });
    return rows;
  });
  const channels = [];
  for (const channel of saved) channels.push(await publicAfterSave(ctx.db, channel));
  return { channels };
}

/** The user changed their mind: the accounts and their tokens are deleted now rather than at expiry. */
export async function discardSelection(ctx: ServiceContext, ref: SelectionRef): Promise<void> {
  const repo = createChannelsRepository(ctx.db);
  const row = await repo.findSelection(ref.workspaceId, ref.selectionId, ctx.actor.userId, ref.sessionId);
  if (!row) throw notFound();
  await ctx.db.transaction(async (tx) => {
    if (await createChannelsRepository(tx).claimSelection(row.id)) await audit(tx, ctx, row.workspaceId, 'channel.selection_discarded', row.id, { network: row.network });
  });
}

function audit(tx: Tx, ctx: ServiceContext, workspaceId: string, action: string, selectionId: string, changes: Record<string, unknown>) {
  return recordAudit(tx, { actorUserId: ctx.actor.userId, ip: ctx.actor.ip, userAgent: ctx.actor.userAgent, workspaceId, action, entityType: 'channel_selection', entityId: selectionId, changes });
}
