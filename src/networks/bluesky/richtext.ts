// Bluesky rich text: the server does not find links, mentions or hashtags in a post's text, the
// client sends them as facets (app.bsky.richtext.facet). Shared by the publisher and the web
// composer (highlighting), so it stays free of Node APIs. Offsets count UTF-8 bytes, start
// inclusive, end exclusive, while JavaScript strings index UTF-16 code units: everything is found
// on the string and converted at the end.
import { parseBlueskyIdentifier } from './identifier.ts';
import { countGraphemes, utf8Length } from '../rules.ts';

export type ByteSlice = { byteStart: number; byteEnd: number };
export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };
export type Facet = { index: ByteSlice; features: FacetFeature[] };
/** A `@handle` in the text; it becomes a mention facet once the handle is resolved to a DID. */
export type MentionCandidate = ByteSlice & { handle: string };

type Found = { start: number; end: number };

// A link, tag or mention starts a word: `mail@alice.test` and `page#section` are neither.
const linkPattern = /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>]+/giu;
const tagPattern = /(?<=^|\s)[#＃]([^\s#＃]+)/gu;
const mentionPattern = /(?<=^|[\s(])@([a-zA-Z0-9.-]+)/g;
const wordChar = /[\p{L}\p{N}_]/u;

const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const trailingPunctuation = /[.,;:!?'"…]$/u;
const count = (text: string, char: string) => text.split(char).length - 1;

/** `https://example.com/a_(b).` ends before the dot; a `)` stays only when the URL opened one. */
function trimLink(url: string): string {
  let end = url;
  for (;;) {
    const last = end.at(-1) ?? '';
    const opener = closers[last];
    if (trailingPunctuation.test(end)) end = end.slice(0, -1);
    else if (opener && count(end, opener) < count(end, last)) end = end.slice(0, -1);
    else return end;
  }
}

function isLink(candidate: string): boolean {
  try {
    return new URL(candidate).hostname.length > 0;
  } catch {
    return false;
  }
}

const overlaps = (a: Found, taken: Found[]) => taken.some((b) => a.start < b.end && b.start < a.end);
const bytes = (text: string, found: Found): ByteSlice => {
  const byteStart = utf8Length(text.slice(0, found.start));
  return { byteStart, byteEnd: byteStart + utf8Length(text.slice(found.start, found.end)) };
};

/**
 * Links and hashtags as facets, and the mentions still to be resolved (a handle Herald cannot
 * resolve stays plain text), all with UTF-8 byte offsets.
 */
export function detectFacets(text: string): { facets: Facet[]; mentions: MentionCandidate[] } {
  const taken: Found[] = [];
  const facets: (Facet & { at: number })[] = [];
  const mentions: MentionCandidate[] = [];

  for (const match of text.matchAll(linkPattern)) {
    const uri = trimLink(match[0]);
    if (!isLink(uri)) continue;
    const found = { start: match.index, end: match.index + uri.length };
    taken.push(found);
    facets.push({ at: found.start, index: bytes(text, found), features: [{ $type: 'app.bsky.richtext.facet#link', uri }] });
  }

  for (const match of text.matchAll(mentionPattern)) {
    // `@alice.testé` is not a mention of alice.test.
    const next = text.codePointAt(match.index + match[0].length);
    if (next !== undefined && wordChar.test(String.fromCodePoint(next))) continue;
    const handle = parseBlueskyIdentifier(match[1]!.replace(/[.-]+$/, ''));
    if (handle?.kind !== 'handle') continue;
    const found = { start: match.index, end: match.index + 1 + handle.handle.length };
    if (overlaps(found, taken)) continue;
    taken.push(found);
    mentions.push({ handle: handle.handle, ...bytes(text, found) });
  }

  for (const match of text.matchAll(tagPattern)) {
    const tag = match[1]!.replace(/\p{P}+$/u, '');
    // `#️⃣` is the keycap emoji, `#2024` a number: neither is a tag.
    if (!tag || /^[\uFE0F\u20E3]/.test(tag) || /^\d+$/.test(tag) || countGraphemes(tag) > 64) continue;
    const found = { start: match.index, end: match.index + 1 + tag.length };
    if (overlaps(found, taken)) continue;
    taken.push(found);
    facets.push({ at: found.start, index: bytes(text, found), features: [{ $type: 'app.bsky.richtext.facet#tag', tag }] });
  }

  facets.sort((a, b) => a.at - b.at);
  mentions.sort((a, b) => a.byteStart - b.byteStart);
  return { facets: facets.map(({ index, features }) => ({ index, features })), mentions };
}
