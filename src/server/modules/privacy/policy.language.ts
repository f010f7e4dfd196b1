import { isSupportedLanguage, type Language } from '../../../shared/languages.ts';
import { languageOfHeader } from '../../http/request-language.ts';

/**
 * The language of a /privacy or /terms page: `?lang=` when Herald speaks it (the page's language
 * switch), else the reader's browser's first language Herald speaks (`fr-CA` is French), else the
 * instance's default.
 */
export function policyPageLanguage(requested: string | undefined, acceptLanguage: string | undefined): Language {
  const asked = requested?.toLowerCase();
  if (isSupportedLanguage(asked)) return asked;
  return languageOfHeader(acceptLanguage);
}
