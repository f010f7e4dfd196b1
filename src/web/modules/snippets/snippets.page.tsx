import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog.tsx';
import { Field, SelectField } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { relativeTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useCreateSnippet, useDeleteSnippet, useSnippets, useUpdateSnippet, type Snippet } from './snippets.api.ts';
import { snippetKinds, snippetSections } from './snippets.model.ts';
import './snippets.css';

const FIELDS = ['name', 'kind', 'text'] as const;

/** The workspace's snippets: hashtag groups, signatures and other texts the composer inserts. */
export function SnippetsPage() {
  const { t, i18n } = useTranslation('snippets');
  const workspace = useWorkspace();
  const snippets = useSnippets(workspace.id);
  const canEdit = hasPermission(workspace, 'posts.edit');
  const [editing, setEditing] = useState<Snippet | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Snippet | null>(null);
  const list = snippets.data?.snippets ?? [];

  return (
    <div className="page">
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          canEdit ? (
            <button type="button" className="btn btn-primary" data-testid="snippet-add" onClick={() => setEditing('new')}>
              {t('page.new')}
            </button>
          ) : null
        }
      />
      <FormError message={formErrors(snippets.error, []).general} />
      {snippets.isPending ? (
        <Loading label={t('page.loading')} />
      ) : list.length === 0 ? (
        <section className="card">
          <EmptyState title={t('empty.title')}>{canEdit ? t('empty.editor') : t('empty.viewer')}</EmptyState>
        </section>
      ) : (
        snippetSections(list, i18n.language).map(({ kind, heading, items }) => (
          <section key={kind} className="snip-section" aria-labelledby={`snip-${kind}`}>
            <h2 id={`snip-${kind}`}>
              {t(heading)} <span className="count">{items.length}</span>
            </h2>
            <ul className="rows card snip-rows" aria-label={t(heading)}>
              {items.map((s) => (
                <li key={s.id} className="row snip-row" data-testid="snippet-row">
                  <div className="row-main">
                    <div className="row-title">{s.name}</div>
                    <div className="snip-body">{s.text}</div>
                    <div className="row-sub">{t('page.changed', { when: relativeTime(s.updatedAt) })}</div>
                  </div>
                  {canEdit ? (
                    <div className="snip-row-actions">
                      <button type="button" className="btn btn-sm" aria-label={t('page.editNamed', { name: s.name })} onClick={() => setEditing(s)}>
                        {t('page.edit')}
                      </button>
                      <button type="button" className="btn btn-sm btn-danger-outline" aria-label={t('actions.deleteNamed', { name: s.name })} onClick={() => setDeleting(s)}>
                        {t('actions.delete')}
                      </button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {/* Keyed, so each opening starts from the snippet it edits. */}
      {editing ? <SnippetDialog key={editing === 'new' ? 'new' : editing.id} snippet={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <DeleteSnippetDialog snippet={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}

function SnippetDialog({ snippet, onClose }: { snippet: Snippet | null; onClose: () => void }) {
  const { t } = useTranslation('snippets');
  const workspace = useWorkspace();
  const toast = useToast();
  const create = useCreateSnippet(workspace.id);
  const update = useUpdateSnippet(workspace.id);
  const [name, setName] = useState(snippet?.name ?? '');
  const [kind, setKind] = useState<Snippet['kind']>(snippet?.kind ?? 'hashtags');
  const [text, setText] = useState(snippet?.text ?? '');
  const saving = snippet ? update : create;
  const errors = formErrors(saving.error, FIELDS);
  const textError = errors.field('text');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name: name.trim(), kind, text };
    const done = { onSuccess: () => (toast(snippet ? t('form.saved') : t('form.added')), onClose()) };
    if (snippet) update.mutate({ snippetId: snippet.id, body }, done);
    else create.mutate(body, done);
  };

  return (
    <Dialog open title={snippet ? t('page.editNamed', { name: snippet.name }) : t('page.new')} onClose={onClose} testId="snippet-dialog">
      <form onSubmit={submit} noValidate className="snip-form">
        <Field label={t('form.name')} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} hint={t('form.nameHint', { count: 80 })} />
        <SelectField label={t('form.kind')} value={kind} onChange={(e) => setKind(e.target.value as Snippet['kind'])} error={errors.field('kind')}>
          {snippetKinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.label)}
            </option>
          ))}
        </SelectField>
        <div className={textError ? 'field has-error' : 'field'}>
          <label htmlFor="snippet-page-text">{t('form.text')}</label>
          <textarea
            id="snippet-page-text"
            rows={4}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? 'snippet-page-text-error' : undefined}
          />
          {textError ? (
            <p className="field-error" id="snippet-page-text-error" role="alert">
              {textError}
            </p>
          ) : null}
        </div>
        <FormError message={errors.general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving.isPending}>
            {saving.isPending ? t('form.saving') : snippet ? t('form.saveChanges') : t('form.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteSnippetDialog({ snippet, onClose }: { snippet: Snippet | null; onClose: () => void }) {
  const { t } = useTranslation('snippets');
  const workspace = useWorkspace();
  const toast = useToast();
  const remove = useDeleteSnippet(workspace.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={snippet !== null} title={t('delete.title')} onClose={close} testId="snippet-delete-dialog">
      <p>{t('delete.body', { name: snippet?.name ?? '' })}</p>
      <FormError message={formErrors(remove.error, []).general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          {t('delete.keep')}
        </button>
        <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => snippet && remove.mutate(snippet.id, { onSuccess: () => (toast(t('delete.done')), close()) })}>
          {remove.isPending ? t('delete.deleting') : t('actions.delete')}
        </button>
      </div>
    </Dialog>
  );
}
