import { eq } from 'drizzle-orm';
import { networkLabel } from '../../../networks/index.ts';
import type { Tx } from '../../db/database.ts';
import { type channels, type deliveries, postGroups } from '../../db/schema/index.ts';
import { notifyMembersWhoCan } from '../notifications/notifications.service.ts';
import { postWords, ref, type MessageRef } from '../notifications/notification-message.ts';
import type { Reason } from './delivery-words.ts';

// A delivery that failed, or whose fate the network would not tell within the engine's checks,
// needs a person: its author and whoever can manage channels are told, in-app and by e-mail. One
// incident is one notification: the engine's own retries and checks before it gives up are not
// incidents (they end in a published post or in this), and a person's retry that fails again is a
// new one.

type DeliveryFacts = Pick<typeof deliveries.$inferSelect, 'id' | 'workspaceId' | 'postGroupId' | 'network' | 'content'>;
type ChannelFacts = Pick<typeof channels.$inferSelect, 'username' | 'displayName'>;

/** The account as people know it: `@name`, or its display name (or "account", said in the reader's language). */
export const accountName = (channel: ChannelFacts): string | MessageRef => (channel.username ? `@${channel.username}` : (channel.displayName ?? ref('words.account')));

/** The first words of the post, so the person knows which one without opening it (`atStart`: they open the sentence). */
export function excerpt(content: DeliveryFacts['content'], options: { max?: number; atStart?: boolean } = {}): MessageRef {
  const max = options.max ?? 80;
  const text = (content.parts[0]?.text ?? '').replace(/\s+/g, ' ').trim();
  return postWords(text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text, { atStart: options.atStart, missing: 'withoutText' });
}

const endsSentence = (text: string) => /[.!?…]$/.test(text);

/**
 * The reason as a sentence of its own: its words when it has some (said in each reader's language,
 * with a full stop when its English has none), else its English as it is.
 */
function sentence(reason: Reason): string | MessageRef {
  const trimmed = reason.message.trim();
  if (!reason.words || trimmed !== reason.message) return endsSentence(trimmed) ? trimmed : `${trimmed}.`;
  return endsSentence(trimmed) ? reason.words : ref('words.sentence', { text: reason.words });
}

/** Says the incident's words to the post's author and to those who can fix the channel; call it in the transaction that records the state. */
export async function notifyDeliveryIncident(tx: Tx, delivery: DeliveryFacts, channel: ChannelFacts, incident: { state: 'failed' | 'unconfirmed'; reason: Reason }) {
  const [group] = await tx.select({ createdBy: postGroups.createdBy }).from(postGroups).where(eq(postGroups.id, delivery.postGroupId));
  const message = {
    key: `delivery.${incident.state}`,
    values: {
      network: networkLabel(delivery.network),
      account: accountName(channel),
      post: excerpt(delivery.content, { atStart: incident.state === 'failed' }),
      // Herald's and the network's sentences in the reader's language; the network's own text as it gave it.
      reason: sentence(incident.reason),
    },
  };
  await notifyMembersWhoCan(
    tx,
    'channels.manage',
    {
      workspaceId: delivery.workspaceId,
      kind: `delivery.${incident.state}`,
      entityType: 'post',
      entityId: delivery.postGroupId,
      message,
      link: `/w/${delivery.workspaceId}/posts/${delivery.postGroupId}`,
      category: 'failures',
      email: true,
    },
    group?.createdBy ? [group.createdBy] : [],
  );
}
