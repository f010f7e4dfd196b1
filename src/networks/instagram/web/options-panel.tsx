// Instagram: what kind of post this is (feed post or carousel, Reel, story) and the Reel's options.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import type { OptionsPanelProps } from '../../web-types.ts';
import { instagram, instagramFormats } from '../descriptor.ts';

export function InstagramOptions({ channel, settings, onChange, errorFor }: OptionsPanelProps) {
  const { t } = useTranslation('network-instagram');
  const id = useId();
  const format = String(settings.format ?? 'feed');
  const hint = (value: string) => t(`web.options.formats.${value}.hint`);
  const set = (change: Record<string, unknown>) => onChange({ ...settings, ...change });
  const coverError = errorFor('settings.coverUrl');
  const offsetSeconds = typeof settings.thumbOffsetMs === 'number' ? settings.thumbOffsetMs / 1000 : '';
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="instagram-panel">
      <NetworkCardHead channel={channel} title={instagram.label} id={`${id}-title`} />
      <div className="cm-options-grid">
        <fieldset className="cm-segment">
          <legend className="label">{t('web.options.postAs')}</legend>
          {instagramFormats.map((value) => (
            <label key={value} title={hint(value)}>
              <input type="radio" name={`${id}-format`} value={value} checked={format === value} onChange={() => set({ format: value })} />
              <span>{t(`web.options.formats.${value}.label`)}</span>
            </label>
          ))}
        </fieldset>
        <p className="cm-switch-note">{(instagramFormats as readonly string[]).includes(format) ? hint(format) : null}</p>
        <FieldMessage message={errorFor('settings.format')} id={`${id}-format-error`} />
        {format === 'reel' ? (
          <>
            <label className="cm-switch">
              <input type="checkbox" checked={settings.shareToFeed !== false} onChange={(e) => set({ shareToFeed: e.target.checked })} />
              <span>{t('web.options.shareToFeed')}</span>
            </label>
            <div className="field">
              <label htmlFor={`${id}-offset`}>{t('web.options.coverFrame')}</label>
              <input
                id={`${id}-offset`}
                type="number"
                min={0}
                step={0.1}
                value={offsetSeconds}
                onChange={(e) => {
                  const { thumbOffsetMs: _old, ...rest } = settings;
                  onChange(e.target.value === '' ? rest : { ...rest, thumbOffsetMs: Math.round(Number(e.target.value) * 1000) });
                }}
              />
            </div>
            <div className={coverError ? 'field has-error' : 'field'}>
              <label htmlFor={`${id}-cover`}>{t('web.options.coverUrl')}</label>
              <input
                id={`${id}-cover`}
                type="url"
                placeholder={t('web.options.coverUrlPlaceholder')}
                value={String(settings.coverUrl ?? '')}
                aria-invalid={coverError ? true : undefined}
                aria-describedby={coverError ? `${id}-cover-error` : undefined}
                onChange={(e) => {
                  const { coverUrl: _old, ...rest } = settings;
                  onChange(e.target.value ? { ...rest, coverUrl: e.target.value } : rest);
                }}
              />
              <FieldMessage message={coverError} id={`${id}-cover-error`} />
            </div>
          </>
        ) : null}
      </div>
    </section>
  );
}
