import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../components/format.ts';
import type { LibraryItem } from './media-library.api.ts';

export const displayName = (item: LibraryItem, t: TFunction<'media-library'>) => item.name ?? item.fileName ?? t('tile.untitled');

/** The preview: Herald's WebP when there is one, else the image itself, else the type. */
export function MediaPreview({ item }: { item: LibraryItem }) {
  const { t } = useTranslation('media-library');
  const src = item.thumbnailUrl ?? (item.kind === 'image' ? item.url : null);
  if (src) return <img className="ml-thumb-img" src={src} alt={item.altText ?? ''} loading="lazy" />;
  return (
    <span className="ml-thumb-kind" aria-hidden="true">
      {item.kind === 'video' ? `▶ ${t('tile.video')}` : 'PDF'}
    </span>
  );
}

/** One tile of the library grid; `onToggle` (multi-select) is left out where picking is all there is. */
export function MediaTile({ item, selected, onToggle, onOpen, openLabel }: { item: LibraryItem; selected?: boolean; onToggle?: () => void; onOpen: () => void; openLabel?: string }) {
  const { t } = useTranslation('media-library');
  const name = displayName(item, t);
  return (
    <li className={selected ? 'ml-tile is-selected' : 'ml-tile'} data-testid="library-item" data-media-id={item.id}>
      <button type="button" className="ml-thumb" onClick={onOpen} aria-label={openLabel ?? t('tile.open', { name })}>
        <MediaPreview item={item} />
        {item.kind === 'video' && item.durationSeconds !== null ? <span className="ml-badge">{t('details.seconds', { count: Math.round(item.durationSeconds) })}</span> : null}
      </button>
      {onToggle ? <input type="checkbox" className="ml-check" checked={!!selected} onChange={onToggle} aria-label={t('tile.select', { name })} /> : null}
      <div className="ml-tile-body">
        <div className="ml-name" title={name}>
          {name}
        </div>
        <div className="ml-meta">
          {[item.width && item.height ? `${item.width}×${item.height}` : null, formatFileSize(item.size)].filter(Boolean).join(' · ')}
          {' · '}
          <span className={item.usedBy ? 'ml-used' : undefined}>{item.usedBy ? t('tile.usedBy', { count: item.usedBy }) : t('tile.unused')}</span>
        </div>
        {item.tags.length ? (
          <div className="ml-tags">
            {item.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </li>
  );
}
