import { translator } from '../../i18n/i18n.ts';
import { supportedLanguages, type Language } from '../../../shared/languages.ts';
import { localizeSentence } from '../../../networks/texts.ts';
import type { PolicySentence } from '../../../networks/types.ts';
import { escapeHtml } from './policy.markdown.ts';

// The words of /privacy and /terms in one language: Herald's own (namespace `policy`) and each
// network's (namespace `network-<id>`), whose English in the descriptor is the fallback.

type Values = Record<string, string | number>;

export type PolicyWords = {
  language: Language;
  /**
   * A `policy` translation as HTML. The translations are Herald's own and may hold markup; the
   * values are escaped, except those whose name ends in `Html` (already built by this page).
   */
  html: (key: string, values?: Values) => string;
  /** "7 days", "7 jours". */
  days: (count: number) => string;
  /** A day (an ISO timestamp's, in UTC) as the language writes it on these pages. */
  date: (iso: string) => string;
  /** A network's descriptor text in this language, else the English the descriptor holds. */
  networkText: (network: string, key: string, english: string) => string;
  /** A network's /privacy sentence in this language, else in English. */
  networkSentence: (network: string, key: string, english: PolicySentence) => PolicySentence;
};

// English has always shown the ISO date (2026-12-07); French writes it out, with the first of the
// month as French writes it (« 1er décembre 2026 », where Intl writes « 1 »).
const dates: Record<Language, (iso: string) => string> = {
  en: (iso) => iso.slice(0, 10),
  fr: (iso) =>
    new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' })
      .formatToParts(new Date(iso))
      .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
      .join(''),
};

const escapeValues = (values: Values) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' && !name.endsWith('Html') ? escapeHtml(value) : value]));

export function policyWords(language: Language): PolicyWords {
  const t = translator(language, 'policy');
  // An empty default: a key missing in this language and in English gives '', not the key's name.
  const networkTemplate = (network: string, key: string) => translator(language, `network-${network}`)(key, { defaultValue: '' }) as string;
  return {
    language,
    html: (key, values = {}) => t(key, escapeValues(values)),
    days: (count) => t('days', { count }),
    date: dates[language],
    networkText: (network, key, english) => networkTemplate(network, key) || english,
    networkSentence: (network, key, english) => localizeSentence(english, networkTemplate(network, key) || undefined),
  };
}

/** Each language's name in itself, for the page's language switch ("Français", not "French"). */
export const languageNames = Object.fromEntries(supportedLanguages.map((language) => [language, translator(language, 'policy')('languageName')])) as Record<Language, string>;
