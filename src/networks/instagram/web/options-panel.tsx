// Instagram: what kind of post this is (feed post or carousel, Reel, story) and the Reel's options.
import { useId } from 'react';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import type { OptionsPanelProps } from '../../web-types.ts';

const formats = [
  { value: 'feed', label: 'Post', hint: 'One photo or video, or a carousel of 2 to 10' },
  { value: 'reel', label: 'Reel', hint: 'One vertical video (9:16), 3 seconds to 15 minutes' },
  { value: 'story', label: 'Story', hint: 'One photo or video (up to 60 s), shown for 24 hours' },
] as const;

export function InstagramOptions({ channel, settings, onChange, errorFor }: OptionsPanelProps) {
  const id = useId();
  const format = String(settings.format ?? 'feed');
  const set = (change: Record<string, unknown>) => onChange({ ...settings, ...change });
  const coverError = errorFor('settings.coverUrl');
  const offsetSeconds = typeof settings.thumbOffsetMs === 'number' ? settings.thumbOffsetMs / 1000 : '';
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="instagram-panel">
      <NetworkCardHead channel={channel} title="Instagram" id={`${id}-title`} />
      <div className="cm-options-grid">
        <fieldset className="cm-segment">
          <legend className="label">Post as</legend>
          {formats.map((f) => (
            <label key={f.value} title={f.hint}>
              <input type="radio" name={`${id}-format`} value={f.value} checked={format === f.value} onChange={() => set({ format: f.value })} />
              <span>{f.label}</span>
            </label>
          ))}
        </fieldset>
        <p className="cm-switch-note">{formats.find((f) => f.value === format)?.hint}</p>
        <FieldMessage message={errorFor('settings.format')} id={`${id}-format-error`} />
        {format === 'reel' ? (
          <>
            <label className="cm-switch">
              <input type="checkbox" checked={settings.shareToFeed !== false} onChange={(e) => set({ shareToFeed: e.target.checked })} />
              <span>Also show it in the profile grid</span>
            </label>
            <div className="field">
              <label htmlFor={`${id}-offset`}>Cover frame (seconds from the start)</label>
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
              <label htmlFor={`${id}-cover`}>Or a cover image address</label>
              <input
                id={`${id}-cover`}
                type="url"
                placeholder="https://… (optional; replaces the cover frame)"
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
