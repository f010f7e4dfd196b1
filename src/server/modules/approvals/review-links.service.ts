import crypto from 'node:crypto';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { pickLanguage } from '../../i18n/i18n.ts';
import { media, postGroups, reviewLinks, workspaces } from '../../db/schema/index.ts';
import { auditByActor, type RequestMeta } from '../audit/audit.service.ts';
import { getMedia } from '../media/media.service.ts';
import type { PostsDeps } from '../posts/posts.content.ts';
import { composeView, mediaIdsOf } from '../posts/posts.content.ts';
import { channelsShownWith } from '../posts/posts.query.ts';
import { createPostsRepository } from '../posts/posts.repository.ts';
import { validationError } from '../posts/posts.validate.ts';
import type { ServiceContext } from '../shared/context.ts';
import { keysetOrderBy, keysetWhere, readCursor, toPage } from '../shared/cursor.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { decideInTx, publicReview, reviewsOf, type DecisionInput } from './approvals.service.ts';
import { reviewSummary } from './review-summary.ts';

const DAY_MS = 86_400_000;
// What a batch link (a week) shows: the posts of the range that are in review or were decided.
const BATCH_STATES = ['in_review', 'changes_requested', 'scheduled'];

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

type LinkRow = typeof reviewLinks.$inferSelect;

function linkStatus(row: LinkRow, now = Date.now()) {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now) return 'expired';
  return 'active';
}

export function publicLink(row: LinkRow) {
  return {
    id: row.id,
    recipientName: row.recipientName,
    recipientEmail: row.recipientEmail,
    postIds: row.postIds,
    rangeFrom: row.rangeFrom,
    rangeTo: row.rangeTo,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastOpenedAt: row.lastOpenedAt,
    createdAt: row.createdAt,
    status: linkStatus(row),
  };
}

export type NewReviewLink = { recipientName: string; recipientEmail?: string; postIds?: string[]; from?: Date; to?: Date; expiresInDays: number };

/** Creates a link; the URL (with its token) is in this answer only: the token's hash is what is kept. */
export async function createReviewLink(ctx: ServiceContext, publicOrigin: string, workspaceId: string, input: NewReviewLink) {
  const byIds = input.postIds?.length ? [...new Set(input.postIds)] : null;
  if (!byIds && !(input.from && input.to)) throw validationError([{ field: 'postIds', message: 'give the posts to review, or a range (from, to)' }]);
  if (!byIds && input.from! >= input.to!) throw validationError([{ field: 'to', message: 'must be after from' }]);
  if (byIds) {
    const found = await ctx.db.select({ id: postGroups.id }).from(postGroups).where(and(eq(postGroups.workspaceId, workspaceId), inArray(postGroups.id, byIds)));
    if (found.length !== byIds.length) throw notFound('post', 'A post in postIds is not in this workspace');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const row: typeof reviewLinks.$inferInsert = {
    id: crypto.randomUUID(),
    workspaceId,
    tokenHash: hashToken(token),
    recipientName: input.recipientName.trim(),
    recipientEmail: input.recipientEmail ?? null,
    postIds: byIds,
    rangeFrom: byIds ? null : input.from!,
    rangeTo: byIds ? null : input.to!,
    expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
    createdBy: ctx.actor.userId,
  };
  const created = await ctx.db.transaction(async (tx) => {
    const [inserted] = await tx.insert(reviewLinks).values(row).returning();
    await auditByActor(tx, ctx, {
      workspaceId,
      action: 'review_link.created',
      entityType: 'review_link',
      entityId: row.id,
      changes: { recipientName: row.recipientName, postIds: byIds, rangeFrom: row.rangeFrom?.toISOString() ?? null, rangeTo: row.rangeTo?.toISOString() ?? null, expiresAt: row.expiresAt!.toISOString() },
    });
    return inserted!;
  });
  return { ...publicLink(created), url: `${publicOrigin}/review/${token}` };
}

/** The workspace's review links, newest first, in cursor pages. */
/** `postId`: only links that show this post; `kind`: only one-post links or only range links (the share dialog asks for what it is about). */
export async function listReviewLinks(db: Db, workspaceId: string, q: { cursor?: string; limit: number; postId?: string; kind?: 'posts' | 'range' }) {
  const after = readCursor(q.cursor);
  const rows = await db
    .select()
    .from(reviewLinks)
    .where(
      and(
        eq(reviewLinks.workspaceId, workspaceId),
        q.postId ? sql`${reviewLinks.postIds} @> ${JSON.stringify([q.postId])}::jsonb` : undefined,
        q.kind === 'posts' ? isNotNull(reviewLinks.postIds) : q.kind === 'range' ? isNull(reviewLinks.postIds) : undefined,
        keysetWhere(reviewLinks.createdAt, reviewLinks.id, after, 'desc'),
      ),
    )
    .orderBy(...keysetOrderBy(reviewLinks.createdAt, reviewLinks.id, 'desc'))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map(publicLink), nextCursor: page.nextCursor };
}

export async function revokeReviewLink(ctx: ServiceContext, workspaceId: string, linkId: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(reviewLinks).where(and(eq(reviewLinks.workspaceId, workspaceId), eq(reviewLinks.id, linkId))).for('update');
    if (!row) throw notFound('review_link', 'Review link not found');
    if (row.revokedAt) return publicLink(row);
    const [updated] = await tx.update(reviewLinks).set({ revokedAt: new Date() }).where(eq(reviewLinks.id, row.id)).returning();
    await auditByActor(tx, ctx, { workspaceId, action: 'review_link.revoked', entityType: 'review_link', entityId: row.id, changes: { recipientName: row.recipientName } });
    return publicLink(updated!);
  });
}

/** The link of a token, or the clear refusal: unknown 404, revoked or expired 410 (never any data). */
export async function linkOfToken(db: Db, token: string): Promise<LinkRow> {
  const [row] = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await db.select().from(reviewLinks).where(eq(reviewLinks.tokenHash, hashToken(token))) : [];
  if (!row) throw new AppError('review_link.not_found', 404, 'This review link does not exist. Ask the person who sent it for a new one.');
  const status = linkStatus(row);
  if (status === 'revoked') throw new AppError('review_link.revoked', 410, 'This review link was withdrawn. Ask the person who sent it for a new one.');
  if (status === 'expired') throw new AppError('review_link.expired', 410, 'This review link has expired. Ask the person who sent it for a new one.');
  return row;
}

async function postsOfLink(db: Db, link: LinkRow) {
  const where = link.postIds
    ? and(eq(postGroups.workspaceId, link.workspaceId), inArray(postGroups.id, link.postIds.length ? link.postIds : ['-']))
    : and(eq(postGroups.workspaceId, link.workspaceId), inArray(postGroups.state, BATCH_STATES), gte(postGroups.publishAt, link.rangeFrom!), lt(postGroups.publishAt, link.rangeTo!));
  return db.select().from(postGroups).where(where).orderBy(asc(postGroups.publishAt)).limit(100);
}

/** Media URLs in a link's previews go through the link (its token), never the workspace's routes. */
function withLinkMedia(content: ReturnType<typeof composeView>, token: string) {
  const url = (mediaId: string) => `/api/v1/review/${token}/media/${mediaId}`;
  const media = (list: { mediaId: string; altText?: string }[]) => list.map((m) => ({ ...m, url: url(m.mediaId) }));
  return { ...content, media: media(content.media), threadParts: content.threadParts.map((p) => ({ ...p, media: media(p.media) })) };
}

/** What the client sees: the workspace's name, who the link is for, and each post with its previews. */
export async function openReviewLink(db: Db, token: string) {
  const link = await linkOfToken(db, token);
  await db.update(reviewLinks).set({ lastOpenedAt: new Date() }).where(eq(reviewLinks.id, link.id));
  const [workspace] = await db.select({ name: workspaces.name, language: workspaces.language }).from(workspaces).where(eq(workspaces.id, link.workspaceId));
  const groups = await postsOfLink(db, link);
  const repo = createPostsRepository(db);
  const rows = await repo.deliveriesOfGroups(groups.map((g) => g.id));
  const channelRows = new Map((await channelsShownWith(db, rows)).map((c) => [c.id, c]));
  const reviews = await reviewsOf(db, groups.map((g) => g.id));
  const mediaIds = mediaIdsOf(rows.map((r) => r.content));
  const files = mediaIds.length ? await db.select({ id: media.id, kind: media.kind, fileName: media.fileName }).from(media).where(and(eq(media.workspaceId, link.workspaceId), inArray(media.id, mediaIds))) : [];
  return {
    workspaceName: workspace?.name ?? '',
    // The page is the workspace's client's: it shows in the language set for them.
    language: pickLanguage(workspace?.language),
    files: files.map((f) => ({ mediaId: f.id, kind: f.kind, fileName: f.fileName ?? '', url: `/api/v1/review/${token}/media/${f.id}` })),
    recipientName: link.recipientName,
    expiresAt: link.expiresAt,
    posts: groups.map((g) => ({
      id: g.id,
      state: g.state,
      publishAt: g.publishAt,
      timeZone: g.timeZone,
      review: reviewSummary(g),
      deliveries: rows
        .filter((r) => r.postGroupId === g.id)
        .map((r) => {
          const channel = channelRows.get(r.channelId);
          return {
            id: r.id,
            channelId: r.channelId,
            network: r.network,
            channel: channel ? { username: channel.username, displayName: channel.displayName } : null,
            content: withLinkMedia(composeView(r.content), token),
            settings: r.content.settings ?? {},
          };
        }),
      reviews: reviews.filter((r) => r.postGroupId === g.id).map((r) => ({ decision: r.decision, comment: r.comment, actorName: r.actorName, createdAt: r.createdAt })),
    })),
  };
}

/** A decision through the link, on a post the link shows; recorded with the recipient's name and IP. */
export async function decideByLink(db: Db, deps: PostsDeps, token: string, postId: string, input: DecisionInput, meta: RequestMeta) {
  const link = await linkOfToken(db, token);
  const shown = await postsOfLink(db, link);
  if (!shown.some((g) => g.id === postId)) throw notFound('post', 'This post is not part of this review link');
  await db.transaction((tx) => decideInTx(tx, deps, { kind: 'link', linkId: link.id, name: link.recipientName, meta }, link.workspaceId, postId, { decision: input.decision, comment: input.comment }));
  const page = await openReviewLink(db, token);
  return page.posts.find((p) => p.id === postId)!;
}

/** A file of a post the link shows (a thumbnail in the previews); 404 for anything else. */
export async function linkMedia(db: Db, token: string, mediaId: string) {
  const link = await linkOfToken(db, token);
  const groups = await postsOfLink(db, link);
  const rows = await createPostsRepository(db).deliveriesOfGroups(groups.map((g) => g.id));
  const ids = new Set(mediaIdsOf([...groups.map((g) => g.content), ...rows.map((r) => r.content)]));
  if (!ids.has(mediaId)) throw notFound('media');
  return getMedia({ db }, link.workspaceId, mediaId);
}

export { publicReview };
