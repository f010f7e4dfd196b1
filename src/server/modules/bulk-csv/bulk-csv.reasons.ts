import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import type { RuleIssue } from '../../../shared/publishing-rules.ts';
import { errorMessage } from '../../http/error-language.ts';
import { englishOf, type StoredWords } from '../../i18n/stored-words.ts';
import { sayMessage, type MessageValue, type MessageValues } from '../notifications/notification-message.ts';
import { messageValuesOf, type AppError, type MessageValues as ErrorValues } from '../shared/errors.ts';
import type { Column } from './bulk-csv.columns.ts';

// Why a row of a bulk file cannot be imported. The answer's `reason` is said in the reader's
// language; its English (what API clients have always read) is said from the same words, so the
// two cannot drift: words of the server's `bulk` namespace, or, when another part of Herald
// refused the row (a media download, a network's read before saving), that refusal's error.

/** A refusal from elsewhere, as the error handler would say it, less the field its message leads with. */
export type Refusal = { code: string; message: string; values: ErrorValues; lead: keyof typeof leads };
export type RowError = { field: Column | 'row'; reason: string; words: StoredWords | Refusal };

// The field a refusal's message starts with, which the row's column already names; the French
// puts a non-breaking space before the colon.
const leads = {
  url: /^url\u00a0?: /,
  settings: /^channels\.\d+\.settings\.?/,
};

const isRefusal = (words: RowError['words']): words is Refusal => 'code' in words;

function say(words: RowError['words'], language: Language): string {
  if (!isRefusal(words)) return sayMessage('bulk', words, language);
  return errorMessage(language, words.code, words.message, words.values).replace(leads[words.lead], '');
}

/** A row's problem in the `bulk` namespace's words: `reasons.<key>`. */
export function rowError(field: RowError['field'], key: string, values?: MessageValues): RowError {
  const words: StoredWords = values ? { key: `reasons.${key}`, values } : { key: `reasons.${key}` };
  return { field, reason: englishOf('bulk', words), words };
}

/** An AppError another module threw for the row; its values are the ones the error handler would give errors.json. */
export function refusedRow(field: RowError['field'], error: AppError, lead: Refusal['lead']): RowError {
  const words: Refusal = { code: error.code, message: error.message, values: messageValuesOf(error), lead };
  return { field, reason: say(words, defaultLanguage), words };
}

/**
 * A channel's rule issue, led by the channel's name when it concerns one. The issue is said
 * through its key where that key's English is the issue's own message; otherwise its English
 * stays, in every language.
 */
export function ruleIssueError(field: Column, channel: string | undefined, issue: RuleIssue): RowError {
  let said: MessageValue = issue.message;
  if (issue.key) {
    const keyed = { key: issue.key, values: issue.values ?? {} };
    if (sayMessage('bulk', keyed) === issue.message) said = keyed;
  }
  const words: StoredWords = channel === undefined ? { key: 'reasons.rule', values: { issue: said } } : { key: 'reasons.channels.issue', values: { channel, issue: said } };
  return { field, reason: englishOf('bulk', words), words };
}

/** The reason in `language`: the English as built, or its words said again. */
export const sayReason = (error: RowError, language: Language): string => (language === defaultLanguage ? error.reason : say(error.words, language));
