import i18next, { type TFunction } from 'i18next';
import { defaultLanguage, isSupportedLanguage, supportedLanguages, type Language } from '../../shared/languages.ts';
// Imported, not read from disk: the compiled server (bin/server-bundle.js) carries them, and its
// build stamp hashes them, so an edited translation rebuilds the bundle.
import enMail from '../locales/en/mail.json' with { type: 'json' };
import frMail from '../locales/fr/mail.json' with { type: 'json' };
import enPolicy from '../locales/en/policy.json' with { type: 'json' };
import frPolicy from '../locales/fr/policy.json' with { type: 'json' };
import enExport from '../locales/en/export.json' with { type: 'json' };
import frExport from '../locales/fr/export.json' with { type: 'json' };
import enNotifications from '../locales/en/notifications.json' with { type: 'json' };
import frNotifications from '../locales/fr/notifications.json' with { type: 'json' };
import enReport from '../locales/en/report.json' with { type: 'json' };
import frReport from '../locales/fr/report.json' with { type: 'json' };
// The web's analytics words (metric names, the report page's headings): the PDF says the same.
import enAnalytics from '../../web/locales/en/analytics.json' with { type: 'json' };
import frAnalytics from '../../web/locales/fr/analytics.json' with { type: 'json' };
import enStatus from '../locales/en/status.json' with { type: 'json' };
import frStatus from '../locales/fr/status.json' with { type: 'json' };
import enDelivery from '../locales/en/delivery.json' with { type: 'json' };
import frDelivery from '../locales/fr/delivery.json' with { type: 'json' };
import enBulk from '../locales/en/bulk.json' with { type: 'json' };
import frBulk from '../locales/fr/bulk.json' with { type: 'json' };
import enFeeds from '../locales/en/feeds.json' with { type: 'json' };
import frFeeds from '../locales/fr/feeds.json' with { type: 'json' };
import enErrors from '../locales/en/errors.json' with { type: 'json' };
import frErrors from '../locales/fr/errors.json' with { type: 'json' };
import enNetworks from '../../networks/locales/en.json' with { type: 'json' };
import frNetworks from '../../networks/locales/fr.json' with { type: 'json' };
import { descriptors } from '../../networks/index.ts';

const resources = {
  en: { mail: enMail, errors: enErrors, policy: enPolicy, export: enExport, notifications: enNotifications, report: enReport, analytics: enAnalytics, status: enStatus, delivery: enDelivery, bulk: enBulk, feeds: enFeeds },
  fr: { mail: frMail, errors: frErrors, policy: frPolicy, export: frExport, notifications: frNotifications, report: frReport, analytics: frAnalytics, status: frStatus, delivery: frDelivery, bulk: frBulk, feeds: frFeeds },
} satisfies Record<Language, Record<string, unknown>>;
export type Namespace = keyof (typeof resources)['en'] | 'networks' | `network-${string}`;

// The networks' words (their rules' messages, descriptor texts), the same files the web app loads.
const sharedNetworkWords = { en: enNetworks, fr: frNetworks } satisfies Record<Language, Record<string, unknown>>;
const networkResources = (language: Language) => ({
  networks: sharedNetworkWords[language],
  ...Object.fromEntries(descriptors.map((d) => [`network-${d.id}`, d.messages[language]])),
});

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(supportedLanguages.map((language) => [language, { ...resources[language], ...networkResources(language) }])),
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...supportedLanguages],
  ns: [...Object.keys(resources.en), ...Object.keys(networkResources('en'))],
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
