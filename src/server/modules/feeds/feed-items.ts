import crypto from 'node:crypto';
import { parseFeed } from 'feedsmith';
import { Parser } from 'htmlparser2';
import { feedReason, feedWords, type FeedReason } from './feed-words.ts';

// What Herald takes from a feed's items, the same for RSS (0.9x, 2.0), RDF, Atom and JSON Feed,
// and the text a feed's template makes of one.

export type FeedItem = {
  /** Stable identity of the item across checks: sha256 of its guid/id, else its link, else its title and date. */
  key: string;
  title: string;
  link: string | null;
  /** Plain text (markup removed), shortened to SUMMARY_MAX characters. */
  summary: string;
  publishedAt: Date | null;
  /** The item's picture, if it names one (enclosure, Media RSS, iTunes, JSON Feed, or the first image of its HTML). */
  imageUrl: string | null;
};

export const SUMMARY_MAX = 280;
export const TEMPLATE_PLACEHOLDERS = ['title', 'link', 'summary'] as const;

/** Thrown for a body that no feed parser recognises; its reason is shown on the Feeds page, the parser's detail as it said it. */
export class NotAFeedError extends Error {
  readonly reason: FeedReason;
  constructor(detail: string | null) {
    const reason = feedReason(feedWords('parse.notAFeed', { detail: detail ?? feedWords('parse.unreadable') }));
    super(reason.message);
    this.reason = reason;
    this.name = 'NotAFeedError';
  }
}

/** feedsmith gives Atom text constructs as `{ value }` and RSS/JSON ones as strings. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof (value as { value: unknown }).value === 'string') return (value as { value: string }).value;
  return '';
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Markup out, entities decoded, whitespace folded: what a post can carry of an HTML summary. */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  // At a word boundary when one is near, so the summary does not end in half a word.
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

function dateOf(...values: unknown[]): Date | null {
  for (const value of values) {
    const text = textOf(value).trim();
    if (!text) continue;
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

function httpUrl(value: unknown): string | null {
  const text = textOf(value).trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

function itemKey(id: string, link: string | null, title: string, publishedAt: Date | null): string {
  if (id.trim()) return sha256(`id:${id.trim()}`);
  if (link) return sha256(`link:${link}`);
  return sha256(`title:${title}\n${publishedAt?.toISOString() ?? ''}`);
}

type Loose = Record<string, unknown>;
const list = (value: unknown): Loose[] => (Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Loose[]) : []);

function make(raw: { id: string; title: string; link: string | null; summaryHtml: string; publishedAt: Date | null; image: string | null }): FeedItem {
  const title = plainText(raw.title);
  return { key: itemKey(raw.id, raw.link, title, raw.publishedAt), title, link: raw.link, summary: shorten(plainText(raw.summaryHtml), SUMMARY_MAX), publishedAt: raw.publishedAt, imageUrl: raw.image };
}

const imageExtension = /\.(jpe?g|png|gif|webp|avif)$/i;

/** A declared image (by media type or medium), or an undeclared one whose name says image. */
function isImage(entry: Loose, urlKey = 'url'): boolean {
  const type = textOf(entry.type).toLowerCase();
  const medium = textOf(entry.medium).toLowerCase();
  if (type) return type.startsWith('image/');
  if (medium) return medium === 'image';
  return imageExtension.test(textOf(entry[urlKey]).split(/[?#]/)[0]!);
}

/** Media RSS (also in Atom): images among contents, contents inside groups, then thumbnails. */
function mediaRssImage(media: unknown): unknown {
  const m = (media ?? {}) as Loose;
  const contents = [...list(m.contents), ...list(m.groups).flatMap((g) => list(g.contents))];
  const thumbnails = [...list(m.thumbnails), ...list(m.groups).flatMap((g) => list(g.thumbnails)), ...contents.flatMap((c) => list(c.thumbnails))];
  return contents.find((c) => isImage(c))?.url ?? thumbnails[0]?.url;
}

/** The first picture an item's HTML shows: an og:image meta (pages pasted whole) or the first <img>. */
export function firstHtmlImage(html: string): string | null {
  let found: string | null = null;
  let og: string | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'meta' && !og && /^(og|twitter):image$/i.test(attributes.property ?? attributes.name ?? '')) og = attributes.content ?? null;
      if (name === 'img' && !found && attributes.src) found = attributes.src;
    },
  });
  parser.write(html);
  parser.end();
  return og ?? found;
}

/** An absolute http(s) address for a feed's image, relative ones taken against the item's link. */
function imageAddress(value: unknown, base: string | null): string | null {
  const text = textOf(value).trim();
  if (!text || text.startsWith('data:')) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The first candidate that is a usable address, in the order given (most explicit first). */
const firstImage = (base: string | null, ...candidates: unknown[]) => candidates.map((c) => imageAddress(c, base)).find(Boolean) ?? null;

/**
 * The items of a feed body, in the feed's order. Throws NotAFeedError for anything feedsmith
 * does not recognise as RSS, RDF, Atom or JSON Feed (an HTML page, broken XML).
 */
export function parseFeedItems(body: string): { format: string; title: string; items: FeedItem[] } {
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(body) as { format: string; feed: unknown };
  } catch (error) {
    throw new NotAFeedError(error instanceof Error ? error.message : null);
  }
  const feed = (parsed.feed ?? {}) as Loose;
  if (parsed.format === 'atom') {
    const items = list(feed.entries).map((e) => {
      const links = list(e.links);
      const link = httpUrl((links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href);
      const enclosure = links.find((l) => l.rel === 'enclosure' && isImage(l, 'href'))?.href;
      const html = `${textOf(e.content)} ${textOf(e.summary)}`;
      const image = firstImage(link, enclosure, mediaRssImage(e.media), firstHtmlImage(html));
      return make({ id: textOf(e.id), title: textOf(e.title), link, summaryHtml: textOf(e.summary) || textOf(e.content), publishedAt: dateOf(e.published, e.updated), image });
    });
    return { format: 'atom', title: plainText(textOf(feed.title)), items };
  }
  if (parsed.format === 'json') {
    const items = list(feed.items).map((i) => {
      const link = httpUrl(i.url);
      const attachment = list(i.attachments).find((a) => textOf(a.mime_type).toLowerCase().startsWith('image/'))?.url;
      const image = firstImage(link, i.image, i.banner_image, attachment, firstHtmlImage(textOf(i.content_html)));
      return make({ id: textOf(i.id), title: textOf(i.title), link, summaryHtml: textOf(i.summary) || textOf(i.content_text) || textOf(i.content_html), publishedAt: dateOf(i.date_published, i.date_modified), image });
    });
    return { format: 'json', title: plainText(textOf(feed.title)), items };
  }
  // RSS and RDF share item fields (RDF's date comes from Dublin Core).
  const items = list(feed.items).map((i) => {
    const guid = i.guid as unknown;
    const content = (i.content ?? {}) as Loose;
    const dc = (i.dc ?? {}) as Loose;
    const link = httpUrl(i.link);
    const enclosure = list(i.enclosures ?? (i.enclosure ? [i.enclosure] : [])).find((e) => isImage(e))?.url;
    const itunes = (i.itunes ?? {}) as Loose;
    const image = firstImage(link, enclosure, mediaRssImage(i.media), itunes.image, firstHtmlImage(`${textOf(content.encoded)} ${textOf(i.description)}`));
    return make({
      id: textOf(guid),
      title: textOf(i.title),
      link,
      summaryHtml: textOf(i.description) || textOf(content.encoded),
      publishedAt: dateOf(i.pubDate, dc.date, ...(Array.isArray(dc.dates) ? dc.dates : [])),
      image,
    });
  });
  return { format: parsed.format, title: plainText(textOf(feed.title)), items };
}

/** `{title}`, `{link}` and `{summary}` replaced; empty lines a missing value leaves are dropped. */
export function renderTemplate(template: string, item: Pick<FeedItem, 'title' | 'link' | 'summary'>): string {
  const values: Record<string, string> = { title: item.title, link: item.link ?? '', summary: item.summary };
  return template
    .replace(/\{(title|link|summary)\}/g, (_, name: string) => values[name] ?? '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** The placeholders of a template that Herald does not know, e.g. `{author}`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z_][\w-]*)\}/g)].map((m) => m[1]!).filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
}
