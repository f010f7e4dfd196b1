import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../../components/dialog.tsx';
import { Field, SelectField } from '../../components/field.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, formatFileSize } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useUploads } from '../posts/composer-uploads.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { ImageEditorDialog } from './image-editor.dialog.tsx';
import { MediaTile } from './media-tile.tsx';
import {
  libraryKey,
  useBulkDelete,
  useLibrary,
  useLibrarySetting,
  useLibraryTags,
  useMediaUsage,
  useUpdateMedia,
  type BulkDeleteAnswer,
  type LibraryFilter,
  type LibraryItem,
} from './media-library.api.ts';
import { usePosterFrames } from './poster-frame.ts';
import './media-library.css';

const MB = 1024 * 1024;
const sizeChoices = {
  any: {},
  small: { maxSize: MB - 1 },
  medium: { minSize: MB, maxSize: 20 * MB - 1 },
  large: { minSize: 20 * MB },
} as const;
type SizeChoice = keyof typeof sizeChoices;
const accept = 'image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime,video/webm,application/pdf';

/** What a bulk delete did, in one sentence. */
function bulkSummary(answer: BulkDeleteAnswer): string {
  const parts = [`${answer.deleted.length} deleted`];
  if (answer.inUse.length) parts.push(`${answer.inUse.length} kept because a scheduled post still needs ${answer.inUse.length === 1 ? 'it' : 'them'}`);
  if (answer.notFound.length) parts.push(`${answer.notFound.length} already gone`);
  return `${parts.join(', ')}.`;
}

/** The workspace's media: find, describe, tag, edit, and delete files; see which posts use them. */
export function MediaLibraryPage() {
  const workspace = useWorkspace();
  const toast = useToast();
  const queryClient = useQueryClient();
  const canEdit = hasPermission(workspace, 'posts.edit');
  const setting = useLibrarySetting(workspace.id);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<'' | 'image' | 'video' | 'document'>('');
  const [size, setSize] = useState<SizeChoice>('any');
  const [tag, setTag] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<LibraryItem | null>(null);
  const [editing, setEditing] = useState<LibraryItem | null>(null);
  const [confirming, setConfirming] = useState(false);
  const uploadId = useId();

  // The search waits for a pause in typing.
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(q.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [q]);
  const filter: LibraryFilter = useMemo(() => ({ q: search || undefined, kind: kind || undefined, tag: tag || undefined, ...sizeChoices[size] }), [search, kind, tag, size]);
  const library = useLibrary(workspace.id, filter);
  const tags = useLibraryTags(workspace.id).data?.items ?? [];
  const bulkDelete = useBulkDelete(workspace.id);
  const items = library.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(search || kind || tag || size !== 'any');

  const uploads = useUploads(workspace.id);
  usePosterFrames(workspace.id, uploads);
  const inFlight = Object.values(uploads.uploads).filter((u) => u.state !== 'ready');
  const readyCount = Object.values(uploads.uploads).filter((u) => u.state === 'ready').length;
  useEffect(() => {
    if (readyCount) void queryClient.invalidateQueries({ queryKey: libraryKey(workspace.id) });
  }, [readyCount, queryClient, workspace.id]);

  const toggle = (id: string) =>
    setSelected((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const deleteSelected = () =>
    bulkDelete.mutate([...selected], {
      onSuccess: (answer) => {
        toast(bulkSummary(answer));
        setSelected(new Set(answer.inUse.map((i) => i.id)));
        setConfirming(false);
      },
    });

  return (
    <div className="page">
      <PageHeader
        title="Media library"
        description="Every image, video and PDF uploaded to this workspace that Herald still keeps. Search by name or alt text, tag files to find them again, and crop a picture to a network’s shape before posting."
        actions={
          canEdit ? (
            <label htmlFor={uploadId} className="btn btn-primary" data-testid="library-upload">
              Upload files
              <input
                id={uploadId}
                className="cm-file-input"
                type="file"
                multiple
                accept={accept}
                onChange={(e) => {
                  uploads.add([...(e.target.files ?? [])]);
                  e.target.value = '';
                }}
              />
            </label>
          ) : null
        }
      />
      {setting.data && !setting.data.enabled ? (
        <Notice tone="warn" title="The library is off">
          Files are deleted once every post using them is published, so they appear here only until then.{' '}
          {hasPermission(workspace, 'settings.manage') ? <Link to={`/w/${workspace.id}/settings#media-library`}>Turn on the media library</Link> : 'An owner or admin can turn on the media library in the workspace settings'} to keep them.
        </Notice>
      ) : null}

      {inFlight.length ? (
        <ul className="ml-uploads card" aria-label="Uploads">
          {inFlight.map((u) => (
            <li key={u.key}>
              <span className="ml-upload-name">{u.fileName}</span>
              {u.state === 'failed' ? <span className="field-error">{u.error}</span> : <progress max={1} value={u.progress} aria-label={`Uploading ${u.fileName}`} />}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="ml-filters" role="search">
        <Field label="Search" type="search" placeholder="Name, file name or alt text" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} data-testid="library-search" />
        <SelectField label="Type" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-testid="library-kind">
          <option value="">All types</option>
          <option value="image">Images</option>
          <option value="video">Videos</option>
          <option value="document">PDFs</option>
        </SelectField>
        <SelectField label="Size" value={size} onChange={(e) => setSize(e.target.value as SizeChoice)} data-testid="library-size">
          <option value="any">Any size</option>
          <option value="small">Under 1 MB</option>
          <option value="medium">1–20 MB</option>
          <option value="large">20 MB or more</option>
        </SelectField>
        <SelectField label="Tag" value={tag} onChange={(e) => setTag(e.target.value)} data-testid="library-tag">
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </SelectField>
      </div>

      {selected.size ? (
        <div className="ml-bulk" role="region" aria-label="Selected files" data-testid="library-bulk">
          <strong>{selected.size} selected</strong>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setSelected(new Set())}>
            Clear
          </button>
          {canEdit ? (
            <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setConfirming(true)} data-testid="library-bulk-delete">
              Delete…
            </button>
          ) : null}
        </div>
      ) : null}

      <FormError message={formErrors(library.error ?? bulkDelete.error, []).general} />
      {library.isPending ? (
        <Loading label="Loading the library…" />
      ) : items.length === 0 ? (
        <section className="card">
          <EmptyState title={filtered ? 'Nothing matches' : 'No files yet'}>
            {filtered ? 'Try other words or fewer filters.' : 'Files uploaded here or in the composer appear in the library.'}
          </EmptyState>
        </section>
      ) : (
        <>
          <ul className="ml-grid" aria-label="Files" data-testid="library-grid">
            {items.map((item) => (
              <MediaTile key={item.id} item={item} selected={selected.has(item.id)} onToggle={() => toggle(item.id)} onOpen={() => setOpen(item)} />
            ))}
          </ul>
          {library.hasNextPage ? (
            <div className="ml-more">
              <button type="button" className="btn" disabled={library.isFetchingNextPage} onClick={() => void library.fetchNextPage()}>
                {library.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            </div>
          ) : null}
        </>
      )}

      {open ? (
        <MediaDetailsDialog
          key={open.id}
          item={open}
          canEdit={canEdit}
          onClose={() => setOpen(null)}
          onEdit={() => {
            setEditing(open);
            setOpen(null);
          }}
        />
      ) : null}
      {editing ? (
        <ImageEditorDialog
          workspaceId={workspace.id}
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={(made) => {
            setEditing(null);
            toast(`Saved a new image, ${made.width} × ${made.height} px.`);
            setOpen(made);
          }}
        />
      ) : null}
      <Dialog open={confirming} title={`Delete ${selected.size} ${selected.size === 1 ? 'file' : 'files'}?`} onClose={() => setConfirming(false)} testId="library-confirm-delete">
        <p>The files are deleted for good. Posts already published keep what the networks received; a file that a scheduled post still needs is kept.</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={bulkDelete.isPending} onClick={deleteSelected} data-testid="library-confirm-delete-button">
            {bulkDelete.isPending ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

const postStateLabel: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  partially_failed: 'Partly failed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One file: a larger preview, its name, alt text and tags, the posts that use it. */
function MediaDetailsDialog({ item, canEdit, onClose, onEdit }: { item: LibraryItem; canEdit: boolean; onClose: () => void; onEdit: () => void }) {
  const workspace = useWorkspace();
  const toast = useToast();
  const update = useUpdateMedia(workspace.id);
  const usage = useMediaUsage(workspace.id, item.id);
  const [name, setName] = useState(item.name ?? '');
  const [altText, setAltText] = useState(item.altText ?? '');
  const [tagText, setTagText] = useState(item.tags.join(', '));
  const errors = formErrors(update.error, ['name', 'altText', 'tags']);
  const save = () =>
    update.mutate(
      { id: item.id, name: name.trim() || null, altText: altText.trim() || null, tags: tagText.split(',').map((t) => t.trim()).filter(Boolean) },
      { onSuccess: () => toast('Saved.') },
    );

  return (
    <Dialog open title={item.name ?? item.fileName ?? 'File'} onClose={onClose} wide testId="media-details">
      <div className="ml-details">
        <div className="ml-details-preview">
          {item.kind === 'image' ? (
            <img src={item.url} alt={item.altText ?? ''} />
          ) : item.kind === 'video' ? (
            <video src={item.url} controls preload="metadata" poster={item.thumbnailUrl ?? undefined} />
          ) : (
            <a href={item.url} target="_blank" rel="noreferrer" className="ml-doc">
              PDF{item.pageCount ? ` · ${item.pageCount} pages` : ''}
            </a>
          )}
          <p className="small muted" data-testid="media-details-facts">
            {[item.width && item.height ? `${item.width} × ${item.height} px` : null, item.durationSeconds !== null ? `${Math.round(item.durationSeconds)} s` : null, formatFileSize(item.size), item.mimeType]
              .filter(Boolean)
              .join(' · ')}
            <br />
            Uploaded {formatDateTime(item.createdAt)}
            {item.fileName ? ` as ${item.fileName}` : ''}
          </p>
        </div>
        <div className="ml-details-form">
          <Field label="Name" value={name} maxLength={200} placeholder={item.fileName ?? ''} disabled={!canEdit} error={errors.field('name')} onChange={(e) => setName(e.target.value)} />
          <Field
            label="Alt text"
            value={altText}
            maxLength={1500}
            placeholder="Describe it for people using screen readers"
            hint="Offered when the file is added to a post; each post can change it."
            disabled={!canEdit}
            error={errors.field('altText')}
            onChange={(e) => setAltText(e.target.value)}
          />
          <Field label="Tags" value={tagText} placeholder="summer, product, team" hint="Separated by commas." disabled={!canEdit} error={errors.field('tags')} onChange={(e) => setTagText(e.target.value)} />
          <FormError message={errors.general} />
          <h3 className="ml-usage-title">Used in</h3>
          {usage.isPending ? (
            <Loading label="Looking for posts…" />
          ) : usage.data?.items.length ? (
            <ul className="ml-usage" data-testid="media-usage">
              {usage.data.items.map((u) => (
                <li key={u.postId}>
                  <Link to={`/w/${workspace.id}/posts/${u.postId}`}>{u.text || 'A post without text'}</Link>
                  <span className="tag">{postStateLabel[u.state] ?? u.state}</span>
                  {u.publishAt ? <span className="small muted"> {formatDateTime(u.publishAt)}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="small muted">No post uses this file.</p>
          )}
        </div>
      </div>
      <div className="dialog-actions">
        {canEdit && item.kind === 'image' ? (
          <button type="button" className="btn" onClick={onEdit} data-testid="media-edit-image">
            Crop, rotate or resize…
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
        {canEdit ? (
          <button type="button" className="btn btn-primary" disabled={update.isPending} onClick={save} data-testid="media-details-save">
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
