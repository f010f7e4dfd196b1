import type { TFunction } from 'i18next';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { translator, type Namespace } from '../../i18n/i18n.ts';
import { intlLocale } from '../../i18n/intl-locale.ts';

// A notification's words kept as a key of the server's `notifications` namespace and its values,
// so each reader gets them in their own language: the list in the app and the e-mail say them
// when they are read, not when the incident happens. The English words are also stored (title and
// body) for older readers of the table and for rows written before keys existed.

/** Words said inside another message ("a post", "ended on …"), in the same namespace. */
export type MessageRef = { key: string; values?: MessageValues };
/** A moment written in the reader's language: `day` (7 December 2026), `dayTime` (7 December at 09:00 (Europe/Paris)), `utc` (2026-12-07 09:00 UTC). */
export type MessageDate = { date: string; style: 'day' | 'dayTime' | 'utc'; timeZone?: string };
/** Text and numbers as they are (names, a network's reason), nested words, a moment, or a list written one "- " line each. */
export type MessageValue = string | number | MessageRef | MessageDate | (string | MessageRef)[];
export type MessageValues = { [name: string]: MessageValue };
/** What a notification says: `<key>.title` and `<key>.body` in the `notifications` namespace. */
export type NotificationMessage = { key: string; values: MessageValues };

export const ref = (key: string, values?: MessageValues): MessageRef => (values ? { key, values } : { key });

/**
 * A post's first words in quotes, or what stands for a post without any: "a post", or "a post
 * without text" (`missing`); `atStart` when the words open the sentence.
 */
export const postWords = (text: string, options: { atStart?: boolean; missing?: 'untitled' | 'withoutText' } = {}): MessageRef =>
  text ? ref('words.post.quoted', { text }) : ref(`words.post.${options.missing ?? 'untitled'}${options.atStart ? 'Start' : ''}`);

function sayDate(value: MessageDate, language: Language): string {
  const date = new Date(value.date);
  const locale = intlLocale(language);
  const timeZone = value.timeZone ?? 'UTC';
  if (value.style === 'day') return date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (value.style === 'dayTime') return `${date.toLocaleString(locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone })} (${timeZone})`;
  // English keeps the compact form it always had; other languages write the month's name.
  if (language === 'en') return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `${date.toLocaleString(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

const isRef = (value: unknown): value is MessageRef => typeof value === 'object' && value !== null && 'key' in value;

function sayValue(value: MessageValue, t: TFunction, language: Language): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item) => `- ${typeof item === 'string' ? item : sayRef(item, t, language)}`).join('\n');
  if (isRef(value)) return sayRef(value, t, language);
  return sayDate(value, language);
}

function sayValues(values: MessageValues | undefined, t: TFunction, language: Language) {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, sayValue(value, t, language)]));
}

function sayRef(value: MessageRef, t: TFunction, language: Language): string {
  return t(value.key, sayValues(value.values, t, language));
}

/**
 * Words of any server namespace in `language`, their values said the same way (nested keys from that
 * namespace, or `network-<id>:key` from a network's). English for a key the language lacks.
 */
export function sayMessage(namespace: Namespace, message: MessageRef, language: Language = defaultLanguage): string {
  return sayRef(message, translator(language, namespace), language);
}

/** The notification's title and body in `language` (English for a key that language lacks). */
export function sayNotification(message: NotificationMessage, language: Language = defaultLanguage): { title: string; body: string } {
  const t = translator(language, 'notifications');
  const values = sayValues(message.values, t, language);
  return { title: t(`${message.key}.title`, values), body: t(`${message.key}.body`, values) };
}

/** What a stored row says to a reader: its key in their language, or (a row from before keys) its English as stored. */
export function notificationWords(row: { title: string; body: string; messageKey: string | null; messageValues: MessageValues | null }, language: Language): { title: string; body: string } {
  if (!row.messageKey) return { title: row.title, body: row.body };
  return sayNotification({ key: row.messageKey, values: row.messageValues ?? {} }, language);
}
