import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { excerpt } from '../posts/post-state.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { IdeaEditor, type EditorTarget } from './idea-editor.tsx';
import { useBoard, useCreateColumn, useDeleteColumn, useMoveIdea, useUpdateColumn, type Idea, type IdeaColumn, type Move } from './ideas.api.ts';
import './ideas.css';

type DropSpot = { columnId: string; index: number };

/**
 * The Ideas board: columns the team names, cards dragged between and within them (or moved with
 * the Move menu, from the keyboard), each card opened in an editor and turned into a post.
 */
export function IdeasPage() {
  const { t } = useTranslation('ideas');
  const workspace = useWorkspace();
  const board = useBoard(workspace.id);
  const move = useMoveIdea(workspace.id);
  const toast = useToast();
  const canEdit = hasPermission(workspace, 'posts.edit');
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [dragged, setDraggedState] = useState<string | null>(null);
  // Read by drag events that can come before React re-renders with the state: a dragover that is
  // not accepted at once would let the browser treat the drop as opening a link.
  const draggedNow = useRef<string | null>(null);
  const setDragged = (id: string | null) => {
    draggedNow.current = id;
    setDraggedState(id);
  };
  const [spot, setSpot] = useState<DropSpot | null>(null);
  const columns = board.data?.columns ?? [];

  const moveCard = (m: Move, announce?: string) => {
    move.mutate(m, {
      onSuccess: () => (announce ? toast(announce) : undefined),
      onError: (error) => toast(formErrors(error, []).general ?? t('board.moveFailed')),
    });
  };

  /** Where in `column` a card dropped at `clientY` lands: before the first card whose middle is below it. */
  const indexAt = (list: HTMLElement, clientY: number) => {
    const cards = [...list.querySelectorAll<HTMLElement>('[data-idea-id]')].filter((el) => el.dataset.ideaId !== draggedNow.current);
    const after = cards.findIndex((el) => {
      const box = el.getBoundingClientRect();
      return clientY < box.top + box.height / 2;
    });
    return after < 0 ? cards.length : after;
  };

  const dropHandlers = (column: IdeaColumn) =>
    canEdit
      ? {
          onDragOver: (e: DragEvent<HTMLElement>) => {
            if (!draggedNow.current) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            const index = indexAt(e.currentTarget, e.clientY);
            if (spot?.columnId !== column.id || spot.index !== index) setSpot({ columnId: column.id, index });
          },
          onDrop: (e: DragEvent<HTMLElement>) => {
            e.preventDefault();
            const ideaId = draggedNow.current ?? e.dataTransfer.getData('text/plain');
            const index = indexAt(e.currentTarget, e.clientY);
            setDragged(null);
            setSpot(null);
            if (ideaId) moveCard({ ideaId, columnId: column.id, position: index });
          },
        }
      : {};

  return (
    <div className="page page-wide ideas-page">
      <PageHeader
        title={t('board.title')}
        description={t('board.description')}
        actions={
          canEdit && columns.length ? (
            <button type="button" className="btn btn-primary" onClick={() => setEditing({ columnId: columns[0]!.id })}>
              {t('board.newIdea')}
            </button>
          ) : null
        }
      />
      {board.isPending ? <Loading label={t('board.loading')} /> : null}
      <FormError message={formErrors(board.error, []).general} />
      {board.data ? (
        <div
          className="ideas-board"
          data-testid="ideas-board"
          // A card let go between columns stays where it was (and the browser opens nothing).
          onDragOver={(e) => (draggedNow.current ? e.preventDefault() : undefined)}
          onDrop={(e) => {
            if (!draggedNow.current) return;
            e.preventDefault();
            setDragged(null);
            setSpot(null);
          }}
        >
          {columns.map((column, columnIndex) => (
            <section key={column.id} className={spot?.columnId === column.id ? 'ideas-column is-drop-target' : 'ideas-column'} aria-labelledby={`col-${column.id}`} data-testid="ideas-column" data-column-id={column.id}>
              <ColumnHead column={column} index={columnIndex} columns={columns} canEdit={canEdit} workspaceId={workspace.id} />
              <ol className="ideas-cards" aria-label={t('board.cardsIn', { column: column.name })} {...dropHandlers(column)} onDragLeave={(e) => (e.currentTarget.contains(e.relatedTarget as Node) ? undefined : setSpot(null))}>
                {column.ideas.map((idea, index) => (
                  <IdeaCardItem
                    key={idea.id}
                    idea={idea}
                    index={index}
                    column={column}
                    columns={columns}
                    canEdit={canEdit}
                    workspaceId={workspace.id}
                    dropBefore={spot?.columnId === column.id && spotIndexFor(column, dragged, spot.index) === index && dragged !== idea.id}
                    dragging={dragged === idea.id}
                    onOpen={() => setEditing({ idea })}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/plain', idea.id);
                      e.dataTransfer.effectAllowed = 'move';
                      setDragged(idea.id);
                    }}
                    onDragEnd={() => {
                      setDragged(null);
                      setSpot(null);
                    }}
                    onMove={moveCard}
                  />
                ))}
                {spot?.columnId === column.id && spotIndexFor(column, dragged, spot.index) >= column.ideas.length ? <li className="idea-drop-line" aria-hidden="true" /> : null}
                {!column.ideas.length && spot?.columnId !== column.id ? <li className="ideas-empty muted small">{canEdit ? t('board.emptyEditable') : t('board.empty')}</li> : null}
              </ol>
              {canEdit ? (
                <button type="button" className="btn btn-ghost btn-sm ideas-add-card" onClick={() => setEditing({ columnId: column.id })}>
                  {t('board.addCard')}
                </button>
              ) : null}
            </section>
          ))}
          {canEdit ? <AddColumn workspaceId={workspace.id} /> : null}
        </div>
      ) : null}
      <IdeaEditor target={editing} columns={columns} canEdit={canEdit} onClose={() => setEditing(null)} />
    </div>
  );
}

/** The drop index counts cards without the dragged one; the line is drawn before the card at that index of the full list. */
function spotIndexFor(column: IdeaColumn, dragged: string | null, index: number) {
  const others = column.ideas.filter((i) => i.id !== dragged);
  const before = others[index];
  return before ? column.ideas.indexOf(before) : column.ideas.length;
}

function IdeaCardItem({
  idea,
  index,
  column,
  columns,
  canEdit,
  workspaceId,
  dropBefore,
  dragging,
  onOpen,
  onDragStart,
  onDragEnd,
  onMove,
}: {
  idea: Idea;
  index: number;
  column: IdeaColumn;
  columns: IdeaColumn[];
  canEdit: boolean;
  workspaceId: string;
  dropBefore: boolean;
  dragging: boolean;
  onOpen: () => void;
  onDragStart: (e: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
  onMove: (move: Move, announce?: string) => void;
}) {
  const { t } = useTranslation('ideas');
  const files = idea.media.length;
  return (
    <>
      {dropBefore ? <li className="idea-drop-line" aria-hidden="true" /> : null}
      <li className={dragging ? 'idea-card is-dragging' : 'idea-card'} data-idea-id={idea.id} data-testid="idea-card" draggable={canEdit} onDragStart={onDragStart} onDragEnd={onDragEnd}>
        <button type="button" className="idea-card-open" onClick={onOpen}>
          <span className="idea-card-title">{idea.title}</span>
          {idea.body ? <span className="idea-card-body">{excerpt(idea.body, 160)}</span> : null}
        </button>
        {files ? (
          <span className="idea-card-thumbs" aria-hidden="true">
            {idea.media.slice(0, 3).map((m) => (
              // A video or PDF is no image: its thumbnail hides itself and the count below says it is there.
              <img key={m.mediaId} draggable={false} src={`/api/v1/workspaces/${workspaceId}/media/${m.mediaId}/file`} alt="" loading="lazy" onError={(e) => (e.currentTarget.hidden = true)} />
            ))}
          </span>
        ) : null}
        {files || idea.notes ? (
          <p className="idea-card-meta small muted">
            {files ? <span>{t('card.files', { count: files })}</span> : null}
            {idea.notes ? <span>{t('card.notes')}</span> : null}
          </p>
        ) : null}
        {idea.postId ? (
          <p className="idea-card-post small">
            <span className="badge badge-success">{t('card.turnedIntoPost')}</span>{' '}
            <Link to={`/w/${workspaceId}/posts/${idea.postId}`} draggable={false} data-testid="idea-post-link">
              {t('card.viewPost')}
            </Link>
          </p>
        ) : null}
        {canEdit ? (
          <div className="idea-card-actions">
            <Link className="btn btn-sm" draggable={false} to={`/w/${workspaceId}/compose?idea=${idea.id}`}>
              {t('card.turnIntoPost')}
            </Link>
            <MoveMenu idea={idea} index={index} column={column} columns={columns} onMove={onMove} />
          </div>
        ) : null}
      </li>
    </>
  );
}

/** The keyboard way to do what dragging does: up, down, or to another column. */
function MoveMenu({ idea, index, column, columns, onMove }: { idea: Idea; index: number; column: IdeaColumn; columns: IdeaColumn[]; onMove: (move: Move, announce?: string) => void }) {
  const { t } = useTranslation('ideas');
  const options: MenuOption[] = [
    index > 0 ? { label: t('move.up'), onSelect: () => onMove({ ideaId: idea.id, columnId: column.id, position: index - 1 }, t('move.movedUp', { title: idea.title })) } : null,
    index < column.ideas.length - 1
      ? { label: t('move.down'), onSelect: () => onMove({ ideaId: idea.id, columnId: column.id, position: index + 1 }, t('move.movedDown', { title: idea.title })) }
      : null,
    ...columns
      .filter((c) => c.id !== column.id)
      .map((c) => ({ label: t('move.to', { column: c.name }), onSelect: () => onMove({ ideaId: idea.id, columnId: c.id, position: c.ideas.length }, t('move.movedTo', { title: idea.title, column: c.name })) })),
  ].filter((o) => o !== null);
  return <MenuButton label={t('move.button')} ariaLabel={t('move.label', { title: idea.title })} options={options} />;
}

type MenuOption = { label: string; onSelect: () => void; danger?: boolean };

/** A button that opens a short list of actions; Escape or leaving it closes the list and focus returns to the button. */
function MenuButton({ label, ariaLabel, options }: { label: string; ariaLabel: string; options: MenuOption[] }) {
  // Fixed to the window where the button is: the board scrolls sideways and would clip a menu inside it.
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const open = at !== null;
  const menuId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const away = () => setAt(null);
    window.addEventListener('scroll', away, true);
    window.addEventListener('resize', away);
    return () => {
      window.removeEventListener('scroll', away, true);
      window.removeEventListener('resize', away);
    };
  }, [open]);
  if (!options.length) return null;
  const setOpen = (value: boolean) => {
    const box = toggle.current?.getBoundingClientRect();
    setAt(value && box ? { top: box.bottom + 4, right: Math.max(8, window.innerWidth - box.right) } : null);
  };
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div
      className="idea-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
      onBlur={(e) => (e.currentTarget.contains(e.relatedTarget as Node) ? undefined : setOpen(false))}
    >
      <button ref={toggle} type="button" className="btn btn-ghost btn-sm" aria-expanded={open} aria-controls={menuId} aria-label={ariaLabel} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open ? (
        <ul className="idea-menu-list" id={menuId} style={{ top: at.top, right: at.right }}>
          {options.map((o, i) => (
            <li key={o.label}>
              <button
                ref={i === 0 ? first : undefined}
                type="button"
                className={o.danger ? 'btn-text is-danger' : 'btn-text'}
                onClick={() => {
                  close();
                  o.onSelect();
                }}
              >
                {o.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ColumnHead({ column, index, columns, canEdit, workspaceId }: { column: IdeaColumn; index: number; columns: IdeaColumn[]; canEdit: boolean; workspaceId: string }) {
  const { t } = useTranslation('ideas');
  const update = useUpdateColumn(workspaceId);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(column.name);
  const [deleting, setDeleting] = useState(false);
  const inputId = useId();
  const save = (e: FormEvent) => {
    e.preventDefault();
    const next = name.trim();
    if (!next || next === column.name) {
      setRenaming(false);
      setName(column.name);
      return;
    }
    update.mutate({ columnId: column.id, name: next }, { onSuccess: () => setRenaming(false) });
  };
  const error = formErrors(update.error, ['name']);
  return (
    <header className="ideas-column-head">
      {renaming ? (
        <form className="ideas-rename" onSubmit={save}>
          <label htmlFor={inputId} className="visually-hidden">
            {t('column.name')}
          </label>
          <input id={inputId} value={name} maxLength={60} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => (e.key === 'Escape' ? (e.preventDefault(), setRenaming(false), setName(column.name)) : undefined)} />
          <button type="submit" className="btn btn-sm btn-primary" disabled={update.isPending}>
            {t('column.save')}
          </button>
          {error.field('name') ?? error.general ? <p className="field-error">{error.field('name') ?? error.general}</p> : null}
        </form>
      ) : (
        <>
          <h2 id={`col-${column.id}`}>
            {column.name}{' '}
            <span className="ideas-count">
              {column.ideas.length}
              <span className="visually-hidden"> {t('column.cards', { count: column.ideas.length })}</span>
            </span>
          </h2>
          {canEdit ? (
            <MenuButton
              label="⋯"
              ariaLabel={t('column.options', { column: column.name })}
              options={[
                { label: t('column.rename'), onSelect: () => setRenaming(true) },
                ...(index > 0 ? [{ label: t('column.moveLeft'), onSelect: () => update.mutate({ columnId: column.id, position: index - 1 }) }] : []),
                ...(index < columns.length - 1 ? [{ label: t('column.moveRight'), onSelect: () => update.mutate({ columnId: column.id, position: index + 1 }) }] : []),
                ...(columns.length > 1 ? [{ label: t('column.delete'), onSelect: () => setDeleting(true), danger: true }] : []),
              ]}
            />
          ) : null}
        </>
      )}
      <DeleteColumn column={column} columns={columns} open={deleting} onClose={() => setDeleting(false)} workspaceId={workspaceId} />
    </header>
  );
}

/** A column with cards is deleted only after choosing where its cards go; none is ever deleted with it. */
function DeleteColumn({ column, columns, open, onClose, workspaceId }: { column: IdeaColumn; columns: IdeaColumn[]; open: boolean; onClose: () => void; workspaceId: string }) {
  const { t } = useTranslation('ideas');
  const remove = useDeleteColumn(workspaceId);
  const others = columns.filter((c) => c.id !== column.id);
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '');
  const selectId = useId();
  const cards = column.ideas.length;
  return (
    <Dialog open={open} title={t('deleteColumn.title', { column: column.name })} onClose={onClose}>
      {cards ? (
        <div className="field">
          <label htmlFor={selectId}>
            {t('deleteColumn.moveTo', { count: cards })}
          </label>
          <select id={selectId} value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>{t('deleteColumn.empty')}</p>
      )}
      <FormError message={formErrors(remove.error, []).general} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('deleteColumn.cancel')}
        </button>
        <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate({ columnId: column.id, moveTo: cards ? moveTo : undefined }, { onSuccess: onClose })}>
          {cards ? t('deleteColumn.moveAndDelete') : t('deleteColumn.delete')}
        </button>
      </div>
    </Dialog>
  );
}

function AddColumn({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation('ideas');
  const create = useCreateColumn(workspaceId);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const inputId = useId();
  const error = formErrors(create.error, ['name']);
  if (!adding) {
    return (
      <div className="ideas-column ideas-column-new">
        <button type="button" className="btn btn-ghost" onClick={() => setAdding(true)}>
          {t('addColumn.open')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="ideas-column ideas-column-new ideas-rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        create.mutate(name.trim(), {
          onSuccess: () => {
            setName('');
            setAdding(false);
          },
        });
      }}
    >
      <label htmlFor={inputId}>{t('column.name')}</label>
      <input id={inputId} value={name} maxLength={60} autoFocus placeholder={t('addColumn.placeholder')} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => (e.key === 'Escape' ? setAdding(false) : undefined)} />
      {error.field('name') ?? error.general ? <p className="field-error">{error.field('name') ?? error.general}</p> : null}
      <div className="ideas-new-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending || !name.trim()}>
          {t('addColumn.submit')}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAdding(false)}>
          {t('addColumn.cancel')}
        </button>
      </div>
    </form>
  );
}

