// Publishing to Instagram (shared/providers.md §6 "Publish sequence"): the account's publishing
// limit first, then media containers (photos pulled by Meta from Herald's signed links, videos
// uploaded through rupload so they need no public address), status polling until FINISHED, and
// media_publish, the one call that makes the post. Instagram has no idempotency key, so the
// container id is in the journal before media_publish and a lost answer is settled by reading the
// container (PUBLISHED) and the account's recent media, never by publishing again.
import type { Readable } from 'node:stream';
import { fetchFromNetwork } from '../../../server/providers/http.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, scopeMissingWords, unknownBecause, wordedError } from '../../error-words.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { ExistingCheck, MetricsContext, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';
import { assertUsageRoom } from '../../meta-graph/usage.ts';
import { graphErrorOf, graphError } from '../../meta-graph/graph-errors.ts';
import { CAROUSEL_MAX, instagramSettings, type InstagramSettings } from '../descriptor.ts';
import { graph, idOf, instagramWords as igWords, label, network, type InstagramEndpoints } from './instagram.graph.ts';
import { facebookNameOf } from './instagram.provider.ts';

const HOUR_MS = 3_600_000;

type Child = { containerId?: string; uploaded?: boolean; ready?: boolean };
/** What Herald keeps in the journal between calls. */
type Progress = {
  format?: InstagramSettings['format'];
  children?: Child[];
  /** The container media_publish takes (the carousel's parent, or the single item). */
  containerId?: string;
  uploaded?: boolean;
  /** Set once media_publish answered (or findExisting found the post): nothing is published again. */
  mediaId?: string;
  commentDone?: boolean;
};

type ContainerStatus = { status_code?: string; status?: string };

/**
 * Instagram's processing and media subcodes (shared/providers.md §6 "Errors") that have words a
 * person can act on (`errors.publisher.subcode.<subcode>`).
 */
const explainedSubcodes = new Set([2207001, 2207003, 2207004, 2207005, 2207009, 2207010, 2207020, 2207026, 2207028, 2207042, 2207052, 2207057]);

/** What a container holds, as the sentences about it name it (`errors.publisher.container`). */
const containerWords = (what: 'post' | 'reel' | 'story') => igWords(`publisher.container.${what}`);
const carouselItemWords = (position: number) => igWords('publisher.container.carouselItem', { position });

const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function parseSettings(ctx: PublishContext): InstagramSettings {
  const parsed = instagramSettings.safeParse(ctx.settings ?? {});
  if (!parsed.success) throw invalid(igWords('publisher.settingsInvalid', { reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
  return parsed.data;
}

function mediaOf(ctx: PublishContext, format: InstagramSettings['format']): PublishMedia[] {
  const media = ctx.parts[0]?.media ?? [];
  if (!media.length) throw invalid(igWords('publisher.mediaRequired'));
  // The same sentences as the checks made when the post is saved (the descriptor's rules).
  if (format !== 'feed' && media.length !== 1) throw invalid(errorWords(format === 'reel' ? 'network-instagram:rules.reelOneVideo' : 'network-instagram:rules.storyOneFile'));
  if (format === 'reel' && media[0]!.kind !== 'video') throw invalid(igWords('publisher.reelIsVideo'));
  if (media.length > CAROUSEL_MAX) throw invalid(errorWords('network-instagram:rules.carouselTooLong', { max: CAROUSEL_MAX }));
  for (const item of media) {
    if (item.kind === 'image' && !item.publicUrl) {
      throw invalid(igWords('publisher.noPublicUrl'), 'no_public_url');
    }
  }
  return media;
}

const statusSubcode = (status: string | undefined) => Number(/\b(2207\d{3})\b/.exec(status ?? '')?.[1] ?? NaN);

export function createInstagramPublisher(endpoints: InstagramEndpoints): Publisher {
  const { graph: base } = endpoints;
  const pollMs = endpoints.pollMs;
  /** The permission a step needs, in the notation of the login the operator chose. */
  const scopeName = (scope: string) => (endpoints.login === 'facebook' ? facebookNameOf(scope) : scope);

  /** A missing permission names the one to allow on reconnect (Meta's message often does not). */
  function withScope(error: unknown, scope: string, what: MessageRef): unknown {
    if (!(error instanceof ProviderError) || error.kind !== 'scope') return error;
    const name = scopeName(scope);
    return wordedError('scope', network, scopeMissingWords(label, name, what), error.code, { scope: name });
  }

  async function call<T = Record<string, unknown>>(ctx: PublishContext | MetricsContext, path: string, init: Parameters<typeof graph>[2] = {}, scope = 'instagram_business_content_publish', what = igWords('what.publishing')): Promise<T> {
    try {
      return await graph<T>(`${base}${path}`, ctx.accessToken, { ...init, usageKey: ctx.externalAccountId });
    } catch (error) {
      throw withScope(error, scope, what);
    }
  }

  /**
   * Refuses before the cap: Instagram allows a fixed number of API posts per rolling 24 hours
   * (50 or 100; the account's own figure is read). At the cap the post waits an hour and tries again.
   */
  async function checkQuota(ctx: PublishContext) {
    const answer = await call<{ data?: { quota_usage?: number; config?: { quota_total?: number; quota_duration?: number } }[] }>(ctx, `/${ctx.externalAccountId}/content_publishing_limit`, { query: { fields: 'quota_usage,config' } });
    const entry = answer.data?.[0];
    const used = Number(entry?.quota_usage ?? 0);
    const total = Number(entry?.config?.quota_total ?? 0);
    if (total > 0 && used >= total) {
      throw wordedError('transient', network, igWords('publishingLimit', { used, total }), 'publishing_limit', { retryAfterMs: HOUR_MS });
    }
  }

  /** One container (POST /{ig-id}/media): announced in the journal first, as it spends the account's container quota. */
  async function createContainer(ctx: PublishContext, step: string, fields: Record<string, string | undefined>): Promise<string> {
    assertUsageRoom(network, label, ctx.externalAccountId);
    // The log shows what was sent, not the caption itself nor the signed media link (a key to the file while it lives).
    const shown = { ...fields, caption: fields.caption === undefined ? undefined : `${[...fields.caption].length} characters`, image_url: fields.image_url === undefined ? undefined : 'signed media link' };
    await ctx.journal.beforeCreate(step, shown);
    const answer = await call<{ id?: unknown }>(ctx, `/${ctx.externalAccountId}/media`, { method: 'POST', form: fields });
    return idOf(answer.id, 'containerId');
  }

  /** Resumable upload of a video's bytes to its container (rupload): Meta needs no public address for it. */
  async function upload(ctx: PublishContext, containerId: string, video: PublishMedia) {
    const bytes = await readAll(video.open());
    if (bytes.length !== video.size) throw invalid(igWords('publisher.mediaUnreadable', { read: bytes.length, size: video.size }), 'media_unreadable');
    const response = await fetchFromNetwork(network, `${endpoints.uploadOrigin}/ig-api-upload/${endpoints.version}/${containerId}`, {
      method: 'POST',
      headers: { authorization: `OAuth ${ctx.accessToken}`, offset: '0', file_size: String(bytes.length), 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>,
      timeoutMs: 300_000,
      allowPrivate: true,
    });
    const body = (await response.json().catch(() => ({}))) as { success?: boolean; debug_info?: { message?: string } };
    const error = graphErrorOf(body);
    if (error) throw withScope(graphError(network, label, response.status, error), 'instagram_business_content_publish', igWords('what.publishing'));
    if (response.status >= 400 || body.success === false) {
      const reason = body.debug_info?.message ?? null;
      throw invalid(reason === null ? igWords('publisher.uploadRefusedStatus', { status: response.status }) : igWords('publisher.uploadRefused', { reason }), 'upload_refused');
    }
  }

  /** FINISHED: true; still working: false; ERROR or EXPIRED: the reason, as a failure. */
  async function ready(ctx: PublishContext, containerId: string, what: MessageRef): Promise<boolean | 'published'> {
    const status = await call<ContainerStatus>(ctx, `/${containerId}`, { query: { fields: 'status_code,status' } });
    switch (status.status_code) {
      case 'FINISHED':
        return true;
      case 'PUBLISHED':
        return 'published';
      case 'IN_PROGRESS':
        return false;
      case 'EXPIRED':
        throw invalid(igWords('publisher.expired', { what }), 'container_expired');
      case 'ERROR': {
        const subcode = statusSubcode(status.status);
        const reason = explainedSubcodes.has(subcode)
          ? igWords(`publisher.subcode.${subcode}`)
          : status.status
            ? igWords('publisher.notProcessedBecause', { what, status: status.status })
            : igWords('publisher.notProcessed', { what });
        throw invalid(igWords('publisher.notPublished', { reason }), Number.isFinite(subcode) ? `graph_status_${subcode}` : 'container_error');
      }
      default: {
        const state = status.status_code ?? null;
        throw invalid(state === null ? igWords('publisher.unknownStateNone', { what }) : igWords('publisher.unknownState', { what, state }), 'bad_answer');
      }
    }
  }

  function itemFields(item: PublishMedia, extra: Record<string, string | undefined>): Record<string, string | undefined> {
    if (item.kind === 'image') return { image_url: item.publicUrl!, ...(item.altText ? { alt_text: item.altText.slice(0, 1000) } : {}), ...extra };
    return { upload_type: 'resumable', ...extra };
  }

  async function permalinkOf(ctx: PublishContext, mediaId: string): Promise<string | null> {
    try {
      const answer = await call<{ permalink?: string }>(ctx, `/${mediaId}`, { query: { fields: 'permalink' } });
      return typeof answer.permalink === 'string' && /^https:\/\//.test(answer.permalink) ? answer.permalink : null;
    } catch (error) {
      // The post is out either way; a link that cannot be read is not a failure.
      if (error instanceof ProviderError && error.kind !== 'auth') return null;
      throw error;
    }
  }

  /** After the post: the first comment (once), then the link. */
  async function finish(ctx: PublishContext, progress: Progress): Promise<PublishOutcome> {
    const mediaId = progress.mediaId!;
    if (ctx.firstComment && !progress.commentDone) {
      await ctx.journal.beforeCreate('comment', { mediaId, length: [...ctx.firstComment].length });
      try {
        const answer = await call<{ id?: unknown }>(ctx, `/${mediaId}/comments`, { method: 'POST', form: { message: ctx.firstComment } }, 'instagram_business_content_publish', igWords('what.firstComment'));
        progress = { ...progress, commentDone: true };
        await ctx.journal.afterCreate('comment', { commentId: idOf(answer.id, 'commentId') }, progress);
      } catch (error) {
        // The post is published: a refused comment is noted, not a reason to fail the post.
        if (!(error instanceof ProviderError) || error.kind === 'transient' || error.kind === 'auth') throw error;
        ctx.journal.log('comment', { mediaId }, { refused: error.message });
        progress = { ...progress, commentDone: true };
        await ctx.journal.afterCreate('comment', { refused: error.code ?? error.kind }, progress);
      }
    }
    return { status: 'published', externalId: mediaId, url: await permalinkOf(ctx, mediaId) };
  }

  async function publishContainer(ctx: PublishContext, progress: Progress): Promise<Progress> {
    assertUsageRoom(network, label, ctx.externalAccountId);
    await ctx.journal.beforeCreate('publish', { creationId: progress.containerId });
    const answer = await call<{ id?: unknown }>(ctx, `/${ctx.externalAccountId}/media_publish`, { method: 'POST', form: { creation_id: progress.containerId } });
    const next = { ...progress, mediaId: idOf(answer.id, 'mediaId') };
    await ctx.journal.afterCreate('publish', { mediaId: next.mediaId }, next);
    return next;
  }

  /** Media of the account since `since` (ms), newest first. */
  async function recentMedia(ctx: PublishContext, since: number) {
    const answer = await call<{ data?: { id?: unknown; caption?: string; timestamp?: string }[] }>(ctx, `/${ctx.externalAccountId}/media`, { query: { fields: 'id,caption,timestamp', limit: '25' } }, 'instagram_business_basic', igWords('what.recentPosts'));
    return (answer.data ?? []).filter((m) => m.id !== undefined && (!m.timestamp || Date.parse(m.timestamp) >= since));
  }

  /*
   * A creating call was sent and its answer lost:
   * - a container (or carousel item): an unpublished container is never shown and expires after
   *   24 hours, so creating another is safe;
   * - media_publish: the container says PUBLISHED when it went through; the post is then the
   *   recent media item with this caption (or the newest one since the call, for an empty
   *   caption). FINISHED: it did not, publishing again is safe.
   * - the first comment: found among the post's comments by its text.
   */
  async function findExisting(ctx: PublishContext, pending: { step: string; sentAt: Date }): Promise<ExistingCheck> {
    const progress = ctx.journal.progress as Progress;
    if (pending.step === 'container' || pending.step.startsWith('item-')) return { found: false };
    if (pending.step === 'comment') {
      if (!progress.mediaId || !ctx.firstComment) return { found: false };
      const comments = await call<{ data?: { id?: unknown; text?: string }[] }>(ctx, `/${progress.mediaId}/comments`, { query: { fields: 'id,text', limit: '50' } });
      const mine = (comments.data ?? []).some((c) => c.text === ctx.firstComment);
      return mine ? { found: true, progress: { ...progress, commentDone: true } } : { found: false };
    }
    if (pending.step !== 'publish') return unknownBecause(igWords('unknown.step', { step: pending.step }));
    if (!progress.containerId) return { found: false };
    const status = await call<ContainerStatus>(ctx, `/${progress.containerId}`, { query: { fields: 'status_code,status' } });
    if (status.status_code === 'FINISHED' || status.status_code === 'EXPIRED' || status.status_code === 'ERROR') return { found: false };
    if (status.status_code !== 'PUBLISHED') return unknownBecause(status.status_code ? igWords('unknown.containerState', { state: status.status_code }) : igWords('unknown.containerStateUnknown'));
    const since = pending.sentAt.getTime() - 60_000;
    if (progress.format === 'story') {
      // Stories are listed on their own edge (for 24 hours), without captions: the newest since the call is ours.
      const stories = await call<{ data?: { id?: unknown; timestamp?: string }[] }>(ctx, `/${ctx.externalAccountId}/stories`, { query: { fields: 'id,timestamp' } }, 'instagram_business_basic', igWords('what.recentStories'));
      const story = (stories.data ?? []).find((m) => m.id !== undefined && (!m.timestamp || Date.parse(m.timestamp) >= since));
      if (story) return { found: true, progress: { ...progress, mediaId: idOf(story.id, 'storyId') } };
    } else {
      const caption = (ctx.parts[0]?.text ?? '').trim();
      const recent = await recentMedia(ctx, since);
      const match = caption ? recent.find((m) => (m.caption ?? '').trim() === caption) : recent[0];
      if (match) return { found: true, progress: { ...progress, mediaId: idOf(match.id, 'mediaId') } };
    }
    return unknownBecause(igWords('unknown.notListed'));
  }

  return {
    network,
    // Photos are fetched by Meta from Herald's signed links.
    pullsMediaFromUrl: true,

    async publish(ctx) {
      let progress = ctx.journal.progress as Progress;
      if (progress.mediaId) return finish(ctx, progress);
      const settings = parseSettings(ctx);
      const format = progress.format ?? settings.format;
      const media = mediaOf(ctx, format);
      const caption = ctx.parts[0]?.text ?? '';
      const started = progress.containerId || progress.children?.some((c) => c.containerId);
      if (!started) {
        await checkQuota(ctx);
        progress = { format };
      }

      if (format === 'feed' && media.length > 1) {
        const children: Child[] = progress.children ?? media.map((): Child => ({}));
        for (const [index, item] of media.entries()) {
          let child: Child = children[index] ?? {};
          if (!child.containerId) {
            const id = await createContainer(ctx, `item-${index + 1}`, itemFields(item, { is_carousel_item: 'true', ...(item.kind === 'video' ? { media_type: 'VIDEO' } : {}) }));
            child = { containerId: id };
            children[index] = child;
            progress = { ...progress, children: [...children] };
            await ctx.journal.afterCreate(`item-${index + 1}`, { containerId: id }, progress);
          }
          if (item.kind === 'video' && !child.uploaded) {
            await upload(ctx, child.containerId!, item);
            children[index] = { ...child, uploaded: true };
            progress = { ...progress, children: [...children] };
            await ctx.journal.saveProgress(progress);
          }
        }
        // The carousel can be made only from finished items: a video may still be processing.
        for (const [index, child] of children.entries()) {
          if (child.ready) continue;
          const state = await ready(ctx, child.containerId!, carouselItemWords(index + 1));
          if (state === false) return { status: 'processing', checkAfterMs: pollMs };
          children[index] = { ...child, ready: true };
          progress = { ...progress, children: [...children] };
          await ctx.journal.saveProgress(progress);
        }
        if (!progress.containerId) {
          const id = await createContainer(ctx, 'container', { media_type: 'CAROUSEL', children: children.map((c) => c.containerId!).join(','), caption });
          progress = { ...progress, containerId: id };
          await ctx.journal.afterCreate('container', { containerId: id }, progress);
        }
      } else if (!progress.containerId) {
        const item = media[0]!;
        const fields =
          format === 'reel'
            ? itemFields(item, {
                media_type: 'REELS',
                caption,
                share_to_feed: String(settings.shareToFeed),
                ...(settings.coverUrl ? { cover_url: settings.coverUrl } : settings.thumbOffsetMs !== undefined ? { thumb_offset: String(settings.thumbOffsetMs) } : {}),
              })
            : format === 'story'
              ? itemFields(item, { media_type: 'STORIES' })
              : itemFields(item, item.kind === 'video' ? { media_type: 'REELS', share_to_feed: 'true', caption } : { caption });
        const id = await createContainer(ctx, 'container', fields);
        progress = { ...progress, containerId: id };
        await ctx.journal.afterCreate('container', { containerId: id }, progress);
      }
      if (media.length === 1 && media[0]!.kind === 'video' && !progress.uploaded) {
        await upload(ctx, progress.containerId!, media[0]!);
        progress = { ...progress, uploaded: true };
        await ctx.journal.saveProgress(progress);
        return { status: 'processing', checkAfterMs: pollMs };
      }

      const state = await ready(ctx, progress.containerId!, containerWords(format === 'story' ? 'story' : format === 'reel' ? 'reel' : 'post'));
      if (state === false) return { status: 'processing', checkAfterMs: pollMs };
      if (state === 'published') {
        // Published by an earlier media_publish whose answer never reached the journal.
        const found = await findExisting(ctx, { step: 'publish', sentAt: new Date(Date.now() - 24 * HOUR_MS) });
        if (found.found === true) return finish(ctx, found.progress as Progress);
        throw invalid(igWords('publisher.alreadyPublished'), 'already_published');
      }
      progress = await publishContainer(ctx, progress);
      return finish(ctx, progress);
    },

    findExisting,

    metricsBatch: 25,
    async readMetrics(ctx, ids) {
      const found = new Map<string, PostMetrics>();
      for (const id of ids) {
        const media = await call<{ id?: unknown; media_product_type?: string; like_count?: number; comments_count?: number }>(
          ctx,
          `/${id}`,
          { query: { fields: 'id,media_type,media_product_type,like_count,comments_count' } },
          'instagram_business_basic',
          igWords('what.counters'),
        ).catch((error: unknown) => {
          // A post deleted at Instagram is simply gone from the answer.
          if (error instanceof ProviderError && error.kind === 'invalid') return null;
          throw error;
        });
        if (!media) continue;
        const type = media.media_product_type ?? 'FEED';
        const metrics = type === 'STORY' ? 'views,reach,shares,replies' : 'views,reach,likes,comments,shares,saved';
        const insights = await call<{ data?: { name?: string; values?: { value?: number }[]; total_value?: { value?: number } }[] }>(
          ctx,
          `/${id}/insights`,
          { query: { metric: metrics } },
          'instagram_business_manage_insights',
          igWords('what.statistics'),
        );
        const value = (name: string) => {
          const entry = insights.data?.find((d) => d.name === name);
          const v = entry?.values?.[0]?.value ?? entry?.total_value?.value;
          return typeof v === 'number' && Number.isFinite(v) ? v : null;
        };
        const saves = value('saved');
        const replies = value('replies');
        found.set(String(id), {
          views: value('views'),
          reach: value('reach'),
          likes: value('likes') ?? (typeof media.like_count === 'number' ? media.like_count : null),
          comments: value('comments') ?? (typeof media.comments_count === 'number' ? media.comments_count : null),
          shares: value('shares'),
          extra: { ...(saves !== null ? { saves } : {}), ...(replies !== null ? { replies } : {}) },
        });
      }
      return found;
    },
    // The account's followers_count (GET /{ig-user-id}?fields=followers_count, with the basic
    // permission: instagram_business_basic, or instagram_basic through Facebook Login).
    async readAccount(ctx) {
      const account = await call<{ followers_count?: unknown }>(ctx, `/${ctx.externalAccountId}`, { query: { fields: 'followers_count' } }, 'instagram_business_basic', igWords('what.followers'));
      const followers = account.followers_count;
      return { followers: typeof followers === 'number' && Number.isFinite(followers) ? followers : null };
    },
  };
}
