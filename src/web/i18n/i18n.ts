import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { descriptors } from '../../networks/index.ts';
import type { RuleText } from '../../networks/rules.ts';
import { defaultLanguage, pickLanguage, supportedLanguages, type Language } from './languages.ts';

// The language last chosen in this browser (the sign-in page's selector, or the profile's after
// sign-in) goes before the browser's: someone whose browser says English but who chose French keeps it.
const storageKey = 'herald.language';

function storedLanguage(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return (supportedLanguages as readonly string[]).includes(value ?? '') ? (value as Language) : undefined;
  } catch {
    // Storage refused (private mode, a sandboxed frame): the browser's language decides.
    return undefined;
  }
}

function initialLanguage(): Language {
  if (typeof navigator === 'undefined') return defaultLanguage;
  return storedLanguage() ?? pickLanguage(navigator.languages ?? [navigator.language]);
}

// Every namespace of every language, bundled: the files are small, and a screen never waits on
// a translation request (nor shows its keys while one is under way).
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(files)) {
  const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = module.default;
}

// The networks' words: the rules every network shares (`networks`), and each network folder's own
// (`network-<id>`), which its descriptor carries so the server reads the same files.
const networkFiles = import.meta.glob<{ default: Record<string, unknown> }>('../../networks/locales/*.json', { eager: true });
for (const [file, module] of Object.entries(networkFiles)) {
  const [, language] = /locales\/([^/]+)\.json$/.exec(file) ?? [];
  if (language) (resources[language] ??= {}).networks = module.default;
}
for (const descriptor of descriptors) {
  for (const [language, messages] of Object.entries(descriptor.messages)) (resources[language] ??= {})[`network-${descriptor.id}`] = messages;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  defaultNS: 'common',
  ns: Object.keys(resources[defaultLanguage] ?? {}),
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/**
 * Switches the interface (and the page's `lang`, which screen readers and hyphenation follow), and
 * remembers the choice in this browser for the next visit.
 */
export async function switchLanguage(language: Language) {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered: the language still applies to this visit.
  }
}

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/**
 * A rule's message in the interface's language: English is the rule's own words (the API's too);
 * another language takes the rule's key from the translations, and the English when it has none.
 */
export function ruleMessage(text: RuleText): string {
  if (!text.key || i18n.language === defaultLanguage) return text.message;
  return i18n.t(text.key, { ...text.values, defaultValue: text.message });
}
