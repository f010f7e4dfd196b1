import { useId } from 'react';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';

/** Mastodon: who sees the post, and an optional content warning that hides it behind "Show more". */
export function MastodonOptions({ channel, settings, onChange, errorFor }: OptionsPanelProps) {
  const id = useId();
  const cwError = errorFor('settings.spoilerText');
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`}>
      <NetworkCardHead channel={channel} title="Mastodon" id={`${id}-title`} />
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-vis`}>Visibility</label>
          <select id={`${id}-vis`} value={String(settings.visibility ?? 'public')} onChange={(e) => onChange({ ...settings, visibility: e.target.value })}>
            <option value="public">Public</option>
            <option value="unlisted">Quiet public (not in trends or public timelines)</option>
            <option value="private">Followers only</option>
            <option value="direct">Mentioned people only</option>
          </select>
        </div>
        <div className={cwError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-cw`}>Content warning</label>
          <input
            id={`${id}-cw`}
            placeholder="Optional: shown instead of the post until opened"
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
