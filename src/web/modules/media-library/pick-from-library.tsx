import { useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { Field } from '../../components/field.tsx';
import { Loading, EmptyState } from '../../components/status.tsx';
import type { MediaSlot } from '../posts/composer-model.ts';
import type { Uploads } from '../posts/composer-uploads.ts';
import { useWorkspace } from '../workspaces/workspace-route.tsx';
import { useLibrary, type LibraryItem } from './media-library.api.ts';
import { MediaTile, displayName } from './media-tile.tsx';
import { usePosterFrames } from './poster-frame.ts';
import './media-library.css';

/**
 * The composer's way into the library: a button and a dialog of the workspace's files; a picked file
 * joins the post as if just uploaded, with the library's alt text as a starting point. It also gives
 * videos uploaded in the composer their poster frame while the library is on.
 */
export function PickFromLibrary({ slots, onChange, uploads, label }: { slots: MediaSlot[]; onChange: (slots: MediaSlot[]) => void; uploads: Uploads; label: string }) {
  const workspaceId = useWorkspace().id;
  const [open, setOpen] = useState(false);
  usePosterFrames(workspaceId, uploads);
  const pick = (item: LibraryItem) => {
    uploads.adopt([item]);
    if (!slots.some((s) => s.key === item.id)) onChange([...slots, { key: item.id, altText: item.altText ?? '' }]);
    setOpen(false);
  };
  return (
    <>
      <button type="button" className="btn btn-sm btn-ghost ml-pick-button" onClick={() => setOpen(true)} data-testid="pick-from-library" aria-label={`Pick from library for ${label}`}>
        Pick from library
      </button>
      {open ? <PickerDialog workspaceId={workspaceId} onClose={() => setOpen(false)} onPick={pick} /> : null}
    </>
  );
}

function PickerDialog({ workspaceId, onClose, onPick }: { workspaceId: string; onClose: () => void; onPick: (item: LibraryItem) => void }) {
  const [q, setQ] = useState('');
  const library = useLibrary(workspaceId, { q: q.trim() || undefined });
  const items = library.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Dialog open title="Pick from the media library" onClose={onClose} wide testId="library-picker">
      <Field label="Search" type="search" placeholder="Name, file name or alt text" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
      {library.isPending ? (
        <Loading label="Loading the library…" />
      ) : items.length ? (
        <ul className="ml-grid ml-picker-grid" aria-label="Files">
          {items.map((item) => (
            <MediaTile key={item.id} item={item} onOpen={() => onPick(item)} openLabel={`Add ${displayName(item)}`} />
          ))}
        </ul>
      ) : (
        <EmptyState title={q ? 'Nothing matches' : 'The library is empty'}>{q ? 'Try other words.' : 'Upload files here in the composer or on the Media library page.'}</EmptyState>
      )}
      {library.hasNextPage ? (
        <div className="ml-more">
          <button type="button" className="btn" disabled={library.isFetchingNextPage} onClick={() => void library.fetchNextPage()}>
            Load more
          </button>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
