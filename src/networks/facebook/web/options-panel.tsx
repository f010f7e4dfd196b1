import { useId } from 'react';
import { Avatar } from '../../../web/components/avatar.tsx';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';

/** Facebook: a feed post or a Reel; a link Facebook previews under the text; a video's title. */
export function FacebookOptions({ channel, settings, onChange, errorFor, files }: OptionsPanelProps) {
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
      <NetworkCardHead channel={channel} title="Facebook" id={`${id}-title`}>
        {/* A Page may have no username: it is known by its name. */}
        <span className="cm-creator">
          <Avatar name={channel.displayName ?? 'Page'} src={channel.avatar} size="sm" />
          <span className="muted">{channel.displayName ?? channel.username}</span>
        </span>
      </NetworkCardHead>
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-format`}>Post as</label>
          <select id={`${id}-format`} value={format} onChange={(e) => onChange({ ...settings, format: e.target.value })}>
            <option value="post">Feed post (text, link, photos or a video)</option>
            <option value="reel">Reel (one vertical video, 3–90 s)</option>
          </select>
        </div>
        {format === 'post' ? (
          <div className={linkError ? 'field has-error' : 'field'}>
            <label htmlFor={`${id}-link`}>Link</label>
            <input
              id={`${id}-link`}
              type="url"
              placeholder="Optional: Facebook shows a preview of this page under the text"
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
            <label htmlFor={`${id}-title-input`}>Video title</label>
            <input id={`${id}-title-input`} maxLength={255} placeholder="Optional" value={String(settings.videoTitle ?? '')} onChange={(e) => set('videoTitle', e.target.value)} />
          </div>
        ) : null}
      </div>
      {format === 'post' && settings.link && files.length ? <p className="muted small">A post with photos or a video shows them instead of the link preview; the link stays in the text only if you write it there.</p> : null}
    </section>
  );
}
