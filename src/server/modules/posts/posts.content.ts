import type { InstanceCapabilities } from '../../../shared/publishing-rules.ts';
import type { PostContent } from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import { textWithUtm, withUtm, type LinkCard, type Utm } from '../../../shared/link-cards.ts';

/** `instance`: what the operator set up that the network rules depend on (media by URL for TikTok photos). */
export type PostsDeps = { boss: Queue; instance: InstanceCapabilities };

type MediaRef = { mediaId: string; altText?: string };
type Part = { text: string; media: MediaRef[] };
/** What the composer sends: shared content, and per channel what differs. */
export type ComposeInput = {
  content: { text: string; media: MediaRef[]; threadParts: Part[]; firstComment?: string | null; linkCard?: LinkCard | null };
  channels: { channelId: string; text?: string; media?: MediaRef[]; threadParts?: Part[]; firstComment?: string | null; settings?: Record<string, unknown>; utm?: Utm | null }[];
};
/** A draft may carry a planned time: it shows on the calendar but nothing is sent until it is scheduled. */
export type ScheduleInput = { mode: 'draft'; publishAt?: string; timeZone?: string } | { mode: 'now' } | { mode: 'at'; publishAt: string; timeZone: string } | { mode: 'queue'; timeZone?: string };

export function sharedContent(input: ComposeInput['content']): PostContent {
  return {
    parts: [{ text: input.text, media: input.media }, ...input.threadParts],
    firstComment: input.firstComment ?? null,
    settings: {},
    ...(input.linkCard ? { linkCard: input.linkCard } : {}),
  };
}

export function variantFor(input: ComposeInput, channel: ComposeInput['channels'][number]): PostContent {
  const first: Part = { text: channel.text ?? input.content.text, media: channel.media ?? input.content.media };
  return {
    parts: [first, ...(channel.threadParts ?? input.content.threadParts)],
    firstComment: channel.firstComment !== undefined ? channel.firstComment : (input.content.firstComment ?? null),
    settings: channel.settings ?? {},
    ...(input.content.linkCard ? { linkCard: input.content.linkCard } : {}),
    ...(channel.utm ? { utm: channel.utm } : {}),
  };
}

/** The composer's view of a stored post: shared content back in its own shape. */
export function composeView(content: PostContent) {
  const [first, ...rest] = content.parts;
  return { text: first?.text ?? '', media: first?.media ?? [], threadParts: rest, firstComment: content.firstComment ?? null, linkCard: content.linkCard ?? null, utm: content.utm ?? null };
}

/** Every upload a stored content refers to, once. */
export function mediaIdsOf(contents: PostContent[]): string[] {
  return [...new Set(contents.flatMap((c) => c.parts.flatMap((p) => p.media.map((m) => m.mediaId))))];
}

/**
 * A channel's variant as it goes out: its campaign tags added to every link of its text, first
 * comment and card (source: the network's id unless the user named one). Rules are checked on
 * this, so the tags count towards the network's length limit.
 */
export function asPublished(content: PostContent, network: string): PostContent {
  const utm = content.utm;
  if (!utm) return content;
  return {
    ...content,
    parts: content.parts.map((p) => ({ ...p, text: textWithUtm(p.text, utm, network) })),
    firstComment: content.firstComment ? textWithUtm(content.firstComment, utm, network) : (content.firstComment ?? null),
    ...(content.linkCard ? { linkCard: { ...content.linkCard, url: withUtm(content.linkCard.url, utm, network) } } : {}),
  };
}
