import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../web/components/avatar.tsx';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { facebook } from '../descriptor.ts';

/** Facebook: a feed post or a Reel; a link Facebook previews under the text; a video's title. */
export function FacebookOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
  const { t } = useTranslation('network-facebook');
  const id = useId();
  const format = settings.format === 'reel' ? 'reel' : 'post';
  const hasVideo = files.some((m) => m.kind === 'video');
  const linkError = errorFor('settings.link');
  const set = (key: string, value: string) => {
    const { [key]: _old, ...rest } = settings;
    onChange(value ? { ...rest, [key]: value } : rest);
  };
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="facebook-panel">
      <NetworkCardHead channel={channel} title={facebook.label} id={`${id}-title`}>
        {/* A Page may have no username: it is known by its name. */}
        <span className="cm-creator">
          <Avatar name={channel.displayName ?? t('web.options.page')} src={channel.avatar} size="sm" />
          <span className="muted">{channel.displayName ?? channel.username}</span>
        </span>
      </NetworkCardHead>
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('web.options.postAs')}</label>
          <select id={`${id}-format`} value={format} onChange={(e) => onChange({ ...settings, format: e.target.value })}>
            <option value="post">{t('web.options.formats.post')}</option>
            <option value="reel">{t('web.options.formats.reel')}</option>
          </select>
        </div>
        {format === 'post' ? (
          <div className={linkError ? 'field has-error' : 'field'}>
            <label htmlFor={`${id}-link`}>{t('web.options.link')}</label>
            <input
              id={`${id}-link`}
              type="url"
              placeholder={t('web.options.linkPlaceholder')}
              value={String(settings.link ?? '')}
              aria-invalid={linkError ? true : undefined}
              aria-describedby={linkError ? `${id}-link-error` : undefined}
              onChange={(e) => set('link', e.target.value.trim())}
            />
            <FieldMessage message={linkError} id={`${id}-link-error`} />
          </div>
        ) : null}
        {hasVideo ? (
          <div className="field">
            <label htmlFor={`${id}-title-input`}>{t('web.options.videoTitle')}</label>
            <input id={`${id}-title-input`} maxLength={255} placeholder={t('web.options.optional')} value={String(settings.videoTitle ?? '')} onChange={(e) => set('videoTitle', e.target.value)} />
          </div>
        ) : null}
      </div>
      {format === 'post' && settings.link && files.length ? <p className="muted small">{t('web.options.mediaHidesLink')}</p> : null}
    </section>
  );
}
