import { useId } from 'react';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead, postLanguages } from '../../../web/modules/posts/composer-network-card.tsx';

/** Bluesky: the post's language helps feeds and translation; optional. */
export function BlueskyOptions({ channel, settings, onChange, errorFor }: OptionsPanelProps) {
  const id = useId();
  const langs = Array.isArray(settings.langs) ? (settings.langs as string[]) : [];
  const error = errorFor('settings.langs');
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`}>
      <NetworkCardHead channel={channel} title="Bluesky" id={`${id}-title`} />
      <div className="cm-options-grid">
        <div className={error ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-lang`}>Language (optional)</label>
          <select
            id={`${id}-lang`}
            value={langs[0] ?? ''}
            onChange={(e) => {
              const { langs: _old, ...rest } = settings;
              onChange(e.target.value ? { ...rest, langs: [e.target.value] } : rest);
            }}
          >
            <option value="">Not set</option>
            {postLanguages.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          <FieldMessage message={error} id={`${id}-lang-error`} />
        </div>
      </div>
    </section>
  );
}
