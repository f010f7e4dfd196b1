import crypto from 'node:crypto';
import type { Db, Tx } from '../../db/database.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, invalid } from '../shared/errors.ts';
import { createIdeasRepository, type IdeaColumnRow, type IdeaMedia, type IdeaRow } from './ideas.repository.ts';

/** What a new board starts with, created on its first read. */
export const DEFAULT_COLUMNS = ['Ideas', 'In progress', 'Ready'] as const;

const columnNotFound = () => new AppError('ideas.column_not_found', 404, 'Column not found');
const ideaNotFound = () => new AppError('ideas.not_found', 404, 'Idea not found');

export type IdeaInput = { title: string; body?: string; notes?: string; media?: IdeaMedia };

export type IdeaView = Omit<IdeaRow, 'postGroupId' | 'workspaceId'> & { postId: string | null; postState: string | null };
export type ColumnView = Pick<IdeaColumnRow, 'id' | 'name' | 'position'> & { ideas: IdeaView[] };

const view = (row: IdeaRow, states: Map<string, string>): IdeaView => {
  const { postGroupId, workspaceId: _workspace, ...rest } = row;
  return { ...rest, postId: postGroupId, postState: postGroupId ? (states.get(postGroupId) ?? null) : null };
};

/** `list` with `item` put at `index` (clamped), for renumbering a column or the board. */
function placeAt<T>(list: T[], item: T, index: number): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** The board: columns in order, each with its cards in order. A board never read before gets its three first columns. */
export async function getBoard(ctx: ServiceContext, workspaceId: string): Promise<{ columns: ColumnView[] }> {
  const repo = createIdeasRepository(ctx.db);
  let columns = await repo.columnsOf(workspaceId);
  if (!columns.length) columns = await createDefaultColumns(ctx.db, workspaceId);
  const cards = await repo.ideasOf(workspaceId);
  const states = await repo.postStates(workspaceId, cards.flatMap((c) => (c.postGroupId ? [c.postGroupId] : [])));
  return {
    columns: columns.map((c) => ({ id: c.id, name: c.name, position: c.position, ideas: cards.filter((i) => i.columnId === c.id).map((i) => view(i, states)) })),
  };
}

async function createDefaultColumns(db: Db, workspaceId: string): Promise<IdeaColumnRow[]> {
  return db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    await repo.lockBoard(workspaceId);
    // Two first reads at once: the second finds the first one's columns here.
    const existing = await repo.columnsOf(workspaceId);
    if (existing.length) return existing;
    await repo.insertColumns(DEFAULT_COLUMNS.map((name, position) => ({ id: crypto.randomUUID(), workspaceId, name, position })));
    return repo.columnsOf(workspaceId);
  });
}

export async function getIdea(ctx: ServiceContext, workspaceId: string, ideaId: string): Promise<IdeaView> {
  const repo = createIdeasRepository(ctx.db);
  const row = await repo.findIdea(workspaceId, ideaId);
  if (!row) throw ideaNotFound();
  return view(row, await repo.postStates(workspaceId, row.postGroupId ? [row.postGroupId] : []));
}

async function requireColumn(tx: Db | Tx, workspaceId: string, columnId: string) {
  const column = await createIdeasRepository(tx).findColumn(workspaceId, columnId);
  if (!column) throw columnNotFound();
  return column;
}

/** Renumbers the columns 0…n-1 in the given order, writing only the positions that changed. */
async function renumberColumns(tx: Tx, ordered: IdeaColumnRow[]) {
  const repo = createIdeasRepository(tx);
  for (const [position, column] of ordered.entries()) if (column.position !== position) await repo.setColumnPosition(column.id, position);
}

async function renumberIdeas(tx: Tx, columnId: string, ordered: IdeaRow[]) {
  const repo = createIdeasRepository(tx);
  for (const [position, idea] of ordered.entries()) if (idea.columnId !== columnId || idea.position !== position) await repo.placeIdea(idea.id, columnId, position);
}

export async function createColumn(ctx: ServiceContext, workspaceId: string, input: { name: string }) {
  return ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    await repo.lockBoard(workspaceId);
    const columns = await repo.columnsOf(workspaceId);
    if (columns.length >= 20) throw conflict('ideas.too_many_columns', 'A board has at most 20 columns: delete or merge one first');
    const id = crypto.randomUUID();
    await repo.insertColumns([{ id, workspaceId, name: input.name, position: columns.length }]);
    await auditByActor(tx, ctx, { workspaceId, action: 'idea_column.created', entityType: 'idea_column', entityId: id, changes: { name: input.name } });
    return { id, name: input.name, position: columns.length, ideas: [] as IdeaView[] };
  });
}

/** Renames a column and/or moves it to `position` (0 is first; beyond the end is last). */
export async function updateColumn(ctx: ServiceContext, workspaceId: string, columnId: string, input: { name?: string; position?: number }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    await repo.lockBoard(workspaceId);
    const column = await requireColumn(tx, workspaceId, columnId);
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== column.name) {
      await repo.renameColumn(column.id, input.name);
      changes.name = { from: column.name, to: input.name };
    }
    if (input.position !== undefined) {
      const all = await repo.columnsOf(workspaceId);
      const from = all.findIndex((c) => c.id === column.id);
      const ordered = placeAt(all.filter((c) => c.id !== column.id), all[from]!, input.position);
      const to = ordered.indexOf(all[from]!);
      await renumberColumns(tx, ordered);
      if (to !== from) changes.position = { from, to };
    }
    if (Object.keys(changes).length) await auditByActor(tx, ctx, { workspaceId, action: 'idea_column.updated', entityType: 'idea_column', entityId: column.id, changes });
  });
  return getBoard(ctx, workspaceId);
}

/**
 * Deletes a column. Its cards are never deleted with it: a column that has cards is refused unless
 * `moveTo` names another column, where they go after that column's own cards. The last column
 * stays (a board without columns has nowhere to put a card).
 */
export async function deleteColumn(ctx: ServiceContext, workspaceId: string, columnId: string, input: { moveTo?: string }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    await repo.lockBoard(workspaceId);
    const column = await requireColumn(tx, workspaceId, columnId);
    const columns = await repo.columnsOf(workspaceId);
    if (columns.length <= 1) throw conflict('ideas.last_column', 'The board needs at least one column: add another before deleting this one');
    const cards = await repo.ideasInColumn(column.id);
    let movedTo: string | null = null;
    if (cards.length) {
      if (!input.moveTo) {
        throw new AppError('ideas.column_not_empty', 409, `This column has ${cards.length} card${cards.length === 1 ? '' : 's'}: choose a column to move ${cards.length === 1 ? 'it' : 'them'} to, or delete ${cards.length === 1 ? 'it' : 'them'} first`, {
          field: 'querystring.moveTo',
          cards: cards.length,
        }, { count: cards.length });
      }
      if (input.moveTo === column.id) throw invalid('ideas.move_to_same_column', 'querystring.moveTo: choose another column than the one being deleted', { field: 'querystring.moveTo' });
      const target = await requireColumn(tx, workspaceId, input.moveTo);
      await renumberIdeas(tx, target.id, [...(await repo.ideasInColumn(target.id)), ...cards]);
      movedTo = target.id;
    }
    await repo.deleteColumn(column.id);
    await renumberColumns(tx, columns.filter((c) => c.id !== column.id));
    await auditByActor(tx, ctx, { workspaceId, action: 'idea_column.deleted', entityType: 'idea_column', entityId: column.id, changes: { name: column.name, cards: cards.length, movedTo } });
  });
}

/** Each media id must be a ready upload of this workspace; the first that is not names its field. */
async function checkMedia(tx: Db | Tx, workspaceId: string, refs: IdeaMedia) {
  const ready = await createIdeasRepository(tx).readyMediaIds(workspaceId, refs.map((m) => m.mediaId));
  const index = refs.findIndex((m) => !ready.has(m.mediaId));
  if (index >= 0) {
    const field = `media.${index}.mediaId`;
    throw invalid('ideas.unknown_media', `${field}: no such file in this workspace's uploads (or it was deleted)`, { field });
  }
}

/** Drops repeated media ids (a card shows each file once) and empty alt texts. */
const cleanMedia = (refs: IdeaMedia): IdeaMedia =>
  [...new Map(refs.map((m) => [m.mediaId, m])).values()].map((m) => (m.altText?.trim() ? { mediaId: m.mediaId, altText: m.altText.trim() } : { mediaId: m.mediaId }));

/** A new card, last in `columnId` (the first column when none is named). */
export async function createIdea(ctx: ServiceContext, workspaceId: string, input: IdeaInput & { columnId?: string }): Promise<IdeaView> {
  if (!input.columnId) await getBoard(ctx, workspaceId);
  const row = await ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    await repo.lockBoard(workspaceId);
    const column = input.columnId ? await requireColumn(tx, workspaceId, input.columnId) : (await repo.columnsOf(workspaceId))[0];
    if (!column) throw columnNotFound();
    const mediaRefs = cleanMedia(input.media ?? []);
    await checkMedia(tx, workspaceId, mediaRefs);
    const now = new Date();
    const idea = await repo.insertIdea({
      id: crypto.randomUUID(),
      workspaceId,
      columnId: column.id,
      position: await repo.countInColumn(column.id),
      title: input.title,
      body: input.body ?? '',
      notes: input.notes ?? '',
      media: mediaRefs,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await auditByActor(tx, ctx, { workspaceId, action: 'idea.created', entityType: 'idea', entityId: idea.id, changes: { title: idea.title, columnId: column.id, media: mediaRefs.length } });
    return idea;
  });
  return view(row, new Map());
}

export async function updateIdea(ctx: ServiceContext, workspaceId: string, ideaId: string, input: Partial<IdeaInput>): Promise<IdeaView> {
  await ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    const idea = await repo.findIdea(workspaceId, ideaId);
    if (!idea) throw ideaNotFound();
    const changes: Record<string, unknown> = {};
    const set: Partial<IdeaRow> = {};
    for (const key of ['title', 'body', 'notes'] as const) {
      const value = input[key];
      if (value === undefined || value === idea[key]) continue;
      set[key] = value;
      // The text itself may be long and is the team's own; the log says which field changed.
      changes[key] = key === 'title' ? { from: idea.title, to: value } : 'changed';
    }
    if (input.media !== undefined) {
      const next = cleanMedia(input.media);
      await checkMedia(tx, workspaceId, next);
      if (JSON.stringify(next) !== JSON.stringify(idea.media)) {
        set.media = next;
        const kept = new Set(next.map((m) => m.mediaId));
        const dropped = idea.media.map((m) => m.mediaId).filter((id) => !kept.has(id));
        // Files taken off the card are released like a deleted post's: kept while anything else needs them.
        await repo.releaseMedia(workspaceId, dropped);
        changes.media = { from: idea.media.length, to: next.length };
      }
    }
    if (!Object.keys(changes).length) return;
    await repo.updateIdea(idea.id, { ...set, updatedAt: new Date() });
    await auditByActor(tx, ctx, { workspaceId, action: 'idea.updated', entityType: 'idea', entityId: idea.id, changes });
  });
  return getIdea(ctx, workspaceId, ideaId);
}

/** Deletes a card; its uploads are released and the retention job deletes each one nothing else needs. */
export async function deleteIdea(ctx: ServiceContext, workspaceId: string, ideaId: string) {
  await ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    await repo.lockBoard(workspaceId);
    const idea = await repo.findIdea(workspaceId, ideaId);
    if (!idea) throw ideaNotFound();
    await repo.deleteIdea(idea.id);
    await renumberIdeas(tx, idea.columnId, await repo.ideasInColumn(idea.columnId));
    await repo.releaseMedia(workspaceId, idea.media.map((m) => m.mediaId));
    await auditByActor(tx, ctx, { workspaceId, action: 'idea.deleted', entityType: 'idea', entityId: idea.id, changes: { title: idea.title, media: idea.media.length } });
  });
}

/**
 * Puts a card at `position` (0 is the top; beyond the end is the bottom) of `columnId`, in one
 * transaction that renumbers the column it left and the one it joined. The board lock makes
 * concurrent moves take turns, so positions stay 0…n-1 in every column.
 */
export async function moveIdea(ctx: ServiceContext, workspaceId: string, ideaId: string, input: { columnId: string; position: number }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    await repo.lockBoard(workspaceId);
    const idea = await repo.findIdea(workspaceId, ideaId);
    if (!idea) throw ideaNotFound();
    const target = await requireColumn(tx, workspaceId, input.columnId);
    const before = (await repo.ideasInColumn(idea.columnId)).findIndex((i) => i.id === idea.id);
    const ordered = placeAt((await repo.ideasInColumn(target.id)).filter((i) => i.id !== idea.id), idea, input.position);
    await renumberIdeas(tx, target.id, ordered);
    if (target.id !== idea.columnId) await renumberIdeas(tx, idea.columnId, (await repo.ideasInColumn(idea.columnId)).filter((i) => i.id !== idea.id));
    const after = ordered.indexOf(idea);
    if (target.id === idea.columnId && before === after) return;
    await auditByActor(tx, ctx, {
      workspaceId,
      action: 'idea.moved',
      entityType: 'idea',
      entityId: idea.id,
      changes: { columnId: { from: idea.columnId, to: target.id }, position: { from: before, to: after } },
    });
  });
  return getIdea(ctx, workspaceId, ideaId);
}

/** Records the post a card was turned into; the card then links to it. */
export async function linkIdeaToPost(ctx: ServiceContext, workspaceId: string, ideaId: string, input: { postId: string }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createIdeasRepository(tx);
    const idea = await repo.findIdea(workspaceId, ideaId);
    if (!idea) throw ideaNotFound();
    if (!(await repo.postExists(workspaceId, input.postId))) throw invalid('ideas.unknown_post', 'postId: no such post in this workspace', { field: 'postId' });
    if (idea.postGroupId === input.postId) return;
    await repo.updateIdea(idea.id, { postGroupId: input.postId, updatedAt: new Date() });
    await auditByActor(tx, ctx, { workspaceId, action: 'idea.turned_into_post', entityType: 'idea', entityId: idea.id, changes: { postId: { from: idea.postGroupId, to: input.postId } } });
  });
  return getIdea(ctx, workspaceId, ideaId);
}
