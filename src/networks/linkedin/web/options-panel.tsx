import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { linkedin } from '../descriptor.ts';

/** Sets or clears one optional text setting (an empty field is no setting at all). */
function withText(settings: Record<string, unknown>, key: string, value: string) {
  const { [key]: _old, ...rest } = settings;
  return value ? { ...rest, [key]: value } : rest;
}

const isPage = (externalId: string | null | undefined) => Boolean(externalId?.startsWith('urn:li:organization:'));

/** LinkedIn: who sees the post, a document's title, a link card, and how to mention someone. */
export function LinkedInOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const { t } = useTranslation('network-linkedin');
  const id = useId();
  const hasDocument = files.some((f) => f.kind === 'document');
  const page = isPage(channel.externalId);
  const field = (key: string, label: string, placeholder: string, options: { type?: string; maxLength?: number; multiline?: boolean } = {}) => {
    const error = errorFor(`settings.${key}`);
    const props = {
      id: `${id}-${key}`,
      placeholder,
      maxLength: options.maxLength,
      value: String(settings[key] ?? ''),
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-${key}-error` : undefined,
    };
    return (
      <div className={error ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        {options.multiline ? (
          <textarea {...props} rows={2} onChange={(e) => onChange(withText(settings, key, e.target.value))} />
        ) : (
          <input {...props} type={options.type ?? 'text'} onChange={(e) => onChange(withText(settings, key, options.type === 'url' ? e.target.value.trim() : e.target.value))} />
        )}
        <FieldMessage message={error} id={`${id}-${key}-error`} />
      </div>
    );
  };
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="linkedin-panel">
      <NetworkCardHead channel={channel} title={linkedin.label} id={`${id}-title`} />
      <div className="cm-options-grid">
        {page ? null : (
          <div className="field">
            <label htmlFor={`${id}-visibility`}>{t('web.options.whoCanSee')}</label>
            <select id={`${id}-visibility`} value={String(settings.visibility ?? 'PUBLIC')} onChange={(e) => onChange({ ...settings, visibility: e.target.value })}>
              <option value="PUBLIC">{t('web.options.visibility.PUBLIC')}</option>
              <option value="CONNECTIONS">{t('web.options.visibility.CONNECTIONS')}</option>
            </select>
          </div>
        )}
        {hasDocument || settings.documentTitle ? field('documentTitle', t('web.options.documentTitle'), t('web.options.documentTitlePlaceholder'), { maxLength: 400 }) : null}
        {field('linkUrl', t('web.options.link'), t('web.options.linkPlaceholder'), { type: 'url' })}
        {settings.linkUrl ? field('linkTitle', t('web.options.linkTitle'), t('web.options.linkTitlePlaceholder'), { maxLength: 400 }) : null}
        {settings.linkUrl ? field('linkDescription', t('web.options.linkDescription'), t('web.options.linkDescriptionPlaceholder'), { maxLength: 4086, multiline: true }) : null}
      </div>
      <p className="muted small" data-testid="linkedin-mention-help">
        <Trans t={t} i18nKey="web.options.mentionHelp" components={{ code: <code /> }} />
      </p>
    </section>
  );
}
