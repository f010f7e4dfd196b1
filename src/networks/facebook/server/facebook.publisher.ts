// Publishing to a Facebook Page (shared/providers.md §7). Facebook takes every file by upload, so
// no public media link is needed: photos as multipart, videos through the Resumable Upload API,
// Reels through video_reels start → rupload → finish. Meta has no idempotency key: each creating
// call is announced in the journal first, and a lost answer is settled by reading the Page (its
// recent posts, its videos, the Reel's status, the post's comments), never by sending it again.
import type { Readable } from 'node:stream';
import { facebookSettings } from '../descriptor.ts';
import { fetchFromNetwork } from '../../../server/providers/http.ts';
import { errorWords, scopeMissingWords, unknownBecause, wordedError } from '../../error-words.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';
import type { ExistingCheck, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';
import { graphError, graphErrorOf } from '../../meta-graph/graph-errors.ts';
import { assertUsageRoom, noteUsage } from '../../meta-graph/usage.ts';
import { formBody, graph, graphUrl, label, network, type FacebookEndpoints } from './facebook.graph.ts';

export type FacebookPublisherOptions = {
  /** How long to wait between status checks while Facebook processes a video. */
  pollMs?: number;
  /** How long a created post may take to show in the Page's lists (after that, absent = not created). */
  listingDelayMs?: number;
};

type Kind = 'text' | 'photo' | 'photos' | 'video' | 'reel';

/** What Herald keeps in the journal between calls. */
type Progress = {
  kind?: Kind;
  /** Multi-photo posts: the unpublished photos uploaded so far (invisible until attached). */
  photoIds?: string[];
  /** Video: the resumable upload session ("upload:…") and, once every byte is sent, its file handle. */
  uploadSession?: string;
  uploadHandle?: string;
  /** Video and Reel: the video object at Facebook. */
  videoId?: string;
  reelUploaded?: boolean;
  reelFinished?: boolean;
  /** The published object (post id `{page}_{post}`, or the video id) and its link. */
  postId?: string;
  url?: string | null;
  /** First comment: its id once written. */
  commentId?: string;
  /** When this delivery first sent a creating call for the post (ms). */
  firstSentAt?: number;
};

type VideoStatus = {
  status?: {
    video_status?: string;
    uploading_phase?: { status?: string; bytes_transferred?: number };
    processing_phase?: { status?: string; errors?: { message?: string }[] };
    publishing_phase?: { status?: string };
  };
  permalink_url?: string;
};

/** Clock difference allowed between Herald and Facebook when a 506 is matched to this delivery's own post. */
const DUPLICATE_SKEW_MS = 5_000;
const facebookWords = (key: string, values?: Parameters<typeof errorWords>[1]) => errorWords(`network-facebook:errors.${key}`, values);
const publishWords = (key: string, values?: Parameters<typeof errorWords>[1]) => facebookWords(`server.publish.${key}`, values);
const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);
/** Facebook answered a creating call without the id of what it made (`what`: words of `server.publish.accepted`). */
const acceptedWithoutId = (what: 'post' | 'photo' | 'onePhoto' | 'video' | 'firstComment') => invalid(publishWords('acceptedNoId', { what: publishWords(`accepted.${what}`) }), 'bad_answer');
const postLink = (id: string) => `https://www.facebook.com/${id}`;
const reelLink = (id: string) => `https://www.facebook.com/reel/${id}`;

/**
 * A permission the person unticked in the dialog is not a broken token: the error names it, in
 * the words every network uses, so the person knows what to allow when connecting again.
 */
function withPermissionWords(error: unknown, method: string, path: string): unknown {
  if (!(error instanceof ProviderError) || error.kind !== 'scope') return error;
  const [scope, what] = /insights$/.test(path)
    ? ['read_insights', 'reach']
    : method === 'GET'
      ? ['pages_read_engagement', 'readPosts']
      : /\/comments$/.test(path)
        ? ['pages_manage_engagement', 'firstComment']
        : ['pages_manage_posts', 'posting'];
  const named = error.scope ?? scope;
  return wordedError('scope', network, scopeMissingWords(label, named, errorWords(`network-facebook:errors.what.${what}`)), error.code, { scope: named });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
const asBody = (bytes: Buffer) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;

function parseSettings(ctx: PublishContext) {
  const parsed = facebookSettings.safeParse(ctx.settings ?? {});
  if (!parsed.success) throw invalid(publishWords('settingsInvalid', { reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
  return parsed.data;
}

/** The post's shape: text (with or without a link), one photo, several photos, one video, or a Reel. */
function shapeOf(ctx: PublishContext): { kind: Kind; media: PublishMedia[] } {
  const settings = parseSettings(ctx);
  const media = ctx.parts[0]?.media ?? [];
  const videos = media.filter((m) => m.kind === 'video');
  if (settings.format === 'reel') {
    if (videos.length !== 1 || media.length !== 1) throw invalid(publishWords('reelOneVideo'));
    return { kind: 'reel', media };
  }
  if (videos.length && media.length > 1) throw invalid(publishWords('photosOrVideo'));
  if (videos.length === 1) return { kind: 'video', media };
  if (media.length === 1) return { kind: 'photo', media };
  if (media.length > 1) return { kind: 'photos', media };
  if (!ctx.parts[0]?.text.trim() && !settings.link && !ctx.linkCard) throw invalid(publishWords('empty'));
  return { kind: 'text', media };
}

export function createFacebookPublisher(e: FacebookEndpoints, options: FacebookPublisherOptions = {}): Publisher {
  const pollMs = options.pollMs ?? 3000;
  const listingDelayMs = options.listingDelayMs ?? 60_000;
  const call = <T = Record<string, unknown>>(ctx: { accessToken: string; externalAccountId: string }, url: string, init: { method?: string; form?: Record<string, string | undefined>; body?: BodyInit } = {}) => {
    const method = init.method ?? (init.form || init.body ? 'POST' : 'GET');
    return graph<T>(url, {
      method,
      token: ctx.accessToken,
      usageKey: ctx.externalAccountId,
      ...(init.form ? formBody(init.form) : { body: init.body }),
    }).catch((error: unknown) => {
      throw withPermissionWords(error, method, new URL(url).pathname);
    });
  };
  const page = (ctx: PublishContext) => ctx.externalAccountId;

  /** The Page's posts created since `since` (ms), newest first: how a lost answer is settled. */
  async function recentPosts(ctx: PublishContext, since: number) {
    const answer = await call<{ data?: { id?: string; message?: string; created_time?: string; permalink_url?: string }[] }>(
      ctx,
      graphUrl(e, `/${page(ctx)}/published_posts`, { fields: 'id,message,created_time,permalink_url', since: String(Math.floor(since / 1000)), limit: '25' }),
    );
    return (answer.data ?? []).filter((p) => p.id);
  }

  async function findPost(ctx: PublishContext, text: string, since: number) {
    const wanted = text.trim();
    const match = (await recentPosts(ctx, since)).find((p) => (p.message ?? '').trim() === wanted);
    return match?.id ? { postId: String(match.id), url: match.permalink_url ?? postLink(String(match.id)) } : null;
  }

  /**
   * A creating call, announced first. Facebook's 506 ("duplicate post") means an earlier attempt
   * whose answer was lost did create it: the Page's recent posts say which, and nothing is resent.
   */
  async function create(ctx: PublishContext, step: string, request: Record<string, unknown>, send: () => Promise<{ postId: string; url: string | null }>, progress: Progress): Promise<Progress> {
    assertUsageRoom(network, label, page(ctx));
    // Only a post made since this delivery first tried can be its own: an identical post from
    // yesterday is someone's repeat, not this one.
    if (!progress.firstSentAt) {
      progress = { ...progress, firstSentAt: Date.now() };
      await ctx.journal.saveProgress(progress);
    }
    await ctx.journal.beforeCreate(step, request);
    let created: { postId: string; url: string | null };
    try {
      created = await send();
    } catch (error) {
      if (!(error instanceof ProviderError && error.code === 'duplicate_post')) throw error;
      const text = ctx.parts[0]?.text ?? '';
      const found = text.trim() ? await findPost(ctx, text, progress.firstSentAt! - DUPLICATE_SKEW_MS) : null;
      if (!found) throw invalid(publishWords('duplicate'), 'duplicate_post');
      ctx.journal.log(step, {}, { duplicateOf: found.postId });
      created = found;
    }
    const next: Progress = { ...progress, postId: created.postId, url: created.url };
    await ctx.journal.afterCreate(step, { id: created.postId }, next);
    return next;
  }

  async function publishText(ctx: PublishContext, progress: Progress): Promise<Progress> {
    const settings = parseSettings(ctx);
    const message = ctx.parts[0]?.text ?? '';
    // Facebook builds the card from the page itself (it stopped taking a client's title, description
    // and picture for links in 2017): the post's card gives only its link. The panel's own link wins.
    const link = settings.link ?? ctx.linkCard?.url;
    const form = { message: message || undefined, link };
    return create(ctx, 'feed', { kind: 'text', hasLink: Boolean(link), messageLength: message.length }, async () => {
      const answer = await call<{ id?: string }>(ctx, graphUrl(e, `/${page(ctx)}/feed`), { form });
      if (!answer.id) throw acceptedWithoutId('post');
      return { postId: String(answer.id), url: postLink(String(answer.id)) };
    }, progress);
  }

  /** A photo as multipart (`source`), so Facebook needs no public link to it. */
  async function photoForm(media: PublishMedia, fields: Record<string, string | undefined>) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
    if (media.altText.trim()) form.set('alt_text_custom', media.altText.trim());
    form.set('source', new Blob([asBody(await readAll(media.open()))], { type: media.mimeType }), `photo.${media.mimeType === 'image/png' ? 'png' : 'jpg'}`);
    return form;
  }

  async function publishPhoto(ctx: PublishContext, progress: Progress, media: PublishMedia): Promise<Progress> {
    const message = ctx.parts[0]?.text ?? '';
    const body = await photoForm(media, { message: message || undefined, published: 'true' });
    return create(ctx, 'photo', { kind: 'photo', messageLength: message.length }, async () => {
      const answer = await call<{ id?: string; post_id?: string }>(ctx, graphUrl(e, `/${page(ctx)}/photos`), { body });
      const id = answer.post_id ?? answer.id;
      if (!id) throw acceptedWithoutId('photo');
      return { postId: String(id), url: postLink(String(id)) };
    }, progress);
  }

  async function publishPhotos(ctx: PublishContext, progress: Progress, media: PublishMedia[]): Promise<Progress> {
    const photoIds = [...(progress.photoIds ?? [])];
    // Unpublished photos are invisible until attached: one whose answer was lost is only an orphan.
    for (const item of media.slice(photoIds.length)) {
      assertUsageRoom(network, label, page(ctx));
      const answer = await call<{ id?: string }>(ctx, graphUrl(e, `/${page(ctx)}/photos`), { body: await photoForm(item, { published: 'false' }) });
      if (!answer.id) throw acceptedWithoutId('onePhoto');
      photoIds.push(String(answer.id));
      progress = { ...progress, photoIds };
      await ctx.journal.saveProgress(progress);
    }
    const message = ctx.parts[0]?.text ?? '';
    const form: Record<string, string | undefined> = { message: message || undefined };
    photoIds.forEach((id, i) => (form[`attached_media[${i}]`] = JSON.stringify({ media_fbid: id })));
    return create(ctx, 'feed', { kind: 'photos', photoIds, messageLength: message.length }, async () => {
      const answer = await call<{ id?: string }>(ctx, graphUrl(e, `/${page(ctx)}/feed`), { form });
      if (!answer.id) throw acceptedWithoutId('post');
      return { postId: String(answer.id), url: postLink(String(answer.id)) };
    }, progress);
  }

  /**
   * Sends the video's bytes to a resumable upload session, from where Facebook says it stopped,
   * and keeps the file handle. Creates nothing visible: an interrupted upload is resumed.
   * The Resumable Upload API acts for a person, so its calls carry the user token of whoever
   * granted the Page (the grant token); the video is then posted with the Page token.
   */
  async function uploadVideo(pageCtx: PublishContext, progress: Progress, video: PublishMedia): Promise<Progress> {
    if (!pageCtx.grantToken) throw invalid(publishWords('noGrantToken'), 'reconnect_needed');
    const ctx = { ...pageCtx, accessToken: pageCtx.grantToken };
    if (!progress.uploadSession) {
      const answer = await call<{ id?: string }>(ctx, graphUrl(e, `/${e.appId}/uploads`, { file_name: `video.${video.mimeType === 'video/quicktime' ? 'mov' : 'mp4'}`, file_length: String(video.size), file_type: video.mimeType }), { method: 'POST' });
      if (!answer.id?.startsWith('upload:')) throw invalid(publishWords('noUploadSession'), 'bad_answer');
      progress = { ...progress, uploadSession: answer.id };
      await ctx.journal.saveProgress(progress);
    }
    const session = progress.uploadSession!;
    const state = await call<{ file_offset?: number | string }>(ctx, graphUrl(e, `/${session}`));
    const offset = Number(state.file_offset ?? 0);
    if (!Number.isInteger(offset) || offset < 0 || offset > video.size) throw invalid(publishWords('offsetBeyondVideo'), 'upload_not_resumable');
    const bytes = await readAll(video.open({ start: offset, end: video.size - 1 }));
    const response = await fetchFromNetwork(network, graphUrl(e, `/${session}`), {
      method: 'POST',
      // The Resumable Upload API takes the token only in this header, as `OAuth`.
      headers: { authorization: `OAuth ${ctx.accessToken}`, file_offset: String(offset), 'content-type': 'application/octet-stream' },
      body: asBody(bytes),
      timeoutMs: 300_000,
      allowPrivate: true,
    });
    const answer = (await response.json().catch(() => ({}))) as { h?: string };
    noteUsage(network, page(ctx), response.headers);
    const error = graphErrorOf(answer);
    if (error || response.status >= 400) throw graphError(network, label, response.status, error ?? { message: `HTTP ${response.status}` });
    if (!answer.h) throw invalid(publishWords('noFileHandle'), 'bad_answer');
    progress = { ...progress, uploadHandle: answer.h };
    await ctx.journal.saveProgress(progress);
    return progress;
  }

  async function publishVideo(ctx: PublishContext, progress: Progress, video: PublishMedia): Promise<Progress> {
    if (!progress.uploadHandle) progress = await uploadVideo(ctx, progress, video);
    const settings = parseSettings(ctx);
    const description = ctx.parts[0]?.text ?? '';
    const form = { title: settings.videoTitle, description: description || undefined, fbuploader_video_file_chunk: progress.uploadHandle, published: 'true' };
    const next = await create(ctx, 'video', { kind: 'video', uploadSession: progress.uploadSession, descriptionLength: description.length }, async () => {
      const answer = await call<{ id?: string }>(ctx, graphUrl(e, `/${page(ctx)}/videos`, {}, 'video'), { form });
      if (!answer.id) throw acceptedWithoutId('video');
      return { postId: String(answer.id), url: null };
    }, progress);
    return { ...next, videoId: next.postId };
  }

  async function videoStatus(ctx: PublishContext, videoId: string) {
    return call<VideoStatus>(ctx, graphUrl(e, `/${videoId}`, { fields: 'status,permalink_url' }));
  }

  /** Reels: start (a video container, invisible), bytes to rupload, then the finish that publishes. */
  async function publishReel(ctx: PublishContext, progress: Progress, video: PublishMedia): Promise<Progress> {
    if (!progress.videoId) {
      assertUsageRoom(network, label, page(ctx));
      const started = await call<{ video_id?: string | number }>(ctx, graphUrl(e, `/${page(ctx)}/video_reels`), { form: { upload_phase: 'start' } });
      if (!started.video_id) throw invalid(publishWords('noReelUpload'), 'bad_answer');
      progress = { ...progress, videoId: String(started.video_id) };
      await ctx.journal.saveProgress(progress);
    }
    const videoId = progress.videoId!;
    if (!progress.reelUploaded) {
      const held = (await videoStatus(ctx, videoId)).status?.uploading_phase?.bytes_transferred ?? 0;
      if (held < video.size) {
        const bytes = await readAll(video.open({ start: held, end: video.size - 1 }));
        const response = await fetchFromNetwork(network, `${e.ruploadUrl}/video-upload/${e.version}/${videoId}`, {
          method: 'POST',
          headers: { authorization: `OAuth ${ctx.accessToken}`, offset: String(held), file_size: String(video.size), 'content-type': 'application/octet-stream' },
          body: asBody(bytes),
          timeoutMs: 300_000,
          allowPrivate: true,
        });
        const answer = (await response.json().catch(() => ({}))) as { success?: boolean };
        const error = graphErrorOf(answer);
        if (error) throw graphError(network, label, response.status, error);
        // No Graph error to read: Herald says what failed, with the code graphError would give it.
        if (response.status >= 400 || answer.success !== true) throw invalid(publishWords('reelUploadFailed', { status: response.status }), `graph_${response.status}`);
      }
      progress = { ...progress, reelUploaded: true };
      await ctx.journal.saveProgress(progress);
    }
    const settings = parseSettings(ctx);
    const description = ctx.parts[0]?.text ?? '';
    const form = { upload_phase: 'finish', video_id: videoId, video_state: 'PUBLISHED', description: description || undefined, title: settings.videoTitle };
    // The Reel's id is known before the finish: it is the id the post will have.
    const next = await create(ctx, 'reel_finish', { kind: 'reel', videoId, descriptionLength: description.length }, async () => {
      const answer = await call<{ success?: boolean }>(ctx, graphUrl(e, `/${page(ctx)}/video_reels`), { form });
      if (answer.success !== true) throw invalid(publishWords('reelNotConfirmed'), 'bad_answer');
      return { postId: videoId, url: reelLink(videoId) };
    }, progress);
    return { ...next, reelFinished: true };
  }

  /** A video or Reel is a post once Facebook has processed and published it. */
  async function videoReady(ctx: PublishContext, progress: Progress): Promise<PublishOutcome | null> {
    const answer = await videoStatus(ctx, progress.videoId!);
    const status = answer.status ?? {};
    if (status.video_status === 'error' || status.processing_phase?.status === 'error') {
      throw invalid(publishWords('processingFailed', { reason: status.processing_phase?.errors?.[0]?.message ?? errorWords('networks:errors.meta.noReason') }), 'video_processing_failed');
    }
    if (status.video_status === 'ready' && (status.publishing_phase?.status ?? 'complete') === 'complete') return null;
    return { status: 'processing', checkAfterMs: pollMs };
  }

  async function writeComment(ctx: PublishContext, progress: Progress): Promise<Progress> {
    const message = ctx.firstComment!.trim();
    assertUsageRoom(network, label, page(ctx));
    await ctx.journal.beforeCreate('comment', { on: progress.postId, messageLength: message.length });
    const answer = await call<{ id?: string }>(ctx, graphUrl(e, `/${progress.postId}/comments`), { form: { message } });
    if (!answer.id) throw acceptedWithoutId('firstComment');
    const next = { ...progress, commentId: String(answer.id) };
    await ctx.journal.afterCreate('comment', { id: String(answer.id) }, next);
    return next;
  }

  return {
    network,
    // Facebook takes every file by upload: it never downloads from Herald's media links.
    pullsMediaFromUrl: false,
    usesGrantToken: true,
    async publish(ctx) {
      let progress = ctx.journal.progress as Progress;
      const { kind, media } = shapeOf(ctx);
      if (!progress.postId) {
        const base = { ...progress, kind };
        if (kind === 'text') progress = await publishText(ctx, base);
        else if (kind === 'photo') progress = await publishPhoto(ctx, base, media[0]!);
        else if (kind === 'photos') progress = await publishPhotos(ctx, base, media);
        else if (kind === 'video') progress = await publishVideo(ctx, base, media[0]!);
        else progress = await publishReel(ctx, base, media[0]!);
        if (kind === 'video' || kind === 'reel') {
          await ctx.journal.saveProgress(progress);
          return { status: 'processing', checkAfterMs: pollMs };
        }
      }
      if (progress.kind === 'video' || progress.kind === 'reel') {
        const waiting = await videoReady(ctx, progress);
        if (waiting) return waiting;
        if (!progress.url) {
          progress = { ...progress, url: progress.kind === 'reel' ? reelLink(progress.postId!) : postLink(progress.postId!) };
          await ctx.journal.saveProgress(progress);
        }
      }
      if (ctx.firstComment?.trim() && !progress.commentId) progress = await writeComment(ctx, progress);
      return { status: 'published', externalId: progress.postId!, url: progress.url ?? postLink(progress.postId!) };
    },

    /*
     * A creating call was sent and its answer lost. Facebook lists what a Page published at once,
     * so: a post (text, link, photos) is looked for among the Page's posts created since the call
     * was sent (less a minute for clock skew), by its text; a video among the Page's videos by its
     * description; a Reel by its own status (its id was known before the finish); a first comment
     * among the post's comments written by the Page. Absent a minute after the call: not created.
     */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      const progress = ctx.journal.progress as Progress;
      const since = pending.sentAt.getTime() - 60_000;
      const settled = Date.now() - pending.sentAt.getTime() > listingDelayMs;
      const notYet = (what: 'post' | 'video' | 'firstComment'): ExistingCheck => (settled ? { found: false } : unknownBecause(facebookWords('unknown.stillSaving', { what: facebookWords(`unknown.saving.${what}`) })));
      const text = (ctx.parts[0]?.text ?? '').trim();
      switch (pending.step) {
        case 'feed':
        case 'photo': {
          if (!text) return unknownBecause(facebookWords('unknown.noText'));
          const found = await findPost(ctx, text, since);
          return found ? { found: true, progress: { ...progress, kind: shapeOf(ctx).kind, ...found } } : notYet('post');
        }
        case 'video': {
          if (!text) return unknownBecause(facebookWords('unknown.noDescription'));
          const answer = await call<{ data?: { id?: string; description?: string; created_time?: string }[] }>(
            ctx,
            graphUrl(e, `/${page(ctx)}/videos`, { fields: 'id,description,created_time', since: String(Math.floor(since / 1000)), limit: '25' }),
          );
          const match = (answer.data ?? []).find((v) => v.id && (v.description ?? '').trim() === text);
          return match?.id ? { found: true, progress: { ...progress, kind: 'video', videoId: String(match.id), postId: String(match.id), url: null } } : notYet('video');
        }
        case 'reel_finish': {
          if (!progress.videoId) return { found: false };
          const phase = (await videoStatus(ctx, progress.videoId)).status?.publishing_phase?.status;
          if (phase && phase !== 'not_started') return { found: true, progress: { ...progress, postId: progress.videoId, url: reelLink(progress.videoId), reelFinished: true } };
          return { found: false };
        }
        case 'comment': {
          if (!progress.postId || !ctx.firstComment) return { found: false };
          const answer = await call<{ data?: { id?: string; message?: string; from?: { id?: string } }[] }>(
            ctx,
            graphUrl(e, `/${progress.postId}/comments`, { fields: 'id,message,from', order: 'reverse_chronological', limit: '50' }),
          );
          const match = (answer.data ?? []).find((c) => c.id && c.from?.id === page(ctx) && (c.message ?? '').trim() === ctx.firstComment!.trim());
          return match?.id ? { found: true, progress: { ...progress, commentId: String(match.id) } } : notYet('firstComment');
        }
        default:
          return unknownBecause(facebookWords('unknown.step', { step: pending.step }));
      }
    },

    metricsBatch: 25,
    async readMetrics(ctx, ids) {
      const found = new Map<string, PostMetrics>();
      for (const id of ids) {
        let counters: { reactions?: { summary?: { total_count?: number } }; comments?: { summary?: { total_count?: number } }; shares?: { count?: number } };
        try {
          counters = await call(ctx, graphUrl(e, `/${id}`, { fields: 'reactions.summary(total_count).limit(0),comments.summary(true).limit(0),shares' }));
        } catch (error) {
          // A post deleted on Facebook ("does not exist", code 100) has no counters any more.
          if (error instanceof ProviderError && error.kind === 'invalid') continue;
          throw error;
        }
        const metrics: PostMetrics = {
          views: null,
          likes: count(counters.reactions?.summary?.total_count),
          comments: count(counters.comments?.summary?.total_count),
          // Facebook leaves `shares` out until a post is shared.
          shares: count(counters.shares?.count) ?? (counters.reactions ? 0 : null),
          reach: null,
          extra: {},
        };
        await readInsights(ctx, id, metrics);
        found.set(id, metrics);
      }
      return found;
    },
    // The Page's followers_count (GET /{page-id}, pages_read_engagement with the Page token).
    async readAccount(ctx) {
      const answer = await call<{ followers_count?: unknown }>(ctx, graphUrl(e, `/${ctx.externalAccountId}`, { fields: 'followers_count' }));
      return { followers: count(answer.followers_count) };
    },
  };

  /** Reach (posts) and views (videos) from insights: read_insights; without it the counters stay. */
  async function readInsights(ctx: { accessToken: string; externalAccountId: string }, id: string, metrics: PostMetrics) {
    const isPost = id.includes('_');
    const path = isPost ? `/${id}/insights` : `/${id}/video_insights`;
    const metric = isPost ? 'post_total_media_view_unique,post_media_view' : 'total_video_views,total_video_views_unique';
    try {
      const answer = await call<{ data?: { name?: string; values?: { value?: unknown }[] }[] }>(ctx, graphUrl(e, path, { metric }));
      const value = (name: string) => count(answer.data?.find((d) => d.name === name)?.values?.at(-1)?.value);
      if (isPost) {
        metrics.reach = value('post_total_media_view_unique');
        metrics.views = value('post_media_view');
      } else {
        metrics.views = value('total_video_views');
        metrics.reach = value('total_video_views_unique');
      }
    } catch (error) {
      // Insights need read_insights (and enough people reached): the other counters still count.
      if (error instanceof ProviderError && (error.kind === 'scope' || error.kind === 'invalid')) return;
      throw error;
    }
  }
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null);
