// Publishing to X (shared/providers.md §4): photos by the simple upload (POST /2/media/upload),
// GIFs and videos in chunks (initialize → append… → finalize → STATUS until `succeeded`), alt text
// through /2/media/metadata, then POST /2/tweets for the post and for each thread part as a reply
// to the part before. X has no idempotency key: every post is announced in the journal; a lost
// answer, or X's duplicate-content refusal (which means an earlier attempt went out), is settled by
// reading the account's recent posts, never by posting again. Progress is saved after each step,
// so a retry resumes where the last attempt stopped and a posted part is never posted twice.
import type { Readable } from 'node:stream';
import { quotedPostId, xMediaKind, xSettings, type XMediaKind, type XSettings } from '../descriptor.ts';
import { linksIn } from '../counting.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { ExistingCheck, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';
import { badAnswer, errorFrom, isDuplicateRefusal, network, problemText, xCall, xUpload, xWords, type Answer, type Need, type Problem, type XEndpoints } from './x-api.ts';
import { unknownBecause, wordedError } from '../../error-words.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';
import { giveBack, takePost } from './x-caps.ts';

export type XPublisherOptions = {
  /** Wait before the first processing check when X says nothing (`check_after_secs` otherwise). */
  firstPollMs?: number;
  /** A GIF or video still processing after this long is given up on. */
  processingTimeoutMs?: number;
};

type MediaProgress = {
  kind: XMediaKind;
  id?: string;
  /** Chunks appended so far (GIF, video). */
  appended?: number;
  finalized?: boolean;
  ready?: boolean;
  altSet?: boolean;
  waitingSince?: number;
};

type PartProgress = {
  media?: MediaProgress[];
  postId?: string;
  /** When this part was counted against the caps (ms), so a retry does not count it again. */
  countedAt?: number;
};

/** What Herald keeps in the journal between calls. */
type Progress = {
  parts?: PartProgress[];
  /** X refused a part as duplicate content (ms): an earlier attempt went out. */
  duplicateRefusedAt?: number;
};

type Listed = { id?: string; text?: string; created_at?: string; referenced_tweets?: { type?: string; id?: string }[] };

const needs = {
  post: { scope: 'tweet.write', what: xWords('need.posting') },
  media: { scope: 'media.write', what: xWords('need.uploading') },
  read: { scope: 'tweet.read', what: xWords('need.readingPosts') },
  account: { scope: 'users.read', what: xWords('need.readingFollowers') },
} satisfies Record<string, Need>;

const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);
/** The post's link on X (`/i/` works without the handle). */
export const postUrl = (id: string, username: string | null) => `https://x.com/${username ?? 'i'}/status/${id}`;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseSettings(ctx: PublishContext): XSettings {
  const parsed = xSettings.safeParse(ctx.settings);
  if (!parsed.success) throw invalid(parsed.error.issues[0] ? xWords('settingsInvalid', { reason: parsed.error.issues[0].message }) : xWords('settingsInvalidUnknown'), 'bad_settings');
  return parsed.data;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };
/**
 * A post's text as comparable between what Herald sent and what X shows: X answers with links
 * as t.co links, appends a link to the media, escapes &, < and >. Links are left out of the
 * comparison, and runs of white space become one space.
 */
export function comparable(text: string, sent: boolean): string {
  let t = text.normalize('NFC');
  if (sent) {
    for (const link of linksIn(t).reverse()) t = `${t.slice(0, link.start)}${t.slice(link.end)}`;
  } else {
    t = t.replace(/&(amp|lt|gt);/g, (m) => entities[m]!).replace(/https:\/\/t\.co\/\w+/g, '');
  }
  return t.replace(/\s+/g, ' ').trim();
}

export function createXPublisher(e: XEndpoints, options: XPublisherOptions = {}): Publisher {
  const firstPollMs = options.firstPollMs ?? 5_000;
  const processingTimeoutMs = options.processingTimeoutMs ?? 30 * 60_000;
  const call = <T>(ctx: { accessToken: string; externalAccountId: string }, path: string, input: { method?: 'GET' | 'POST'; json?: unknown; need: Need; endpoint: string }, accept: number[] = []) =>
    xCall<T>(e, path, ctx.accessToken, { ...input, account: ctx.externalAccountId }, accept);

  // ---- Media -------------------------------------------------------------------------------

  /** One step of a file's upload; answers the new progress, or a wait while X processes it. */
  async function uploadStep(ctx: PublishContext, file: PublishMedia, state: MediaProgress): Promise<{ state: MediaProgress; waitMs?: number }> {
    if (state.kind === 'image' && !state.id) {
      const form = new FormData();
      form.set('media_category', 'tweet_image');
      form.set('media', new Blob([new Uint8Array(await readAll(file.open()))], { type: file.mimeType }), 'media');
      const { body } = await xUpload<{ data?: { id?: string } }>(e, '/2/media/upload', ctx.accessToken, form, { need: needs.media, account: ctx.externalAccountId, endpoint: 'media/upload' });
      if (!body?.data?.id) throw badAnswer(xWords('answer.mediaId'));
      return { state: { ...state, id: String(body.data.id), ready: true } };
    }
    if (!state.id) {
      const { body } = await call<{ data?: { id?: string } }>(ctx, '/2/media/upload/initialize', {
        method: 'POST',
        json: { media_type: file.mimeType, total_bytes: file.size, media_category: state.kind === 'gif' ? 'tweet_gif' : 'tweet_video' },
        need: needs.media,
        endpoint: 'media/chunked',
      });
      if (!body?.data?.id) throw badAnswer(xWords('answer.mediaId'));
      return { state: { ...state, id: String(body.data.id), appended: 0 } };
    }
    const segments = Math.max(1, Math.ceil(file.size / e.chunkBytes));
    if ((state.appended ?? 0) < segments) {
      const index = state.appended ?? 0;
      const start = index * e.chunkBytes;
      const end = Math.min(file.size, start + e.chunkBytes) - 1;
      const bytes = await readAll(file.open({ start, end }));
      const form = new FormData();
      form.set('segment_index', String(index));
      form.set('media', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), 'chunk');
      await xUpload(e, `/2/media/upload/${state.id}/append`, ctx.accessToken, form, { need: needs.media, account: ctx.externalAccountId, endpoint: 'media/chunked' });
      return { state: { ...state, appended: index + 1 } };
    }
    if (!state.finalized) {
      const { body } = await call<{ data?: { processing_info?: ProcessingInfo } }>(ctx, `/2/media/upload/${state.id}/finalize`, { method: 'POST', need: needs.media, endpoint: 'media/chunked' });
      const info = body?.data?.processing_info;
      if (!info || info.state === 'succeeded') return { state: { ...state, finalized: true, ready: true } };
      failIfFailed(info);
      return { state: { ...state, finalized: true, waitingSince: Date.now() }, waitMs: waitOf(info) };
    }
    const { body } = await call<{ data?: { processing_info?: ProcessingInfo } }>(ctx, `/2/media/upload?command=STATUS&media_id=${encodeURIComponent(state.id)}`, { need: needs.media, endpoint: 'media/status' });
    const info = body?.data?.processing_info;
    if (!info || info.state === 'succeeded') return { state: { ...state, ready: true } };
    failIfFailed(info);
    if (Date.now() - (state.waitingSince ?? Date.now()) > processingTimeoutMs) {
      throw invalid(xWords(state.kind === 'gif' ? 'processingTimeoutGif' : 'processingTimeoutVideo', { minutes: Math.round(processingTimeoutMs / 60_000) }), 'processing_timeout');
    }
    return { state, waitMs: waitOf(info) };
  }

  type ProcessingInfo = { state?: string; check_after_secs?: number; progress_percent?: number; error?: { message?: string; name?: string } };
  const waitOf = (info: ProcessingInfo) => (typeof info.check_after_secs === 'number' ? Math.max(250, info.check_after_secs * 1000) : firstPollMs);
  function failIfFailed(info: ProcessingInfo) {
    if (info.state === 'failed') throw invalid(info.error?.message ? xWords('processingFailedBecause', { reason: info.error.message }) : xWords('processingFailed'), 'media_processing_failed');
  }

  async function setAltText(ctx: PublishContext, state: MediaProgress, altText: string): Promise<MediaProgress> {
    await call(ctx, '/2/media/metadata', { method: 'POST', json: { id: state.id, metadata: { alt_text: { text: altText.slice(0, 1000) } } }, need: needs.media, endpoint: 'media/metadata' });
    return { ...state, altSet: true };
  }

  /** Uploads one part's files step by step, saving after each; a wait when X is still processing. */
  async function prepareMedia(ctx: PublishContext, progress: Progress, index: number): Promise<{ progress: Progress; waitMs: number | null }> {
    const files = ctx.parts[index]!.media;
    let part = progress.parts![index]!;
    if (!part.media) part = { ...part, media: files.map((f) => ({ kind: xMediaKind(f) })) };
    if (part.media!.length !== files.length) throw invalid(xWords('mediaChanged'), 'media_changed');
    let wait: number | null = null;
    for (let m = 0; m < files.length; m += 1) {
      let state = part.media![m]!;
      while (!state.ready) {
        const step = await uploadStep(ctx, files[m]!, state);
        state = step.state;
        part = { ...part, media: part.media!.map((s, i) => (i === m ? state : s)) };
        progress = withPart(progress, index, part);
        await ctx.journal.saveProgress(progress);
        if (step.waitMs !== undefined) {
          wait = Math.min(wait ?? Infinity, step.waitMs);
          break;
        }
      }
      if (state.ready && files[m]!.altText.trim() && !state.altSet && state.kind !== 'video') {
        state = await setAltText(ctx, state, files[m]!.altText.trim());
        part = { ...part, media: part.media!.map((s, i) => (i === m ? state : s)) };
        progress = withPart(progress, index, part);
        await ctx.journal.saveProgress(progress);
      }
    }
    return { progress, waitMs: wait };
  }

  const withPart = (progress: Progress, index: number, part: PartProgress): Progress => ({ ...progress, parts: progress.parts!.map((p, i) => (i === index ? part : p)) });

  // ---- Posts -------------------------------------------------------------------------------

  function bodyOf(ctx: PublishContext, progress: Progress, index: number, s: XSettings): Record<string, unknown> {
    const part = ctx.parts[index]!;
    const mediaIds = (progress.parts![index]!.media ?? []).map((m) => m.id!);
    const previous = index > 0 ? progress.parts![index - 1]!.postId : undefined;
    const quote = index === 0 ? quotedPostId(s.quote) : null;
    return {
      ...(part.text ? { text: part.text } : {}),
      ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}),
      ...(previous ? { reply: { in_reply_to_tweet_id: previous } } : {}),
      ...(quote ? { quote_tweet_id: quote } : {}),
      ...(index === 0 && s.poll ? { poll: { options: s.poll.options, duration_minutes: s.poll.durationMinutes } } : {}),
      ...(s.replySettings !== 'everyone' ? { reply_settings: s.replySettings } : {}),
    };
  }

  /** The account's posts since `since` (ms), newest first. */
  async function recentPosts(ctx: PublishContext, since: number): Promise<Listed[]> {
    const start = new Date(Math.max(since, Date.now() - 7 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const { body } = await call<{ data?: Listed[] }>(
      ctx,
      `/2/users/${encodeURIComponent(ctx.externalAccountId)}/tweets?max_results=100&start_time=${start}&tweet.fields=created_at,referenced_tweets,text`,
      { need: needs.read, endpoint: 'users/tweets' },
    );
    return body?.data ?? [];
  }

  /** Finds part `index` on the account's timeline by its text (and, for a reply, what it answers). */
  async function settlePart(ctx: PublishContext, progress: Progress, index: number, sentAt: Date): Promise<ExistingCheck> {
    const duplicate = Boolean(progress.duplicateRefusedAt);
    // A duplicate refusal points at an earlier post, which may predate this attempt by hours.
    const since = duplicate ? sentAt.getTime() - 2 * 86_400_000 : sentAt.getTime() - 5 * 60_000;
    const listed = await recentPosts(ctx, since);
    const wanted = comparable(ctx.parts[index]!.text, true);
    const previous = index > 0 ? progress.parts![index - 1]!.postId : undefined;
    const found = listed.find(
      (p) => p.id && comparable(p.text ?? '', false) === wanted && (!previous || p.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === previous)),
    );
    if (found) return { found: true, progress: withPart({ ...progress, duplicateRefusedAt: undefined }, index, { ...progress.parts![index]!, postId: String(found.id) }) };
    if (duplicate) return unknownBecause(xWords('duplicateNotFound'));
    return { found: false };
  }

  async function createPart(ctx: PublishContext, progress: Progress, index: number, s: XSettings): Promise<Progress> {
    let part = progress.parts![index]!;
    if (!part.countedAt) {
      await takePost(ctx.usage, e.caps, ctx.externalAccountId);
      part = { ...part, countedAt: Date.now() };
      progress = withPart(progress, index, part);
      await ctx.journal.saveProgress(progress);
    }
    const body = bodyOf(ctx, progress, index, s);
    const step = `post:${index}`;
    await ctx.journal.beforeCreate(step, { part: index, textLength: ctx.parts[index]!.text.length, media: (body.media as { media_ids: string[] } | undefined)?.media_ids.length ?? 0, reply: Boolean(body.reply) });
    const sentAt = new Date();
    let answer: Answer<({ data?: { id?: string } } & Problem) | null>;
    try {
      answer = await call<({ data?: { id?: string } } & Problem) | null>(ctx, '/2/tweets', { method: 'POST', json: body, need: needs.post, endpoint: 'tweets/create' }, [403]);
    } catch (error) {
      // X answered and created nothing: the post no longer counts against the caps.
      if (error instanceof ProviderError && !error.ambiguous) await giveBack(ctx.usage, e.caps, ctx.externalAccountId, part.countedAt!);
      throw error;
    }
    if (answer.status === 403) {
      if (!isDuplicateRefusal(answer.status, answer.body)) {
        await giveBack(ctx.usage, e.caps, ctx.externalAccountId, part.countedAt!);
        const first = progress.parts![0]!.postId;
        if (index > 0 && first && /not allowed|mentioned|engaged/i.test(problemText(answer.body))) {
          // X's 2026-02-23 rule: self-serve apps may reply only where they were "summoned".
          throw wordedError('denied', network, xWords('replyRefused', { part: index + 1, reason: problemText(answer.body), url: postUrl(first, ctx.username) }), 'reply_not_allowed');
        }
        throw errorFrom(answer.status, answer.body, needs.post);
      }
      // Duplicate content: an earlier attempt's post is out. Never a second create: find it.
      progress = { ...progress, duplicateRefusedAt: Date.now() };
      await ctx.journal.saveProgress(progress);
      const settled = await settlePart(ctx, progress, index, sentAt);
      if (settled.found === true) {
        const next = settled.progress as Progress;
        await ctx.journal.afterCreate(step, { id: next.parts![index]!.postId, duplicate: true }, next);
        return next;
      }
      const why = settled.found === 'unknown' ? settled.words : xWords('duplicate');
      if (!why) throw new ProviderError('transient', network, settled.found === 'unknown' ? settled.reason : 'X refused the post as duplicate content', 'duplicate', { ambiguous: true });
      throw wordedError('transient', network, why, 'duplicate', { ambiguous: true });
    }
    const id = answer.body?.data?.id;
    if (!id || !/^\d{1,20}$/.test(String(id))) throw badAnswer(xWords('answer.newPostId'));
    const next = withPart(progress, index, { ...progress.parts![index]!, postId: String(id) });
    await ctx.journal.afterCreate(step, { id: String(id) }, next);
    return next;
  }

  // ---- Metrics -----------------------------------------------------------------------------

  type Metrics = { impression_count?: number; like_count?: number; reply_count?: number; retweet_count?: number; repost_count?: number; quote_count?: number; bookmark_count?: number; url_link_clicks?: number; user_profile_clicks?: number; engagements?: number };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

  return {
    network,

    async publish(ctx): Promise<PublishOutcome> {
      const s = parseSettings(ctx);
      let progress = ctx.journal.progress as Progress;
      if (!progress.parts) progress = { ...progress, parts: ctx.parts.map(() => ({})) };
      if (progress.parts!.length !== ctx.parts.length) throw invalid(xWords('threadChanged'), 'thread_changed');
      for (let index = 0; index < ctx.parts.length; index += 1) {
        if (progress.parts![index]!.postId) continue;
        const prepared = await prepareMedia(ctx, progress, index);
        progress = prepared.progress;
        if (prepared.waitMs !== null) return { status: 'processing', checkAfterMs: prepared.waitMs };
        progress = await createPart(ctx, progress, index, s);
      }
      const first = progress.parts![0]!.postId!;
      return { status: 'published', externalId: first, url: postUrl(first, ctx.username) };
    },

    /** A post (`post:<i>`) whose answer was lost: the account's recent posts tell. */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      const progress = ctx.journal.progress as Progress;
      const match = /^post:(\d+)$/.exec(pending.step);
      if (!match || !progress.parts?.[Number(match[1])]) return unknownBecause(xWords('unknownStep', { step: pending.step }));
      return settlePart(ctx, progress, Number(match[1]), pending.sentAt);
    },

    metricsBatch: 100,
    async readMetrics(ctx, ids) {
      const read = (fields: string) =>
        xCall<{ data?: { id?: string; public_metrics?: Metrics; non_public_metrics?: Metrics }[] }>(e, `/2/tweets?ids=${ids.map(encodeURIComponent).join(',')}&tweet.fields=${fields}`, ctx.accessToken, {
          need: needs.read,
          account: ctx.externalAccountId,
          endpoint: 'tweets/lookup',
        });
      let answer;
      try {
        answer = await read('public_metrics,non_public_metrics');
      } catch (error) {
        // Non-public counters exist only for the account's own posts of the last 30 days.
        if (!(error instanceof ProviderError && (error.kind === 'invalid' || error.kind === 'denied'))) throw error;
        answer = await read('public_metrics');
      }
      const found = new Map<string, PostMetrics>();
      for (const post of answer.body?.data ?? []) {
        if (!post.id) continue;
        const p = post.public_metrics ?? {};
        const np = post.non_public_metrics ?? {};
        const extra: Record<string, number> = {};
        for (const [key, value] of Object.entries({ quotes: p.quote_count, bookmarks: p.bookmark_count, replies: p.reply_count, linkClicks: np.url_link_clicks, profileClicks: np.user_profile_clicks, engagements: np.engagements })) {
          if (num(value) !== null) extra[key] = value!;
        }
        found.set(String(post.id), {
          views: num(np.impression_count) ?? num(p.impression_count),
          likes: num(p.like_count),
          comments: num(p.reply_count),
          shares: num(p.retweet_count) ?? num(p.repost_count),
          reach: null,
          extra,
        });
      }
      return found;
    },

    // The account's public_metrics (users.read, tweet.read): followers_count is the current total.
    async readAccount(ctx) {
      const { body } = await xCall<{ data?: { public_metrics?: { followers_count?: unknown } } }>(e, '/2/users/me?user.fields=public_metrics', ctx.accessToken, {
        need: needs.account,
        account: ctx.externalAccountId,
        endpoint: 'users/me',
      });
      return { followers: num(body?.data?.public_metrics?.followers_count) };
    },
  };
}
