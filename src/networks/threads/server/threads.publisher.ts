// Publishing to Threads (shared/providers.md §8): per post of a chain, media containers (one per
// carousel item, then the CAROUSEL container) that Threads fills by downloading Herald's signed
// links, polled until FINISHED, then threads_publish. Threads has no idempotency key, so the
// journal records every container id before the call that publishes it, and an answer lost after
// threads_publish is settled by reading the container and the account's recent posts.
import { threadsSettings, THREADS_MAX_CAROUSEL } from '../descriptor.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { ExistingCheck, MetricsContext, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';
import { assertUsageRoom } from '../../meta-graph/usage.ts';
import { badAnswer, graphUrl, idOf, label, network, threadsCall, threadsWords } from './threads-api.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';
import { scopeMissingWords, unknownBecause, wordedError } from '../../error-words.ts';

export type ThreadsPublisherOptions = {
  apiUrl: string;
  /** The first status check after a container is created; later checks wait longer (up to `maxPollMs`). */
  firstPollMs?: number;
  maxPollMs?: number;
  /** A container still IN_PROGRESS after this long is given up on. */
  processingTimeoutMs?: number;
};

/** One post of the chain: the containers made for it and, once out, its id at Threads. */
type PartProgress = {
  /** Carousel items' containers, in the order of the post's media. */
  items?: (string | null)[];
  /** The container threads_publish takes (the CAROUSEL one for a carousel). */
  containerId?: string;
  /** When the containers Herald now waits for were created (ms). */
  waitingSince?: number;
  polls?: number;
  mediaId?: string;
};

/** What Herald keeps in the journal between calls. */
type Progress = {
  /** threads_publishing_limit was read and left room for this post and its replies. */
  quotaChecked?: boolean;
  parts?: PartProgress[];
  permalink?: string | null;
};

type ContainerStatus = { id?: unknown; status?: string; error_message?: string };
type QuotaAnswer = { data?: { quota_usage?: number; config?: { quota_total?: number; quota_duration?: number }; reply_quota_usage?: number; reply_config?: { quota_total?: number } }[] };
type Listed = { id?: unknown; text?: string; timestamp?: string; permalink?: string };

const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);
const publisherWords = (key: string, values?: Parameters<typeof threadsWords>[1]) => threadsWords(`publisher.${key}`, values);

/** Threads' container errors (`error_message`), in words a social media manager can act on (`publisher.container.…`). */
const containerErrors: Record<string, string> = {
  FAILED_DOWNLOADING_VIDEO: 'downloadingVideo',
  FAILED_PROCESSING_VIDEO: 'processingVideo',
  FAILED_DOWNLOADING_IMAGE: 'downloadingImage',
  FAILED_PROCESSING_IMAGE: 'processingImage',
  UNSUPPORTED_FORMAT: 'unsupportedFormat',
  MEDIA_DOWNLOAD_FAILED: 'mediaDownload',
};
const containerReason = (message: string | undefined): MessageRef => {
  const known = message && Object.hasOwn(containerErrors, message) ? containerErrors[message] : undefined;
  if (known) return publisherWords(`container.${known}`);
  // Threads' own code, as it sent it.
  return publisherWords('container.other', { reason: message || publisherWords('noReason') });
};

/** The publisher's own refusals, in words; exported so their test reaches the sentences the publisher says. */
export const refusals = {
  settings: (reason: string) => invalid(publisherWords('settingsInvalid', { reason })),
  publishingLimit: (total: number, hours: number, used: number) => invalid(publisherWords('publishingLimit', { total, hours, used }), 'publishing_limit'),
  replyLimit: (total: number, hours: number, used: number, needed: number) => invalid(publisherWords('replyLimit', { total, hours, used, needed }), 'reply_limit'),
  container: (errorMessage: string | undefined) =>
    invalid(publisherWords('containerFailed', { reason: containerReason(errorMessage) }), errorMessage ? `container_${errorMessage}` : 'container_error'),
  processingTimeout: (timeoutMs: number) => invalid(publisherWords('processingTimeout', { minutes: Math.round(timeoutMs / 60_000) }), 'processing_timeout'),
  noPublicUrl: () => invalid(publisherWords('noPublicUrl'), 'no_public_url'),
  carouselTooLong: () => invalid(publisherWords('carouselTooLong', { max: THREADS_MAX_CAROUSEL })),
  empty: () => invalid(publisherWords('empty')),
};

/** The permission a call needs and what for, so a refusal names it (Threads' code 10 does not). */
type Need = { scope: string; what: MessageRef };
const needs = {
  publish: { scope: 'threads_content_publish', what: threadsWords('what.publish') },
  reply: { scope: 'threads_manage_replies', what: threadsWords('what.reply') },
  insights: { scope: 'threads_manage_insights', what: threadsWords('what.insights') },
  accountInsights: { scope: 'threads_manage_insights', what: threadsWords('what.accountInsights') },
  readReplies: { scope: 'threads_read_replies', what: threadsWords('what.readReplies') },
  basic: { scope: 'threads_basic', what: threadsWords('what.basic') },
} satisfies Record<string, Need>;

function withScope(error: unknown, need: Need): unknown {
  if (!(error instanceof ProviderError) || error.kind !== 'scope') return error;
  const scope = error.scope ?? need.scope;
  return wordedError('scope', network, scopeMissingWords(label, scope, need.what), error.code, { scope });
}

async function call<T>(need: Need, url: string, token: string, input: Parameters<typeof threadsCall>[2] = {}): Promise<T> {
  try {
    return await threadsCall<T>(url, token, input);
  } catch (error) {
    throw withScope(error, need);
  }
}

export function parseSettings(ctx: Pick<PublishContext, 'settings'>) {
  const parsed = threadsSettings.safeParse(ctx.settings ?? {});
  // zod's own text, as the settings schema wrote it.
  if (!parsed.success) throw refusals.settings(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

const mediaType = (m: PublishMedia) => (m.kind === 'video' ? 'VIDEO' : 'IMAGE');
const mediaField = (m: PublishMedia) => (m.kind === 'video' ? { video_url: m.publicUrl! } : { image_url: m.publicUrl! });
const altText = (m: PublishMedia) => (m.altText.trim() ? { alt_text: m.altText.trim().slice(0, 1000) } : {});

export function createThreadsPublisher(options: ThreadsPublisherOptions): Publisher {
  const { apiUrl } = options;
  const firstPollMs = options.firstPollMs ?? 3_000;
  const maxPollMs = options.maxPollMs ?? 60_000;
  const processingTimeoutMs = options.processingTimeoutMs ?? 60 * 60_000;
  const url = (path: string, query?: Record<string, string | undefined>) => graphUrl(apiUrl, path, query);

  /** Refuses the post before any container exists when the account's 24-hour allowance has no room left. */
  async function checkQuota(ctx: PublishContext, posts: number, replies: number) {
    const answer = await call<QuotaAnswer>(needs.publish, url(`/${ctx.externalAccountId}/threads_publishing_limit`, { fields: 'quota_usage,config,reply_quota_usage,reply_config' }), ctx.accessToken, {
      usageKey: ctx.externalAccountId,
    });
    const limit = answer.data?.[0];
    if (!limit) return;
    const hours = Math.round((limit.config?.quota_duration ?? 86_400) / 3600);
    const total = limit.config?.quota_total;
    if (posts && typeof total === 'number' && typeof limit.quota_usage === 'number' && limit.quota_usage + posts > total) {
      throw refusals.publishingLimit(total, hours, limit.quota_usage);
    }
    const replyTotal = limit.reply_config?.quota_total;
    if (replies && typeof replyTotal === 'number' && typeof limit.reply_quota_usage === 'number' && limit.reply_quota_usage + replies > replyTotal) {
      throw refusals.replyLimit(replyTotal, hours, limit.reply_quota_usage, replies);
    }
  }

  /** The fields every container of part `index` shares: who may reply, the topic, the post it answers. */
  function shared(ctx: PublishContext, index: number, parts: PartProgress[]) {
    const settings = parseSettings(ctx);
    return {
      reply_control: settings.replyControl,
      ...(index === 0 && settings.topicTag ? { topic_tag: settings.topicTag } : {}),
      ...(index > 0 ? { reply_to_id: parts[index - 1]!.mediaId } : {}),
    };
  }

  /** Creates one container, announced in the journal first (a lost answer leaves an unpublished container, which expires). */
  async function createContainer(ctx: PublishContext, progress: Progress, step: string, form: Record<string, string | undefined>, need: Need, record: (id: string) => Progress): Promise<Progress> {
    // Threads sends no usage headers today; should it start, an account near its budget waits here.
    assertUsageRoom(network, label, ctx.externalAccountId);
    await ctx.journal.beforeCreate(step, { mediaType: form.media_type, textLength: form.text?.length ?? 0, replyTo: form.reply_to_id ?? null, children: form.children?.split(',').length ?? 0 });
    const answer = await call<{ id?: unknown }>(need, url(`/${ctx.externalAccountId}/threads`), ctx.accessToken, { method: 'POST', form, usageKey: ctx.externalAccountId });
    const id = idOf(answer.id);
    if (!id) throw badAnswer('containerId');
    const next = record(id);
    await ctx.journal.afterCreate(step, { containerId: id }, next);
    return next;
  }

  const readStatus = (ctx: PublishContext, containerId: string, need: Need) =>
    call<ContainerStatus>(need, url(`/${containerId}`, { fields: 'id,status,error_message' }), ctx.accessToken, { usageKey: ctx.externalAccountId });

  const withPart = (progress: Progress, index: number, change: PartProgress): Progress => {
    const parts = [...(progress.parts ?? [])];
    parts[index] = { ...parts[index], ...change };
    return { ...progress, parts };
  };

  /** When to look again at containers still processing: soon at first, then less often. */
  const nextPoll = (part: PartProgress) => Math.min(maxPollMs, Math.round(firstPollMs * 1.5 ** (part.polls ?? 0)));

  /**
   * Waits for containers: null once every one is FINISHED, a processing outcome while Threads
   * works, a failure for ERROR. An EXPIRED container (24 h unpublished) is forgotten, so the next
   * run makes a new one: it was never published, so nothing is sent twice.
   */
  async function awaitContainers(ctx: PublishContext, progress: Progress, index: number, ids: string[], need: Need): Promise<{ outcome: PublishOutcome | null; progress: Progress; expired: string[] }> {
    const part = progress.parts![index]!;
    const expired: string[] = [];
    let pending = false;
    for (const id of ids) {
      const status = await readStatus(ctx, id, need);
      if (status.status === 'ERROR') throw refusals.container(status.error_message);
      if (status.status === 'EXPIRED') expired.push(id);
      else if (status.status !== 'FINISHED' && status.status !== 'PUBLISHED') pending = true;
    }
    if (expired.length) return { outcome: null, progress, expired };
    if (!pending) return { outcome: null, progress: withPart(progress, index, { polls: 0, waitingSince: undefined }), expired };
    if (part.waitingSince && Date.now() - part.waitingSince > processingTimeoutMs) {
      throw refusals.processingTimeout(processingTimeoutMs);
    }
    const next = withPart(progress, index, { polls: (part.polls ?? 0) + 1, waitingSince: part.waitingSince ?? Date.now() });
    await ctx.journal.saveProgress(next);
    return { outcome: { status: 'processing', checkAfterMs: nextPoll(part) }, progress: next, expired };
  }

  /**
   * Brings part `index` up to a FINISHED container to publish: items first for a carousel, then
   * its own container. Answers a processing outcome while Threads works on the media.
   */
  async function prepare(ctx: PublishContext, progress: Progress, index: number): Promise<{ outcome: PublishOutcome | null; progress: Progress }> {
    const part = ctx.parts[index]!;
    const need = index === 0 ? needs.publish : needs.reply;
    const base = shared(ctx, index, progress.parts!);
    const settings = parseSettings(ctx);
    if (part.media.some((m) => !m.publicUrl)) throw refusals.noPublicUrl();
    if (part.media.length > THREADS_MAX_CAROUSEL) throw refusals.carouselTooLong();

    if (part.media.length > 1) {
      // Carousel: one container per item, each announced before it is created.
      for (const [i, media] of part.media.entries()) {
        if (progress.parts![index]!.items?.[i]) continue;
        progress = await createContainer(ctx, progress, `item:${index}:${i}`, { media_type: mediaType(media), ...mediaField(media), ...altText(media), is_carousel_item: 'true' }, need, (id) => {
          const items = [...(progress.parts![index]!.items ?? part.media.map(() => null))];
          items[i] = id;
          return withPart(progress, index, { items, waitingSince: progress.parts![index]!.waitingSince ?? Date.now() });
        });
      }
      if (!progress.parts![index]!.containerId) {
        const items = progress.parts![index]!.items as string[];
        const waited = await awaitContainers(ctx, progress, index, items, need);
        if (waited.expired.length) {
          const kept = items.map((id) => (waited.expired.includes(id) ? null : id));
          const next = withPart(progress, index, { items: kept });
          await ctx.journal.saveProgress(next);
          return prepare(ctx, next, index);
        }
        if (waited.outcome) return waited;
        progress = waited.progress;
        progress = await createContainer(ctx, progress, `container:${index}`, { media_type: 'CAROUSEL', children: items.join(','), text: part.text || undefined, ...base }, need, (id) =>
          withPart(progress, index, { containerId: id, waitingSince: Date.now(), polls: 0 }),
        );
      }
    } else if (!progress.parts![index]!.containerId) {
      const media = part.media[0];
      const form = media
        ? { media_type: mediaType(media), ...mediaField(media), ...altText(media), text: part.text || undefined, ...base }
        : { media_type: 'TEXT', text: part.text, ...(index === 0 && settings.linkAttachment ? { link_attachment: settings.linkAttachment } : {}), ...base };
      progress = await createContainer(ctx, progress, `container:${index}`, form, need, (id) => withPart(progress, index, { containerId: id, waitingSince: Date.now(), polls: 0 }));
    }

    const containerId = progress.parts![index]!.containerId!;
    const waited = await awaitContainers(ctx, progress, index, [containerId], need);
    if (waited.expired.length) {
      // Never published: a new container (and new items for a carousel, which expired with it).
      const next = withPart(progress, index, { containerId: undefined, items: undefined, waitingSince: undefined, polls: 0 });
      await ctx.journal.saveProgress(next);
      return prepare(ctx, next, index);
    }
    return waited;
  }

  /** threads_publish for part `index`, announced first: a lost answer is settled by findExisting, never by a second call. */
  async function publishPart(ctx: PublishContext, progress: Progress, index: number): Promise<Progress> {
    const containerId = progress.parts![index]!.containerId!;
    assertUsageRoom(network, label, ctx.externalAccountId);
    await ctx.journal.beforeCreate(`publish:${index}`, { containerId });
    const answer = await call<{ id?: unknown }>(index === 0 ? needs.publish : needs.reply, url(`/${ctx.externalAccountId}/threads_publish`), ctx.accessToken, {
      method: 'POST',
      form: { creation_id: containerId },
      usageKey: ctx.externalAccountId,
    });
    const mediaId = idOf(answer.id);
    if (!mediaId) throw badAnswer('postId');
    const next = withPart(progress, index, { mediaId });
    await ctx.journal.afterCreate(`publish:${index}`, { mediaId }, next);
    return next;
  }

  /** The root post's link; a failure to read it costs only the link (the post is out). */
  async function permalinkOf(ctx: PublishContext, mediaId: string): Promise<string | null> {
    try {
      const answer = await call<{ permalink?: unknown }>(needs.basic, url(`/${mediaId}`, { fields: 'id,permalink' }), ctx.accessToken, { usageKey: ctx.externalAccountId });
      return typeof answer.permalink === 'string' ? answer.permalink : null;
    } catch (error) {
      ctx.journal.log('permalink', { mediaId }, { error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** Recent posts (root) or replies (chain parts) of the account, newest first. */
  async function recent(ctx: PublishContext, replies: boolean): Promise<Listed[]> {
    const answer = await call<{ data?: Listed[] }>(
      replies ? needs.readReplies : needs.basic,
      url(`/${ctx.externalAccountId}/${replies ? 'replies' : 'threads'}`, { fields: 'id,text,timestamp,permalink', limit: '25' }),
      ctx.accessToken,
      { usageKey: ctx.externalAccountId },
    );
    return answer.data ?? [];
  }

  return {
    network,
    // Threads downloads every photo and video from Herald's signed links.
    pullsMediaFromUrl: true,

    async publish(ctx) {
      if (!ctx.parts.length) throw refusals.empty();
      let progress = ctx.journal.progress as Progress;
      if (!progress.parts) progress = { ...progress, parts: ctx.parts.map(() => ({})) };
      if (!progress.quotaChecked) {
        const unpublished = progress.parts!.map((p, i) => (p.mediaId ? -1 : i)).filter((i) => i >= 0);
        await checkQuota(ctx, unpublished.includes(0) ? 1 : 0, unpublished.filter((i) => i > 0).length);
        progress = { ...progress, quotaChecked: true };
        await ctx.journal.saveProgress(progress);
      }
      for (let index = 0; index < ctx.parts.length; index += 1) {
        if (progress.parts![index]?.mediaId) continue;
        const prepared = await prepare(ctx, progress, index);
        if (prepared.outcome) return prepared.outcome;
        progress = await publishPart(ctx, prepared.progress, index);
      }
      const rootId = progress.parts![0]!.mediaId!;
      if (progress.permalink === undefined) {
        progress = { ...progress, permalink: await permalinkOf(ctx, rootId) };
        await ctx.journal.saveProgress(progress);
      }
      return { status: 'published', externalId: rootId, url: progress.permalink ?? null };
    },

    /*
     * A creating call was sent and its answer lost.
     * - A container (`item:…`, `container:…`): Herald never learnt its id, so it can never be
     *   published; Threads lets it expire after 24 h. Creating another is safe.
     * - threads_publish (`publish:<part>`): the container Herald recorded tells. FINISHED (or
     *   ERROR, EXPIRED): not published, the next run polls it again and publishes. PUBLISHED: the
     *   post is out, and its id is read from the account's recent posts (or replies, for a later
     *   part of a chain), matched by text and time. Never a second threads_publish.
     */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      const match = /^publish:(\d+)$/.exec(pending.step);
      if (!match) return /^(item|container):/.test(pending.step) ? { found: false } : unknownBecause(threadsWords('unknown.step', { step: pending.step }));
      const index = Number(match[1]);
      const progress = ctx.journal.progress as Progress;
      const containerId = progress.parts?.[index]?.containerId;
      if (!containerId) return { found: false };
      const status = await readStatus(ctx, containerId, needs.basic);
      if (status.status !== 'PUBLISHED') return { found: false };
      const text = (ctx.parts[index]?.text ?? '').trim();
      const since = pending.sentAt.getTime() - 60_000;
      let listed: Listed[];
      try {
        listed = await recent(ctx, index > 0);
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'scope') {
          return unknownBecause(threadsWords(index > 0 ? 'unknown.repliesUnreadable' : 'unknown.postsUnreadable', { permission: error.scope ?? threadsWords('unknown.aPermission') }));
        }
        throw error;
      }
      const candidates = listed.filter((p) => idOf(p.id) && (!p.timestamp || Date.parse(p.timestamp) >= since));
      const found = candidates.find((p) => (p.text ?? '').trim() === text) ?? (text ? undefined : candidates[0]);
      if (!found) return unknownBecause(threadsWords('unknown.notListed'));
      const next = withPart(progress, index, { mediaId: idOf(found.id)! });
      return { found: true, progress: index === 0 && found.permalink ? { ...next, permalink: found.permalink } : next };
    },

    // One insights call per post: Threads has no batch read.
    metricsBatch: 20,
    async readMetrics(ctx: MetricsContext, ids: string[]) {
      const found = new Map<string, PostMetrics>();
      for (const id of ids) {
        let answer: { data?: { name?: string; values?: { value?: unknown }[]; total_value?: { value?: unknown } }[] };
        try {
          answer = await call(needs.insights, url(`/${id}/insights`, { metric: 'views,likes,replies,reposts,quotes,shares' }), ctx.accessToken, { usageKey: ctx.externalAccountId });
        } catch (error) {
          // A post deleted at Threads ("object does not exist") is left out: it is gone.
          if (error instanceof ProviderError && error.kind === 'invalid' && error.code?.startsWith('graph_100')) continue;
          throw error;
        }
        const value = (name: string) => {
          const metric = answer.data?.find((m) => m.name === name);
          const raw = metric?.total_value?.value ?? metric?.values?.[0]?.value;
          return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
        };
        const reposts = value('reposts');
        const quotes = value('quotes');
        const shares = value('shares');
        found.set(id, {
          views: value('views'),
          likes: value('likes'),
          comments: value('replies'),
          shares,
          // Threads reports no reach.
          reach: null,
          extra: Object.fromEntries(Object.entries({ reposts, quotes }).filter((e): e is [string, number] => e[1] !== null)),
        });
      }
      return found;
    },
    // The account's followers: the followers_count account insight (threads_insights,
    // threads_manage_insights), the current total whatever the window.
    async readAccount(ctx: MetricsContext) {
      const answer = await call<{ data?: { name?: string; values?: { value?: unknown }[]; total_value?: { value?: unknown } }[] }>(
        needs.accountInsights,
        url(`/${ctx.externalAccountId}/threads_insights`, { metric: 'followers_count' }),
        ctx.accessToken,
        { usageKey: ctx.externalAccountId },
      );
      const metric = answer.data?.find((m) => m.name === 'followers_count');
      const raw = metric?.total_value?.value ?? metric?.values?.[0]?.value;
      return { followers: typeof raw === 'number' && Number.isFinite(raw) ? raw : null };
    },
  };
}
