import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatLocale } from '../../../web/components/format.ts';
import type { OptionsPanelProps } from '../../web-types.ts';
import { FieldMessage, NetworkCardHead } from '../../../web/modules/posts/composer-network-card.tsx';
import { SHORTS_MAX_SECONDS, TAGS_MAX_TOTAL, TITLE_MAX, tagsLength, youtube, youtubePrivacy } from '../descriptor.ts';

// YouTube's assignable categories in most regions (videoCategories.list), named by `web.panel.categories.<id>`.
const categories = ['1', '2', '10', '15', '17', '19', '20', '22', '23', '24', '25', '26', '27', '28', '29'];

/** YouTube: the video's title and details; "made for kids" has no preselected answer, as the law it serves requires. */
/** The composer's pre-flight read: the channel's playlists and the project's quota left today. */
export type YouTubePreflight = { playlists: { id: string; title: string; privacy: string | null }[]; quota: { unitsLeft: number; uploadsLeft: number; resetsAt: string } | null };

const asPreflight = (data: unknown): YouTubePreflight | null => (data && typeof data === 'object' && Array.isArray((data as YouTubePreflight).playlists) ? (data as YouTubePreflight) : null);

export function YouTubePanel({ channel, settings, onChange, errorFor, files, preflight }: OptionsPanelProps) {
  const { t } = useTranslation('network-youtube');
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
    short && video && ((video.durationSeconds ?? 0) > SHORTS_MAX_SECONDS || (video.width ?? 0) > (video.height ?? 0)) ? t('web.panel.notAShort') : null;
  return (
    <section className="card cm-network-card" aria-labelledby={`${id}-title`} data-testid="youtube-panel">
      <NetworkCardHead channel={channel} title={youtube.label} id={`${id}-title`} />
      <div className={titleError ? 'field has-error' : 'field'}>
        <label htmlFor={`${id}-video-title`}>
          {t('web.panel.title')} <span className="muted small">{title.length}/{TITLE_MAX}</span>
        </label>
        <input id={`${id}-video-title`} maxLength={TITLE_MAX} value={title} aria-invalid={titleError ? true : undefined} onChange={(e) => set({ title: e.target.value })} placeholder={t('web.panel.titlePlaceholder')} />
        <FieldMessage message={titleError} id={`${id}-title-error`} />
      </div>
      <fieldset className={kidsError ? 'cm-segment has-error' : 'cm-segment'} data-testid="youtube-made-for-kids">
        <legend className="label">{t('web.panel.madeForKids')}</legend>
        <label>
          <input type="radio" name={`${id}-kids`} checked={kids === true} onChange={() => set({ madeForKids: true })} />
          <span>{t('web.panel.forKids')}</span>
        </label>
        <label>
          <input type="radio" name={`${id}-kids`} checked={kids === false} onChange={() => set({ madeForKids: false })} />
          <span>{t('web.panel.notForKids')}</span>
        </label>
        <FieldMessage message={kidsError} id={`${id}-kids-error`} />
        <p className="muted small">{t('web.panel.coppa')}</p>
      </fieldset>
      <div className="cm-options-grid">
        <div className="field">
          <label htmlFor={`${id}-privacy`}>{t('web.panel.visibility')}</label>
          <select id={`${id}-privacy`} value={String(settings.privacyStatus ?? 'public')} onChange={(e) => set({ privacyStatus: e.target.value })}>
            {youtubePrivacy.map((value) => (
              <option key={value} value={value}>
                {t(`web.panel.privacy.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('web.panel.category')}</label>
          <select id={`${id}-category`} value={String(settings.categoryId ?? '22')} onChange={(e) => set({ categoryId: e.target.value })}>
            {categories.map((value) => (
              <option key={value} value={value}>
                {t(`web.panel.categories.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={tagsError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-tags`}>
            {t('web.panel.tags')} <span className="muted small">{tagsLength(tags)}/{TAGS_MAX_TOTAL}</span>
          </label>
          <input
            id={`${id}-tags`}
            placeholder={t('web.panel.tagsPlaceholder')}
            defaultValue={tags.join(', ')}
            onBlur={(e) => set({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })}
          />
          <FieldMessage message={tagsError} id={`${id}-tags-error`} />
        </div>
        <div className={playlistError ? 'field has-error' : 'field'}>
          <label htmlFor={`${id}-playlist`}>{t('web.panel.playlist')}</label>
          <select id={`${id}-playlist`} value={playlistId} onChange={(e) => set({ playlistId: e.target.value || null })}>
            <option value="">{!read && preflight.isPending && preflight.enabled ? t('web.panel.readingPlaylists') : t('web.panel.none')}</option>
            {(read?.playlists ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {p.privacy === 'unlisted' || p.privacy === 'private' ? t(`web.panel.playlistPrivacy.${p.privacy}`) : p.privacy && p.privacy !== 'public' ? ` (${p.privacy})` : ''}
              </option>
            ))}
            {playlistId && !read?.playlists.some((p) => p.id === playlistId) ? <option value={playlistId}>{playlistId}</option> : null}
          </select>
          <p className="muted small">{t('web.panel.playlistNote')}</p>
          <FieldMessage message={playlistError} id={`${id}-playlist-error`} />
        </div>
      </div>
      <fieldset className="cm-switches is-stacked">
        <legend className="label">{t('web.panel.onYouTube')}</legend>
        <label className="cm-switch">
          <input type="checkbox" checked={settings.containsSyntheticMedia === true} onChange={(e) => set({ containsSyntheticMedia: e.target.checked })} />
          <span>
            {t('web.panel.synthetic')}
            <span className="cm-switch-note">{t('web.panel.syntheticNote')}</span>
          </span>
        </label>
        <label className="cm-switch">
          <input type="checkbox" checked={settings.notifySubscribers !== false} onChange={(e) => set({ notifySubscribers: e.target.checked })} />
          <span>{t('web.panel.notify')}</span>
        </label>
        <label className="cm-switch">
          <input type="checkbox" checked={short} onChange={(e) => set({ short: e.target.checked })} />
          <span>
            {t('web.panel.short')}
            <span className="cm-switch-note">{t('web.panel.shortNote', { minutes: SHORTS_MAX_SECONDS / 60 })}</span>
          </span>
        </label>
      </fieldset>
      {shortProblem ? <p className="field-error">{shortProblem}</p> : null}
      <p className="muted small">
        {thumbnail ? t('web.panel.thumbnail') : t('web.panel.addThumbnail')} {t('web.panel.processing')}
      </p>
      {read?.quota ? (
        <p className="muted small" data-testid="youtube-quota">
          {t('web.panel.quota', {
            uploads: formatCount(read.quota.uploadsLeft),
            units: formatCount(read.quota.unitsLeft),
            time: new Date(read.quota.resetsAt).toLocaleTimeString(formatLocale(), { hour: '2-digit', minute: '2-digit' }),
          })}
        </p>
      ) : null}
    </section>
  );
}
