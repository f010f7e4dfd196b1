import type { Readable } from 'node:stream';
import { mastodonSettings } from '../descriptor.ts';
import { requestJson, type NetworkCallOptions } from '../../../server/providers/http.ts';
import { ProviderError, type Instance } from '../../../server/providers/provider.ts';
import type { ExistingCheck, PostMetrics, PublishContext, PublishMedia, Publisher } from '../../../server/providers/publishing.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, unknownBecause, wordedError } from '../../error-words.ts';

// Publishing to Mastodon (shared/providers.md §3): upload every file (POST /api/v2/media), wait
// until the instance has processed them, then post the statuses in order, each reply pointing at
// the one before. Every status carries an Idempotency-Key, which the instance honours for an hour.

const network = 'mastodon' as const;

/** Mastodon transcodes videos and GIFs in a background job: a short clip takes a few seconds. */
const PROCESSING_CHECK_MS = 5_000;
/** Mastodon keeps idempotency keys for an hour; past 55 minutes a repeat may create a second status. */
const IDEMPOTENCY_TRUST_MS = 55 * 60_000;
/** How far before the lost call a status found in the timeline may date (clock differences). */
const CLOCK_SLACK_MS = 60_000;
/** Pages of 40 statuses read when looking for a lost one; an account rarely posts more in the meantime. */
const LOOKUP_PAGES = 5;
const LARGE_FILE_BYTES = 8 * 1024 * 1024;
/** Uploads of large files get longer than the usual request timeout. */
const LARGE_UPLOAD_TIMEOUT_MS = 5 * 60_000;

type MediaProgress = { remoteId: string; ready: boolean };
type PostedStatus = { id: string; url: string | null };
type Progress = { media: Record<string, MediaProgress>; statuses: PostedStatus[] };

type MediaAttachment = { id?: string; url?: string | null; error?: string };
type Status = { id?: string; url?: string | null; uri?: string; content?: string; in_reply_to_id?: string | null; created_at?: string; media_attachments?: { id: string }[]; error?: string };

/** One status to post: the post itself, a thread part or the first comment, in posting order. */
type Step = { index: number; text: string; media: PublishMedia[]; what: MessageRef };

/** Words of this network's error sentences (`network-mastodon:errors.…`). */
const words = (key: string, values?: Parameters<typeof errorWords>[1]) => errorWords(`network-mastodon:errors.${key}`, values);

function readProgress(saved: Record<string, unknown>): Progress {
  return { media: { ...((saved.media as Progress['media'] | undefined) ?? {}) }, statuses: [...((saved.statuses as PostedStatus[] | undefined) ?? [])] };
}

function stepsOf(ctx: PublishContext): Step[] {
  const steps: Step[] = ctx.parts.map((part, index) => ({ index, text: part.text, media: part.media, what: index === 0 ? words('what.post') : words('what.threadPart', { number: index + 1 }) }));
  if (ctx.firstComment?.trim()) steps.push({ index: steps.length, text: ctx.firstComment, media: [], what: words('what.firstComment') });
  return steps;
}

const stepName = (step: Step) => `status:${step.index}`;
/** Per part: a file reused in two parts must be uploaded twice, as an attachment belongs to one status. */
const mediaKey = (step: Step, media: PublishMedia) => `${step.index}:${media.id}`;

/** The network's own words in a sentence a user understands; 401 and 403 mean the account must be reconnected. */
function refusal(status: number, body: unknown, what: MessageRef): ProviderError {
  const error = (body as { error?: unknown } | null)?.error;
  const reason = typeof error === 'string' && error ? error : `HTTP ${status}`;
  if (status === 401 || status === 403) return wordedError('auth', network, words('tokenRejected', { reason }), 'token_rejected');
  return wordedError('invalid', network, words('refused', { what, reason }), `http_${status}`);
}

/** "an image of the post", "a video of part 2 of the thread". */
const mediaOf = (media: PublishMedia, step: Step) => words(media.kind === 'image' ? 'what.image' : 'what.video', { what: step.what });

async function readBlob(stream: Readable, type: string): Promise<Blob> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of stream) chunks.push(new Uint8Array(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)));
  return new Blob(chunks, { type });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** Status HTML back to text: Mastodon wraps paragraphs in <p>, escapes, and links URLs (keeping their full text in hidden spans). */
function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
      return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    });
}
const sameText = (a: string, b: string) => a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim();

export function createMastodonPublisher(options: { allowHttp: boolean }): Publisher {
  // The instance is the user's choice: its address is checked on every call (it may have moved since connecting).
  const request = (url: string, init: RequestInit & Omit<NetworkCallOptions, 'allowPrivate'>) => requestJson(network, url, { ...init, allowPrivate: options.allowHttp });
  const base = (instance: Instance) => {
    if (!instance) throw new ProviderError('invalid', network, 'A Mastodon server name is needed');
    return `${options.allowHttp ? 'http' : 'https'}://${instance}`;
  };

  /** The calls of one delivery, on its instance with its token. */
  function api(ctx: PublishContext) {
    const origin = base(ctx.instance);
    const authorization = `Bearer ${ctx.accessToken}`;
    const settings = mastodonSettings.parse(ctx.settings);

    async function upload(media: PublishMedia, step: Step): Promise<MediaProgress> {
      const form = new FormData();
      form.append('file', await readBlob(media.open(), media.mimeType), `${media.id}.${media.mimeType.split('/')[1] ?? 'bin'}`);
      if (media.altText) form.append('description', media.altText);
      const { status, body } = await request(`${origin}/api/v2/media`, {
        method: 'POST',
        headers: { authorization },
        body: form,
        timeoutMs: media.size > LARGE_FILE_BYTES ? LARGE_UPLOAD_TIMEOUT_MS : undefined,
      });
      const attachment = body as MediaAttachment | null;
      // 200: processed during the request (images); 202: accepted, still processing (videos, GIFs).
      if ((status !== 200 && status !== 202) || !attachment?.id) throw refusal(status, body, mediaOf(media, step));
      ctx.journal.log(`upload:${mediaKey(step, media)}`, { kind: media.kind, mimeType: media.mimeType, size: media.size, altText: media.altText !== '' }, { id: attachment.id, status });
      return { remoteId: attachment.id, ready: status === 200 && Boolean(attachment.url) };
    }

    /** Asks whether an upload is processed; an upload the instance no longer has is made again. */
    async function check(media: PublishMedia, step: Step, uploaded: MediaProgress): Promise<MediaProgress> {
      const { status, body } = await request(`${origin}/api/v1/media/${encodeURIComponent(uploaded.remoteId)}`, { headers: { authorization } });
      if (status === 206) return uploaded;
      if (status === 200 && (body as MediaAttachment | null)?.url) return { ...uploaded, ready: true };
      // Files never attached are removed by the instance after a while (a delivery paused for long).
      if (status === 404) return upload(media, step);
      if (status === 422) {
        const reason = (body as MediaAttachment | null)?.error ?? words('fileRefused');
        throw wordedError('invalid', network, words('mediaFailed', { media: mediaOf(media, step), reason }), 'media_failed');
      }
      throw refusal(status, body, mediaOf(media, step));
    }

    function statusRequest(step: Step, progress: Progress) {
      return {
        status: step.text,
        media_ids: step.media.map((media) => progress.media[mediaKey(step, media)]!.remoteId),
        ...(step.index > 0 ? { in_reply_to_id: progress.statuses[step.index - 1]!.id } : {}),
        visibility: settings.visibility,
        ...(settings.spoilerText ? { spoiler_text: settings.spoilerText } : {}),
        ...(settings.sensitive !== undefined ? { sensitive: settings.sensitive } : {}),
        ...(settings.language ? { language: settings.language } : {}),
      };
    }

    async function postStatus(step: Step, progress: Progress): Promise<PostedStatus> {
      const { status, body } = await request(`${origin}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', 'idempotency-key': `${ctx.idempotencyKey}:${stepName(step)}` },
        body: JSON.stringify(statusRequest(step, progress)),
      });
      const created = body as Status | null;
      if (status !== 200 || !created?.id) throw refusal(status, body, step.what);
      return { id: created.id, url: created.url ?? created.uri ?? null };
    }

    /** The status a lost call created, found in the account's recent statuses; null when there is none. */
    async function findRecent(step: Step, progress: Progress, sentAt: Date): Promise<PostedStatus | null> {
      const expected = statusRequest(step, progress);
      const inReplyTo = 'in_reply_to_id' in expected ? expected.in_reply_to_id : null;
      const since = sentAt.getTime() - CLOCK_SLACK_MS;
      let maxId: string | null = null;
      for (let page = 0; page < LOOKUP_PAGES; page += 1) {
        const query = new URLSearchParams({ limit: '40', ...(maxId ? { max_id: maxId } : {}) });
        const { status, body } = await request(`${origin}/api/v1/accounts/${encodeURIComponent(ctx.externalAccountId)}/statuses?${query}`, { headers: { authorization } });
        if (status !== 200 || !Array.isArray(body)) throw refusal(status, body, words('what.recentLookup'));
        const found = (body as Status[]).find(
          (s) =>
            (s.in_reply_to_id ?? null) === inReplyTo &&
            Date.parse(s.created_at ?? '') >= since &&
            sameText(plainText(s.content ?? ''), step.text) &&
            (s.media_attachments ?? []).map((m) => m.id).join() === expected.media_ids.join(),
        );
        if (found?.id) return { id: found.id, url: found.url ?? found.uri ?? null };
        const oldest = (body as Status[]).at(-1);
        if (body.length < 40 || !oldest?.id || Date.parse(oldest.created_at ?? '') < since) return null;
        maxId = oldest.id;
      }
      return null;
    }

    return { upload, check, postStatus, findRecent, statusRequest };
  }

  return {
    network,

    async publish(ctx) {
      const calls = api(ctx);
      let progress = readProgress(ctx.journal.progress);
      const snapshot = () => ({ media: { ...progress.media }, statuses: [...progress.statuses] });
      const pending = stepsOf(ctx).slice(progress.statuses.length);

      // Uploads create nothing anyone sees (an unattached file is removed by the instance), so a
      // lost answer costs a second upload at worst: they are logged, not journaled as creations.
      for (const step of pending) {
        for (const media of step.media) {
          const key = mediaKey(step, media);
          const known = progress.media[key];
          const now = !known ? await calls.upload(media, step) : known.ready ? known : await calls.check(media, step, known);
          if (now === known) continue;
          progress.media[key] = now;
          await ctx.journal.saveProgress(snapshot());
        }
      }
      if (pending.some((step) => step.media.some((media) => !progress.media[mediaKey(step, media)]!.ready))) {
        return { status: 'processing', checkAfterMs: PROCESSING_CHECK_MS };
      }

      for (const step of pending) {
        const request = calls.statusRequest(step, progress);
        await ctx.journal.beforeCreate(stepName(step), {
          characters: [...step.text].length,
          mediaIds: request.media_ids,
          inReplyToId: 'in_reply_to_id' in request ? request.in_reply_to_id : null,
          visibility: request.visibility,
          idempotencyKey: `${ctx.idempotencyKey}:${stepName(step)}`,
        });
        const posted = await calls.postStatus(step, progress);
        progress = { ...progress, statuses: [...progress.statuses, posted] };
        await ctx.journal.afterCreate(stepName(step), posted, snapshot());
      }
      const first = progress.statuses[0]!;
      return { status: 'published', externalId: first.id, url: first.url };
    },

    async findExisting(ctx, pending): Promise<ExistingCheck> {
      const index = /^status:(\d+)$/.exec(pending.step)?.[1];
      const progress = readProgress(ctx.journal.progress);
      const step = index === undefined ? undefined : stepsOf(ctx)[Number(index)];
      if (!step) return unknownBecause(words('unknownStep', { step: pending.step }));
      if (progress.statuses[step.index]) return { found: true, progress };
      if (progress.statuses.length !== step.index) return unknownBecause(words('earlierNotRecorded', { step: pending.step }));
      const calls = api(ctx);
      const record = (posted: PostedStatus): ExistingCheck => ({ found: true, progress: { media: progress.media, statuses: [...progress.statuses, posted] } });

      if (Date.now() - pending.sentAt.getTime() < IDEMPOTENCY_TRUST_MS) {
        // The same request with the same key: the instance answers with the status the lost call
        // created, or creates it now if that call never arrived. Either way there is exactly one.
        try {
          return record(await calls.postStatus(step, progress));
        } catch (error) {
          // A refusal means the first call created nothing (a repeat of a success is never refused).
          if (error instanceof ProviderError && error.kind === 'invalid') return { found: false };
          throw error;
        }
      }
      const found = await calls.findRecent(step, progress, pending.sentAt);
      return found ? record(found) : { found: false };
    },

    // Mastodon has no batch read: one GET per status (the API allows 300 calls per 5 minutes).
    metricsBatch: 20,
    async readMetrics(ctx, ids) {
      const origin = base(ctx.instance);
      const found = new Map<string, PostMetrics>();
      for (const id of ids) {
        const { status, body } = await request(`${origin}/api/v1/statuses/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${ctx.accessToken}` } });
        if (status === 404) continue;
        if (status !== 200) throw refusal(status, body, words('what.countersLookup'));
        const counters = body as { replies_count?: unknown; reblogs_count?: unknown; favourites_count?: unknown; quotes_count?: unknown };
        found.set(id, {
          views: null,
          reach: null,
          likes: count(counters.favourites_count),
          comments: count(counters.replies_count),
          shares: count(counters.reblogs_count),
          extra: typeof counters.quotes_count === 'number' ? { quotes: counters.quotes_count } : {},
        });
      }
      return found;
    },
    // The account's own figures: verify_credentials (scope read:accounts, within "read") is the
    // connected account with its followers_count.
    async readAccount(ctx) {
      const { status, body } = await request(`${base(ctx.instance)}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${ctx.accessToken}` } });
      if (status !== 200) throw refusal(status, body, words('what.accountLookup'));
      return { followers: count((body as { followers_count?: unknown }).followers_count) };
    },
  };
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
