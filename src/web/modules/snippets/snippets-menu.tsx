import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Dialog } from '../../components/dialog.tsx';
import { Field, SelectField } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { useToast } from '../../components/toast.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { insertSnippet } from './insert-snippet.ts';
import { useCreateSnippet, useDeleteSnippet, useSnippets, type Snippet } from './snippets.api.ts';
import './snippets.css';

/**
 * "Snippets" beside a text box: a menu of the workspace's saved hashtag groups and signatures.
 * Choosing one changes the text through `onText`, the same update typing makes, so counters and
 * checks follow; hashtags go at the caret, a signature at the end.
 */
export function SnippetsMenu({ text, onText, textarea, label }: { text: string; onText: (text: string) => void; textarea: RefObject<HTMLTextAreaElement | null>; label: string }) {
  const { t } = useTranslation('snippets');
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  const [managing, setManaging] = useState(false);
  const snippets = useSnippets(workspace.id, open || managing);
  const menuId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const list = snippets.data?.snippets ?? [];

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open, snippets.data]);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !trigger.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };
  const choose = (snippet: Snippet) => {
    const box = textarea.current;
    const result = insertSnippet(text, box ? { start: box.selectionStart, end: box.selectionEnd } : null, snippet);
    onText(result.text);
    setOpen(false);
    // After React has put the new text in the box: the caret goes right after what was inserted.
    requestAnimationFrame(() => {
      const el = textarea.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(result.caret, result.caret);
    });
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : null;
    if (e.key === 'Escape') {
      e.preventDefault();
      return close();
    }
    if (e.key === 'Tab') return close(false);
    if (next === null || !all.length) return;
    e.preventDefault();
    all[(next + all.length) % all.length]!.focus();
  };

  return (
    <div className="snip">
      <button
        ref={trigger}
        type="button"
        className="btn btn-ghost btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('menu.buttonLabel', { label })}
        data-testid="snippets-button"
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        # {t('page.title')}
      </button>
      {open ? (
        <ul ref={menu} id={menuId} role="menu" aria-label={t('page.title')} className="snip-menu" onKeyDown={onMenuKey} data-testid="snippets-menu">
          {snippets.isPending ? (
            <li role="none" className="snip-note">
              {t('menu.loading')}
            </li>
          ) : list.length === 0 ? (
            <li role="none" className="snip-note">
              {t('menu.empty')}
            </li>
          ) : (
            list.map((s) => (
              <li role="none" key={s.id}>
                <button type="button" role="menuitem" tabIndex={-1} className="snip-item" onClick={() => choose(s)} data-testid="snippet-item">
                  <span className="snip-name">
                    {s.name} <span className="snip-kind">{t(`menu.kinds.${s.kind}`)}</span>
                  </span>
                  <span className="snip-text">{s.text}</span>
                </button>
              </li>
            ))
          )}
          <li role="none" className="snip-sep">
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="snip-item snip-manage"
              onClick={() => {
                setOpen(false);
                setManaging(true);
              }}
              data-testid="snippets-manage"
            >
              {t('menu.manage')}
            </button>
          </li>
        </ul>
      ) : null}
      <Dialog
        open={managing}
        title={t('page.title')}
        onClose={() => {
          setManaging(false);
          trigger.current?.focus();
        }}
        testId="snippets-dialog"
      >
        {managing ? <ManageSnippets snippets={list} canEdit={hasPermission(workspace, 'posts.edit')} workspaceId={workspace.id} /> : null}
      </Dialog>
    </div>
  );
}

function ManageSnippets({ snippets, canEdit, workspaceId }: { snippets: Snippet[]; canEdit: boolean; workspaceId: string }) {
  const { t } = useTranslation('snippets');
  const toast = useToast();
  const create = useCreateSnippet(workspaceId);
  const remove = useDeleteSnippet(workspaceId);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Snippet['kind']>('hashtags');
  const [text, setText] = useState('');
  const errors = formErrors(create.error, ['name', 'kind', 'text']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), kind, text },
      {
        onSuccess: () => {
          toast(t('form.saved'));
          setName('');
          setText('');
        },
      },
    );
  };
  return (
    <>
      <p className="muted small">
        <Trans t={t} i18nKey="manage.intro" components={{ page: <Link to={`/w/${workspaceId}/snippets`} target="_blank" rel="noopener" /> }} />
      </p>
      {snippets.length ? (
        <ul className="rows snip-list" aria-label={t('manage.saved')}>
          {snippets.map((s) => (
            <li key={s.id} className="row">
              <div className="row-main">
                <div className="row-title">
                  {s.name} <span className="snip-kind">{t(`menu.kinds.${s.kind}`)}</span>
                </div>
                <div className="row-sub snip-text">{s.text}</div>
              </div>
              {canEdit ? (
                <button type="button" className="btn btn-sm btn-danger-outline" aria-label={t('actions.deleteNamed', { name: s.name })} disabled={remove.isPending} onClick={() => remove.mutate(s.id, { onSuccess: () => toast(t('delete.done')) })}>
                  {t('actions.delete')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form onSubmit={submit} noValidate className="snip-form">
          <h3>{t('page.new')}</h3>
          <Field label={t('form.name')} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} data-testid="snippet-name" />
          <SelectField label={t('form.kind')} value={kind} onChange={(e) => setKind(e.target.value as Snippet['kind'])} error={errors.field('kind')} hint={t('form.kindHint')} data-testid="snippet-kind">
            <option value="hashtags">{t('kinds.hashtags.label')}</option>
            <option value="signature">{t('kinds.signature.label')}</option>
            <option value="other">{t('kinds.other.label')}</option>
          </SelectField>
          <div className={errors.field('text') ? 'field has-error' : 'field'}>
            <label htmlFor="snippet-text">{t('form.text')}</label>
            <textarea id="snippet-text" rows={3} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={errors.field('text') ? true : undefined} data-testid="snippet-text" />
            {errors.field('text') ? (
              <p className="field-error" role="alert">
                {errors.field('text')}
              </p>
            ) : null}
          </div>
          <FormError message={errors.general ?? formErrors(remove.error, []).general} />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="snippet-save">
              {t('form.save')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
