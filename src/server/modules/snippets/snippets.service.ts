import crypto from 'node:crypto';
import { auditByActor, diffFields } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict } from '../shared/errors.ts';
import { createSnippetsRepository, type SnippetRow } from './snippets.repository.ts';

export const snippetKinds = ['hashtags', 'signature', 'other'] as const;
export type SnippetKind = (typeof snippetKinds)[number];
export type SnippetInput = { name: string; text: string; kind: SnippetKind };

/** Enough for every hashtag group and signature a team keeps; more is a sign of a runaway script. */
export const MAX_SNIPPETS = 200;

export type SnippetView = Omit<SnippetRow, 'workspaceId'>;
const view = ({ workspaceId: _workspace, ...rest }: SnippetRow): SnippetView => rest;
const snippetNotFound = () => new AppError('snippet.not_found', 404, 'Snippet not found');

export async function listSnippets(ctx: ServiceContext, workspaceId: string): Promise<SnippetView[]> {
  return (await createSnippetsRepository(ctx.db).listOf(workspaceId)).map(view);
}

export async function getSnippet(ctx: ServiceContext, workspaceId: string, id: string): Promise<SnippetView> {
  const row = await createSnippetsRepository(ctx.db).find(workspaceId, id);
  if (!row) throw snippetNotFound();
  return view(row);
}

export async function createSnippet(ctx: ServiceContext, workspaceId: string, input: SnippetInput): Promise<SnippetView> {
  return ctx.db.transaction(async (tx) => {
    const repo = createSnippetsRepository(tx);
    if ((await repo.count(workspaceId)) >= MAX_SNIPPETS) throw conflict('snippet.too_many', `A workspace keeps at most ${MAX_SNIPPETS} snippets: delete one first`, { max: MAX_SNIPPETS });
    const now = new Date();
    const row = await repo.insert({ id: crypto.randomUUID(), workspaceId, ...input, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
    // The text is the team's own and may be long: the log names the snippet and its kind.
    await auditByActor(tx, ctx, { workspaceId, action: 'snippet.created', entityType: 'snippet', entityId: row.id, changes: { name: row.name, kind: row.kind } });
    return view(row);
  });
}

export async function updateSnippet(ctx: ServiceContext, workspaceId: string, id: string, input: Partial<SnippetInput>): Promise<SnippetView> {
  return ctx.db.transaction(async (tx) => {
    const repo = createSnippetsRepository(tx);
    const row = await repo.find(workspaceId, id);
    if (!row) throw snippetNotFound();
    const changes: Record<string, unknown> = diffFields({ name: row.name, kind: row.kind }, { name: input.name, kind: input.kind });
    if (input.text !== undefined && input.text !== row.text) changes.text = 'changed';
    if (!Object.keys(changes).length) return view(row);
    const updated = await repo.update(row.id, { ...input, updatedAt: new Date() });
    await auditByActor(tx, ctx, { workspaceId, action: 'snippet.updated', entityType: 'snippet', entityId: row.id, changes });
    return view(updated);
  });
}

export async function deleteSnippet(ctx: ServiceContext, workspaceId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const repo = createSnippetsRepository(tx);
    const row = await repo.find(workspaceId, id);
    if (!row) throw snippetNotFound();
    await repo.remove(row.id);
    await auditByActor(tx, ctx, { workspaceId, action: 'snippet.deleted', entityType: 'snippet', entityId: row.id, changes: { name: row.name, kind: row.kind } });
  });
}
