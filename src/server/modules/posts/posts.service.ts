import crypto from 'node:crypto';
import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import type { NetworkId } from '../../../shared/networks.ts';
import { checkVariant, type InstanceCapabilities, type MediaFacts, type RuleIssue } from '../../../shared/publishing-rules.ts';
import { isValidTimeZone } from '../../../shared/time-slots.ts';
import { httpLinkOrNull } from '../../../shared/web-links.ts';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, deliveryAttempts, deliveryMetrics, media, postGroups, type PostContent } from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { withPausedFlag } from '../privacy/restriction.service.ts';
import { refreshGroupState } from '../publishing/group-state.ts';
import { cancelWakeUp, scheduleWakeUp } from '../publishing/wake-ups.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, forbidden, notFound } from '../shared/errors.ts';
import { decodeInstantCursor, encodeInstantCursor } from '../shared/cursor.ts';
import { nextQueueSlot, workspaceTimeZone } from './time-slots.service.ts';

/** `instance`: what the operator set up that the network rules depend on (media by URL for TikTok photos). */
export type PostsDeps = { boss: Queue; instance: InstanceCapabilities };

type MediaRef = { mediaId: string; altText?: string };
type Part = { text: string; media: MediaRef[] };
/** What the composer sends: shared content, and per channel what differs. */
export type ComposeInput = {
  content: { text: string; media: MediaRef[]; threadParts: Part[]; firstComment?: string | null };
  channels: { channelId: string; text?: string; media?: MediaRef[]; threadParts?: Part[]; firstComment?: string | null; settings?: Record<string, unknown> }[];
};
/** A draft may carry a planned time: it shows on the calendar but nothing is sent until it is scheduled. */
export type ScheduleInput = { mode: 'draft'; publishAt?: string; timeZone?: string } | { mode: 'now' } | { mode: 'at'; publishAt: string; timeZone: string } | { mode: 'queue'; timeZone?: string };

type GroupRow = typeof postGroups.$inferSelect;
type DeliveryRow = typeof deliveries.$inferSelect;

const ACTIVE = ['publishing', 'processing'];
// A time a few seconds in the past is "now" (the user's clock, the request's travel); more is a mistake.
const PAST_TOLERANCE_MS = 60_000;

const validationError = (issues: RuleIssue[]) =>
  new AppError('validation_failed', 400, `${issues[0]!.field}: ${issues[0]!.message}`, { issues });

function sharedContent(input: ComposeInput['content']): PostContent {
  return {
    parts: [{ text: input.text, media: input.media }, ...input.threadParts],
    firstComment: input.firstComment ?? null,
    settings: {},
  };
}

function variantFor(input: ComposeInput, channel: ComposeInput['channels'][number]): PostContent {
  const first: Part = { text: channel.text ?? input.content.text, media: channel.media ?? input.content.media };
  return {
    parts: [first, ...(channel.threadParts ?? input.content.threadParts)],
    firstComment: channel.firstComment !== undefined ? channel.firstComment : (input.content.firstComment ?? null),
    settings: channel.settings ?? {},
  };
}

/** The composer's view of a stored post: shared content back in its own shape. */
function composeView(content: PostContent) {
  const [first, ...rest] = content.parts;
  return { text: first?.text ?? '', media: first?.media ?? [], threadParts: rest, firstComment: content.firstComment ?? null };
}

export async function loadMediaFacts(db: Db | Tx, workspaceId: string, ids: string[]): Promise<Map<string, MediaFacts>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select()
    .from(media)
    .where(and(eq(media.workspaceId, workspaceId), inArray(media.id, [...new Set(ids)]), eq(media.status, 'ready')));
  return new Map(
    rows.map((m) => [m.id, { id: m.id, kind: m.kind as 'image' | 'video', mimeType: m.mimeType, size: m.size, width: m.width, height: m.height, durationSeconds: m.durationSeconds, frameRate: m.frameRate }]),
  );
}

/**
 * Checks every channel's variant against its network's rules (and that the channels are this
 * workspace's, connected). Answers the variants to store; throws 400 listing every problem with
 * its field (`channels.<i>.<field>`).
 */
async function prepareVariants(db: Db | Tx, workspaceId: string, input: ComposeInput, forPublishing: boolean, instance: InstanceCapabilities) {
  const ids = input.channels.map((c) => c.channelId);
  if (new Set(ids).size !== ids.length) throw validationError([{ field: 'channels', message: 'a channel is listed twice' }]);
  const rows = await db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const variants = input.channels.map((c) => ({ channel: byId.get(c.channelId), content: variantFor(input, c) }));
  const mediaIds = variants.flatMap((v) => v.content.parts.flatMap((p) => p.media.map((m) => m.mediaId)));
  const facts = await loadMediaFacts(db, workspaceId, mediaIds);
  const issues: RuleIssue[] = [];
  variants.forEach(({ channel, content }, index) => {
    const field = (name: string) => `channels.${index}.${name}`;
    if (!channel) return issues.push({ field: field('channelId'), message: 'no such channel in this workspace' });
    if (channel.status === 'disconnected') return issues.push({ field: field('channelId'), message: `${channel.username ?? channel.network} is disconnected; connect it again first` });
    // Every save checks what the granted permissions and this instance allow: a draft that could never go out is refused early.
    const checked = checkVariant(channel.network as NetworkId, content, facts, channel.limits ?? {}, { forPublishing, grant: channel, instance });
    for (const issue of checked) issues.push({ field: field(issue.field), message: issue.message });
  });
  if (issues.length) throw validationError(issues);
  return variants.map((v) => ({ channel: v.channel!, content: v.content }));
}

/** When the post goes out, from the schedule the user chose; null for drafts. */
async function resolvePublishAt(db: Db | Tx, workspaceId: string, channelIds: string[], schedule: ScheduleInput, excludeGroupId?: string): Promise<{ at: Date | null; timeZone: string | null }> {
  if (schedule.mode === 'draft') return { at: null, timeZone: null };
  if (schedule.mode === 'now') return { at: new Date(), timeZone: null };
  if (schedule.mode === 'at') {
    if (!isValidTimeZone(schedule.timeZone)) throw validationError([{ field: 'schedule.timeZone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' }]);
    const at = new Date(schedule.publishAt);
    if (at.getTime() < Date.now() - PAST_TOLERANCE_MS) throw validationError([{ field: 'schedule.publishAt', message: 'is in the past; pick a later time or post now' }]);
    return { at, timeZone: schedule.timeZone };
  }
  const { at, timeZone } = await nextQueueSlot(db, workspaceId, channelIds, excludeGroupId);
  if (!at) throw new AppError('posts.no_free_slot', 400, 'No free time slot for the selected channels: add posting times on the Channels page, or pick a time', { field: 'schedule' });
  return { at, timeZone };
}

/** The planned time of a draft, checked like a schedule's (a real instant, a real zone). */
function plannedTime(schedule: ScheduleInput): { at: Date | null; timeZone: string | null } {
  if (schedule.mode !== 'draft' || !schedule.publishAt) return { at: null, timeZone: null };
  if (schedule.timeZone && !isValidTimeZone(schedule.timeZone)) throw validationError([{ field: 'schedule.timeZone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' }]);
  return { at: new Date(schedule.publishAt), timeZone: schedule.timeZone ?? null };
}

function requireSchedulePermission(role: string, schedule: ScheduleInput) {
  if (schedule.mode !== 'draft' && !can(role, 'posts.schedule')) throw forbidden('posts.schedule');
}

/** Creates a post group with one delivery per channel, and wake-ups for the engine in the same transaction. */
export async function createPost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; role: string; compose: ComposeInput; schedule: ScheduleInput }) {
  requireSchedulePermission(input.role, input.schedule);
  const { workspaceId } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const variants = await prepareVariants(tx, workspaceId, input.compose, input.schedule.mode !== 'draft', deps.instance);
    const when = await resolvePublishAt(tx, workspaceId, variants.map((v) => v.channel.id), input.schedule);
    const planned = plannedTime(input.schedule);
    const groupId = crypto.randomUUID();
    const queued = when.at !== null;
    await tx.insert(postGroups).values({
      id: groupId,
      workspaceId,
      state: queued ? 'scheduled' : 'draft',
      content: sharedContent(input.compose.content),
      publishAt: when.at ?? planned.at,
      timeZone: when.timeZone ?? planned.timeZone ?? (input.schedule.mode === 'at' ? input.schedule.timeZone : await workspaceTimeZone(tx, workspaceId)),
      createdBy: ctx.actor.userId,
    });
    for (const variant of variants) {
      const deliveryId = crypto.randomUUID();
      await tx.insert(deliveries).values({
        id: deliveryId,
        workspaceId,
        postGroupId: groupId,
        channelId: variant.channel.id,
        network: variant.channel.network,
        state: queued ? 'queued' : 'draft',
        content: variant.content,
        dueAt: when.at,
        nextAttemptAt: when.at,
        idempotencyKey: crypto.randomUUID(),
      });
      if (when.at) await scheduleWakeUp(tx, deps.boss, { deliveryId, network: variant.channel.network, at: when.at });
    }
    await auditByActor(tx, ctx, {
      workspaceId,
      action: queued ? 'post.scheduled' : 'post.created',
      entityType: 'post',
      entityId: groupId,
      changes: { channels: variants.map((v) => v.channel.id), publishAt: when.at?.toISOString() ?? null, mode: input.schedule.mode },
    });
    return groupId;
  });
  return getPost(ctx, workspaceId, id);
}

async function loadGroup(db: Db | Tx, workspaceId: string, postId: string, lock = false) {
  const query = db.select().from(postGroups).where(and(eq(postGroups.id, postId), eq(postGroups.workspaceId, workspaceId)));
  const [group] = lock ? await query.for('update') : await query;
  if (!group) throw notFound('post');
  return group;
}

type MetricsRow = typeof deliveryMetrics.$inferSelect;

function publicMetrics(row: MetricsRow | undefined) {
  if (!row) return null;
  return { views: row.views, likes: row.likes, comments: row.comments, shares: row.shares, reach: row.reach, extra: row.extra, fetchedAt: row.fetchedAt };
}

function publicDelivery(row: DeliveryRow, channel?: typeof channels.$inferSelect & { paused?: boolean }, metrics?: MetricsRow) {
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
    errorMessage: row.errorMessage,
    /** What the engine will let a person do now. */
    actions: deliveryActions(row),
    /** The network's latest counters (analytics), null until read or when not collected. */
    metrics: publicMetrics(metrics),
  };
}

function deliveryActions(row: DeliveryRow): string[] {
  if (row.state === 'failed') return ['retry', 'mark_published'];
  if (row.state === 'unconfirmed') return ['check', 'retry_confirmed_absent', 'mark_published', 'cancel'];
  if (row.state === 'queued' || row.state === 'draft') return ['cancel'];
  return [];
}

function publicPost(group: GroupRow, rows: DeliveryRow[], channelRows: (typeof channels.$inferSelect & { paused?: boolean })[], metrics: MetricsRow[] = []) {
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
    deliveries: rows.map((row) => publicDelivery(row, byId.get(row.channelId), metricsById.get(row.id))),
  };
}

export async function getPost(ctx: ServiceContext, workspaceId: string, postId: string) {
  const group = await loadGroup(ctx.db, workspaceId, postId);
  const rows = await ctx.db.select().from(deliveries).where(eq(deliveries.postGroupId, group.id)).orderBy(asc(deliveries.createdAt), asc(deliveries.id));
  const channelRows = rows.length ? await withPausedFlag(ctx.db, await ctx.db.select().from(channels).where(inArray(channels.id, rows.map((r) => r.channelId)))) : [];
  const published = rows.filter((r) => r.state === 'published').map((r) => r.id);
  const metrics = published.length ? await ctx.db.select().from(deliveryMetrics).where(inArray(deliveryMetrics.deliveryId, published)) : [];
  return publicPost(group, rows, channelRows, metrics);
}

const encodeCursor = encodeInstantCursor;
function decodeCursor(cursor: string): { at: Date; id: string } {
  const parts = decodeInstantCursor(cursor);
  if (!parts) throw validationError([{ field: 'querystring.cursor', message: 'is not a cursor this API gave out' }]);
  return parts;
}

/**
 * Posts in a time range (calendar) or all of them, ordered by when they go out (drafts by when
 * they were written), in cursor pages.
 */
export async function listPosts(ctx: ServiceContext, workspaceId: string, q: { from?: Date; to?: Date; states?: string[]; channelId?: string; cursor?: string; limit: number }) {
  const when = sql`coalesce(${postGroups.publishAt}, ${postGroups.createdAt})`;
  const filters = [eq(postGroups.workspaceId, workspaceId)];
  if (q.from) filters.push(gte(postGroups.publishAt, q.from));
  if (q.to) filters.push(lt(postGroups.publishAt, q.to));
  if (q.states?.length) filters.push(inArray(postGroups.state, q.states));
  if (q.channelId) filters.push(sql`exists (select 1 from deliveries d where d.post_group_id = ${postGroups.id} and d.channel_id = ${q.channelId})`);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    filters.push(or(sql`${when} > ${c.at}`, and(sql`${when} = ${c.at}`, sql`${postGroups.id} > ${c.id}`))!);
  }
  const groups = await ctx.db.select().from(postGroups).where(and(...filters)).orderBy(when, asc(postGroups.id)).limit(q.limit + 1);
  const page = groups.slice(0, q.limit);
  const rows = page.length ? await ctx.db.select().from(deliveries).where(inArray(deliveries.postGroupId, page.map((g) => g.id))).orderBy(asc(deliveries.createdAt)) : [];
  const channelRows = rows.length ? await withPausedFlag(ctx.db, await ctx.db.select().from(channels).where(inArray(channels.id, [...new Set(rows.map((r) => r.channelId))]))) : [];
  const last = page.at(-1);
  return {
    items: page.map((g) => publicPost(g, rows.filter((r) => r.postGroupId === g.id), channelRows)),
    nextCursor: groups.length > q.limit && last ? encodeCursor(last.publishAt ?? last.createdAt, last.id) : null,
  };
}

/**
 * Locks a post and its deliveries for a change by a person; refused while the engine is publishing
 * it (the engine's claim would otherwise race the change).
 */
async function lockForChange(tx: Tx, workspaceId: string, postId: string) {
  const group = await loadGroup(tx, workspaceId, postId, true);
  const rows = await tx.select().from(deliveries).where(eq(deliveries.postGroupId, group.id)).for('update');
  if (rows.some((r) => ACTIVE.includes(r.state))) {
    throw conflict('post.publishing', 'This post is being published right now; changes are possible once it has finished');
  }
  return { group, rows };
}

/** Edits content and channels of a post that has not gone out; its deliveries follow. */
export async function updatePost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string; role: string; compose: ComposeInput }) {
  await ctx.db.transaction(async (tx) => {
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    if (rows.some((r) => r.state === 'published' || r.state === 'unconfirmed')) {
      throw conflict('post.already_published', 'Part of this post is already published; create a new post instead of editing it');
    }
    const scheduled = group.publishAt !== null && group.state !== 'draft';
    const variants = await prepareVariants(tx, input.workspaceId, input.compose, scheduled, deps.instance);
    const keep = new Set(variants.map((v) => v.channel.id));
    for (const row of rows.filter((r) => !keep.has(r.channelId))) {
      await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
      await tx.delete(deliveries).where(eq(deliveries.id, row.id));
    }
    for (const variant of variants) {
      const existing = rows.find((r) => r.channelId === variant.channel.id);
      if (existing) {
        // A failed or cancelled delivery that is edited is sent again at the post's time.
        const revive = scheduled && (existing.state === 'failed' || existing.state === 'cancelled') && group.publishAt!.getTime() > Date.now() - PAST_TOLERANCE_MS;
        await tx
          .update(deliveries)
          .set({ content: variant.content, updatedAt: new Date(), ...(revive ? { state: 'queued', nextAttemptAt: group.publishAt, attemptCount: 0, errorCode: null, errorMessage: null } : {}) })
          .where(eq(deliveries.id, existing.id));
        if (revive) await scheduleWakeUp(tx, deps.boss, { deliveryId: existing.id, network: existing.network, at: group.publishAt! }, existing.wakeJobId);
        continue;
      }
      const deliveryId = crypto.randomUUID();
      await tx.insert(deliveries).values({
        id: deliveryId,
        workspaceId: input.workspaceId,
        postGroupId: group.id,
        channelId: variant.channel.id,
        network: variant.channel.network,
        state: scheduled ? 'queued' : 'draft',
        content: variant.content,
        dueAt: group.publishAt,
        nextAttemptAt: scheduled ? group.publishAt : null,
        idempotencyKey: crypto.randomUUID(),
      });
      if (scheduled) await scheduleWakeUp(tx, deps.boss, { deliveryId, network: variant.channel.network, at: group.publishAt! });
    }
    await tx.update(postGroups).set({ content: sharedContent(input.compose.content), updatedAt: new Date() }).where(eq(postGroups.id, group.id));
    await refreshGroupState(tx, group.id);
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'post.updated',
      entityType: 'post',
      entityId: group.id,
      changes: { channels: [...keep] },
    });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

/** Schedules, reschedules, posts now, adds to the queue, or takes back to draft; the wake-ups move with it. */
export async function schedulePost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string; role: string; schedule: ScheduleInput }) {
  requireSchedulePermission(input.role, input.schedule);
  await ctx.db.transaction(async (tx) => {
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    const movable = rows.filter((r) => ['draft', 'queued', 'failed', 'cancelled'].includes(r.state));
    if (!movable.length) throw conflict('post.not_movable', 'Nothing of this post is left to schedule: it has gone out');
    if (input.schedule.mode !== 'draft') {
      // Scheduling is where a draft must be complete (TikTok privacy level and the like).
      const compose: ComposeInput = {
        content: composeView(group.content),
        channels: movable.map((r) => ({ channelId: r.channelId, ...composeView(r.content), settings: r.content.settings })),
      };
      await prepareVariants(tx, input.workspaceId, compose, true, deps.instance);
    }
    const when = await resolvePublishAt(tx, input.workspaceId, movable.map((r) => r.channelId), input.schedule, group.id);
    for (const row of movable) {
      await tx
        .update(deliveries)
        .set({ state: when.at ? 'queued' : 'draft', dueAt: when.at, nextAttemptAt: when.at, attemptCount: 0, errorCode: null, errorMessage: null, late: false, wakeJobId: null, updatedAt: new Date() })
        .where(eq(deliveries.id, row.id));
      if (when.at) await scheduleWakeUp(tx, deps.boss, { deliveryId: row.id, network: row.network, at: when.at }, row.wakeJobId);
      else await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
    }
    // Back to draft keeps the time as the plan (still on the calendar), unless another is given.
    const planned = plannedTime(input.schedule);
    const publishAt = when.at ?? planned.at ?? (input.schedule.mode === 'draft' ? group.publishAt : null);
    const timeZone = when.timeZone ?? planned.timeZone;
    await tx
      .update(postGroups)
      .set({ publishAt, ...(timeZone ? { timeZone } : {}), updatedAt: new Date() })
      .where(eq(postGroups.id, group.id));
    await refreshGroupState(tx, group.id);
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: when.at ? 'post.scheduled' : 'post.unscheduled',
      entityType: 'post',
      entityId: group.id,
      changes: { publishAt: { from: group.publishAt?.toISOString() ?? null, to: when.at?.toISOString() ?? null }, mode: input.schedule.mode },
    });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

/** Stops what has not gone out; what was published stays published. */
export async function cancelPost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string }) {
  await ctx.db.transaction(async (tx) => {
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    const stoppable = rows.filter((r) => ['draft', 'queued', 'unconfirmed', 'failed'].includes(r.state));
    for (const row of stoppable) {
      await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
      await tx.update(deliveries).set({ state: 'cancelled', nextAttemptAt: null, wakeJobId: null, updatedAt: new Date() }).where(eq(deliveries.id, row.id));
    }
    await refreshGroupState(tx, group.id);
    await auditByActor(tx, ctx, { workspaceId: input.workspaceId, action: 'post.cancelled', entityType: 'post', entityId: group.id, changes: { deliveries: stoppable.length } });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

export async function deletePost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string }) {
  await ctx.db.transaction(async (tx) => {
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    for (const row of rows) await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
    await tx.delete(postGroups).where(eq(postGroups.id, group.id));
    // Its uploads are released: the retention job deletes each one no other post still needs.
    const mediaIds = [...new Set([group.content, ...rows.map((r) => r.content)].flatMap((c) => c.parts.flatMap((p) => p.media.map((m) => m.mediaId))))];
    if (mediaIds.length) await tx.update(media).set({ releasedAt: new Date() }).where(and(eq(media.workspaceId, input.workspaceId), inArray(media.id, mediaIds)));
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'post.deleted',
      entityType: 'post',
      entityId: group.id,
      changes: { states: rows.map((r) => r.state) },
    });
  });
}

const nextAttemptNumber = (deliveryId: string) => sql<number>`(select count(*)::int + 1 from delivery_attempts where delivery_id = ${deliveryId})`;

async function loadDelivery(tx: Db | Tx, workspaceId: string, postId: string, deliveryId: string) {
  const [row] = await tx
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.id, deliveryId), eq(deliveries.postGroupId, postId), eq(deliveries.workspaceId, workspaceId)))
    .for('update');
  if (!row) throw notFound('delivery');
  return row;
}

/**
 * Sends a failed delivery again, or checks an unconfirmed one at the network again (safe: nothing
 * is resent unless the network shows it was not created). `confirmedAbsent` is a person saying
 * "I looked, it is not there": only then is an unconfirmed delivery sent again without a check.
 */
export async function retryDelivery(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string; deliveryId: string; confirmedAbsent?: boolean }) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadDelivery(tx, input.workspaceId, input.postId, input.deliveryId);
    if (row.state !== 'failed' && row.state !== 'unconfirmed') throw conflict('delivery.not_retryable', `Only failed or unconfirmed deliveries can be retried (this one is ${row.state})`);
    const now = new Date();
    const resend = row.state === 'failed' || input.confirmedAbsent === true;
    await tx
      .update(deliveries)
      .set({
        state: resend ? 'queued' : 'unconfirmed',
        pendingStep: resend && row.state === 'unconfirmed' ? null : row.pendingStep,
        attemptCount: 0,
        nextAttemptAt: now,
        errorCode: null,
        errorMessage: null,
        updatedAt: now,
      })
      .where(eq(deliveries.id, row.id));
    await scheduleWakeUp(tx, deps.boss, { deliveryId: row.id, network: row.network, at: now, check: !resend }, row.wakeJobId);
    await tx.insert(deliveryAttempts).values({
      id: crypto.randomUUID(),
      deliveryId: row.id,
      number: nextAttemptNumber(row.id),
      kind: 'manual',
      finishedAt: now,
      outcome: resend ? 'retry' : 'check',
      steps: [{ at: now.toISOString(), step: resend ? (row.state === 'unconfirmed' ? 'a person confirmed the post is not at the network: send again' : 'retry requested') : 'check at the network requested' }],
    });
    await refreshGroupState(tx, row.postGroupId);
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'delivery.retried',
      entityType: 'delivery',
      entityId: row.id,
      changes: { from: row.state, resend, confirmedAbsent: input.confirmedAbsent === true },
    });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

/** A person published it themselves (or saw it at the network): the engine stops. */
export async function markPublished(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string; deliveryId: string; url?: string }) {
  // Checked here as well as in the route's schema: every entry point (API, jobs, CLI) goes through this function.
  const url = httpLinkOrNull(input.url);
  if (input.url !== undefined && !url) throw validationError([{ field: 'body.url', message: 'must be an http or https link' }]);
  await ctx.db.transaction(async (tx) => {
    const row = await loadDelivery(tx, input.workspaceId, input.postId, input.deliveryId);
    if (!['failed', 'unconfirmed', 'queued'].includes(row.state)) throw conflict('delivery.not_markable', `This delivery is ${row.state}; it cannot be marked as published`);
    const now = new Date();
    await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
    await tx
      .update(deliveries)
      .set({ state: 'published', publishedAt: now, publishedBy: ctx.actor.userId, externalUrl: url ?? httpLinkOrNull(row.externalUrl), pendingStep: null, nextAttemptAt: null, wakeJobId: null, errorCode: null, errorMessage: null, updatedAt: now })
      .where(eq(deliveries.id, row.id));
    await tx.insert(deliveryAttempts).values({
      id: crypto.randomUUID(),
      deliveryId: row.id,
      number: nextAttemptNumber(row.id),
      kind: 'manual',
      finishedAt: now,
      outcome: 'published',
      steps: [{ at: now.toISOString(), step: 'marked as published by hand', request: url ? { url } : undefined }],
    });
    await refreshGroupState(tx, row.postGroupId);
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'delivery.marked_published',
      entityType: 'delivery',
      entityId: row.id,
      changes: { from: row.state, url },
    });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

/** Every attempt of a delivery with its calls and the network's answers (secrets were never stored). */
export async function deliveryLog(ctx: ServiceContext, input: { workspaceId: string; postId: string; deliveryId: string }) {
  const [row] = await ctx.db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.id, input.deliveryId), eq(deliveries.postGroupId, input.postId), eq(deliveries.workspaceId, input.workspaceId)));
  if (!row) throw notFound('delivery');
  const attempts = await ctx.db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, row.id)).orderBy(asc(deliveryAttempts.startedAt), asc(deliveryAttempts.number));
  const [channel] = await withPausedFlag(ctx.db, await ctx.db.select().from(channels).where(eq(channels.id, row.channelId)));
  return { delivery: publicDelivery(row, channel), attempts };
}

/** Failed and unconfirmed deliveries: the "Needs attention" list. */
export async function needsAttention(ctx: ServiceContext, workspaceId: string) {
  const rows = await ctx.db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.workspaceId, workspaceId), inArray(deliveries.state, ['failed', 'unconfirmed'])))
    .orderBy(asc(deliveries.dueAt))
    .limit(500);
  const channelRows = rows.length ? await withPausedFlag(ctx.db, await ctx.db.select().from(channels).where(inArray(channels.id, [...new Set(rows.map((r) => r.channelId))]))) : [];
  const byId = new Map(channelRows.map((c) => [c.id, c]));
  return { count: rows.length, items: rows.map((r) => ({ postId: r.postGroupId, ...publicDelivery(r, byId.get(r.channelId)) })) };
}
