import { useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Field } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useToast } from '../../components/toast.tsx';
import { MediaBox } from '../posts/composer-media.tsx';
import type { MediaSlot } from '../posts/composer-model.ts';
import { useUploads, type Uploads } from '../posts/composer-uploads.ts';
import type { Media } from '../posts/posts.api.ts';
import { useWorkspace } from '../workspaces/workspace-route.tsx';
import { useCreateIdea, useDeleteIdea, useUpdateIdea, type Idea, type IdeaColumn } from './ideas.api.ts';
import '../posts/composer.css';

/** A new card in a column, or an existing card. */
export type EditorTarget = { columnId: string; idea?: undefined } | { idea: Idea; columnId?: undefined };

export function IdeaEditor({ target, columns, canEdit, onClose }: { target: EditorTarget | null; columns: IdeaColumn[]; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation('ideas');
  const column = target && !target.idea ? columns.find((c) => c.id === target.columnId)?.name : undefined;
  const title = !target ? '' : target.idea ? (canEdit ? t('editor.editTitle') : target.idea.title) : column ? t('editor.newIn', { column }) : t('editor.newOnBoard');
  return (
    <Dialog open={!!target} title={title} onClose={onClose} testId="idea-editor">
      {target ? <EditorForm key={target.idea?.id ?? target.columnId} target={target} canEdit={canEdit} onClose={onClose} /> : null}
    </Dialog>
  );
}

function EditorForm({ target, canEdit, onClose }: { target: EditorTarget; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation('ideas');
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const toast = useToast();
  const uploads = useUploads(workspace.id);
  const create = useCreateIdea(workspace.id);
  const update = useUpdateIdea(workspace.id);
  const remove = useDeleteIdea(workspace.id);
  const existing = target.idea;
  const [title, setTitle] = useState(existing?.title ?? '');
  const [body, setBody] = useState(existing?.body ?? '');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [slots, setSlots] = useState<MediaSlot[]>(() => (existing?.media ?? []).map((m) => ({ key: m.mediaId, altText: m.altText ?? '' })));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const bodyId = useId();
  const notesId = useId();
  const { adopt } = uploads;

  useEffect(() => {
    if (!existing?.media.length) return;
    void Promise.all(existing.media.map((m) => api.get<Media>(`/api/v1/workspaces/${workspace.id}/media/${m.mediaId}`).catch(() => null))).then((found) => adopt(found.filter((m): m is Media => !!m)));
  }, [existing, workspace.id, adopt]);

  const states = slots.map((s) => uploads.uploads[s.key]?.state);
  const busy = states.some((s) => s === 'uploading' || s === 'paused');
  const failed = states.some((s) => s === 'failed');
  const saving = create.isPending || update.isPending;
  const error = formErrors(create.error ?? update.error, ['title', 'body', 'notes', 'media']);

  const mediaRefs = () => slots.flatMap((s) => {
    const media = uploads.uploads[s.key]?.media;
    return media && media.status === 'ready' ? [{ mediaId: media.id, ...(s.altText.trim() ? { altText: s.altText.trim() } : {}) }] : [];
  });

  const save = async (then?: (idea: Idea) => void) => {
    if (!title.trim() || busy || failed || saving) return;
    const input = { title: title.trim(), body, notes, media: mediaRefs() };
    const saved = existing ? await update.mutateAsync({ ideaId: existing.id, ...input }) : await create.mutateAsync({ ...input, columnId: target.columnId });
    toast(existing ? t('editor.saved') : t('editor.added'));
    if (then) then(saved);
    else onClose();
  };

  if (!canEdit && existing) {
    return (
      <div className="idea-read">
        {existing.body ? <p className="idea-read-body">{existing.body}</p> : <p className="muted">{t('editor.noText')}</p>}
        {existing.notes ? (
          <>
            <h3>{t('editor.notes')}</h3>
            <p className="idea-read-body">{existing.notes}</p>
          </>
        ) : null}
        {existing.media.length ? <p className="muted small">{t('card.files', { count: existing.media.length })}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('editor.close')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="idea-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save().catch(() => undefined);
      }}
    >
      <Field label={t('editor.title')} value={title} maxLength={200} required autoFocus placeholder={t('editor.titlePlaceholder')} error={error.field('title')} onChange={(e) => setTitle(e.target.value)} />
      <div className={error.field('body') ? 'field has-error' : 'field'}>
        <label htmlFor={bodyId}>{t('editor.text')}</label>
        <textarea id={bodyId} rows={5} value={body} placeholder={t('editor.textPlaceholder')} onChange={(e) => setBody(e.target.value)} />
        {error.field('body') ? <p className="field-error">{error.field('body')}</p> : null}
      </div>
      <div className={error.field('notes') ? 'field has-error' : 'field'}>
        <label htmlFor={notesId}>{t('editor.notes')}</label>
        <textarea id={notesId} rows={3} value={notes} placeholder={t('editor.notesPlaceholder')} onChange={(e) => setNotes(e.target.value)} />
        {error.field('notes') ? <p className="field-error">{error.field('notes')}</p> : null}
      </div>
      <div className="field">
        <span className="field-label-row">
          <span className="idea-media-label">{t('editor.media')}</span>
          <LibraryPicker uploads={uploads} chosen={slots} onPick={(media) => setSlots([...slots, { key: media.id, altText: '' }])} />
        </span>
        <MediaBox slots={slots} onChange={setSlots} uploads={uploads} label={t('editor.mediaFor')} errors={error.field('media') ? [error.field('media')!] : []} />
      </div>
      {existing?.postId ? (
        <p className="small">
          <span className="badge badge-success">{t('card.turnedIntoPost')}</span> <Link to={`/w/${workspace.id}/posts/${existing.postId}`}>{t('editor.openPost')}</Link>
        </p>
      ) : null}
      <FormError message={error.general} />
      <div className="dialog-actions idea-form-actions">
        {existing ? (
          confirmDelete ? (
            <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate(existing.id, { onSuccess: () => (toast(t('editor.deleted')), onClose()) })}>
              {t('editor.reallyDelete')}
            </button>
          ) : (
            <button type="button" className="btn btn-danger-outline" onClick={() => setConfirmDelete(true)}>
              {t('editor.delete')}
            </button>
          )
        ) : null}
        <span className="idea-form-spacer" />
        <button type="button" className="btn" onClick={onClose}>
          {t('editor.cancel')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!title.trim() || busy || failed || saving}
          onClick={() => void save((idea) => navigate(`/w/${workspace.id}/compose?idea=${idea.id}`)).catch(() => undefined)}
        >
          {t('editor.saveAndTurn')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!title.trim() || busy || failed || saving}>
          {saving ? t('editor.saving') : existing ? t('editor.save') : t('editor.add')}
        </button>
      </div>
      {busy ? <p className="small muted">{t('editor.waitingUploads')}</p> : null}
    </form>
  );
}

/** The workspace's uploads, to put a file already in Herald on the card. */
function LibraryPicker({ uploads, chosen, onPick }: { uploads: Uploads; chosen: MediaSlot[]; onPick: (media: Media) => void }) {
  const { t } = useTranslation('ideas');
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  const library = useQuery({
    queryKey: ['workspaces', workspace.id, 'media', 'library'],
    queryFn: () => api.get<{ items: Media[] }>(`/api/v1/workspaces/${workspace.id}/media?limit=30`),
    enabled: open,
  });
  const taken = new Set(chosen.map((s) => uploads.uploads[s.key]?.media?.id ?? s.key));
  const items = (library.data?.items ?? []).filter((m) => !taken.has(m.id));
  return (
    <span className="idea-library">
      <button type="button" className="btn-text small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('library.hide') : t('library.show')}
      </button>
      {open ? (
        <span className="idea-library-grid" role="group" aria-label={t('library.label')}>
          {library.isPending ? <span className="small muted">{t('library.loading')}</span> : null}
          {library.data && !items.length ? <span className="small muted">{t('library.empty')}</span> : null}
          {items.map((m) => (
            <button
              key={m.id}
              type="button"
              className="idea-library-item"
              aria-label={m.fileName ? t('library.add', { name: m.fileName }) : t('library.addFile')}
              onClick={() => {
                uploads.adopt([m]);
                onPick(m);
              }}
            >
              {m.kind === 'image' ? <img src={m.url} alt="" /> : <span className="small">{m.kind === 'video' ? t('library.video') : 'PDF'}</span>}
            </button>
          ))}
        </span>
      ) : null}
    </span>
  );
}
