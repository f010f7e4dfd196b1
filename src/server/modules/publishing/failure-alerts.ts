import { eq } from 'drizzle-orm';
import { networkLabel } from '../../../networks/index.ts';
import type { Tx } from '../../db/database.ts';
import { type channels, type deliveries, postGroups } from '../../db/schema/index.ts';
import { notifyMembersWhoCan } from '../notifications/notifications.service.ts';

// A delivery that failed, or whose fate the network would not tell within the engine's checks,
// needs a person: its author and whoever can manage channels are told, in-app and by e-mail. One
// incident is one notification: the engine's own retries and checks before it gives up are not
// incidents (they end in a published post or in this), and a person's retry that fails again is a
// new one.

type DeliveryFacts = Pick<typeof deliveries.$inferSelect, 'id' | 'workspaceId' | 'postGroupId' | 'network' | 'content'>;
type ChannelFacts = Pick<typeof channels.$inferSelect, 'username' | 'displayName'>;

/** The account as people know it: `@name`, or its display name. */
export const accountName = (channel: ChannelFacts) => (channel.username ? `@${channel.username}` : (channel.displayName ?? 'account'));

/** The first words of the post, so the person knows which one without opening it. */
export function excerpt(content: DeliveryFacts['content'], max = 80): string {
  const text = (content.parts[0]?.text ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return 'a post without text';
  return `“${text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text}”`;
}

/** The network's reason as a sentence of its own. */
const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** Says the incident's words to the post's author and to those who can fix the channel; call it in the transaction that records the state. */
export async function notifyDeliveryIncident(tx: Tx, delivery: DeliveryFacts, channel: ChannelFacts, incident: { state: 'failed' | 'unconfirmed'; reason: string }) {
  const [group] = await tx.select({ createdBy: postGroups.createdBy }).from(postGroups).where(eq(postGroups.id, delivery.postGroupId));
  const label = networkLabel(delivery.network);
  const where = `${label} (${accountName(channel)})`;
  const text =
    incident.state === 'failed'
      ? {
          title: `Post failed on ${where}`,
          body: `${excerpt(delivery.content)} was not published. ${sentence(incident.reason)}\nOpen the post to fix it and try again.`,
        }
      : {
          title: `Post not confirmed on ${where}`,
          body: `Herald does not know whether ${excerpt(delivery.content)} was published. ${sentence(incident.reason)}\nLook at the account on ${label}, then mark the post published or send it again from the post page.`,
        };
  await notifyMembersWhoCan(
    tx,
    'channels.manage',
    {
      workspaceId: delivery.workspaceId,
      kind: `delivery.${incident.state}`,
      entityType: 'post',
      entityId: delivery.postGroupId,
      ...text,
      link: `/w/${delivery.workspaceId}/posts/${delivery.postGroupId}`,
      category: 'failures',
      email: true,
    },
    group?.createdBy ? [group.createdBy] : [],
  );
}
