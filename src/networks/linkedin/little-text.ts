// LinkedIn's "little text" (shared/providers.md §5): the commentary of a post is a small markup in
// which `\ | { } @ [ ] ( ) < > # * _ ~` are reserved. An unescaped one can make LinkedIn cut the
// text short or drop characters, so Herald escapes every reserved character the person typed,
// except the two things they mean as markup: hashtags (`#word`) and mentions written in the
// composer as `@[Name](urn:li:person:…)` or `@[Name](urn:li:organization:…)`.

const reserved = /[\\|{}@[\]()<>#*_~]/g;
const escape = (text: string) => text.replace(reserved, (c) => `\\${c}`);

/** A mention as the composer writes it; the URN names a person or an organisation (Company Page). */
const mentionPattern = /@\[([^\]\n]{1,100})\]\((urn:li:(?:person|organization):[A-Za-z0-9_-]{1,64})\)/g;
/** A hashtag: `#` at the start or after a non-word character, followed by letters or digits. */
const hashtagPattern = /(^|[^\p{L}\p{N}_])#([\p{L}\p{N}]+)/gu;

/** A mention in little text: its name may hold escaped characters. */
const littleMention = /^@\[((?:\\.|[^\]\\])*)\]\((urn:li:(?:person|organization):[A-Za-z0-9_-]+)\)/;

export type Mention = { name: string; urn: string };

type Piece = { kind: 'text'; text: string } | { kind: 'mention'; name: string; urn: string };

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(mentionPattern)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    out.push({ kind: 'mention', name: match[1]!, urn: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Escapes plain text, keeping hashtags as LinkedIn hashtags. */
function escapeKeepingHashtags(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(hashtagPattern)) {
    const hashAt = match.index + match[1]!.length;
    out += escape(text.slice(last, hashAt)) + `#${match[2]}`;
    last = hashAt + 1 + match[2]!.length;
  }
  return out + escape(text.slice(last));
}

/** The composer's text as LinkedIn's commentary: reserved characters escaped, hashtags and mentions kept. */
export function toLittleText(text: string): string {
  return pieces(text)
    .map((piece) => (piece.kind === 'mention' ? `@[${escape(piece.name)}](${piece.urn})` : escapeKeepingHashtags(piece.text)))
    .join('');
}

/** The text as LinkedIn shows it: a mention as the name it links. Used for counting and the preview. */
export function visibleText(text: string): string {
  return pieces(text)
    .map((piece) => (piece.kind === 'mention' ? piece.name : piece.text))
    .join('');
}

export function mentionsIn(text: string): Mention[] {
  return pieces(text).flatMap((piece) => (piece.kind === 'mention' ? [{ name: piece.name, urn: piece.urn }] : []));
}

/**
 * Little text back to what a reader sees (used by the fake and by tests): escapes removed,
 * mentions as their names. The inverse of toLittleText on visible text.
 */
export function readLittleText(commentary: string): { text: string; mentions: Mention[]; hashtags: string[] } {
  const mentions: Mention[] = [];
  const hashtags: string[] = [];
  let text = '';
  for (let i = 0; i < commentary.length; i += 1) {
    const c = commentary[i]!;
    if (c === '\\' && i + 1 < commentary.length) {
      text += commentary[i + 1];
      i += 1;
      continue;
    }
    if (c === '@' && commentary[i + 1] === '[') {
      const mention = littleMention.exec(commentary.slice(i));
      if (mention) {
        const name = mention[1]!.replace(/\\(.)/g, '$1');
        mentions.push({ name, urn: mention[2]! });
        text += name;
        i += mention[0].length - 1;
        continue;
      }
    }
    if (c === '#') {
      const tag = /^#([\p{L}\p{N}]+)/u.exec(commentary.slice(i));
      if (tag) hashtags.push(tag[1]!);
    }
    text += c;
  }
  return { text, mentions, hashtags };
}

/** The first reserved character that is not escaped: where LinkedIn would cut the text (null: none). */
export function firstUnescapedReserved(commentary: string): number | null {
  for (let i = 0; i < commentary.length; i += 1) {
    const c = commentary[i]!;
    if (c === '\\') {
      i += 1;
      continue;
    }
    const mention = c === '@' ? littleMention.exec(commentary.slice(i)) : null;
    if (mention) {
      i += mention[0].length - 1;
      continue;
    }
    if (c === '#' && /^#[\p{L}\p{N}]/u.test(commentary.slice(i))) continue;
    if (/[|{}@[\]()<>#*_~]/.test(c)) return i;
  }
  return null;
}
