import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n.ts';
import { languageNames, supportedLanguages, type Language } from '../i18n/languages.ts';
import './language-select.css';

/**
 * The interface's language, for people who are not signed in (signed in, the profile holds it).
 * Each language is named in itself; the choice is remembered in this browser.
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.language} onChange={(e) => void switchLanguage(e.target.value as Language)} data-testid="language-select">
        {supportedLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
