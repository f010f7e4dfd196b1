/** The languages Herald speaks. Adding one is adding its folder under src/web/locales (and here). */
export const supportedLanguages = ['en', 'fr'] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = 'en';

const isSupported = (tag: string): tag is Language => (supportedLanguages as readonly string[]).includes(tag);

/**
 * The first of the browser's preferred languages Herald speaks ("fr-CA" is French), else English.
 * A language the user chose in their profile goes before this.
 */
export function pickLanguage(preferred: readonly (string | undefined)[]): Language {
  for (const tag of preferred) {
    // A browser-like host may say nothing (navigator.language undefined): skipped, not a crash.
    if (typeof tag !== 'string') continue;
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isSupported(base)) return base;
  }
  return defaultLanguage;
}

/** Each language's name in itself, as a language menu lists it (a French speaker looks for "Français"). */
export const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };
