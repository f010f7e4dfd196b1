import { useId } from 'react';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { SHORTS_MAX_SECONDS, TAGS_MAX_TOTAL, TITLE_MAX, tagsLength } from '../descriptor.ts';

const privacyLabels: Record<string, string> = { public: 'Public', unlisted: 'Unlisted (anyone with the link)', private: 'Private (only you)' };
// YouTube's assignable categories in most regions (videoCategories.list).
const categories: [string, string][] = [
  ['1', 'Film & Animation'],
  ['2', 'Autos & Vehicles'],
  ['10', 'Music'],
  ['15', 'Pets & Animals'],
  ['17', 'Sports'],
  ['19', 'Travel & Events'],
  ['20', 'Gaming'],
  ['22', 'People & Blogs'],
  ['23', 'Comedy'],
  ['24', 'Entertainment'],
  ['25', 'News & Politics'],
  ['26', 'Howto & Style'],
  ['27', 'Education'],
  ['28', 'Science & Technology'],
  ['29', 'Nonprofits & Activism'],
];

/** YouTube: the video's title and details; "made for kids" has no preselected answer, as the law it serves requires. */
/** The composer's pre-flight read: the channel's playlists and the project's quota left today. */
export type YouTubePreflight = { playlists: { id: string; title: string; privacy: string | null }[]; quota: { unitsLeft: number; uploadsLeft: number; resetsAt: string } | null };

const asPreflight = (data: unknown): YouTubePreflight | null => (data && typeof data === 'object' && Array.isArray((data as YouTubePreflight).playlists) ? (data as YouTubePreflight) : null);

export function YouTubePanel({ channel, settings, onChange, errorFor, files, preflight }: OptionsPanelProps) {
  const id = useId();
  const set = (change: Record<string, unknown>) => onChange({ ...settings, ...change });
  const title = String(settings.title ?? '');
  const tags = Array.isArray(settings.tags) ? (settings.tags as string[]) : [];
  const kids = settings.madeForKids;
  const short = settings.short === true;
  const video = files.find((f) => f.kind === 'video') ?? null;
  const thumbnail = files.find((f) => f.kind === 'image') ?? null;
  const titleError = errorFor('settings.title');
  const kidsError = errorFor('settings.madeForKids');
  const tagsError = errorFor('settings.tags');
  const playlistError = errorFor('settings.playlistId');
  const read = asPreflight(preflight.data);
  const playlistId = settings.playlistId ? String(settings.playlistId) : '';
  const shortProblem =
    short && video && ((video.durationSeconds ?? 0) > SHORTS_MAX_SECONDS || (video.width ?? 0) > (video.height ?? 0)) ? 'This video is not a Short: it must be vertical or square and at most 3 minutes long.' : null;
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="youtube-panel">
      <NetworkCardHead channel={channel} title="YouTube" id={`${id}-title`} />
      <div className={titleError ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-video-title`}>
          Title <span className="muted small">{title.length}/{TITLE_MAX}</span>
        </label>
        <input id={`${id}-video-title`} maxLength={TITLE_MAX} value={title} aria-invalid={titleError ? true : undefined} onChange={(e) => set({ title: e.target.value })} placeholder="Required: what the video is called on YouTube" />
        <FieldMessage message={titleError} id={`${id}-title-error`} />
      </div>
      <fieldset className={kidsError ? 'cm-segment has-error' : 'cm-segment'} data-testid="youtube-made-for-kids">
        <legend className="label">Is this video made for kids? (required)</legend>
        <label>
          <input type="radio" name={`${id}-kids`} checked={kids === true} onChange={() => set({ madeForKids: true })} />
          <span>Yes, it’s made for kids</span>
        </label>
        <label>
          <input type="radio" name={`${id}-kids`} checked={kids === false} onChange={() => set({ madeForKids: false })} />
          <span>No, it’s not made for kids</span>
        </label>
        <FieldMessage message={kidsError} id={`${id}-kids-error`} />
        <p className="muted small">The law (COPPA) requires you to say whether your videos are made for kids; Herald does not choose for you.</p>
      </fieldset>
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-privacy`}>Visibility</label>
          <select id={`${id}-privacy`} value={String(settings.privacyStatus ?? 'public')} onChange={(e) => set({ privacyStatus: e.target.value })}>
            {Object.entries(privacyLabels).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>Category</label>
          <select id={`${id}-category`} value={String(settings.categoryId ?? '22')} onChange={(e) => set({ categoryId: e.target.value })}>
            {categories.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div className={tagsError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-tags`}>
            Tags <span className="muted small">{tagsLength(tags)}/{TAGS_MAX_TOTAL}</span>
          </label>
          <input
            id={`${id}-tags`}
            placeholder="Optional: separated by commas"
            defaultValue={tags.join(', ')}
            onBlur={(e) => set({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })}
          />
          <FieldMessage message={tagsError} id={`${id}-tags-error`} />
        </div>
        <div className={playlistError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-playlist`}>Playlist</label>
          <select id={`${id}-playlist`} value={playlistId} onChange={(e) => set({ playlistId: e.target.value || null })}>
            <option value="">{read ? 'None' : preflight.isPending && preflight.enabled ? 'Reading your playlists…' : 'None'}</option>
            {(read?.playlists ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {p.privacy && p.privacy !== 'public' ? ` (${p.privacy})` : ''}
              </option>
            ))}
            {playlistId && !read?.playlists.some((p) => p.id === playlistId) ? <option value={playlistId}>{playlistId}</option> : null}
          </select>
          <p className="muted small">Adding to a playlist needs the “manage your YouTube account” permission.</p>
          <FieldMessage message={playlistError} id={`${id}-playlist-error`} />
        </div>
      </div>
      <fieldset className="cm-switches is-stacked">
        <legend className="label">On YouTube</legend>
        <label className="cm-switch">
          <input type="checkbox" checked={settings.containsSyntheticMedia === true} onChange={(e) => set({ containsSyntheticMedia: e.target.checked })} />
          <span>
            Altered or synthetic content
            <span className="cm-switch-note">Turn on if the video shows realistic people, places or events that were made or changed with AI or other tools.</span>
          </span>
        </label>
        <label className="cm-switch">
          <input type="checkbox" checked={settings.notifySubscribers !== false} onChange={(e) => set({ notifySubscribers: e.target.checked })} />
          <span>Notify subscribers</span>
        </label>
        <label className="cm-switch">
          <input type="checkbox" checked={short} onChange={(e) => set({ short: e.target.checked })} />
          <span>
            Publish as a Short
            <span className="cm-switch-note">A Short is vertical (9:16) or square and at most {SHORTS_MAX_SECONDS / 60} minutes long.</span>
          </span>
        </label>
      </fieldset>
      {shortProblem ? <p className="field-error">{shortProblem}</p> : null}
      <p className="muted small">
        {thumbnail ? 'The image after the video becomes its custom thumbnail.' : 'Add an image after the video to use it as the custom thumbnail (JPEG or PNG, 2 MB at most).'} YouTube processes the video for a few minutes after the upload.
      </p>
      {read?.quota ? (
        <p className="muted small" data-testid="youtube-quota">
          This Herald’s Google project can still upload {read.quota.uploadsLeft.toLocaleString()} videos and spend {read.quota.unitsLeft.toLocaleString()} quota units today (uploads count on
          their own; a thumbnail or a playlist costs 50 units); the count starts again at midnight Pacific time ({new Date(read.quota.resetsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} your time). Past
          it, Herald holds uploads until then instead of failing them.
        </p>
      ) : null}
    </section>
  );
}
