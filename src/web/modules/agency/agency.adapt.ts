import type { TFunction } from 'i18next';
import type { Channel } from '../channels/channels.api.ts';
import { toCalendarPost, type CalendarPost } from '../posts/calendar.model.ts';
import type { Delivery, DeliveryState, Post, PostState } from '../posts/posts.api.ts';
import type { AgencyCalendarItem } from './agency.api.ts';

// The agency calendar draws with the workspace calendar's views, which take full posts. The agency
// answer carries only what a calendar shows; these fill the rest with what "not known here" means.

/** Approval states the workspace calendar does not have words for yet: drawn as drafts, called by their name (`calendar.states.<state>`). */
const approvalStates = new Set(['in_review', 'changes_requested', 'approved']);
const postStates: PostState[] = ['draft', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'cancelled'];

function asPost(item: AgencyCalendarItem): Post {
  const deliveries: Delivery[] = item.channels.map((c) => ({
    id: c.deliveryId,
    channelId: c.channelId,
    network: c.network,
    channel: { username: c.username, displayName: c.displayName, status: 'ok', avatar: c.avatar },
    state: c.state as DeliveryState,
    content: { text: '', media: [], threadParts: [], firstComment: null },
    settings: {},
    dueAt: item.publishAt,
    nextAttemptAt: null,
    attemptCount: 0,
    late: false,
    paused: false,
    externalId: null,
    externalUrl: null,
    publishedAt: null,
    publishedBy: null,
    errorCode: null,
    errorMessage: null,
    actions: [],
    metrics: null,
  }));
  return {
    id: item.id,
    workspaceId: item.workspace.id,
    state: postStates.includes(item.state as PostState) ? (item.state as PostState) : 'draft',
    // A post with pictures and no text is titled by its attachments, as in the workspace calendar.
    content: { text: item.text, media: Array.from({ length: item.mediaCount }, (_, i) => ({ mediaId: String(i) })), threadParts: [], firstComment: null },
    publishAt: item.publishAt,
    timeZone: item.timeZone,
    createdBy: null,
    createdAt: item.publishAt,
    updatedAt: item.publishAt,
    // The agency calendar shows no review details; overdue reviews are on its attention tab.
    review: { overdue: false, approvedAt: null, approvedByName: null },
    deliveries,
  };
}

export function toAgencyPost(item: AgencyCalendarItem, t: TFunction<'agency'>): CalendarPost {
  const post = toCalendarPost(asPost(item));
  const stateLabel = approvalStates.has(item.state) ? t(`calendar.states.${item.state}`) : post.stateLabel;
  return { ...post, stateLabel, workspace: { name: item.workspace.name, colour: item.workspace.colour } };
}

/** What the views' avatars and names read: the channels as the agency answer names them. */
export function channelsOf(items: AgencyCalendarItem[]): Map<string, Channel> {
  const map = new Map<string, Channel>();
  for (const item of items) {
    for (const c of item.channels) {
      if (!map.has(c.channelId)) map.set(c.channelId, { id: c.channelId, network: c.network, username: c.username, displayName: c.displayName, avatar: c.avatar } as Channel);
    }
  }
  return map;
}
