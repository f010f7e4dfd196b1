/** A count as people read it (63,155), in the browser's language. */
export const formatCount = (value: number): string => value.toLocaleString();

/** A file size: KB under a megabyte, so a small photo is never "0.0 MB". */
export function formatFileSize(bytes: number): string {
  // Nothing is nothing (an empty media store), but a small file is never shown as 0 KB.
  if (bytes === 0) return '0 KB';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

export function formatDateTime(value: string | Date): string {
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Audit rows: the year only when it is not this one, to keep the column narrow. */
export function formatCompactDateTime(value: string | Date): string {
  const date = new Date(value);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString(undefined, { year: sameYear ? undefined : 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

export function formatDate(value: string | Date): string {
  return new Date(value).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "in 6 days"; under a minute reads "just now". */
export function relativeTime(value: string | Date, now = Date.now()): string {
  const seconds = (new Date(value).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** "Chrome 131 on macOS" is enough to recognise a device; the full string goes in a title. */
export function shortUserAgent(ua: string | null | undefined): string {
  if (!ua) return 'Unknown device';
  const browser = /(Edg|OPR|Firefox|Chrome|Safari)\/(\d+)/.exec(ua);
  const os = /(Windows|Mac OS X|Android|iPhone|iPad|CrOS|Linux)/.exec(ua);
  if (!browser && !os) return ua.length > 32 ? `${ua.slice(0, 32)}…` : ua;
  const names: Record<string, string> = { Edg: 'Edge', OPR: 'Opera' };
  const systems: Record<string, string> = { 'Mac OS X': 'macOS', CrOS: 'ChromeOS' };
  // Safari's version is in "Version/17"; the Safari/605 token is WebKit's build number.
  const version = browser?.[1] === 'Safari' ? (/Version\/(\d+)/.exec(ua)?.[1] ?? '') : browser?.[2];
  const name = browser ? `${names[browser[1]!] ?? browser[1]} ${version}`.trim() : 'Browser';
  return os ? `${name} on ${systems[os[1]!] ?? os[1]}` : name;
}

export const isPhone = (ua: string | null | undefined) => !!ua && /Mobile|Android|iPhone/.test(ua);

export const roleLabel = (role: string | null | undefined) => (role ? role[0]!.toUpperCase() + role.slice(1) : '—');
