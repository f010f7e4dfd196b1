// Link cards and UTM tags, shared by the composer (which shows them) and the server (which stores
// and publishes them): one definition of what a link in a post's text is.

/** The preview card a post carries for a link: made from the page, edited by the user. */
export type LinkCard = { url: string; title: string; description: string; imageUrl: string | null };

/** Campaign tags added to the links of a post for one channel; `source` defaults to the network. */
export type Utm = { source?: string; medium?: string; campaign?: string };

export const LINK_CARD_LIMITS = { url: 2000, title: 300, description: 1000, imageUrl: 2000 } as const;
export const UTM_VALUE_MAX = 100;

// A link runs to the next space or angle bracket; punctuation that ends a sentence is not part of it.
const linkPattern = /\bhttps?:\/\/[^\s<>"]+/gi;
const trailingPunctuation = /[.,;:!?'")\]}]+$/;

function trimLink(raw: string): string {
  let link = raw.replace(trailingPunctuation, '');
  // Keep a closing parenthesis that closes one opened inside the link (Wikipedia-style addresses).
  if (raw.length > link.length && raw[link.length] === ')' && (link.match(/\(/g)?.length ?? 0) > (link.match(/\)/g)?.length ?? 0)) link += ')';
  return link;
}

/** Every http(s) link in `text`, in order, with where it starts. */
export function linksIn(text: string): { url: string; index: number }[] {
  return [...text.matchAll(linkPattern)].map((m) => ({ url: trimLink(m[0]), index: m.index }));
}

/** The link a card is made for: the first one in the text. */
export const firstLinkIn = (text: string): string | null => linksIn(text)[0]?.url ?? null;

/** `url` with the campaign tags added; tags the link already has are left as they are. */
export function withUtm(url: string, utm: Utm, defaultSource: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const tags: [string, string | undefined][] = [
    ['utm_source', utm.source?.trim() || defaultSource],
    ['utm_medium', utm.medium?.trim()],
    ['utm_campaign', utm.campaign?.trim()],
  ];
  let changed = false;
  for (const [name, value] of tags) {
    if (!value || parsed.searchParams.has(name)) continue;
    parsed.searchParams.append(name, value);
    changed = true;
  }
  return changed ? parsed.toString() : url;
}

/** `text` with the campaign tags added to each of its links; null `utm` leaves it as it is. */
export function textWithUtm(text: string, utm: Utm | null | undefined, defaultSource: string): string {
  if (!utm) return text;
  let out = '';
  let from = 0;
  for (const link of linksIn(text)) {
    out += text.slice(from, link.index) + withUtm(link.url, utm, defaultSource);
    from = link.index + link.url.length;
  }
  return out + text.slice(from);
}
