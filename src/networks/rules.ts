// The shape of a network's publishing rules and the text and number helpers they share. The
// rules themselves live in each network's descriptor; src/shared/publishing-rules.ts applies them.
import type { z } from 'zod';
import type { Feature } from './types.ts';

export type MediaFacts = {
  id: string;
  kind: MediaKind;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  frameRate: number | null;
  /** Documents: their pages, when the file says. */
  pageCount?: number | null;
};

/** What an uploaded file is; a network takes only the kinds its rules name (`mediaKinds`). */
export type MediaKind = 'image' | 'video' | 'document';
export const defaultMediaKinds: readonly MediaKind[] = ['image', 'video'];

export type VariantInput = {
  parts: { text: string; media: { mediaId: string; altText?: string }[] }[];
  firstComment?: string | null;
  settings: Record<string, unknown>;
};

/** Channel facts that change the rules: Mastodon's instance limits, TikTok's creator info. */
export type ChannelLimits = Record<string, unknown>;

/**
 * A rule's message in every language: `message` is the English (the API's words, and the fallback);
 * `key` names the same sentence in the translations, `values` fill its {{placeholders}}. A key is
 * `<namespace>:<path>`: `networks:rules.tooLong` for the shared rules (src/networks/locales),
 * `network-<id>:rules.<name>` for a network's own (its folder's locales).
 */
export type RuleText = { message: string; key?: string; values?: Record<string, string | number> };

/** `code: 'empty'` marks a post with nothing in it yet, which the composer does not call a mistake before a save. */
export type RuleIssue = RuleText & { field: string; code?: 'empty' };

/** What checkMedia says of a post's files: plain English, or a RuleText that translations can find. */
export type RuleProblem = string | RuleText;

/** What this Herald instance can do, as configured by its operator. */
export type InstanceCapabilities = {
  /** A public address networks can fetch media from (HERALD_MEDIA_PUBLIC_URL); networks that pull media need one. */
  mediaByUrl: boolean;
};

/** What the channel was allowed to do when it was connected. */
export type ChannelGrant = { scopesGranted: readonly string[] };

export type NetworkRules = {
  network: string;
  /** The text limit and how it is counted, for this channel. */
  textLimit(limits: ChannelLimits): { max: number; count: (text: string) => number; unit: string };
  /** A hard limit in UTF-8 bytes on each text, on top of the counted limit (Bluesky's record size). */
  maxTextBytes?: number;
  maxMedia(limits: ChannelLimits): number;
  /** The kinds of file the network takes (default: images and videos); others are refused before checkMedia. */
  mediaKinds?: readonly MediaKind[];
  replyChains: boolean;
  firstComment: boolean;
  /** A post needs at least one media file (no text-only posts): its text may then be empty. */
  needsMedia: boolean;
  /** The post's settings; their defaults are the composer's initial settings and the API's defaults. */
  settings: z.ZodType<Record<string, unknown>>;
  /** Per-file and per-post media checks; messages are shown to the user as they are. */
  checkMedia(media: MediaFacts[], limits: ChannelLimits, settings: Record<string, unknown>, instance?: InstanceCapabilities): RuleProblem[];
  /** The feature (and so the permissions, featureScopes) a post with these settings uses. */
  featureUsed(settings: Record<string, unknown>): { feature: Feature; field: string; words: string; instead?: string };
  /** Checks that only matter when the post is scheduled (a draft may still be incomplete). */
  checkForPublishing(variant: VariantInput, limits: ChannelLimits): RuleIssue[];
};

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
/** User-perceived characters: an emoji with modifiers is one. */
export function countGraphemes(text: string): number {
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}
export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** A positive limit from a network's answer, or the documented fallback. */
export const positiveOr = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);

export const MB = 1024 * 1024;
