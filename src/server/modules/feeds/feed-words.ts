import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import type { feedItems, feeds } from '../../db/schema/index.ts';
import { errorMessage } from '../../http/error-language.ts';
import { englishOf, sayStored, type StoredReason, type StoredWords } from '../../i18n/stored-words.ts';
import { ref, type MessageValue, type MessageValues } from '../notifications/notification-message.ts';
import { messageValuesOf, type AppError, type MessageValues as ErrorValues } from '../shared/errors.ts';

// A feed's last error and each item's reason, kept as their English (API clients, rows from before
// 0026) and their words, said in each reader's language when the Feeds page reads them. Keys name
// their namespace (`feeds:…`), so they resolve when they sit inside another sentence too.

/** A feed error or an item's reason: its English as stored, and its words (null: text from elsewhere, said as it is). */
export type FeedReason = StoredReason;

/** Words of the server's `feeds` namespace, named with it so they resolve from any namespace. */
export const feedWords = (key: string, values?: MessageValues): StoredWords => ref(`feeds:${key}`, values);

/** A reason built from Herald's own words: its English is those words said in English. */
export const feedReason = (words: StoredWords): FeedReason => ({ message: englishOf('feeds', words), words });

/** What another module's error says, as a reason: its words when it carries them (a ProviderError, an AppError), else its English as it is. */
export const reasonOfError = (error: Error & { words?: { key: string; values?: { [name: string]: unknown } } }): FeedReason => ({
  message: error.message,
  words: error.words ? (error.words as StoredWords) : null,
});

// A service's refusal (the posts' rules: no free time slot…) has no words of its own but a code whose
// sentences errors.json says. It is kept as `feeds:refusal` words holding its code, its English and
// the values errors.json fills it with (`value.<name>`), and said when read as the error handler
// says that code: its translation when errors.json has this very sentence, else its English.
const REFUSAL = 'feeds:refusal';
const VALUE_PREFIX = 'value.';

/** Why another module refused (an AppError): its words when it kept them, else its code's sentence in errors.json. */
export function refusalReason(error: AppError): FeedReason {
  if (error.words) return reasonOfError(error);
  const values = Object.fromEntries(Object.entries(messageValuesOf(error)).map(([name, value]) => [`${VALUE_PREFIX}${name}`, value]));
  return { message: error.message, words: ref(REFUSAL, { code: error.code, message: error.message, ...values }) };
}

/** The words with every refusal inside them said in `language` (a refusal is then a plain string). */
function sayRefusals(value: MessageValue, language: Language): MessageValue {
  if (typeof value !== 'object' || Array.isArray(value) || !('key' in value)) return value;
  if (value.key === REFUSAL) {
    const { code, message, ...rest } = value.values ?? {};
    const values = Object.fromEntries(Object.entries(rest).map(([name, v]) => [name.slice(VALUE_PREFIX.length), v])) as ErrorValues;
    return errorMessage(language, String(code), String(message), values);
  }
  if (!value.values) return value;
  return ref(value.key, Object.fromEntries(Object.entries(value.values).map(([name, v]) => [name, sayRefusals(v, language)])));
}

/** Stored words in `language`; the English as stored to an English reader (byte for byte what API clients always read) and when the row has no words. */
function sayFeedWords(stored: { message: string | null; key: string | null; values: MessageValues | null }, language: Language): string | null {
  if (!stored.key || language === defaultLanguage) return stored.message;
  const said = sayRefusals(ref(stored.key, stored.values ?? undefined), language);
  if (typeof said === 'string') return said;
  return sayStored('feeds', { message: stored.message, key: (said as StoredWords).key, values: (said as StoredWords).values ?? null }, language);
}

/** A reason as a value of another sentence: its words, or its English when it has none. */
const valueOf = (reason: FeedReason): MessageValue => reason.words ?? reason.message;

/**
 * `key` with other reasons as its values: the English is made of their English as stored (so it is
 * the same byte for byte whatever their words say), the words keep theirs.
 */
export function feedReasonWith(key: string, parts: Record<string, FeedReason>, values: MessageValues = {}): FeedReason {
  const english = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part.message]));
  const words = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, valueOf(part)]));
  return { message: englishOf('feeds', feedWords(key, { ...values, ...english })), words: feedWords(key, { ...values, ...words }) };
}

/** The feed columns that store its last error (all null after a check that worked). */
export const storedFeedError = (reason: FeedReason | null) => ({
  lastError: reason?.message ?? null,
  lastErrorKey: reason?.words?.key ?? null,
  lastErrorValues: reason?.words?.values ?? null,
});

/** The item columns that store its reason (all null when it has none). */
export const storedItemReason = (reason: FeedReason | null) => ({
  reason: reason?.message ?? null,
  reasonKey: reason?.words?.key ?? null,
  reasonValues: reason?.words?.values ?? null,
});

/** The feed's last error in `language`: its words when it has them, else its English as stored. */
export const sayFeedError = (row: Pick<typeof feeds.$inferSelect, 'lastError' | 'lastErrorKey' | 'lastErrorValues'>, language: Language): string | null =>
  sayFeedWords({ message: row.lastError, key: row.lastErrorKey, values: row.lastErrorValues }, language);

/** An item's reason in `language`: its words when it has them, else its English as stored. */
export const sayItemReason = (row: Pick<typeof feedItems.$inferSelect, 'reason' | 'reasonKey' | 'reasonValues'>, language: Language): string | null =>
  sayFeedWords({ message: row.reason, key: row.reasonKey, values: row.reasonValues }, language);

/** A reason in `language` (the answer of a check): its words when it has them, else its English. */
export const sayFeedReason = (reason: FeedReason | null, language: Language): string | null =>
  reason ? sayFeedWords({ message: reason.message, key: reason.words?.key ?? null, values: reason.words?.values ?? null }, language) : null;
