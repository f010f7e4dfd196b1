import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, pickLanguage, supportedLanguages, type Language } from './languages.ts';

// Every namespace of every language, bundled: the files are small, and a screen never waits on
// a translation request (nor shows its keys while one is under way).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(files)) {
  const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = module.default;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: typeof navigator === 'undefined' ? defaultLanguage : pickLanguage(navigator.languages ?? [navigator.language]),
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  defaultNS: 'common',
  ns: Object.keys(resources[defaultLanguage] ?? {}),
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the interface (and the page's `lang`, which screen readers and hyphenation follow). */
export async function switchLanguage(language: Language) {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;
