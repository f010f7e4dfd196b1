// The composer's state and the pure functions over it: what is sent to the API, and what the
// shared publishing rules say about each selected channel before anything is sent.
import { checkVariant, defaultSettings, publishingRules, type ChannelLimits, type MediaFacts, type RuleIssue } from '../../../shared/publishing-rules.ts';
import { networkWeb } from '../../../networks/web.ts';
import type { Preflight } from '../../../networks/web-types.ts';
import { isNetwork } from '../../components/networks.ts';
import type { Channel } from '../channels/channels.api.ts';
import type { ComposeInput, Media, Post } from './posts.api.ts';
import { textWithUtm, type LinkCard, type Utm } from '../../../shared/link-cards.ts';
import { ruleMessage } from '../../i18n/i18n.ts';

/** One file in a media list; `key` points into the uploads, which may still be running. */
export type MediaSlot = { key: string; altText: string };

export type Override = { text: string; media: MediaSlot[] };

export type Draft = {
  channelIds: string[];
  text: string;
  media: MediaSlot[];
  threadParts: string[];
  firstComment: string;
  /** Channels whose text and media were customised, by channel id. */
  overrides: Record<string, Override>;
  settings: Record<string, Record<string, unknown>>;
  /** The card of the text's first link, as the user edited it (composer-link-card.tsx). */
  linkCard: LinkCard | null;
  /** The link whose card the user removed: it is not read again. */
  linkCardOff: string | null;
  /** Campaign tags per channel id; a channel without an entry gets none. */
  utm: Record<string, Utm>;
};

export const emptyDraft = (): Draft => ({ channelIds: [], text: '', media: [], threadParts: [], firstComment: '', overrides: {}, settings: {}, linkCard: null, linkCardOff: null, utm: {} });

/** A file being uploaded or uploaded: `media` is set once the server has probed it. */
export type Upload = {
  key: string;
  fileName: string;
  kind: 'image' | 'video' | 'document';
  /** A local object URL while the file is on its way; the served URL after. */
  previewUrl: string | null;
  progress: number;
  state: 'uploading' | 'paused' | 'ready' | 'failed';
  error: string | null;
  media: Media | null;
  resumable: boolean;
};

export const factsOf = (media: Media): MediaFacts => ({
  id: media.id,
  kind: media.kind,
  mimeType: media.mimeType,
  size: media.size,
  width: media.width,
  height: media.height,
  durationSeconds: media.durationSeconds,
  frameRate: media.frameRate,
});

/**
 * The limits the server checks this channel against (Mastodon's instance limits, Bluesky's blob
 * limit…); a pre-flight read just answered (TikTok's creator info) wins: the server stores the same answer.
 */
export function limitsFor(channel: Channel, preflight: Preflight | undefined): ChannelLimits {
  const stored = channel.limits ?? {};
  const read = networkWeb(channel.network)?.preflight;
  return read && preflight?.data !== undefined ? read.limits(stored, preflight.data) : stored;
}

/** The settings a channel starts with when it is picked: the network's own defaults, the same the API applies. */
export const initialSettings = (network: string): Record<string, unknown> => (isNetwork(network) ? { ...defaultSettings(network) } : {});

const readyRefs = (slots: MediaSlot[], uploads: Record<string, Upload>) =>
  slots.flatMap((slot) => {
    const media = uploads[slot.key]?.media;
    if (!media) return [];
    return [slot.altText.trim() ? { mediaId: media.id, altText: slot.altText.trim() } : { mediaId: media.id }];
  });

/** What one channel posts: its own text and media when customised, the shared ones otherwise. */
export function variantOf(draft: Draft, channel: Channel, uploads: Record<string, Upload>) {
  const rules = isNetwork(channel.network) ? publishingRules[channel.network] : null;
  const own = draft.overrides[channel.id];
  const first = { text: own ? own.text : draft.text, media: readyRefs(own ? own.media : draft.media, uploads) };
  const replies = rules?.replyChains ? draft.threadParts.map((text) => ({ text, media: [] })) : [];
  return {
    parts: [first, ...replies],
    firstComment: rules?.firstComment && draft.firstComment.trim() ? draft.firstComment : null,
    settings: draft.settings[channel.id] ?? {},
  };
}

export function toComposeInput(draft: Draft, channels: Channel[], uploads: Record<string, Upload>): ComposeInput {
  return {
    content: {
      text: draft.text,
      media: readyRefs(draft.media, uploads),
      threadParts: draft.threadParts.map((text) => ({ text, media: [] })),
      firstComment: draft.firstComment.trim() ? draft.firstComment : null,
      linkCard: draft.linkCard,
    },
    channels: channels.map((channel) => {
      const variant = variantOf(draft, channel, uploads);
      const own = draft.overrides[channel.id];
      const rules = isNetwork(channel.network) ? publishingRules[channel.network] : null;
      return {
        channelId: channel.id,
        ...(own ? { text: variant.parts[0]!.text, media: variant.parts[0]!.media } : {}),
        // Networks without threads or first comments get none, whatever the shared content has.
        ...(rules && !rules.replyChains ? { threadParts: [] } : {}),
        ...(rules && !rules.firstComment ? { firstComment: null } : {}),
        settings: apiSettings(channel.network, variant.settings),
        ...(draft.utm[channel.id] ? { utm: draft.utm[channel.id] } : {}),
      };
    }),
  };
}

export type ChannelIssue = RuleIssue & { channelId: string };

/**
 * Every rule a selected channel breaks, from the same `checkVariant` the server runs, with the
 * media facts the uploads answered. Files still uploading are not counted yet.
 */
export function channelIssues(draft: Draft, channels: Channel[], uploads: Record<string, Upload>, limits: Record<string, ChannelLimits>, forPublishing: boolean): ChannelIssue[] {
  const facts = new Map<string, MediaFacts>();
  for (const upload of Object.values(uploads)) if (upload.media) facts.set(upload.media.id, factsOf(upload.media));
  return channels.flatMap((channel) => {
    if (!isNetwork(channel.network)) return [];
    const variant = variantOf(draft, channel, uploads);
    // The same permission check the server makes (which instance capabilities apply, only the server knows).
    // Checked as it goes out, campaign tags in its links, as the server checks it.
    const parts = variant.parts.map((p) => ({ ...p, text: textWithUtm(p.text, draft.utm[channel.id], channel.network) }));
    const issues = checkVariant(channel.network, { ...variant, parts, settings: apiSettings(channel.network, variant.settings) }, facts, limits[channel.id] ?? {}, { forPublishing, grant: channel });
    const extra = networkWeb(channel.network)?.composerIssues;
    if (forPublishing && extra) issues.push(...extra(variant.settings));
    return issues.map((issue) => ({ ...issue, message: ruleMessage(issue), channelId: channel.id }));
  });
}

/** Settings as the API takes them: the network panel's own switches are left out. */
export function apiSettings(network: string, settings: Record<string, unknown>): Record<string, unknown> {
  const toApi = networkWeb(network)?.toApiSettings;
  return toApi ? toApi(settings) : settings;
}

/** Server issues come as `channels.<i>.<field>`; they are shown on the channel they concern. */
export function serverIssues(fieldErrors: Record<string, string>, sentChannelIds: string[]): ChannelIssue[] {
  return Object.entries(fieldErrors).flatMap(([field, message]) => {
    const match = /^channels\.(\d+)\.(.+)$/.exec(field);
    const channelId = match ? sentChannelIds[Number(match[1])] : undefined;
    return channelId ? [{ channelId, field: match![2]!, message }] : [];
  });
}

/** A stored post back into the composer's shape; media keys are the media ids. */
export function draftFromPost(post: Post): Draft {
  const slots = (refs: { mediaId: string; altText?: string }[]) => refs.map((m) => ({ key: m.mediaId, altText: m.altText ?? '' }));
  const overrides: Record<string, Override> = {};
  const settings: Record<string, Record<string, unknown>> = {};
  const utm: Record<string, Utm> = {};
  for (const delivery of post.deliveries) {
    if (delivery.state === 'cancelled') continue;
    if (delivery.content.utm) utm[delivery.channelId] = delivery.content.utm;
    const sameText = delivery.content.text === post.content.text;
    const sameMedia = JSON.stringify(delivery.content.media) === JSON.stringify(post.content.media);
    if (!sameText || !sameMedia) overrides[delivery.channelId] = { text: delivery.content.text, media: slots(delivery.content.media) };
    const fromStored = networkWeb(delivery.network)?.settingsFromStored;
    settings[delivery.channelId] = fromStored ? fromStored({ ...delivery.settings }) : { ...delivery.settings };
  }
  return {
    channelIds: post.deliveries.filter((d) => d.state !== 'cancelled').map((d) => d.channelId),
    text: post.content.text,
    media: slots(post.content.media),
    threadParts: post.content.threadParts.map((p) => p.text),
    firstComment: post.content.firstComment ?? '',
    overrides,
    settings,
    linkCard: post.content.linkCard ?? null,
    linkCardOff: null,
    utm,
  };
}

/** `YYYY-MM-DD` and `HH:MM` of an instant, in the browser's zone (what date and time inputs hold). */
export function localInputs(date: Date): { date: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}${date.getSeconds() ? `:${pad(date.getSeconds())}` : ''}`,
  };
}

/** The instant a date and time picked in the browser's zone stand for; null when incomplete. */
export function instantOf(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const at = new Date(`${date}T${time}`);
  return Number.isNaN(at.getTime()) ? null : at;
}
