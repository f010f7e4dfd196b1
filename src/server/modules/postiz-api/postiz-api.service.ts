import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { descriptorOf, networkLabel, type NetworkId } from '../../../shared/networks.ts';
import { publishingRules } from '../../../shared/publishing-rules.ts';
import type { Config } from '../../config/config.ts';
import { AnswerTooLargeError, guardedFetch, HostNotPublicError } from '../../providers/guarded-fetch.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import { disconnectChannel } from '../channels/channels.disconnect.ts';
import { probeMedia } from '../media/media.probe.ts';
import { createMediaFromFile, discardIncoming, getMedia, receiveUpload, tooLarge, type MediaDeps, type MediaRow } from '../media/media.service.ts';
import { runBeforeSaveActions } from '../posts/network-actions.ts';
import { createPost, deletePost, updatePost } from '../posts/posts.compose.ts';
import type { ComposeInput, PostsDeps, ScheduleInput } from '../posts/posts.content.ts';
import type { getPost } from '../posts/posts.query.ts';
import { listPosts } from '../posts/posts.query.ts';
import { schedulePost } from '../posts/posts.schedule.ts';
import { validationError } from '../posts/posts.validate.ts';
import { nextQueueSlot, workspaceTimeZone } from '../posts/time-slots.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { createPostizRepository, type PublishedMetricsRow } from './postiz-api.repository.ts';
import { postizInstant, postizState, postizText } from './postiz-content.ts';

export type PostizDeps = {
  posts: PostsDeps;
  channelDeps: ChannelDeps;
  config: Config;
  media: MediaDeps;
  /** Where answers point (upload paths, pictures): Herald's public origin. */
  publicOrigin: string;
  /** Test and demo setups whose networks run on loopback may fetch media from there too. */
  allowPrivateFetch: boolean;
};

// ---------------------------------------------------------------------------------------------
// Channels ("integrations")

export async function listIntegrations(ctx: ServiceContext, deps: Pick<PostizDeps, 'publicOrigin'>, workspaceId: string) {
  const repo = createPostizRepository(ctx.db);
  const workspace = await repo.workspace(workspaceId);
  const rows = await repo.channels(workspaceId);
  return rows.map((row) => ({
    id: row.id,
    name: row.displayName ?? row.username ?? networkLabel(row.network),
    identifier: row.network,
    picture: row.avatarCachedAt ? `${deps.publicOrigin}/api/v1/workspaces/${row.workspaceId}/channels/${row.id}/avatar?v=${row.avatarCachedAt.getTime()}` : null,
    disabled: row.status === 'disconnected',
    refreshNeeded: row.status === 'needs_reauth' || row.status === 'revoked',
    profile: row.username ?? '',
    customer: workspace ? { id: workspace.id, name: workspace.name } : null,
  }));
}

async function requireChannel(ctx: ServiceContext, workspaceId: string, channelId: string) {
  const row = await createPostizRepository(ctx.db).channel(workspaceId, channelId);
  if (!row) throw notFound('channel');
  return row;
}

/** The channel network's rules, as Postiz's integration settings answer them (plus Herald's own facts). */
export async function integrationSettings(ctx: ServiceContext, workspaceId: string, channelId: string) {
  const row = await requireChannel(ctx, workspaceId, channelId);
  const descriptor = descriptorOf(row.network);
  if (!descriptor) throw new AppError('channel.network_unavailable', 400, `${row.network} is not a network this Herald knows`);
  const rules = publishingRules[descriptor.id as NetworkId];
  const limits = row.limits ?? {};
  const text = rules.textLimit(limits);
  const maxMedia = rules.maxMedia(limits);
  const kinds = rules.mediaKinds ?? ['image', 'video'];
  const settingsSchema = jsonSchemaOf(rules.settings);
  const hasSettings = Object.keys((settingsSchema.properties as Record<string, unknown> | undefined) ?? {}).length > 0;
  const sentences = [
    `${descriptor.label}: up to ${text.max} ${text.unit} per post`,
    `up to ${maxMedia} media files (${kinds.join(', ')})`,
    rules.needsMedia ? 'a post needs at least one media file' : null,
    rules.replyChains ? 'extra values become a thread (replies to the first post)' : rules.firstComment ? 'a second value becomes the first comment; more are refused' : 'only one value per post (no threads or comments)',
  ].filter(Boolean);
  return {
    output: {
      rules: `${sentences.join('; ')}.`,
      maxLength: text.max,
      settings: hasSettings ? settingsSchema : 'No additional settings required',
      tools: [] as { methodName: string; description: string; dataSchema: unknown }[],
      herald: { network: descriptor.id, countedIn: text.unit, maxMedia, mediaKinds: [...kinds], replyChains: rules.replyChains, firstComment: rules.firstComment, needsMedia: rules.needsMedia },
    },
  };
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The channel's next free queue slot. */
export async function findSlot(ctx: ServiceContext, workspaceId: string, channelId: string) {
  await requireChannel(ctx, workspaceId, channelId);
  const { at } = await nextQueueSlot(ctx.db, workspaceId, [channelId]);
  if (!at) throw new AppError('posts.no_free_slot', 400, 'This channel has no free time slot: add posting times on the Channels page');
  return { date: at.toISOString() };
}

export async function deleteIntegration(ctx: ServiceContext, deps: Pick<PostizDeps, 'channelDeps'>, workspaceId: string, channelId: string) {
  const result = await disconnectChannel(ctx, deps.channelDeps, workspaceId, channelId);
  return { id: channelId, disconnected: true as const, revokedAtNetwork: result.revokedAtNetwork };
}

// ---------------------------------------------------------------------------------------------
// Posts

type HeraldPost = Awaited<ReturnType<typeof getPost>>;

function postizPost(post: HeraldPost, delivery: HeraldPost['deliveries'][number], publicOrigin: string) {
  const content = delivery.content as { text: string };
  const when = delivery.dueAt ?? post.publishAt;
  return {
    id: delivery.id,
    content: content.text,
    publishDate: when ? when.toISOString() : null,
    releaseURL: delivery.externalUrl,
    releaseId: delivery.externalId,
    state: postizState(delivery.state),
    heraldState: delivery.state,
    intervalInDays: null,
    group: post.id,
    creationMethod: null,
    settings: delivery.settings,
    tags: [] as { tag: { name: string } }[],
    integration: {
      id: delivery.channelId,
      providerIdentifier: delivery.network,
      name: delivery.channel?.displayName ?? delivery.channel?.username ?? networkLabel(delivery.network),
      picture: delivery.channel?.avatar ? `${publicOrigin}${delivery.channel.avatar}` : null,
    },
  };
}

const LIST_PAGE = 500;
const LIST_MAX = 5000;

/** Every channel's post in [from, to), in Postiz's shape: one entry per (post, channel). */
export async function listPostizPosts(ctx: ServiceContext, deps: Pick<PostizDeps, 'publicOrigin'>, workspaceId: string, range: { from: Date; to: Date }) {
  const out: ReturnType<typeof postizPost>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPosts(ctx, workspaceId, { from: range.from, to: range.to, cursor, limit: LIST_PAGE });
    for (const post of page.items) for (const delivery of post.deliveries) out.push(postizPost(post, delivery, deps.publicOrigin));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < LIST_MAX);
  return { posts: out };
}

/** A Postiz post id is a delivery id (one per channel); the post group id is accepted too. */
async function resolveGroup(ctx: ServiceContext, workspaceId: string, id: string): Promise<{ groupId: string; deliveryId: string | null }> {
  const repo = createPostizRepository(ctx.db);
  const delivery = await repo.delivery(workspaceId, id);
  if (delivery) return { groupId: delivery.postGroupId, deliveryId: delivery.id };
  const group = await repo.group(workspaceId, id);
  if (group) return { groupId: group.id, deliveryId: null };
  throw notFound('post');
}

/** Deletes the whole post (every channel's entry), as Postiz does; an unknown id is a 404. */
export async function deletePostizPost(ctx: ServiceContext, deps: Pick<PostizDeps, 'posts'>, workspaceId: string, id: string, by: 'post' | 'group') {
  const { groupId } = by === 'group' ? { groupId: (await requireGroup(ctx, workspaceId, id)).id } : await resolveGroup(ctx, workspaceId, id);
  const ids = (await createPostizRepository(ctx.db).deliveriesOf(groupId)).map((d) => d.id);
  await deletePost(ctx, deps.posts, { workspaceId, postId: groupId });
  return { deleted: true as const, group: groupId, postIds: ids };
}

async function requireGroup(ctx: ServiceContext, workspaceId: string, groupId: string) {
  const group = await createPostizRepository(ctx.db).group(workspaceId, groupId);
  if (!group) throw notFound('post');
  return group;
}

/** `draft` takes the post off the schedule (keeping its time); `schedule` puts it back at its time. */
export async function setPostizStatus(ctx: ServiceContext, deps: Pick<PostizDeps, 'posts'>, input: { workspaceId: string; id: string; role: string; status: 'draft' | 'schedule' }) {
  const { groupId, deliveryId } = await resolveGroup(ctx, input.workspaceId, input.id);
  const group = await requireGroup(ctx, input.workspaceId, groupId);
  let schedule: ScheduleInput = { mode: 'draft' };
  if (input.status === 'schedule') {
    if (!group.publishAt) throw invalid('validation_failed', 'status: this post has no date; create it again with a date, or schedule it in Herald', { issues: [{ field: 'status', message: 'the post has no date' }] });
    schedule = { mode: 'at', publishAt: group.publishAt.toISOString(), timeZone: group.timeZone };
  }
  const post = await schedulePost(ctx, deps.posts, { workspaceId: input.workspaceId, postId: groupId, role: input.role, schedule });
  const delivery = post.deliveries.find((d) => d.id === deliveryId) ?? post.deliveries[0];
  return { id: input.id, group: post.id, state: delivery ? postizState(delivery.state) : 'DRAFT', heraldState: post.state };
}

// The CreatePostDto, leniently: Postiz clients send fields Herald has no use for, which are ignored.
const image = z.looseObject({
  id: z.string().max(200).optional(),
  path: z.string().max(2000).optional(),
  alt: z.string().max(2000).nullable().optional(),
  thumbnail: z.string().max(2000).nullable().optional(),
});
const value = z.looseObject({
  content: z.string().max(50_000).default(''),
  id: z.string().max(200).optional().describe('Ignored: Herald chooses its own ids'),
  delay: z.number().optional().describe('Ignored: Herald posts a thread in one go'),
  image: z.array(image).max(35).default([]),
});
export const createPostBody = z.looseObject({
  type: z.enum(['draft', 'schedule', 'now', 'update'], { message: 'must be draft, schedule, now or update' }),
  date: z.string().max(100).optional().describe('ISO 8601; without a zone it is UTC. Required for schedule'),
  shortLink: z.boolean().optional().describe('Ignored: Herald does not shorten links'),
  tags: z.array(z.unknown()).max(100).optional().describe('Ignored'),
  inter: z.number().int().nullable().optional().describe('Repeating posts: not supported (a positive value is refused)'),
  posts: z
    .array(
      z.looseObject({
        integration: z.object({ id: z.string().min(1).max(100) }),
        group: z.string().max(200).optional().describe('An existing post of this workspace: it is replaced; any other value is ignored'),
        value: z.array(value).min(1, 'needs at least one value').max(26),
        settings: z.record(z.string(), z.unknown()).nullable().optional().describe("The network's settings, by Herald's names (see integration-settings); __type and unknown fields are ignored"),
      }),
    )
    .min(1, 'choose at least one integration')
    .max(50),
});
export type CreatePostBody = z.infer<typeof createPostBody>;

/** What the mapping needs to know about the request beyond its body. */
type CreateInput = { workspaceId: string; role: string; body: CreatePostBody };

/** Postiz's POST /posts on Herald: one post group, one delivery per integration; answers one entry per integration. */
export async function createPostizPosts(ctx: ServiceContext, deps: PostizDeps, input: CreateInput) {
  const { workspaceId, body } = input;
  if (body.inter && body.inter > 0) throw invalid('postiz.repeat_not_supported', 'inter: repeating posts are not supported by Herald; create one post per date', { field: 'inter' });
  const repo = createPostizRepository(ctx.db);
  const ids = body.posts.map((p) => p.integration.id);
  const channelRows = await repo.channelsIn(workspaceId, ids);
  const unknown = ids.find((id) => !channelRows.some((c) => c.id === id));
  if (unknown) throw new AppError('channel.not_found', 404, `Integration ${unknown} not found in this workspace`, { field: 'posts.integration.id', id: unknown });

  const channels = await Promise.all(
    body.posts.map(async (entry, index) => {
      const network = channelRows.find((c) => c.id === entry.integration.id)!.network;
      const parts = await Promise.all(
        entry.value.map(async (v, vi) => ({
          text: postizText(v.content),
          media: await Promise.all(v.image.map((img, ii) => mediaRefFor(ctx, deps, workspaceId, img, `posts.${index}.value.${vi}.image.${ii}`))),
        })),
      );
      const rules = descriptorOf(network) ? publishingRules[network as NetworkId] : null;
      // A network without threads but with a first comment (LinkedIn, Facebook…): Postiz's second
      // value is the comment. Anything else that does not fit is refused by Herald's rules.
      const asComment = rules && !rules.replyChains && rules.firstComment && parts.length === 2 && parts[1]!.media.length === 0;
      const [first, ...rest] = parts;
      return {
        channelId: entry.integration.id,
        text: first!.text,
        media: first!.media,
        threadParts: asComment ? [] : rest,
        firstComment: asComment ? rest[0]!.text : null,
        settings: knownSettings(network, entry.settings ?? {}),
      };
    }),
  );
  const first = channels[0]!;
  const compose: ComposeInput = { content: { text: first.text, media: first.media, threadParts: first.threadParts, firstComment: first.firstComment }, channels };

  const timeZone = await workspaceTimeZone(ctx.db, workspaceId);
  const date = body.date === undefined ? null : postizInstant(body.date);
  if (body.date !== undefined && !date) throw fieldError('date', 'must be an ISO 8601 date, e.g. 2026-12-31T12:00:00Z');
  let schedule: ScheduleInput;
  if (body.type === 'now') schedule = { mode: 'now' };
  else if (body.type === 'schedule') {
    if (!date) throw fieldError('date', 'is required to schedule a post');
    schedule = { mode: 'at', publishAt: date, timeZone };
  } else schedule = date ? { mode: 'draft', publishAt: date, timeZone } : { mode: 'draft' };

  const existing = await existingGroup(ctx, workspaceId, body);
  const channelDeps = { ...deps.channelDeps, config: deps.config };
  await mapFields(() => runBeforeSaveActions(ctx, channelDeps, { workspaceId, role: input.role, channels }));
  let post: HeraldPost;
  if (existing) {
    // Postiz's edit: the same group sent again replaces the post's content and channels.
    post = await mapFields(() => updatePost(ctx, deps.posts, { workspaceId, postId: existing, role: input.role, compose }));
    if (body.type !== 'update') post = await mapFields(() => schedulePost(ctx, deps.posts, { workspaceId, postId: existing, role: input.role, schedule }));
  } else {
    if (body.type === 'update') schedule = date ? { mode: 'draft', publishAt: date, timeZone } : { mode: 'draft' };
    post = await mapFields(() => createPost(ctx, deps.posts, { workspaceId, role: input.role, compose, schedule }));
  }
  return body.posts.map((entry) => ({ postId: post.deliveries.find((d) => d.channelId === entry.integration.id)?.id ?? post.id, integration: entry.integration.id }));
}

/** Whether the request needs posts.schedule: scheduling or posting now (a draft or an update does not). */
export const createNeedsSchedule = (body: CreatePostBody) => body.type === 'schedule' || body.type === 'now';

/** posts[].group naming an existing post of this workspace (by its group id or one of its post ids). */
async function existingGroup(ctx: ServiceContext, workspaceId: string, body: CreatePostBody): Promise<string | null> {
  const repo = createPostizRepository(ctx.db);
  for (const entry of body.posts) {
    if (!entry.group) continue;
    const group = await repo.group(workspaceId, entry.group);
    if (group) return group.id;
  }
  // value[0].id of an existing post (Postiz's edit flow sends the post ids back).
  for (const entry of body.posts) {
    const id = entry.value[0]?.id;
    if (!id) continue;
    const delivery = await repo.delivery(workspaceId, id);
    if (delivery) return delivery.postGroupId;
  }
  return null;
}

/** Herald's settings names only: Postiz's `__type` and fields Herald's network does not have are left out. */
function knownSettings(network: string, settings: Record<string, unknown>): Record<string, unknown> {
  const descriptor = descriptorOf(network);
  if (!descriptor) return {};
  const schema = publishingRules[descriptor.id as NetworkId].settings as unknown as { shape?: Record<string, unknown> };
  const known = schema.shape ? new Set(Object.keys(schema.shape)) : null;
  return Object.fromEntries(Object.entries(settings).filter(([key]) => key !== '__type' && (!known || known.has(key))));
}

const heraldMediaPath = /\/api\/v1\/workspaces\/[^/]+\/media\/([A-Za-z0-9_-]{1,100})(?:\/file)?\/?$/;

/** A Postiz image: a file of this workspace named by the path Herald's upload answered, or by its id. */
async function mediaRefFor(ctx: ServiceContext, deps: Pick<PostizDeps, 'publicOrigin'>, workspaceId: string, img: z.infer<typeof image>, field: string) {
  const candidates: string[] = [];
  if (img.path) {
    const match = heraldMediaPath.exec(pathnameOf(img.path, deps.publicOrigin));
    if (match) candidates.push(match[1]!);
  }
  if (img.id) candidates.push(img.id);
  for (const id of candidates) {
    const row = await getMedia(ctx, workspaceId, id).catch(() => null);
    if (row && row.status === 'ready') return { mediaId: row.id, ...(img.alt ? { altText: img.alt } : {}) };
  }
  throw fieldError(`${field}.path`, 'is not a file uploaded to this Herald workspace: upload it first with POST /public/v1/upload or /public/v1/upload-from-url and send the path it answers');
}

function pathnameOf(url: string, base: string): string {
  try {
    return new URL(url, base).pathname;
  } catch {
    return '';
  }
}

const fieldError = (field: string, message: string) => validationError([{ field, message }]);

/** Herald's rule messages name its own fields (channels.0.text); a Postiz client sent posts.0… */
async function mapFields<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    const rename = (field: string) => field.replace(/^channels\.(\d+)\.text$/, 'posts.$1.value.0.content').replace(/^channels\.(\d+)\.parts\.(\d+)\.text$/, 'posts.$1.value.$2.content').replace(/^channels\./, 'posts.');
    const issues = ((error.details?.issues as { field: string; message: string }[] | undefined) ?? []).map((i, n) => ({ ...i, ...error.issueTexts?.[n], field: rename(i.field) }));
    if (!issues.length) throw error;
    throw validationError(issues);
  }
}

// ---------------------------------------------------------------------------------------------
// Media

export type PostizMedia = { id: string; name: string | null; originalName: string | null; path: string; thumbnail: string | null; alt: string | null };

export function postizMedia(row: MediaRow, publicOrigin: string): PostizMedia {
  return { id: row.id, name: row.fileName, originalName: row.fileName, path: `${publicOrigin}/api/v1/workspaces/${row.workspaceId}/media/${row.id}/file`, thumbnail: null, alt: null };
}

/** Posts take images and videos; documents (PDF) are for Herald's own composer. */
export async function refuseDocuments(filePath: string) {
  const facts = await probeMedia(filePath);
  if (facts.kind === 'document') throw new AppError('media.unsupported_type', 400, 'This file is a PDF document; the Postiz-compatible upload takes images (JPEG, PNG, GIF, WebP) and videos (MP4, MOV)', { field: 'file' });
}

const FETCH_TIMEOUT_MS = 60_000;

/** Downloads a file through the guarded fetch (public addresses only, no redirects, size-capped) into the media library. */
export async function uploadFromUrl(ctx: ServiceContext, deps: Pick<PostizDeps, 'config' | 'media' | 'allowPrivateFetch'>, workspaceId: string, url: string): Promise<MediaRow> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fieldError('url', 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw fieldError('url', 'must be an absolute http(s) URL');
  const maxBytes = deps.config.mediaMaxUploadMb * 1024 * 1024;
  let response: Response;
  try {
    response = await guardedFetch(parsed, {}, { allowPrivate: deps.allowPrivateFetch, maxBytes, timeoutMs: FETCH_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof HostNotPublicError) throw new AppError('media.url_not_public', 400, `url: ${error.message}`, { field: 'url' });
    throw new AppError('media.url_unreachable', 400, `url: the file could not be downloaded (${(error as Error).message})`, { field: 'url' });
  }
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    const why = response.status >= 300 && response.status < 400 ? 'it redirects elsewhere; give the final address' : `it answered HTTP ${response.status}`;
    throw new AppError('media.url_unreachable', 400, `url: the file could not be downloaded: ${why}`, { field: 'url', status: response.status });
  }
  let filePath: string | null = null;
  try {
    try {
      filePath = await receiveUpload(deps.media, Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), () => false, maxBytes);
    } catch (error) {
      if (error instanceof AnswerTooLargeError || (error as { cause?: unknown }).cause instanceof AnswerTooLargeError) throw tooLarge(maxBytes);
      throw error;
    }
    await refuseDocuments(filePath);
    const fileName = decodeURIComponent(path.posix.basename(parsed.pathname)) || null;
    const received = filePath;
    filePath = null;
    return await createMediaFromFile(ctx, deps.media, { workspaceId, filePath: received, fileName });
  } finally {
    if (filePath) await discardIncoming(filePath);
  }
}

// ---------------------------------------------------------------------------------------------
// Analytics

type Counter = 'views' | 'likes' | 'comments' | 'shares' | 'reach';
const counters: { key: Counter; label: string }[] = [
  { key: 'views', label: 'Views' },
  { key: 'likes', label: 'Likes' },
  { key: 'comments', label: 'Comments' },
  { key: 'shares', label: 'Shares' },
  { key: 'reach', label: 'Reach' },
];
const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A channel's counters over the last `days` days in Postiz's shape: per counter the total of the
 * posts published each day, and the change against the `days` before. Herald keeps the latest
 * reading of each post, so a day's total is what its posts have gathered so far. Counters the
 * network does not report are left out; nothing when analytics are off.
 */
export async function channelAnalytics(ctx: ServiceContext, workspaceId: string, channelId: string, days: number, now = new Date()) {
  const channel = await requireChannel(ctx, workspaceId, channelId);
  const repo = createPostizRepository(ctx.db);
  if (!channel.analyticsEnabled || !(await repo.analyticsEnabled(workspaceId))) return [];
  const since = new Date(now.getTime() - days * DAY_MS);
  const current = await repo.publishedMetrics(channelId, since, now);
  const previous = await repo.publishedMetrics(channelId, new Date(since.getTime() - days * DAY_MS), since);
  return counters
    .filter(({ key }) => current.some((r) => r[key] !== null) || previous.some((r) => r[key] !== null))
    .map(({ key, label }) => {
      const byDay = new Map<string, number>();
      for (const row of current) if (row[key] !== null) byDay.set(day(row.publishedAt), (byDay.get(day(row.publishedAt)) ?? 0) + row[key]!);
      const total = (rows: PublishedMetricsRow[]) => rows.reduce((sum, r) => sum + (r[key] ?? 0), 0);
      return {
        label,
        data: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, value]) => ({ total: value, date })),
        percentageChange: percentageChange(total(previous), total(current)),
      };
    });
}

function percentageChange(before: number, after: number): number {
  if (before === 0) return after === 0 ? 0 : 100;
  return Math.round(((after - before) / before) * 1000) / 10;
}

/**
 * One post's counters over the last `days` days in Postiz's shape: per counter the value of the last
 * reading of each day, and the change since the window began (against the last reading before
 * it, or the window's first). A post read before the history was kept has its newest reading only.
 */
export async function postAnalytics(ctx: ServiceContext, workspaceId: string, postId: string, days: number, now = new Date()) {
  const repo = createPostizRepository(ctx.db);
  const delivery = await repo.delivery(workspaceId, postId);
  if (!delivery) {
    if (await repo.group(workspaceId, postId)) throw new AppError('post.not_found', 404, 'Post not found: analytics are per channel; use a post id from GET /posts (one per integration)');
    throw notFound('post');
  }
  const { before, within } = await repo.readingsSince(delivery.id, new Date(now.getTime() - days * DAY_MS));
  if (!within.length) {
    const newest = await repo.deliveryMetrics(delivery.id);
    const inWindow = newest && newest.fetchedAt.getTime() >= now.getTime() - days * DAY_MS;
    if (!newest || !inWindow) return [];
    return counters.filter(({ key }) => newest[key] !== null).map(({ key, label }) => ({ label, data: [{ total: newest[key]!, date: day(newest.fetchedAt) }], percentageChange: 0 }));
  }
  const lastOfDay = new Map(within.map((reading) => [day(reading.readAt), reading]));
  const start = before ?? within[0]!;
  const latest = within[within.length - 1]!;
  return counters
    .filter(({ key }) => latest[key] !== null)
    .map(({ key, label }) => ({
      label,
      data: [...lastOfDay.entries()].filter(([, reading]) => reading[key] !== null).map(([date, reading]) => ({ total: reading[key]!, date })),
      percentageChange: percentageChange(start[key] ?? 0, latest[key]!),
    }));
}
