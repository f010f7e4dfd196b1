import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { mastodon } from '../descriptor.ts';

/** Mastodon: who sees the post, and an optional content warning that hides it behind "Show more". */
export function MastodonOptions({ channel, settings, onChange, errorFor }: OptionsPanelProps) {
  const { t } = useTranslation('network-mastodon');
  const id = useId();
  const cwError = errorFor('settings.spoilerText');
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`}>
      <NetworkCardHead channel={channel} title={mastodon.label} id={`${id}-title`} />
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-vis`}>{t('web.options.visibility')}</label>
          <select id={`${id}-vis`} value={String(settings.visibility ?? 'public')} onChange={(e) => onChange({ ...settings, visibility: e.target.value })}>
            <option value="public">{t('web.options.public')}</option>
            <option value="unlisted">{t('web.options.unlisted')}</option>
            <option value="private">{t('web.options.private')}</option>
            <option value="direct">{t('web.options.direct')}</option>
          </select>
        </div>
        <div className={cwError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-cw`}>{t('web.options.contentWarning')}</label>
          <input
            id={`${id}-cw`}
            placeholder={t('web.options.contentWarningPlaceholder')}
            maxLength={500}
            value={String(settings.spoilerText ?? '')}
            aria-invalid={cwError ? true : undefined}
            aria-describedby={cwError ? `${id}-cw-error` : undefined}
            onChange={(e) => {
              const { spoilerText: _old, ...rest } = settings;
              onChange(e.target.value ? { ...rest, spoilerText: e.target.value } : rest);
            }}
          />
          <FieldMessage message={cwError} id={`${id}-cw-error`} />
        </div>
      </div>
    </section>
  );
}
