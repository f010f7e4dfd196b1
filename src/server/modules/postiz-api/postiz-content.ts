// How Postiz's words map onto Herald's: post states, HTML post bodies, dates without a zone.

/** Postiz's post states; Herald's own state travels next to it as `heraldState`. */
export type PostizState = 'QUEUE' | 'PUBLISHED' | 'ERROR' | 'DRAFT';

/**
 * A delivery's state in Postiz's words. `unconfirmed` (Herald does not know whether the network
 * took it) needs a person, like a Postiz ERROR; `cancelled` will not go out, like a draft.
 */
export function postizState(deliveryState: string): PostizState {
  switch (deliveryState) {
    case 'queued':
    case 'publishing':
    case 'processing':
      return 'QUEUE';
    case 'published':
      return 'PUBLISHED';
    case 'failed':
    case 'unconfirmed':
      return 'ERROR';
    default:
      return 'DRAFT';
  }
}

// Postiz's editor sends HTML (<p>, <br>, <strong>…); the CLI and most scripts send plain text. Only
// text carrying one of these tags is read as HTML, so "a < b" or "<3" in plain text stays as it is.
const htmlTag = /<\/?(p|br|div|span|strong|b|em|i|u|s|a|ul|ol|li|h[1-6]|blockquote|code|pre)(\s[^>]*)?\/?>/i;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text of a Postiz post body: paragraphs and line breaks become new lines, tags go, entities are decoded. */
export function postizText(content: string): string {
  if (!htmlTag.test(content)) return content;
  const text = content
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li(\s[^>]*)?>/gi, '- ')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+|#39);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole;
      if (lower.startsWith('#') && lower !== '#39') return safeCodePoint(Number(lower.slice(1))) ?? whole;
      return entities[lower] ?? whole;
    });
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

/**
 * A Postiz date as an ISO instant. Postiz reads dates in UTC, so a date-time without a zone
 * ("2026-12-31T12:00:00") is taken as UTC; null when it is not a date at all.
 */
export function postizInstant(value: string): string | null {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(trimmed)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) && trimmed.length > 10;
  const withTime = trimmed.length === 10 ? `${trimmed}T00:00:00` : trimmed.replace(' ', 'T');
  const date = new Date(hasZone ? withTime : `${withTime}Z`);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return date.toISOString();
}
