import { defaultLanguage, type Language } from '../../shared/languages.ts';
import { sayMessage, type MessageRef } from '../modules/notifications/notification-message.ts';
import type { Namespace } from './i18n.ts';

// A reason Herald stores (a channel's status, a webhook turned off, a delivery's failure) is kept
// twice: its English, which API clients and older rows read, and its words (a key and values), so
// each reader is told it in their own language when it is read, not when it happened.

/** Words to store beside an English message: `key` in `namespace` (or `network-<id>:key`). */
export type StoredWords = MessageRef;

/** A reason as it is stored: its English, and its words when Herald has them (null: a network's own text, said as it is). */
export type StoredReason = { message: string; words: StoredWords | null };

/** The English to store in the message column for these words. */
export const englishOf = (namespace: Namespace, words: StoredWords): string => sayMessage(namespace, words, defaultLanguage);

/**
 * What a stored reason says to a reader: its words in their language, or (no words: a network's
 * own text, or a row from before the words were kept) the English as stored.
 */
export function sayStored(namespace: Namespace, stored: { message: string | null; key: string | null; values: MessageRef['values'] | null }, language: Language): string | null {
  if (!stored.key) return stored.message;
  return sayMessage(namespace, { key: stored.key, values: stored.values ?? undefined }, language);
}
