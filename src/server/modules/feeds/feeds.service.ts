import crypto from 'node:crypto';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Logger } from 'pino';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { can } from '../../../shared/permissions.ts';
import type { Db } from '../../db/database.ts';
import { isPublicAddress } from '../../providers/guarded-fetch.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { PostsDeps } from '../posts/posts.content.ts';
import { createPost } from '../posts/posts.compose.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, invalid } from '../shared/errors.ts';
import { deleteMedia } from '../media/media.service.ts';
import { describeFetchError, fetchFeed, type FetchSettings } from './feed-fetch.ts';
import { FeedImageError, storeFeedImage, type FeedImageSettings } from './feed-image.ts';
import { NotAFeedError, parseFeedItems, renderTemplate, type FeedItem } from './feed-items.ts';
import { feedReason, feedReasonWith, feedWords, reasonOfError, refusalReason, sayFeedError, sayFeedReason, sayItemReason, storedFeedError, storedItemReason, type FeedReason } from './feed-words.ts';
import { createFeedsRepository, type FeedItemRow, type FeedRow } from './feeds.repository.ts';

export const feedModes = ['draft', 'queue'] as const;
export type FeedMode = (typeof feedModes)[number];
export type FeedInput = { name: string; url: string; channelIds: string[]; mode: FeedMode; template: string; intervalMinutes: number; enabled: boolean };

/** The first check of a feed turns at most this many of its newest items into posts; the rest are taken as known. */
export const FIRST_CHECK_ITEMS = 3;
/** Any later check turns at most this many new items into posts; more at once are recorded as skipped. */
export const MAX_ITEMS_PER_CHECK = 10;
export const MIN_INTERVAL_MINUTES = 15;
export const MAX_FEEDS = 50;
const RECENT_ITEMS = 20;

/** `image` absent: items' pictures are not fetched (the posts are made without them). */
export type FeedDeps = { posts: PostsDeps; fetch: FetchSettings; image?: FeedImageSettings; logger?: Logger };

export type FeedView = Omit<FeedRow, 'workspaceId' | 'etag' | 'lastModified' | 'lastErrorKey' | 'lastErrorValues'>;
export type FeedItemView = Pick<FeedItemRow, 'id' | 'title' | 'link' | 'publishedAt' | 'outcome' | 'reason' | 'postGroupId' | 'createdAt'>;
/** A check's outcome; `error` is its English, `errorReason` also keeps its words (said in a reader's language by checkFeedNow). */
export type CheckOutcome = { status: 'ok' | 'unchanged' | 'failed'; queued: number; drafts: number; skipped: number; error: string | null; errorReason?: FeedReason | null };

const feedNotFound = () => new AppError('feed.not_found', 404, 'Feed not found');
/** The feed as the API shows it, its last error said in `language` (the stored English when it has no words). */
function view(row: FeedRow, language: Language): FeedView {
  const { workspaceId: _w, etag: _e, lastModified: _l, lastErrorKey: _k, lastErrorValues: _v, ...rest } = row;
  return { ...rest, lastError: sayFeedError(row, language) };
}
const itemView = (i: FeedItemRow, language: Language): FeedItemView => ({
  id: i.id,
  title: i.title,
  link: i.link,
  publishedAt: i.publishedAt,
  outcome: i.outcome,
  reason: sayItemReason(i, language),
  postGroupId: i.postGroupId,
  createdAt: i.createdAt,
});

/**
 * The feed's address, checked before it is saved: http(s) only, and no private IP literal (names
 * are checked when the feed is read, by the guarded fetch).
 */
function checkUrl(raw: string, allowLoopback: boolean): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('feed.invalid_url', 'url: is not a web address', { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('feed.invalid_url', 'url: must start with https:// or http://', { field: 'url' });
  if (url.username || url.password) throw invalid('feed.invalid_url', 'url: must not carry a user name or password', { field: 'url' });
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (net.isIP(host) && !isPublicAddress(host) && !(allowLoopback && ipaddr.process(host).range() === 'loopback')) {
    throw invalid('feed.private_address', 'url: is a private address; Herald only reads feeds from public servers', { field: 'url' });
  }
  return url.toString();
}

async function checkChannels(db: Db, workspaceId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = new Map((await createFeedsRepository(db).channelsIn(workspaceId, unique)).map((c) => [c.id, c]));
  const index = ids.findIndex((id) => !found.has(id));
  if (index >= 0) throw invalid('feed.unknown_channel', `channelIds.${index}: no such channel in this workspace`, { field: `channelIds.${index}` });
  const gone = ids.findIndex((id) => found.get(id)!.status === 'disconnected');
  if (gone >= 0) throw invalid('feed.channel_disconnected', `channelIds.${gone}: this channel is disconnected; connect it again first`, { field: `channelIds.${gone}` });
  return unique;
}

export async function listFeeds(ctx: ServiceContext, workspaceId: string, language: Language = defaultLanguage): Promise<FeedView[]> {
  return (await createFeedsRepository(ctx.db).listOf(workspaceId)).map((row) => view(row, language));
}

export async function getFeed(ctx: ServiceContext, workspaceId: string, id: string, language: Language = defaultLanguage): Promise<FeedView & { items: FeedItemView[] }> {
  const repo = createFeedsRepository(ctx.db);
  const row = await repo.find(workspaceId, id);
  if (!row) throw feedNotFound();
  return { ...view(row, language), items: (await repo.recentItems(row.id, RECENT_ITEMS)).map((item) => itemView(item, language)) };
}

export async function createFeed(ctx: ServiceContext, deps: Pick<FeedDeps, 'fetch'>, workspaceId: string, input: FeedInput, language: Language = defaultLanguage): Promise<FeedView> {
  const url = checkUrl(input.url, deps.fetch.allowLoopback);
  const channelIds = await checkChannels(ctx.db, workspaceId, input.channelIds);
  return ctx.db.transaction(async (tx) => {
    const repo = createFeedsRepository(tx);
    if ((await repo.count(workspaceId)) >= MAX_FEEDS) throw conflict('feed.too_many', `A workspace reads at most ${MAX_FEEDS} feeds: delete one first`, { max: MAX_FEEDS });
    const now = new Date();
    const row = await repo.insert({ id: crypto.randomUUID(), workspaceId, ...input, url, channelIds, ownerUserId: ctx.actor.userId, nextCheckAt: now, createdAt: now, updatedAt: now });
    await auditByActor(tx, ctx, {
      workspaceId,
      action: 'feed.created',
      entityType: 'feed',
      entityId: row.id,
      changes: { name: row.name, url: row.url, channels: channelIds, mode: row.mode, intervalMinutes: row.intervalMinutes, enabled: row.enabled },
    });
    return view(row, language);
  });
}

/** Saving a feed makes the one who saves it its owner: posts are then made in their name and role. */
export async function updateFeed(ctx: ServiceContext, deps: Pick<FeedDeps, 'fetch'>, workspaceId: string, id: string, input: Partial<FeedInput>, language: Language = defaultLanguage): Promise<FeedView> {
  const url = input.url === undefined ? undefined : checkUrl(input.url, deps.fetch.allowLoopback);
  const channelIds = input.channelIds === undefined ? undefined : await checkChannels(ctx.db, workspaceId, input.channelIds);
  return ctx.db.transaction(async (tx) => {
    const repo = createFeedsRepository(tx);
    const row = await repo.find(workspaceId, id);
    if (!row) throw feedNotFound();
    const next = { ...input, ...(url !== undefined ? { url } : {}), ...(channelIds !== undefined ? { channelIds } : {}) };
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next) as [keyof FeedInput, unknown][]) {
      if (value === undefined || JSON.stringify(value) === JSON.stringify(row[key])) continue;
      changes[key] = key === 'template' ? 'changed' : { from: row[key], to: value };
    }
    if (row.ownerUserId !== ctx.actor.userId) changes.owner = { from: row.ownerUserId, to: ctx.actor.userId };
    if (!Object.keys(changes).length) return view(row, language);
    const set: Partial<FeedRow> = { ...next, ownerUserId: ctx.actor.userId, updatedAt: new Date() };
    // Another address is another feed: its validators mean nothing there. Its items are still
    // compared with everything seen before, and the per-check limit keeps it from flooding.
    if (url !== undefined && url !== row.url) Object.assign(set, { etag: null, lastModified: null, ...storedFeedError(null) });
    // A shorter interval or re-enabling takes effect at once rather than after the old wait.
    if (changes.intervalMinutes || changes.enabled) set.nextCheckAt = new Date(Math.min(row.nextCheckAt.getTime(), Date.now() + (input.intervalMinutes ?? row.intervalMinutes) * 60_000));
    const updated = await repo.update(row.id, set);
    await auditByActor(tx, ctx, { workspaceId, action: 'feed.updated', entityType: 'feed', entityId: row.id, changes });
    return view(updated!, language);
  });
}

export async function deleteFeed(ctx: ServiceContext, workspaceId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const repo = createFeedsRepository(tx);
    const row = await repo.find(workspaceId, id);
    if (!row) throw feedNotFound();
    // Its item records go with it (cascade); the posts it made stay, they are the team's now.
    await repo.remove(row.id);
    await auditByActor(tx, ctx, { workspaceId, action: 'feed.deleted', entityType: 'feed', entityId: row.id, changes: { name: row.name, url: row.url } });
  });
}

/** Newest first by date where the feed gives dates; the feed's own order otherwise. Repeated keys once. */
function newestFirst(items: FeedItem[]): FeedItem[] {
  const unique = [...new Map(items.map((i) => [i.key, i])).values()];
  const dated = unique.every((i) => i.publishedAt);
  return dated ? [...unique].sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime()) : unique;
}

/** Why the post was refused: the service's error (with its words when it kept them), else Herald's own sentence. */
const reasonOf = (error: unknown): FeedReason => (error instanceof AppError ? refusalReason(error) : feedReason(feedWords('item.postNotCreated')));

/**
 * Turns one new item into a post, exactly once: the item's row is inserted (or found to exist) in
 * the transaction that creates the post, so two checks of the same feed at the same moment, in one
 * process or several, create it once; the second waits on the unique (feed, key) and finds it.
 * An item the channels' rules refuse in the queue becomes a draft with the reason; one that cannot
 * even be a draft is recorded as skipped with the reason.
 */
async function takeItem(db: Db, deps: FeedDeps, feed: FeedRow, owner: { userId: string; email: string; role: string }, item: FeedItem): Promise<'queued' | 'draft' | 'skipped' | 'known'> {
  const ownerCtx = (on: Db): ServiceContext => ({ db: on, actor: { userId: owner.userId, email: owner.email, ip: null, userAgent: `Herald feed ${feed.id}` } });
  // The picture is read before the item's transaction (a download must not hold it open), and
  // only for an item not taken yet; one another check takes meanwhile gives its copy back below.
  let image: { mediaId: string } | null = null;
  let imageNote: FeedReason | null = null;
  if (item.imageUrl && deps.image && !(await createFeedsRepository(db).itemKnown(feed.id, item.key))) {
    try {
      image = { mediaId: (await storeFeedImage(ownerCtx(db), deps.fetch, deps.image, feed.workspaceId, item.imageUrl)).id };
    } catch (error) {
      if (!(error instanceof FeedImageError)) throw error;
      imageNote = feedReasonWith('item.withoutImage', { reason: error.reason });
    }
  }
  const taken = await db.transaction(async (tx) => {
    const repo = createFeedsRepository(tx);
    const itemId = crypto.randomUUID();
    const fresh = await repo.insertItemIfNew({ id: itemId, feedId: feed.id, workspaceId: feed.workspaceId, itemKey: item.key, title: item.title.slice(0, 500), link: item.link, publishedAt: item.publishedAt, outcome: 'pending' });
    if (!fresh) return 'known';
    const ctx = ownerCtx(tx as unknown as Db);
    const compose = { content: { text: renderTemplate(feed.template, item), media: image ? [image] : [], threadParts: [] }, channels: feed.channelIds.map((channelId) => ({ channelId })) };
    const attempt = async (mode: FeedMode) => createPost(ctx, deps.posts, { workspaceId: feed.workspaceId, role: owner.role, compose, schedule: mode === 'queue' ? { mode: 'queue' } : { mode: 'draft' } });
    // "<reason>. <image note>": both parts keep their words.
    const withNote = (reason: FeedReason | null) => storedItemReason(reason && imageNote ? feedReasonWith('item.withNote', { reason, note: imageNote }) : (reason ?? imageNote));
    let reason: FeedReason | null = null;
    if (feed.mode === 'queue') {
      try {
        const post = await attempt('queue');
        await repo.settleItem(itemId, { outcome: 'queued', ...withNote(null), postGroupId: post.id });
        return 'queued';
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        reason = feedReasonWith('item.keptAsDraft', { reason: reasonOf(error) });
      }
    }
    try {
      const post = await attempt('draft');
      await repo.settleItem(itemId, { outcome: 'draft', ...withNote(reason), postGroupId: post.id });
      return 'draft';
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      await repo.settleItem(itemId, { outcome: 'skipped', ...storedItemReason(feedReasonWith('item.skipped', { reason: reasonOf(error) })), postGroupId: null });
      return 'skipped';
    }
  }).catch(async (error: unknown) => {
    if (image) await deleteMedia(ownerCtx(db), deps.image!.media, feed.workspaceId, image.mediaId).catch(() => undefined);
    throw error;
  });
  // A picture no post uses is not kept in the library.
  if (image && (taken === 'known' || taken === 'skipped')) await deleteMedia(ownerCtx(db), deps.image!.media, feed.workspaceId, image.mediaId);
  return taken;
}

/** Records a failed check on the feed; nothing else changes, so the same items are tried again next time. */
async function recordFailure(db: Db, feed: FeedRow, reason: FeedReason): Promise<CheckOutcome> {
  await createFeedsRepository(db).update(feed.id, { ...storedFeedError(reason), lastCheckedAt: new Date() });
  return { status: 'failed', queued: 0, drafts: 0, skipped: 0, error: reason.message, errorReason: reason };
}

/**
 * Reads one feed and turns its new items into posts. Safe to run twice at once for the same feed
 * (each item is taken once, see takeItem). Nothing an outsider's feed contains can make it throw:
 * every failure is recorded on the feed and answered.
 */
export async function checkFeed(db: Db, deps: FeedDeps, feedId: string): Promise<CheckOutcome> {
  const repo = createFeedsRepository(db);
  const feed = await repo.findById(feedId);
  if (!feed) {
    const deleted = feedReason(feedWords('check.deleted'));
    return { status: 'failed', queued: 0, drafts: 0, skipped: 0, error: deleted.message, errorReason: deleted };
  }
  const membership = feed.ownerUserId ? await repo.ownerMembership(feed.workspaceId, feed.ownerUserId) : undefined;
  const mayPost = membership && can(membership.role, 'posts.edit') && (feed.mode === 'draft' || can(membership.role, 'posts.schedule'));
  if (!membership || !mayPost) {
    return recordFailure(db, feed, feedReason(feedWords('check.ownerCannotPost')));
  }

  let answer;
  try {
    answer = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, deps.fetch);
  } catch (error) {
    return recordFailure(db, feed, describeFetchError(error, deps.fetch.timeoutMs));
  }
  if (answer.kind === 'unchanged') {
    await repo.update(feed.id, { ...storedFeedError(null), lastCheckedAt: new Date() });
    return { status: 'unchanged', queued: 0, drafts: 0, skipped: 0, error: null };
  }
  let items: FeedItem[];
  try {
    items = newestFirst(parseFeedItems(answer.body).items);
  } catch (error) {
    if (error instanceof NotAFeedError) return recordFailure(db, feed, error.reason);
    return recordFailure(db, feed, error instanceof Error ? reasonOfError(error) : feedReason(feedWords('parse.notAFeedShort')));
  }

  const firstCheck = !(await repo.hasItems(feed.id));
  const limit = firstCheck ? FIRST_CHECK_ITEMS : MAX_ITEMS_PER_CHECK;
  const owner = { userId: feed.ownerUserId!, email: membership.email, role: membership.role };
  const outcome: CheckOutcome = { status: 'ok', queued: 0, drafts: 0, skipped: 0, error: null };
  // Items past the limit are recorded first, so they never become posts later either.
  for (const item of items.slice(limit)) {
    const fresh = await repo.insertItemIfNew({
      id: crypto.randomUUID(),
      feedId: feed.id,
      workspaceId: feed.workspaceId,
      itemKey: item.key,
      title: item.title.slice(0, 500),
      link: item.link,
      publishedAt: item.publishedAt,
      outcome: firstCheck ? 'seen' : 'skipped',
      ...storedItemReason(feedReason(firstCheck ? feedWords('item.firstCheck', { max: FIRST_CHECK_ITEMS }) : feedWords('item.tooMany', { max: MAX_ITEMS_PER_CHECK }))),
    });
    if (fresh && !firstCheck) outcome.skipped++;
  }
  // Oldest first, so the queue keeps the feed's order.
  for (const item of items.slice(0, limit).reverse()) {
    try {
      const taken = await takeItem(db, deps, feed, owner, item);
      if (taken === 'queued') outcome.queued++;
      else if (taken === 'draft') outcome.drafts++;
      else if (taken === 'skipped') outcome.skipped++;
    } catch (error) {
      deps.logger?.error({ err: error, feedId: feed.id }, 'feed item could not be taken');
      return recordFailure(db, feed, feedReason(feedWords('check.itemNotSaved')));
    }
  }
  const created = outcome.queued + outcome.drafts;
  // The validators are kept only now: a check that failed halfway reads the whole feed again.
  await repo.update(feed.id, { etag: answer.etag, lastModified: answer.lastModified, ...storedFeedError(null), lastCheckedAt: new Date(), ...(created ? { lastNewItemAt: new Date() } : {}) });
  return outcome;
}

/** "Check now" from the Feeds page: the same check the job makes, answered with its outcome, said in `language`. */
export async function checkFeedNow(ctx: ServiceContext, deps: FeedDeps, workspaceId: string, id: string, language: Language = defaultLanguage) {
  const row = await createFeedsRepository(ctx.db).find(workspaceId, id);
  if (!row) throw feedNotFound();
  const { errorReason, ...outcome } = await checkFeed(ctx.db, deps, row.id);
  return { outcome: { ...outcome, error: errorReason ? sayFeedReason(errorReason, language) : outcome.error }, feed: await getFeed(ctx, workspaceId, id, language) };
}

/** The job's sweep: every enabled feed whose interval has passed, a batch at a time. */
export async function checkDueFeeds(db: Db, deps: FeedDeps, now = new Date()): Promise<{ checked: number; failed: number; created: number }> {
  const due = await createFeedsRepository(db).claimDue(now, 25);
  const totals = { checked: 0, failed: 0, created: 0 };
  for (const feed of due) {
    const outcome = await checkFeed(db, deps, feed.id);
    totals.checked++;
    if (outcome.status === 'failed') totals.failed++;
    totals.created += outcome.queued + outcome.drafts;
  }
  return totals;
}
