import type { Language } from '../../shared/languages.ts';

/** The Intl locale a language's dates and numbers are written in on the server (British English: day before month, as Herald always wrote them). */
export const intlLocale = (language: Language) => (language === 'en' ? 'en-GB' : language);
