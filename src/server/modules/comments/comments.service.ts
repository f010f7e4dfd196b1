import crypto from 'node:crypto';
import { postExcerpt } from '../../../shared/post-excerpt.ts';
import { can } from '../../../shared/permissions.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { notifyUsers } from '../notifications/notifications.service.ts';
import { ref } from '../notifications/notification-message.ts';
import { createPostsRepository } from '../posts/posts.repository.ts';
import type { ServiceContext } from '../shared/context.ts';
import { readCursor, toPage } from '../shared/cursor.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import type { Db, Tx } from '../../db/database.ts';
import { createCommentsRepository, type CommentRow } from './comments.repository.ts';

type PostRef = { workspaceId: string; postId: string };
export type CommentInput = { body: string; mentions: string[] };

/** How a comment reads in the API: the author by name ("Former member" once their account is gone), mentions with names. */
function present(row: CommentRow, author: { name: string | null; image: string | null }, names: Map<string, string>) {
  return {
    id: row.id,
    postId: row.postGroupId,
    body: row.body,
    author: row.authorId ? { id: row.authorId, name: author.name ?? 'Former member', image: author.image } : { id: null, name: 'Former member', image: null },
    mentions: row.mentions.map((id) => ({ userId: id, name: names.get(id) ?? 'Former member' })),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

async function requirePost(db: Db | Tx, ref: PostRef) {
  const post = await createPostsRepository(db).findGroup(ref.workspaceId, ref.postId);
  if (!post) throw notFound('post');
  return post;
}

/** Mentions must name members of this workspace: anyone else would learn of a post they cannot see. */
async function checkedMentions(db: Db | Tx, workspaceId: string, mentions: string[]): Promise<string[]> {
  const unique = [...new Set(mentions)];
  const found = new Set(await createCommentsRepository(db).memberIdsAmong(workspaceId, unique));
  const strangers = unique.filter((id) => !found.has(id));
  if (strangers.length) {
    throw invalid('comments.mention_not_member', 'Only members of this workspace can be mentioned', { field: 'mentions', reason: 'not_a_member', userIds: strangers });
  }
  return unique;
}

async function notifyMentioned(tx: Tx, ctx: ServiceContext, post: { id: string; workspaceId: string; content: { parts?: { text?: string }[] } }, comment: CommentRow, userIds: string[]) {
  const others = userIds.filter((id) => id !== ctx.actor.userId);
  if (!others.length) return;
  const author = (await createCommentsRepository(tx).namesOf([ctx.actor.userId])).get(ctx.actor.userId) ?? ref('words.someone');
  const hasText = (post.content.parts ?? []).some((part) => part.text?.trim());
  await notifyUsers(tx, others, {
    workspaceId: post.workspaceId,
    kind: 'comment.mention',
    entityType: 'post',
    entityId: post.id,
    message: {
      key: 'comment.mention',
      values: {
        author,
        // postExcerpt names a post without text "Untitled post": that name is said in the reader's language.
        post: ref('words.post.quoted', { text: hasText ? postExcerpt(post.content, 50) : ref('words.post.untitledName') }),
        comment: comment.body.length > 140 ? `${comment.body.slice(0, 139)}…` : comment.body,
      },
    },
    link: `/w/${post.workspaceId}/posts/${post.id}#comments`,
    category: 'comments',
    email: true,
  });
}

/** A post's comments, oldest first, in cursor pages. */
export async function listComments(ctx: ServiceContext, ref: PostRef, q: { cursor?: string; limit: number }) {
  const after = readCursor(q.cursor);
  await requirePost(ctx.db, ref);
  const repo = createCommentsRepository(ctx.db);
  const page = toPage(await repo.listOfPost(ref.workspaceId, ref.postId, { limit: q.limit + 1, after }), q.limit, (r) => ({ at: r.comment.createdAt, id: r.comment.id }));
  const names = await repo.namesOf(page.items.flatMap((r) => r.comment.mentions));
  return { items: page.items.map((r) => present(r.comment, { name: r.authorName, image: r.authorImage }, names)), nextCursor: page.nextCursor };
}

async function presentOne(db: Db | Tx, row: CommentRow) {
  const names = await createCommentsRepository(db).namesOf([...(row.authorId ? [row.authorId] : []), ...row.mentions]);
  return present(row, { name: row.authorId ? (names.get(row.authorId) ?? null) : null, image: null }, names);
}

export async function createComment(ctx: ServiceContext, ref: PostRef, input: CommentInput) {
  return ctx.db.transaction(async (tx) => {
    const post = await requirePost(tx, ref);
    const mentions = await checkedMentions(tx, ref.workspaceId, input.mentions);
    const row = await createCommentsRepository(tx).insert({
      id: crypto.randomUUID(),
      workspaceId: ref.workspaceId,
      postGroupId: post.id,
      authorId: ctx.actor.userId,
      body: input.body,
      mentions,
    });
    await notifyMentioned(tx, ctx, post, row, mentions);
    await auditByActor(tx, ctx, { workspaceId: ref.workspaceId, action: 'comment.created', entityType: 'comment', entityId: row.id, changes: { postId: post.id, mentions: mentions.length } });
    return presentOne(tx, row);
  });
}

const notYours = (verb: 'edit' | 'delete') => new AppError('comments.not_author', 403, `Only the author of a comment can ${verb} it`, undefined, { verb });

/** Edits one's own comment; members newly mentioned by the edit are told, those mentioned before are not told again. */
export async function editComment(ctx: ServiceContext, ref: PostRef & { commentId: string }, input: CommentInput) {
  return ctx.db.transaction(async (tx) => {
    const post = await requirePost(tx, ref);
    const repo = createCommentsRepository(tx);
    const existing = await repo.find(ref.workspaceId, post.id, ref.commentId);
    if (!existing) throw notFound('comment');
    if (existing.authorId !== ctx.actor.userId) throw notYours('edit');
    const mentions = await checkedMentions(tx, ref.workspaceId, input.mentions);
    const row = await repo.update(existing.id, { body: input.body, mentions, editedAt: new Date() });
    await notifyMentioned(tx, ctx, post, row, mentions.filter((id) => !existing.mentions.includes(id)));
    await auditByActor(tx, ctx, { workspaceId: ref.workspaceId, action: 'comment.edited', entityType: 'comment', entityId: row.id, changes: { postId: post.id } });
    return presentOne(tx, row);
  });
}

/** Authors delete their own comments; owners and admins (who manage members) may delete anyone's. */
export async function deleteComment(ctx: ServiceContext, ref: PostRef & { commentId: string; role: string }) {
  await ctx.db.transaction(async (tx) => {
    const post = await requirePost(tx, ref);
    const repo = createCommentsRepository(tx);
    const existing = await repo.find(ref.workspaceId, post.id, ref.commentId);
    if (!existing) throw notFound('comment');
    const own = existing.authorId === ctx.actor.userId;
    if (!own && !can(ref.role, 'members.manage')) throw notYours('delete');
    await repo.delete(existing.id);
    await auditByActor(tx, ctx, {
      workspaceId: ref.workspaceId,
      action: 'comment.deleted',
      entityType: 'comment',
      entityId: existing.id,
      changes: { postId: post.id, ...(own ? {} : { authorId: existing.authorId }) },
    });
  });
  return { deleted: true };
}
