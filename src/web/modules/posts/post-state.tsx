import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { networkLabel } from '../../components/networks.ts';
import { writeDate } from '../../components/format.ts';
import type { Channel } from '../channels/channels.api.ts';
import { deliveryStateWords, postStateWords, type PostsT } from './post-states.ts';
import type { Delivery } from './posts.api.ts';

export const deliveryStateLabel = (t: PostsT, state: string) => deliveryStateWords(t, state)?.label ?? state;

export function StateBadge({ state, kind = 'delivery' }: { state: string; kind?: 'delivery' | 'post' }) {
  const { t } = useTranslation('posts');
  const known = kind === 'post' ? postStateWords(t, state) : deliveryStateWords(t, state);
  const tone = known?.tone ?? 'draft';
  return (
    <span className={`badge state-badge state-${tone}`} data-testid={`${kind}-state`} data-state={state} title={known?.description}>
      {tone === 'busy' ? <span className="spinner state-spinner" aria-hidden="true" /> : null}
      {known?.label ?? state}
    </span>
  );
}

/** Name, handle and avatar of a delivery's account: from the delivery, else from the channel list. */
export function channelFacts(delivery: Pick<Delivery, 'channel' | 'channelId' | 'network'>, channels: Channel[] | undefined) {
  const channel = delivery.channel ?? channels?.find((c) => c.id === delivery.channelId) ?? null;
  const network = networkLabel(delivery.network);
  return {
    name: channel?.displayName ?? channel?.username ?? network,
    handle: channel?.username ? `@${channel.username}` : null,
    avatar: channel?.avatar ?? null,
    network,
  };
}

/** Text for a short preview: the first line-ish, cut at a word. */
export function excerpt(text: string, max = 140): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A time in the reader's zone, with the zone named ("12 Mar 2026, 09:00 CET"). */
export function formatInZone(value: string | Date, timeZone?: string): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName: the fields are spelled out.
  return writeDate(new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }), new Date(value), i18n.language);
}
