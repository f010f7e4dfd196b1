/**
 * The languages Herald speaks, for the server (stored choices, e-mails, pages) and the web app.
 * Adding one is adding its folders under src/web/locales and src/server/locales, and here.
 */
export const supportedLanguages = ['en', 'fr'] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = 'en';

export const isSupportedLanguage = (tag: unknown): tag is Language => typeof tag === 'string' && (supportedLanguages as readonly string[]).includes(tag);
