import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { englishOf, sayStored, type StoredReason, type StoredWords } from '../../i18n/stored-words.ts';
import type { MessageValue, MessageValues } from '../notifications/notification-message.ts';

// Why a delivery failed, is unconfirmed or waits for a retry is stored twice: the English in
// error_message (API clients, webhooks and older rows read it) and the same sentence as words
// (error_key, error_values), said in each reader's language when a post is read. Herald's own
// sentences are keys of the server's `delivery` namespace, always written `delivery:<key>` so they
// also resolve when nested in a notification; a network's sentence comes as the ProviderError's
// words (`network-<id>:…`); a network's own text stays a value, as it was written.

/** A reason as it is stored: its English, and its words when Herald has them. */
export type Reason = StoredReason;

/** One of Herald's own sentences about a delivery, its English made from the same words. */
export function deliveryWords(key: string, values?: MessageValues): Reason {
  const words: StoredWords = values ? { key: `delivery:${key}`, values } : { key: `delivery:${key}` };
  return { message: englishOf('delivery', words), words };
}

/**
 * A message that came with words (a ProviderError's, a publisher's check): the words are kept only
 * when they say that very English, so the English stored never changes because of them.
 */
export function providerReason(message: string, words: StoredWords | null | undefined): Reason {
  if (words && englishOf('delivery', words) === message) return { message, words };
  return { message, words: null };
}

/** A reason inside another sentence: its words, or its English as it is. */
export const reasonValue = (reason: Reason): MessageValue => reason.words ?? reason.message;

/** The error columns of a delivery or an attempt for a reason (null: none). */
export const errorColumns = (reason: Reason | null) => ({
  errorMessage: reason?.message ?? null,
  errorKey: reason?.words?.key ?? null,
  errorValues: reason?.words?.values ?? null,
});

/**
 * A stored delivery or attempt error in `language`: its words when stored, else (and in English) the
 * English as stored. No English, no error: words left behind by a writer that cleared only the
 * message are not said.
 */
export function sayDeliveryError(row: { errorMessage: string | null; errorKey?: string | null; errorValues?: MessageValues | null }, language: Language): string | null {
  if (row.errorMessage === null || language === defaultLanguage) return row.errorMessage;
  return sayStored('delivery', { message: row.errorMessage, key: row.errorKey ?? null, values: row.errorValues ?? null }, language);
}
