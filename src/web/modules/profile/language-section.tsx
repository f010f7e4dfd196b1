import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { FormError } from '../../components/feedback.tsx';
import { useToast } from '../../components/toast.tsx';
import { switchLanguage } from '../../i18n/i18n.ts';
import { pickLanguage, supportedLanguages, type Language } from '../../i18n/languages.ts';
import type { Me } from '../auth/auth.api.ts';
import { useSetLanguage } from './profile.api.ts';

/** Each language is named in itself, so someone who cannot read the current one still finds theirs. */
const languageNames: Record<Language, string> = { en: 'English', fr: 'Français' };
const BROWSER = 'browser';

export function LanguageSection({ me }: { me: Me }) {
  const { t } = useTranslation('profile');
  const toast = useToast();
  const save = useSetLanguage();
  const errors = formErrors(save.error, ['language']);
  const change = (value: string) => {
    const language = value === BROWSER ? null : (value as Language);
    save.mutate(language, {
      onSuccess: async () => {
        await switchLanguage(language ?? pickLanguage(navigator.languages ?? [navigator.language]));
        toast(t('language.saved'));
      },
    });
  };
  return (
    <section className="card" aria-labelledby="language-title">
      <div className="card-head">
        <div>
          <h2 id="language-title">{t('language.title')}</h2>
          <p className="muted small">{t('language.description')}</p>
        </div>
      </div>
      <div className="form-grid">
        <SelectField
          label={t('language.label')}
          value={me.user.language ?? BROWSER}
          disabled={save.isPending}
          onChange={(e) => change(e.target.value)}
          error={errors.field('language')}
          data-testid="profile-language-select"
        >
          <option value={BROWSER}>{t('language.browserDefault')}</option>
          {supportedLanguages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </SelectField>
        <FormError message={errors.general} />
      </div>
    </section>
  );
}
