import { readOnOneSnapshot, type Db, type Tx } from '../../db/database.ts';
import { withPausedFlag } from '../privacy/restriction.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { readCursor, toPage } from '../shared/cursor.ts';
import { notFound } from '../shared/errors.ts';
import { composeView } from './posts.content.ts';
import { createPostsRepository, type GroupRow, type MetricsRow, type ShownChannelRow, type ShownDeliveryRow } from './posts.repository.ts';
import { reviewSummary } from '../approvals/review-summary.ts';
import { sayDeliveryError } from '../publishing/delivery-words.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';

/** Who reads, and in which language: a delivery's error is said in it (English when not given: jobs, MCP, other APIs). */
export type ReadingContext = ServiceContext & { language?: Language };

type ShownChannel = ShownChannelRow & { paused?: boolean };

function publicMetrics(row: MetricsRow | undefined) {
  if (!row) return null;
  return { views: row.views, likes: row.likes, comments: row.comments, shares: row.shares, reach: row.reach, extra: row.extra, fetchedAt: row.fetchedAt };
}

export function publicDelivery(row: ShownDeliveryRow, language: Language, channel?: ShownChannel, metrics?: MetricsRow) {
  return {
    id: row.id,
    channelId: row.channelId,
    network: row.network,
    channel: channel ? { username: channel.username, displayName: channel.displayName, status: channel.status, avatar: channel.avatarCachedAt ? `/api/v1/workspaces/${channel.workspaceId}/channels/${channel.id}/avatar?v=${channel.avatarCachedAt.getTime()}` : null } : null,
    state: row.state,
    content: composeView(row.content),
    settings: row.content.settings ?? {},
    dueAt: row.dueAt,
    nextAttemptAt: row.nextAttemptAt,
    attemptCount: row.attemptCount,
    late: row.late,
    /** Waiting because the user who connected the channel paused processing. */
    paused: !!channel?.paused && ['queued', 'processing', 'unconfirmed'].includes(row.state),
    externalId: row.externalId,
    externalUrl: row.externalUrl,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    errorCode: row.errorCode,
    errorMessage: sayDeliveryError(row, language),
    /** What the engine will let a person do now. */
    actions: deliveryActions(row),
    /** The network's latest counters (analytics), null until read or when not collected. */
    metrics: publicMetrics(metrics),
  };
}

function deliveryActions(row: Pick<ShownDeliveryRow, 'state'>): string[] {
  if (row.state === 'failed') return ['retry', 'mark_published'];
  if (row.state === 'unconfirmed') return ['check', 'retry_confirmed_absent', 'mark_published', 'cancel'];
  // A draft is not on its way anywhere: it is edited or deleted, and "cancel" had nothing to stop.
  if (row.state === 'queued') return ['cancel'];
  return [];
}

function publicPost(language: Language, group: GroupRow, rows: ShownDeliveryRow[], channelRows: ShownChannel[], metrics: MetricsRow[] = []) {
  const byId = new Map(channelRows.map((c) => [c.id, c]));
  const metricsById = new Map(metrics.map((m) => [m.deliveryId, m]));
  return {
    id: group.id,
    workspaceId: group.workspaceId,
    state: group.state,
    content: composeView(group.content),
    publishAt: group.publishAt,
    timeZone: group.timeZone,
    createdBy: group.createdBy,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
    review: reviewSummary(group),
    deliveries: rows.map((row) => publicDelivery(row, language, byId.get(row.channelId), metricsById.get(row.id))),
  };
}

/** The deliveries' channels, each with whether its connecting user paused processing. */
export async function channelsShownWith(db: Db | Tx, rows: Pick<ShownDeliveryRow, 'channelId'>[]): Promise<ShownChannel[]> {
  if (!rows.length) return [];
  return withPausedFlag(db, await createPostsRepository(db).channelsByIds(rows.map((r) => r.channelId)));
}

export async function getPost(ctx: ReadingContext, workspaceId: string, postId: string) {
  // The post's state and its deliveries' states from the same moment (see readOnOneSnapshot).
  return readOnOneSnapshot(ctx.db, async (tx) => {
    const repo = createPostsRepository(tx);
    const group = await repo.findGroup(workspaceId, postId);
    if (!group) throw notFound('post');
    const rows = await repo.deliveriesOf(group.id);
    const channelRows = await channelsShownWith(tx, rows);
    const metrics = await repo.metricsOf(rows.filter((r) => r.state === 'published').map((r) => r.id));
    return publicPost(ctx.language ?? defaultLanguage, group, rows, channelRows, metrics);
  });
}

/** A page of post groups with their deliveries and channels (three reads for the whole page). */
async function presentGroups(tx: Tx, language: Language, groups: GroupRow[]) {
  const rows = await createPostsRepository(tx).deliveriesOfGroups(groups.map((g) => g.id));
  const channelRows = await channelsShownWith(tx, rows);
  // One pass, not a scan of the page's deliveries per post (500 posts × 600 deliveries a page).
  const byGroup = new Map<string, ShownDeliveryRow[]>();
  for (const row of rows) {
    const list = byGroup.get(row.postGroupId);
    if (list) list.push(row);
    else byGroup.set(row.postGroupId, [row]);
  }
  return groups.map((g) => publicPost(language, g, byGroup.get(g.id) ?? [], channelRows));
}

/**
 * Posts in a time range (calendar) or all of them, ordered by when they go out (drafts by when
 * they were written), in cursor pages.
 */
export async function listPosts(ctx: ReadingContext, workspaceId: string, q: { from?: Date; to?: Date; states?: string[]; channelId?: string; cursor?: string; limit: number }) {
  const after = readCursor(q.cursor);
  return readOnOneSnapshot(ctx.db, async (tx) => {
    const groups = await createPostsRepository(tx).listGroups(workspaceId, { from: q.from, to: q.to, states: q.states, channelId: q.channelId, after, limit: q.limit });
    const page = toPage(groups, q.limit, (g) => ({ at: g.publishAt ?? g.createdAt, id: g.id }));
    return { items: await presentGroups(tx, ctx.language ?? defaultLanguage, page.items), nextCursor: page.nextCursor };
  });
}

/** Every draft, with or without a time, the last edited first, in cursor pages (the Drafts view). */
export async function listDrafts(ctx: ReadingContext, workspaceId: string, q: { authorId?: string; channelId?: string; cursor?: string; limit: number }) {
  const before = readCursor(q.cursor);
  return readOnOneSnapshot(ctx.db, async (tx) => {
    const groups = await createPostsRepository(tx).listDrafts(workspaceId, { authorId: q.authorId, channelId: q.channelId, before, limit: q.limit });
    const page = toPage(groups, q.limit, (g) => ({ at: g.updatedAt, id: g.id }));
    return { items: await presentGroups(tx, ctx.language ?? defaultLanguage, page.items), nextCursor: page.nextCursor };
  });
}

/** Failed and unconfirmed deliveries: the "Needs attention" list. */
export async function needsAttention(ctx: ReadingContext, workspaceId: string) {
  const rows = await createPostsRepository(ctx.db).deliveriesNeedingAttention(workspaceId);
  const byId = new Map((await channelsShownWith(ctx.db, rows)).map((c) => [c.id, c]));
  return { count: rows.length, items: rows.map((r) => ({ postId: r.postGroupId, ...publicDelivery(r, ctx.language ?? defaultLanguage, byId.get(r.channelId)) })) };
}
