import { useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
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
  const title = !target ? '' : target.idea ? (canEdit ? 'Edit the idea' : target.idea.title) : `New idea in ${columns.find((c) => c.id === target.columnId)?.name ?? 'the board'}`;
  return (
    <Dialog open={!!target} title={title} onClose={onClose} testId="idea-editor">
      {target ? <EditorForm key={target.idea?.id ?? target.columnId} target={target} canEdit={canEdit} onClose={onClose} /> : null}
    </Dialog>
  );
}

function EditorForm({ target, canEdit, onClose }: { target: EditorTarget; canEdit: boolean; onClose: () => void }) {
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
    toast(existing ? 'Idea saved.' : 'Idea added.');
    if (then) then(saved);
    else onClose();
  };

  if (!canEdit && existing) {
    return (
      <div className="idea-read">
        {existing.body ? <p className="idea-read-body">{existing.body}</p> : <p className="muted">No text yet.</p>}
        {existing.notes ? (
          <>
            <h3>Notes</h3>
            <p className="idea-read-body">{existing.notes}</p>
          </>
        ) : null}
        {existing.media.length ? <p className="muted small">{existing.media.length === 1 ? '1 file' : `${existing.media.length} files`}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
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
      <Field label="Title" value={title} maxLength={200} required autoFocus placeholder="A short name for the idea" error={error.field('title')} onChange={(e) => setTitle(e.target.value)} />
      <div className={error.field('body') ? 'field has-error' : 'field'}>
        <label htmlFor={bodyId}>Text</label>
        <textarea id={bodyId} rows={5} value={body} placeholder="What the post could say" onChange={(e) => setBody(e.target.value)} />
        {error.field('body') ? <p className="field-error">{error.field('body')}</p> : null}
      </div>
      <div className={error.field('notes') ? 'field has-error' : 'field'}>
        <label htmlFor={notesId}>Notes</label>
        <textarea id={notesId} rows={3} value={notes} placeholder="For the team: sources, who to ask, when it fits. Never posted." onChange={(e) => setNotes(e.target.value)} />
        {error.field('notes') ? <p className="field-error">{error.field('notes')}</p> : null}
      </div>
      <div className="field">
        <span className="field-label-row">
          <span className="idea-media-label">Media</span>
          <LibraryPicker uploads={uploads} chosen={slots} onPick={(media) => setSlots([...slots, { key: media.id, altText: '' }])} />
        </span>
        <MediaBox slots={slots} onChange={setSlots} uploads={uploads} label="this idea" errors={error.field('media') ? [error.field('media')!] : []} />
      </div>
      {existing?.postId ? (
        <p className="small">
          <span className="badge badge-success">Turned into a post</span> <Link to={`/w/${workspace.id}/posts/${existing.postId}`}>Open the post</Link>
        </p>
      ) : null}
      <FormError message={error.general} />
      <div className="dialog-actions idea-form-actions">
        {existing ? (
          confirmDelete ? (
            <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate(existing.id, { onSuccess: () => (toast('Idea deleted.'), onClose()) })}>
              Really delete
            </button>
          ) : (
            <button type="button" className="btn btn-danger-outline" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          )
        ) : null}
        <span className="idea-form-spacer" />
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn"
          disabled={!title.trim() || busy || failed || saving}
          onClick={() => void save((idea) => navigate(`/w/${workspace.id}/compose?idea=${idea.id}`)).catch(() => undefined)}
        >
          Save and turn into a post
        </button>
        <button type="submit" className="btn btn-primary" disabled={!title.trim() || busy || failed || saving}>
          {saving ? 'Saving…' : existing ? 'Save' : 'Add idea'}
        </button>
      </div>
      {busy ? <p className="small muted">Waiting for the uploads to finish…</p> : null}
    </form>
  );
}

/** The workspace's uploads, to put a file already in Herald on the card. */
function LibraryPicker({ uploads, chosen, onPick }: { uploads: Uploads; chosen: MediaSlot[]; onPick: (media: Media) => void }) {
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
        {open ? 'Hide uploads' : 'Choose from uploads'}
      </button>
      {open ? (
        <span className="idea-library-grid" role="group" aria-label="Uploaded files">
          {library.isPending ? <span className="small muted">Loading…</span> : null}
          {library.data && !items.length ? <span className="small muted">No other uploads yet.</span> : null}
          {items.map((m) => (
            <button
              key={m.id}
              type="button"
              className="idea-library-item"
              aria-label={`Add ${m.fileName ?? 'file'}`}
              onClick={() => {
                uploads.adopt([m]);
                onPick(m);
              }}
            >
              {m.kind === 'image' ? <img src={m.url} alt="" /> : <span className="small">{m.kind === 'video' ? 'Video' : 'PDF'}</span>}
            </button>
          ))}
        </span>
      ) : null}
    </span>
  );
}
