import { and, eq, isNotNull, lt, or } from 'drizzle-orm';
import { networks, type NetworkId } from '../../../shared/networks.ts';
import type { Db, Tx } from '../../db/database.ts';
import { channels } from '../../db/schema/index.ts';
import { ref, type MessageValue, type NotificationMessage } from '../notifications/notification-message.ts';
import { reasonOf, statusWords, type StatusReason } from './status-reason.ts';

// Some grants end on a date no refresh can move: LinkedIn's 60-day tokens come without a refresh
// token for most apps, and a Google app still in "Testing" gets refresh tokens that stop after 7
// days. A week before, the channel turns `expiring` and the people who can reconnect it are told,
// while there is still time; reconnecting (the same account) keeps the channel and its posts.

type ChannelRow = typeof channels.$inferSelect;

/** How long before the end of a grant its channel turns `expiring`. */
export const ACCESS_ENDING_NOTICE_MS = 7 * 24 * 60 * 60 * 1000;

type GrantFacts = Pick<ChannelRow, 'accessTokenExpiresAt' | 'refreshTokenSealed' | 'refreshTokenExpiresAt'>;

/**
 * When the channel's access ends for good, or null when refreshing keeps it going. With a refresh
 * token the network renews: its end counts only when it comes after the access token's (a refresh
 * token that lives exactly as long as the access token, as Instagram's and Threads' do, is renewed
 * by the refresh before then; TikTok's year-long one is renewed at each daily refresh, so only a
 * refresh that stopped renewing brings it near). Without one, the access token's end is the end.
 */
export function accessEndsAt(row: GrantFacts, canRefresh: boolean): Date | null {
  if (canRefresh && row.refreshTokenSealed) {
    const refreshEnd = row.refreshTokenExpiresAt;
    if (!refreshEnd) return null;
    return !row.accessTokenExpiresAt || refreshEnd.getTime() > row.accessTokenExpiresAt.getTime() ? refreshEnd : null;
  }
  return row.accessTokenExpiresAt ?? null;
}

/** Whether the channel's grant ends within the notice period (or already ended). */
export const accessEndsSoon = (row: GrantFacts, canRefresh: boolean, now = new Date()) => {
  const end = accessEndsAt(row, canRefresh);
  return end !== null && end.getTime() < now.getTime() + ACCESS_ENDING_NOTICE_MS;
};

/** Why the channel's access ends, in words each reader is told in their language (the Channels page, the agency view). */
export function accessEndingReason(row: Pick<ChannelRow, 'network'> & GrantFacts, canRefresh: boolean, now = new Date()): StatusReason {
  const label = networks[row.network as NetworkId]?.label ?? row.network;
  const end = accessEndsAt(row, canRefresh)!;
  const day = { date: end.toISOString(), style: 'day' } as const;
  return reasonOf(statusWords(end.getTime() <= now.getTime() ? 'channel.accessEnded' : 'channel.accessEnds', { network: label, day }));
}

/** What a channel's notification says, from the network's name and the account's (`@name`, or "account" said in the reader's language). */
export type ChannelNotice = (network: string, account: MessageValue) => NotificationMessage;

/** The notification of an ending grant: its body is the reason above, in the reader's language. */
export function accessEndingNotice(network: string, account: MessageValue, row: GrantFacts, canRefresh: boolean, now = new Date()): NotificationMessage {
  const end = accessEndsAt(row, canRefresh)!;
  const day = { date: end.toISOString(), style: 'day' } as const;
  const when = end.getTime() <= now.getTime() ? ref('words.accessEnded', { day }) : ref('words.accessEnds', { day });
  return { key: 'channel.accessEnding', values: { network, account, when } };
}

/** Healthy channels with a token ending within the notice period; `accessEndsSoon` decides which grant really ends. */
export async function channelsWithTokensEnding(db: Db | Tx, now = new Date()): Promise<ChannelRow[]> {
  const before = new Date(now.getTime() + ACCESS_ENDING_NOTICE_MS);
  return db
    .select()
    .from(channels)
    .where(and(eq(channels.status, 'ok'), isNotNull(channels.accessTokenSealed), or(lt(channels.refreshTokenExpiresAt, before), lt(channels.accessTokenExpiresAt, before))));
}
