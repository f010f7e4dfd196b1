import { useId } from 'react';
import { Avatar } from '../../components/avatar.tsx';
import type { Channel } from '../channels/channels.api.ts';

const languages: [string, string][] = [
  ['en', 'English'],
  ['de', 'German'],
  ['fr', 'French'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['pt', 'Portuguese'],
  ['nl', 'Dutch'],
  ['pl', 'Polish'],
  ['sv', 'Swedish'],
  ['ja', 'Japanese'],
  ['ko', 'Korean'],
  ['zh', 'Chinese'],
];

type Props = { channel: Channel; settings: Record<string, unknown>; onChange: (settings: Record<string, unknown>) => void; errorFor: (field: string) => string | undefined };

function Head({ channel, title, id }: { channel: Channel; title: string; id: string }) {
  return (
    <div className="cm-network-head">
      <span className={`cm-net-dot net-${channel.network}`} aria-hidden="true" />
      <h2 id={id}>{title}</h2>
      <span className="cm-creator">
        <Avatar name={channel.displayName ?? channel.network} src={channel.avatar} size="sm" />
        <span className="muted">@{channel.username}</span>
      </span>
    </div>
  );
}

function FieldMessage({ message, id }: { message: string | undefined; id: string }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/** Mastodon: who sees the post, and an optional content warning that hides it behind "Show more". */
export function MastodonOptions({ channel, settings, onChange, errorFor }: Props) {
  const id = useId();
  const cwError = errorFor('settings.spoilerText');
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`}>
      <Head channel={channel} title="Mastodon" id={`${id}-title`} />
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

/** Bluesky: the post's language helps feeds and translation; optional. */
export function BlueskyOptions({ channel, settings, onChange, errorFor }: Props) {
  const id = useId();
  const langs = Array.isArray(settings.langs) ? (settings.langs as string[]) : [];
  const error = errorFor('settings.langs');
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`}>
      <Head channel={channel} title="Bluesky" id={`${id}-title`} />
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
            {languages.map(([code, label]) => (
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
