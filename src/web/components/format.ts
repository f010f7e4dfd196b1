import { i18n } from '../i18n/i18n.ts';

/**
 * The locale dates and numbers are written in: the interface's language, in the browser's regional
 * variant when it has one of that language ("en-GB" keeps day-month order in English), else the
 * language itself.
 */
export function formatLocale(): string {
  const language = i18n.language;
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return preferred.find((tag) => typeof tag === 'string' && tag.toLowerCase().split('-')[0] === language) ?? language;
}

/**
 * A date written by Intl, with the first of the month as French writes it: « 1er décembre »,
 * « 1er déc. » (Intl writes « 1 »). Only a day next to a month's name: « 01/12 » stays as it is.
 */
export function writeDate(format: Pick<Intl.DateTimeFormat, 'formatToParts'>, date: Date, language = formatLocale()): string {
  return dateParts(format, date, language)
    .map((p) => p.value)
    .join('');
}

/** The parts of writeDate's date, for code that styles some of them (the month's name on the calendar). */
export function dateParts(format: Pick<Intl.DateTimeFormat, 'formatToParts'>, date: Date, language = formatLocale()): Intl.DateTimeFormatPart[] {
  const parts = format.formatToParts(date);
  const ordinalFirst = language.split('-')[0] === 'fr' && parts.some((p) => p.type === 'month' && !/^\d+$/.test(p.value));
  return parts.map((p) => (ordinalFirst && p.type === 'day' && p.value === '1' ? { ...p, value: '1er' } : p));
}

const dateWith = (value: string | Date, options: Intl.DateTimeFormatOptions) => writeDate(new Intl.DateTimeFormat(formatLocale(), options), new Date(value));

/** A count as people read it (63,155; 63 155 in French), in the interface's language. */
export const formatCount = (value: number): string => value.toLocaleString(formatLocale());

// One decimal, never grouped ("1023.5 MB", as before the interface spoke French).
const oneDecimal = (value: number) => value.toLocaleString(formatLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

/** A file size: KB under a megabyte, so a small photo is never "0.0 MB". */
export function formatFileSize(bytes: number): string {
  // Nothing is nothing (an empty media store), but a small file is never shown as 0 KB.
  if (bytes === 0) return i18n.t('size.kb', { ns: 'common', value: '0' });
  if (bytes < 1024 * 1024) return i18n.t('size.kb', { ns: 'common', value: String(Math.max(1, Math.round(bytes / 1024))) });
  if (bytes < 1024 ** 3) return i18n.t('size.mb', { ns: 'common', value: oneDecimal(bytes / (1024 * 1024)) });
  return i18n.t('size.gb', { ns: 'common', value: oneDecimal(bytes / 1024 ** 3) });
}

export function formatDateTime(value: string | Date): string {
  return dateWith(value, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Audit rows: the year only when it is not this one, to keep the column narrow. */
export function formatCompactDateTime(value: string | Date): string {
  const date = new Date(value);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return dateWith(date, { year: sameYear ? undefined : 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

export function formatDate(value: string | Date): string {
  return dateWith(value, { dateStyle: 'medium' });
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
  const format = new Intl.RelativeTimeFormat(formatLocale(), { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return i18n.t('time.justNow', { ns: 'common' });
}

/** "Chrome 131 on macOS" is enough to recognise a device; the full string goes in a title. */
export function shortUserAgent(ua: string | null | undefined): string {
  if (!ua) return i18n.t('device.unknown', { ns: 'common' });
  const browser = /(Edg|OPR|Firefox|Chrome|Safari)\/(\d+)/.exec(ua);
  const os = /(Windows|Mac OS X|Android|iPhone|iPad|CrOS|Linux)/.exec(ua);
  if (!browser && !os) return ua.length > 32 ? `${ua.slice(0, 32)}…` : ua;
  const names: Record<string, string> = { Edg: 'Edge', OPR: 'Opera' };
  const systems: Record<string, string> = { 'Mac OS X': 'macOS', CrOS: 'ChromeOS' };
  // Safari's version is in "Version/17"; the Safari/605 token is WebKit's build number.
  const version = browser?.[1] === 'Safari' ? (/Version\/(\d+)/.exec(ua)?.[1] ?? '') : browser?.[2];
  const name = browser ? `${names[browser[1]!] ?? browser[1]} ${version}`.trim() : i18n.t('device.browser', { ns: 'common' });
  return os ? i18n.t('device.browserOn', { ns: 'common', browser: name, system: systems[os[1]!] ?? os[1] }) : name;
}

export const isPhone = (ua: string | null | undefined) => !!ua && /Mobile|Android|iPhone/.test(ua);

/** A role's name ("Admin"); a role this build does not know, capitalised. */
export const roleLabel = (role: string | null | undefined) =>
  role ? i18n.t(`roles.${role}`, { ns: 'common', defaultValue: role[0]!.toUpperCase() + role.slice(1) }) : '—';

/** What a role may do ("Members, channels, settings and all posts"). */
export const roleDescription = (role: string) => i18n.t(`roleDescriptions.${role}`, { ns: 'common', defaultValue: '' });
