import { Parser } from 'htmlparser2';

// Reads a page's card data (Open Graph, then Twitter Card, then plain HTML) with htmlparser2, a
// streaming, forgiving HTML tokenizer (ADR 0031): the head is fed in as it arrives and reading
// stops once the head is over, so a large page costs no more than its head.

/** What a page says about itself, as found (each field trimmed, null when absent). */
export type PageCard = {
  title: string | null;
  description: string | null;
  /** Absolute http(s) URL, resolved against the page's address. */
  imageUrl: string | null;
  /** The page's own idea of its address (og:url), absolute http(s). */
  canonicalUrl: string | null;
  siteName: string | null;
};

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 1000;

const clean = (value: string | undefined, max: number): string | null => {
  const text = value?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function absoluteHttp(value: string | undefined, base: URL): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A page being read: feed it text as it comes; `done` turns true once nothing after it can matter. */
export type CardReader = { write(text: string): void; readonly done: boolean; finish(): PageCard };

export function createCardReader(pageUrl: URL): CardReader {
  // The first value of each key wins, as Open Graph's own consumers do.
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let titleSeen = false;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (done) return;
        if (name === 'body') done = true;
        if (name === 'title' && !titleSeen) inTitle = true;
        if (name !== 'meta') return;
        const key = (attribs.property ?? attribs.name ?? '').trim().toLowerCase();
        if (key && attribs.content !== undefined && !meta.has(key)) meta.set(key, attribs.content);
      },
      ontext(text) {
        if (inTitle && !done) title += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleSeen = true;
        }
        if (name === 'head') done = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const first = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v?.trim());
  return {
    write(text) {
      if (!done) parser.write(text);
    },
    get done() {
      return done;
    },
    finish() {
      parser.end();
      return {
        title: clean(first('og:title', 'twitter:title') ?? title, TITLE_MAX),
        description: clean(first('og:description', 'twitter:description', 'description'), DESCRIPTION_MAX),
        imageUrl: absoluteHttp(first('og:image', 'og:image:secure_url', 'og:image:url', 'twitter:image', 'twitter:image:src'), pageUrl),
        canonicalUrl: absoluteHttp(first('og:url'), pageUrl),
        siteName: clean(first('og:site_name', 'application-name'), TITLE_MAX),
      };
    },
  };
}

/** The card data of a whole page held in memory (tests, and pages already read). */
export function readPageCard(html: string, pageUrl: URL): PageCard {
  const reader = createCardReader(pageUrl);
  reader.write(html);
  return reader.finish();
}
