import { formatFileSize } from '../../components/format.ts';
import type { LibraryItem } from './media-library.api.ts';

export const displayName = (item: LibraryItem) => item.name ?? item.fileName ?? 'Untitled file';

/** The preview: Herald's WebP when there is one, else the image itself, else the type. */
export function MediaPreview({ item }: { item: LibraryItem }) {
  const src = item.thumbnailUrl ?? (item.kind === 'image' ? item.url : null);
  if (src) return <img className="ml-thumb-img" src={src} alt={item.altText ?? ''} loading="lazy" />;
  return (
    <span className="ml-thumb-kind" aria-hidden="true">
      {item.kind === 'video' ? '▶ Video' : 'PDF'}
    </span>
  );
}

/** One tile of the library grid; `onToggle` (multi-select) is left out where picking is all there is. */
export function MediaTile({ item, selected, onToggle, onOpen, openLabel }: { item: LibraryItem; selected?: boolean; onToggle?: () => void; onOpen: () => void; openLabel?: string }) {
  const name = displayName(item);
  return (
    <li className={selected ? 'ml-tile is-selected' : 'ml-tile'} data-testid="library-item" data-media-id={item.id}>
      <button type="button" className="ml-thumb" onClick={onOpen} aria-label={openLabel ?? `Open ${name}`}>
        <MediaPreview item={item} />
        {item.kind === 'video' && item.durationSeconds !== null ? <span className="ml-badge">{Math.round(item.durationSeconds)} s</span> : null}
      </button>
      {onToggle ? <input type="checkbox" className="ml-check" checked={!!selected} onChange={onToggle} aria-label={`Select ${name}`} /> : null}
      <div className="ml-tile-body">
        <div className="ml-name" title={name}>
          {name}
        </div>
        <div className="ml-meta">
          {[item.width && item.height ? `${item.width}×${item.height}` : null, formatFileSize(item.size)].filter(Boolean).join(' · ')}
          {' · '}
          <span className={item.usedBy ? 'ml-used' : undefined}>{item.usedBy ? `in ${item.usedBy} ${item.usedBy === 1 ? 'post' : 'posts'}` : 'unused'}</span>
        </div>
        {item.tags.length ? (
          <div className="ml-tags">
            {item.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </li>
  );
}
