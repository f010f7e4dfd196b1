import type { Language } from '../../../shared/languages.ts';
import type { evergreenSettings } from '../../db/schema/index.ts';
import enErrors from '../../locales/en/errors.json' with { type: 'json' };
import { englishOf, sayStored, type StoredReason, type StoredWords } from '../../i18n/stored-words.ts';
import { ref, sayMessage, type MessageValue, type MessageValues } from '../notifications/notification-message.ts';
import { messageValuesOf, type AppError } from '../shared/errors.ts';

// Why a due copy of an evergreen post was not made, kept as its English (API clients, older
// readers) and its words of the server's `status` namespace, said in each reader's language when
// the post's evergreen setting is read.

type EvergreenRow = typeof evergreenSettings.$inferSelect;

const evergreenWords = (key: string, values?: MessageValues): StoredWords => ref(`status:evergreen.${key}`, values);
const reasonOf = (words: StoredWords): StoredReason => ({ message: englishOf('status', words), words });

export const ownerCannotSchedule = (): StoredReason => reasonOf(evergreenWords('ownerCannotSchedule'));
export const channelDisconnected = (): StoredReason => reasonOf(evergreenWords('channelDisconnected'));

// errors.json's keys by code (`code`, `code#variant`), as the error handler finds an AppError's sentence.
const errorKeys = Object.keys(enErrors).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''));

/**
 * The words of an AppError's message, when Herald has them: its own words, the first rule issue
 * of a validation_failed (`field: issue`), or its errors.json sentence. Only words whose English
 * is the message itself are taken; otherwise the message stays English, in every language.
 */
function refusalWords(error: AppError): MessageValue {
  const candidates: StoredWords[] = [];
  if (error.words) candidates.push(error.words as StoredWords);
  const issue = (error.details?.issues as { field?: unknown }[] | undefined)?.[0];
  const text = error.issueTexts?.[0];
  if (error.code === 'validation_failed' && text && typeof issue?.field === 'string') {
    candidates.push(evergreenWords('issue', { field: issue.field, issue: ref(text.key, text.values) }));
  }
  const values = messageValuesOf(error);
  for (const key of new Set(errorKeys.filter((k) => k === error.code || k.startsWith(`${error.code}#`)))) candidates.push(ref(`errors:${key}`, values));
  return candidates.find((words) => sayMessage('status', words) === error.message) ?? error.message;
}

/** Another part of Herald refused the copy (a variation too long for a network, a file gone…). */
export const refusedCopy = (error: AppError): StoredReason => reasonOf(evergreenWords('refused', { reason: refusalWords(error) }));

/** The columns that store a skip reason (all null once a copy is made). */
export const storedSkipReason = (reason: StoredReason | null) => ({
  skipReason: reason?.message ?? null,
  skipReasonKey: reason?.words?.key ?? null,
  skipReasonValues: reason?.words?.values ?? null,
});

/** The skip reason in `language`: its words when it has them, else its English as stored. */
export const saySkipReason = (row: Pick<EvergreenRow, 'skipReason' | 'skipReasonKey' | 'skipReasonValues'>, language: Language): string | null =>
  sayStored('status', { message: row.skipReason, key: row.skipReasonKey, values: row.skipReasonValues }, language);
