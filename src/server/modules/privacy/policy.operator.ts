import fs from 'node:fs';
import { settings, type Config } from '../../config/config.ts';
import { defaultLanguage, supportedLanguages, type Language } from '../../../shared/languages.ts';
import type { OperatorSection } from './policy.pages.ts';

// The operator's own Markdown sections of /privacy and /terms, one file per language. A page shows
// its language's file; without one, the default language's file (else any other), with a note
// that it is written in another language: the operator's terms still apply, and the reader sees them.

type Page = 'privacy' | 'terms';
type FileSetting = 'policyExtraFile' | 'policyExtraFileFr' | 'termsExtraFile' | 'termsExtraFileFr';

const fileSettings: Record<Language, Record<Page, FileSetting>> = {
  en: { privacy: 'policyExtraFile', terms: 'termsExtraFile' },
  fr: { privacy: 'policyExtraFileFr', terms: 'termsExtraFileFr' },
};

/** The environment variable naming a page's file in one language (what the terms' placeholder tells operators). */
export const operatorFileEnv = (language: Language, page: Page): string => settings[fileSettings[language][page]].env;

/** Each language's section of a page; undefined where the operator wrote none in any language. */
export function readOperatorSections(config: Config, page: Page): Record<Language, OperatorSection | undefined> {
  const files = new Map<Language, string>();
  for (const language of supportedLanguages) {
    const file = config[fileSettings[language][page]];
    if (file !== undefined) files.set(language, fs.readFileSync(file, 'utf8'));
  }
  const fallback = files.get(defaultLanguage) ?? [...files.values()][0];
  return Object.fromEntries(
    supportedLanguages.map((language) => {
      const own = files.get(language);
      if (own !== undefined) return [language, { markdown: own, inPageLanguage: true }];
      return [language, fallback === undefined ? undefined : { markdown: fallback, inPageLanguage: false }];
    }),
  ) as Record<Language, OperatorSection | undefined>;
}
