import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { threads, threadsReplyControls } from '../descriptor.ts';

/** Sets or clears one optional text setting (an empty field is no setting at all). */
function withText(settings: Record<string, unknown>, key: string, value: string) {
  const { [key]: _old, ...rest } = settings;
  return value ? { ...rest, [key]: value } : rest;
}

/** Threads: who can reply, the post's topic, and a link preview card for a post without media. */
export function ThreadsOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const { t } = useTranslation('network-threads');
  const id = useId();
  const topicError = errorFor('settings.topicTag');
  const linkError = errorFor('settings.linkAttachment');
  const hasMedia = files.length > 0;
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="threads-panel">
      <NetworkCardHead channel={channel} title={threads.label} id={`${id}-title`} />
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-reply`}>{t('web.options.whoCanReply')}</label>
          <select id={`${id}-reply`} value={String(settings.replyControl ?? 'everyone')} onChange={(e) => onChange({ ...settings, replyControl: e.target.value })}>
            {threadsReplyControls.map((value) => (
              <option key={value} value={value}>
                {t(`web.options.replyControls.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={topicError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-topic`}>{t('web.options.topic')}</label>
          <input
            id={`${id}-topic`}
            placeholder={t('web.options.topicPlaceholder')}
            maxLength={50}
            value={String(settings.topicTag ?? '')}
            aria-invalid={topicError ? true : undefined}
            aria-describedby={topicError ? `${id}-topic-error` : undefined}
            onChange={(e) => onChange(withText(settings, 'topicTag', e.target.value))}
          />
          <FieldMessage message={topicError} id={`${id}-topic-error`} />
        </div>
        <div className={linkError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-link`}>{t('web.options.linkPreview')}</label>
          <input
            id={`${id}-link`}
            type="url"
            placeholder={hasMedia ? t('web.options.linkOnlyWithoutMedia') : t('web.options.linkPlaceholder')}
            disabled={hasMedia && !settings.linkAttachment}
            value={String(settings.linkAttachment ?? '')}
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? `${id}-link-error` : undefined}
            onChange={(e) => onChange(withText(settings, 'linkAttachment', e.target.value.trim()))}
          />
          <FieldMessage message={linkError} id={`${id}-link-error`} />
        </div>
      </div>
    </section>
  );
}
