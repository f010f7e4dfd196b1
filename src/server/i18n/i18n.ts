import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, isSupportedLanguage, supportedLanguages, type Language } from '../../shared/languages.ts';
// Imported, not read from disk: the compiled server (bin/server-bundle.js) carries them, and its
// build stamp hashes them, so an edited translation rebuilds the bundle.
import enMail from '../locales/en/mail.json' with { type: 'json' };
import frMail from '../locales/fr/mail.json' with { type: 'json' };

const resources = {
  en: { mail: enMail },
  fr: { mail: frMail },
} satisfies Record<Language, Record<string, unknown>>;
export type Namespace = keyof (typeof resources)['en'];

const i18n = i18next.createInstance();
void i18n.init({
  resources,
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  ns: Object.keys(resources.en),
  defaultNS: 'mail',
  // Plain text (e-mails): nothing to escape. Pages that put a translation in HTML escape it there.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** The first of the candidates Herald speaks (a user's choice, then a workspace's…), else English. */
export function pickLanguage(...candidates: unknown[]): Language {
  return candidates.find(isSupportedLanguage) ?? defaultLanguage;
}

/** `t` for one language and namespace: `translator('fr', 'mail')('invitation.subject', { workspace })`. */
export function translator(language: Language, namespace: Namespace): TFunction {
  return i18n.getFixedT(language, namespace);
}
