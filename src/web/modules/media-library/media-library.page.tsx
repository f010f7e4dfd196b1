import { useEffect, useId, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TFunction } from 'i18next';
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
function bulkSummary(answer: BulkDeleteAnswer, t: TFunction<'media-library'>): string {
  const parts = [t('bulk.summary.deleted', { count: answer.deleted.length })];
  if (answer.inUse.length) parts.push(t('bulk.summary.inUse', { count: answer.inUse.length }));
  if (answer.notFound.length) parts.push(t('bulk.summary.notFound', { count: answer.notFound.length }));
  return t('bulk.summary.sentence', { parts: parts.join(t('bulk.summary.separator')) });
}

/** The workspace's media: find, describe, tag, edit, and delete files; see which posts use them. */
export function MediaLibraryPage() {
  const { t } = useTranslation('media-library');
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
        toast(bulkSummary(answer, t));
        setSelected(new Set(answer.inUse.map((i) => i.id)));
        setConfirming(false);
      },
    });

  return (
    <div className="page">
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          canEdit ? (
            <label htmlFor={uploadId} className="btn btn-primary" data-testid="library-upload">
              {t('page.upload')}
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
        <Notice tone="warn" title={t('off.title')}>
          {hasPermission(workspace, 'settings.manage') ? (
            <Trans t={t} i18nKey="off.bodyManager" components={{ settings: <Link to={`/w/${workspace.id}/settings#media-library`} /> }} />
          ) : (
            t('off.body')
          )}
        </Notice>
      ) : null}

      {inFlight.length ? (
        <ul className="ml-uploads card" aria-label={t('uploads.label')}>
          {inFlight.map((u) => (
            <li key={u.key}>
              <span className="ml-upload-name">{u.fileName}</span>
              {u.state === 'failed' ? <span className="field-error">{u.error}</span> : <progress max={1} value={u.progress} aria-label={t('uploads.progress', { name: u.fileName })} />}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="ml-filters" role="search">
        <Field label={t('filters.search')} type="search" placeholder={t('filters.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} data-testid="library-search" />
        <SelectField label={t('filters.type')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} data-testid="library-kind">
          <option value="">{t('filters.types.all')}</option>
          <option value="image">{t('filters.types.image')}</option>
          <option value="video">{t('filters.types.video')}</option>
          <option value="document">{t('filters.types.document')}</option>
        </SelectField>
        <SelectField label={t('filters.size')} value={size} onChange={(e) => setSize(e.target.value as SizeChoice)} data-testid="library-size">
          <option value="any">{t('filters.sizes.any')}</option>
          <option value="small">{t('filters.sizes.small')}</option>
          <option value="medium">{t('filters.sizes.medium')}</option>
          <option value="large">{t('filters.sizes.large')}</option>
        </SelectField>
        <SelectField label={t('filters.tag')} value={tag} onChange={(e) => setTag(e.target.value)} data-testid="library-tag">
          <option value="">{t('filters.allTags')}</option>
          {tags.map((entry) => (
            <option key={entry.tag} value={entry.tag}>
              {t('filters.tagOption', { tag: entry.tag, count: entry.count })}
            </option>
          ))}
        </SelectField>
      </div>

      {selected.size ? (
        <div className="ml-bulk" role="region" aria-label={t('bulk.label')} data-testid="library-bulk">
          <strong>{t('bulk.selected', { count: selected.size })}</strong>
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setSelected(new Set())}>
            {t('bulk.clear')}
          </button>
          {canEdit ? (
            <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setConfirming(true)} data-testid="library-bulk-delete">
              {t('bulk.delete')}
            </button>
          ) : null}
        </div>
      ) : null}

      <FormError message={formErrors(library.error ?? bulkDelete.error, []).general} />
      {library.isPending ? (
        <Loading label={t('page.loading')} />
      ) : items.length === 0 ? (
        <section className="card">
          <EmptyState title={filtered ? t('empty.filteredTitle') : t('empty.title')}>
            {filtered ? t('empty.filteredBody') : t('empty.body')}
          </EmptyState>
        </section>
      ) : (
        <>
          <ul className="ml-grid" aria-label={t('page.files')} data-testid="library-grid">
            {items.map((item) => (
              <MediaTile key={item.id} item={item} selected={selected.has(item.id)} onToggle={() => toggle(item.id)} onOpen={() => setOpen(item)} />
            ))}
          </ul>
          {library.hasNextPage ? (
            <div className="ml-more">
              <button type="button" className="btn" disabled={library.isFetchingNextPage} onClick={() => void library.fetchNextPage()}>
                {library.isFetchingNextPage ? t('page.loadingMore') : t('page.loadMore')}
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
            toast(t('editor.saved', { width: made.width, height: made.height }));
            setOpen(made);
          }}
        />
      ) : null}
      <Dialog open={confirming} title={t('bulk.confirmTitle', { count: selected.size })} onClose={() => setConfirming(false)} testId="library-confirm-delete">
        <p>{t('bulk.confirmBody')}</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            {t('actions.cancel')}
          </button>
          <button type="button" className="btn btn-danger" disabled={bulkDelete.isPending} onClick={deleteSelected} data-testid="library-confirm-delete-button">
            {bulkDelete.isPending ? t('bulk.deleting') : t('bulk.confirm')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

// A post's state, said by the key `details.states.<state>`; an unknown state shows as it comes.
const postStates = new Set(['draft', 'in_review', 'changes_requested', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'cancelled']);

/** One file: a larger preview, its name, alt text and tags, the posts that use it. */
function MediaDetailsDialog({ item, canEdit, onClose, onEdit }: { item: LibraryItem; canEdit: boolean; onClose: () => void; onEdit: () => void }) {
  const { t } = useTranslation('media-library');
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
      { id: item.id, name: name.trim() || null, altText: altText.trim() || null, tags: tagText.split(',').map((entry) => entry.trim()).filter(Boolean) },
      { onSuccess: () => toast(t('details.saved')) },
    );

  return (
    <Dialog open title={item.name ?? item.fileName ?? t('details.file')} onClose={onClose} wide testId="media-details">
      <div className="ml-details">
        <div className="ml-details-preview">
          {item.kind === 'image' ? (
            <img src={item.url} alt={item.altText ?? ''} />
          ) : item.kind === 'video' ? (
            <video src={item.url} controls preload="metadata" poster={item.thumbnailUrl ?? undefined} />
          ) : (
            <a href={item.url} target="_blank" rel="noreferrer" className="ml-doc">
              {item.pageCount ? t('details.pdfPages', { count: item.pageCount }) : 'PDF'}
            </a>
          )}
          <p className="small muted" data-testid="media-details-facts">
            {[
              item.width && item.height ? t('details.dimensions', { width: item.width, height: item.height }) : null,
              item.durationSeconds !== null ? t('details.seconds', { count: Math.round(item.durationSeconds) }) : null,
              formatFileSize(item.size),
              item.mimeType,
            ]
              .filter(Boolean)
              .join(' · ')}
            <br />
            {item.fileName ? t('details.uploadedAs', { date: formatDateTime(item.createdAt), fileName: item.fileName }) : t('details.uploaded', { date: formatDateTime(item.createdAt) })}
          </p>
        </div>
        <div className="ml-details-form">
          <Field label={t('details.name')} value={name} maxLength={200} placeholder={item.fileName ?? ''} disabled={!canEdit} error={errors.field('name')} onChange={(e) => setName(e.target.value)} />
          <Field
            label={t('details.altText')}
            value={altText}
            maxLength={1500}
            placeholder={t('details.altTextPlaceholder')}
            hint={t('details.altTextHint')}
            disabled={!canEdit}
            error={errors.field('altText')}
            onChange={(e) => setAltText(e.target.value)}
          />
          <Field label={t('details.tags')} value={tagText} placeholder={t('details.tagsPlaceholder')} hint={t('details.tagsHint')} disabled={!canEdit} error={errors.field('tags')} onChange={(e) => setTagText(e.target.value)} />
          <FormError message={errors.general} />
          <h3 className="ml-usage-title">{t('details.usedIn')}</h3>
          {usage.isPending ? (
            <Loading label={t('details.lookingForPosts')} />
          ) : usage.data?.items.length ? (
            <ul className="ml-usage" data-testid="media-usage">
              {usage.data.items.map((u) => (
                <li key={u.postId}>
                  <Link to={`/w/${workspace.id}/posts/${u.postId}`}>{u.text || t('details.noText')}</Link>
                  <span className="tag">{postStates.has(u.state) ? t(`details.states.${u.state}`) : u.state}</span>
                  {u.publishAt ? <span className="small muted"> {formatDateTime(u.publishAt)}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="small muted">{t('details.unused')}</p>
          )}
        </div>
      </div>
      <div className="dialog-actions">
        {canEdit && item.kind === 'image' ? (
          <button type="button" className="btn" onClick={onEdit} data-testid="media-edit-image">
            {t('details.edit')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={onClose}>
          {t('actions.close')}
        </button>
        {canEdit ? (
          <button type="button" className="btn btn-primary" disabled={update.isPending} onClick={save} data-testid="media-details-save">
            {update.isPending ? t('actions.saving') : t('actions.save')}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
