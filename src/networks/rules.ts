// The shape of a network's publishing rules and the text and number helpers they share. The
// rules themselves live in each network's descriptor; src/shared/publishing-rules.ts applies them.
import { z } from 'zod';
import sharedEnglish from './locales/en.json' with { type: 'json' };
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

/** The network a settings issue is about: its id, name and English words (its folder's locales/en.json). */
type SettingsNetwork = { id: string; label: string; messages: { en: Record<string, unknown> } };
type Values = Record<string, string | number>;

// zod's own words as Herald's sentences (`rules.settingIssue` of src/networks/locales): their
// English is zod's English, word for word, so a post's message does not change.
const zodSentences = sharedEnglish.rules.settingIssue as Record<string, string | Record<string, string>>;
const knownTypes = new Set(Object.keys(zodSentences.types as Record<string, string>));
const sizedNames: Record<'too_big' | 'too_small', Record<string, string>> = {
  too_big: { string: 'maxCharacters', array: 'maxItems', number: 'maxNumber' },
  too_small: { string: 'minCharacters', array: 'minItems', number: 'minNumber' },
};

/** A sentence of `rules.settingIssue` in English with its values, as i18next writes it (`_one` when `count` is 1). */
function zodSentenceInEnglish(name: string, values: Values): string | undefined {
  const plural = values.count === 1 ? `${name}_one` : `${name}_other`;
  const template = typeof zodSentences[name] === 'string' ? zodSentences[name] : zodSentences[plural];
  return typeof template === 'string' ? template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key])) : undefined;
}

/** The value a settings issue is about (zod does not keep it in the issue). */
const valueAt = (settings: unknown, path: readonly PropertyKey[]) => path.reduce<unknown>((value, step) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined), settings);

/** The sentence of `rules.settingIssue` saying zod's own words for an issue, with its values; null for a kind it has none for. */
function zodSentence(issue: z.core.$ZodIssue, settings: unknown, network: string): { name: string; values: Values } | null {
  switch (issue.code) {
    case 'invalid_type': {
      const received = z.core.util.parsedType(valueAt(settings, issue.path));
      return knownTypes.has(issue.expected) && knownTypes.has(received) ? { name: 'type', values: { network, expected: issue.expected, received } } : null;
    }
    case 'invalid_value':
      return issue.values.length > 1 ? { name: 'oneOf', values: { network, options: z.core.util.joinValues(issue.values, '|') } } : null;
    case 'too_big': {
      const name = sizedNames.too_big[issue.origin];
      return name && issue.inclusive ? { name, values: { network, max: Number(issue.maximum) } } : null;
    }
    case 'too_small': {
      const name = sizedNames.too_small[issue.origin];
      if (!name || !issue.inclusive) return null;
      return { name, values: name === 'minNumber' ? { network, min: Number(issue.minimum) } : { network, count: Number(issue.minimum) } };
    }
    case 'unrecognized_keys':
      return { name: 'unknown', values: { network, keys: z.core.util.joinValues(issue.keys, ', '), count: issue.keys.length } };
    default:
      return null;
  }
}

/**
 * A post settings schema's failure as a rule issue. Its message is what zod or the schema wrote,
 * as it always was (the API's English); its key says the same in other languages: a sentence the
 * schema wrote is one of the network's `rules.settings` (the one whose English is this very
 * message), zod's own words one of the shared `rules.settingIssue` (again only when its English
 * is this very message). Anything else keeps `rules.setting`, its reason in English.
 */
export function settingIssue(network: SettingsNetwork, issue: z.core.$ZodIssue, settings: unknown): RuleIssue {
  const field = `settings.${issue.path.join('.')}`.replace(/\.$/, '');
  const message = `${network.label}: ${issue.message}`;
  const ownSentences = ((network.messages.en.rules as Record<string, unknown> | undefined)?.settings ?? {}) as Record<string, string>;
  const own = Object.entries(ownSentences).find(([, sentence]) => sentence === message);
  if (own) return { field, message, key: `network-${network.id}:rules.settings.${own[0]}` };
  const zod = zodSentence(issue, settings, network.label);
  if (zod && zodSentenceInEnglish(zod.name, zod.values) === message) return { field, message, key: `networks:rules.settingIssue.${zod.name}`, values: zod.values };
  return { field, message, key: 'networks:rules.setting', values: { network: network.label, reason: issue.message } };
}
