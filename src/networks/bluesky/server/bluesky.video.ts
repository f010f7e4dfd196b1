// Video posts through Bluesky's video service (shared/providers.md §2, docs.bsky.app "Uploading
// Video"): a service-auth token from the account's PDS, the daily allowance, the upload, the job
// polled until the service has stored the processed video on the PDS, then the blob it names.
// Every PDS call goes through the publisher's `send` (the one place that authorizes PDS calls);
// the video service itself only ever sees the short-lived service-auth tokens the PDS signs.
import { countGraphemes, utf8Length } from '../../rules.ts';
import { requestJson } from '../../../server/providers/http.ts';
import type { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../../error-words.ts';

/** Words of Bluesky's error sentences (`network-bluesky:errors.…`). */
export const blueskyWords = (key: string, values?: MessageValues) => errorWords(`network-bluesky:errors.${key}`, values);
import type { PublishContext, PublishMedia } from '../../../server/providers/publishing.ts';

const network = 'bluesky' as const;

export type BlobRef = { $type: 'blob'; ref: { $link: string }; mimeType: string; size: number };

/** What a retry needs to continue a video without sending it again. */
export type VideoProgress = {
  /** The video service's job, once it accepted the upload: from then on Herald only polls it. */
  jobId?: string;
  /** The processed video on the account's PDS, as the finished job named it. */
  blob?: BlobRef;
  captions?: { lang: string; file: BlobRef }[];
  /** When the job was accepted and how often it was asked about, for the backoff and the give-up. */
  acceptedAt?: string;
  polls?: number;
};

export type VideoServiceOptions = {
  /** The video service (https://video.bsky.app). */
  url: string;
  /** Its DID: the audience of the token that reads the daily allowance (did:web:video.bsky.app). */
  did: string;
};

export const defaultVideoService: VideoServiceOptions = { url: 'https://video.bsky.app', did: 'did:web:video.bsky.app' };

/** The lexicon's cap on a video's alt text (app.bsky.embed.video). */
export const VIDEO_ALT_MAX_GRAPHEMES = 1000;
/** The upload token must outlive processing: Bluesky recommends 30 minutes, the PDS allows at most an hour. */
const UPLOAD_TOKEN_SECONDS = 30 * 60;
/** Past this the token the service uploads with has expired: the job cannot finish any more. */
const GIVE_UP_AFTER_MS = UPLOAD_TOKEN_SECONDS * 1000;
/** Uploading up to 100 MB takes longer than a JSON call. */
const UPLOAD_TIMEOUT_MS = 15 * 60 * 1000;

type Send = (ctx: PublishContext, nsid: string, init: { json?: unknown; bytes?: { data: Uint8Array<ArrayBuffer>; mimeType: string }; query?: Record<string, string> }) => Promise<{ status: number; body: unknown }>;

type JobStatus = { jobId?: string; did?: string; state?: string; progress?: number; blob?: BlobRef; error?: string; failureCode?: string; message?: string };

/** The service answers uploadVideo with a bare job status, getJobStatus inside `jobStatus` (atproto issues #3026, #3097): read both. */
function jobStatusOf(body: unknown): JobStatus {
  const value = (body ?? {}) as JobStatus & { jobStatus?: JobStatus };
  return value.jobStatus && typeof value.jobStatus === 'object' ? value.jobStatus : value;
}

const hasBlob = (job: JobStatus): job is JobStatus & { blob: BlobRef } => typeof job.blob?.ref?.$link === 'string';

/** Seconds to wait before asking about a job again: quick at first (short clips finish in seconds), then every 30 s. */
export const pollDelayMs = (polls: number) => Math.min(1000 * 2 ** polls, 30_000);

/** The video service's failure codes Herald can explain, as words under `network-bluesky:errors.video.failure`. */
const explainedFailures = new Set(['validation_failure', 'encoding_failure', 'pds_upload_failure', 'pds_upload_unsupported_blob_size', 'generic_failure']);

/**
 * The video service gave up on the video: its own message (or error) as it wrote it, else what its
 * failure code means; the meaning is added as a hint when the service's message comes first.
 */
export function videoFailure(job: { message?: string; error?: string; failureCode?: string }): ProviderError {
  const explained = job.failureCode && explainedFailures.has(job.failureCode) ? blueskyWords(`video.failure.${job.failureCode}`) : undefined;
  const reason = job.message ?? job.error ?? explained ?? blueskyWords('video.noReason');
  const words = explained && job.message ? blueskyWords('video.failedHint', { reason, hint: explained }) : blueskyWords('video.failed', { reason });
  return wordedError('invalid', network, words, job.failureCode ?? 'video_failed');
}

/** The video service kept the video longer than an upload token lives: `state` its last word, as it wrote it. */
export const videoTimeout = (state: string | undefined): ProviderError =>
  wordedError('invalid', network, blueskyWords('video.timeout', { minutes: UPLOAD_TOKEN_SECONDS / 60, state: state ?? blueskyWords('video.unknownState') }), 'video_timeout');

export function createVideoUploader(options: { service: VideoServiceOptions; send: Send }) {
  const { service, send } = options;
  const serviceUrl = (nsid: string, query?: Record<string, string>) => {
    const url = new URL(`${service.url.replace(/\/+$/, '')}/xrpc/${nsid}`);
    if (query) url.search = new URLSearchParams(query).toString();
    return url.toString();
  };
  // The service's address comes from the operator's configuration, not from a user.
  const callService = (url: string, init: RequestInit & { timeoutMs?: number }) => requestJson(network, url, { ...init, allowPrivate: true });
  const pdsDids = new Map<string, string>();

  /** The PDS's own DID, the audience of the upload token: what describeServer says, else did:web of its host name (Bluesky's own app). */
  async function pdsDid(ctx: PublishContext): Promise<string> {
    const pds = ctx.instance ?? '';
    const known = pdsDids.get(pds);
    if (known) return known;
    let did = `did:web:${new URL(pds).hostname}`;
    const { status, body } = await send(ctx, 'com.atproto.server.describeServer', {});
    const described = (body as { did?: unknown } | null)?.did;
    if (status === 200 && typeof described === 'string' && described.startsWith('did:')) did = described;
    pdsDids.set(pds, did);
    return did;
  }

  /** A token the PDS signs for one method at one service (com.atproto.server.getServiceAuth). */
  async function serviceAuth(ctx: PublishContext, aud: string, lxm: string, seconds: number): Promise<string> {
    const exp = String(Math.floor(Date.now() / 1000) + seconds);
    const { status, body } = await send(ctx, 'com.atproto.server.getServiceAuth', { query: { aud, lxm, exp } });
    const token = (body as { token?: unknown } | null)?.token;
    ctx.journal.log('getServiceAuth', { aud, lxm, exp }, { status });
    if (status !== 200 || typeof token !== 'string') throw pdsRefusal(status, body);
    return token;
  }

  function pdsRefusal(status: number, body: unknown): ProviderError {
    const { error, message } = (body ?? {}) as { error?: string; message?: string };
    if (status === 401 || error === 'ExpiredToken' || error === 'InvalidToken' || error === 'AuthMissing') {
      return wordedError('auth', network, blueskyWords('sessionRejected', { reason: error ?? `HTTP ${status}` }), error ?? 'unauthorized');
    }
    return wordedError('invalid', network, blueskyWords('video.pdsRefused', { reason: message ?? error ?? `HTTP ${status}` }), error ?? `http_${status}`);
  }

  function serviceRefusal(status: number, body: unknown, what: MessageRef): ProviderError {
    const job = jobStatusOf(body);
    const { error, message } = (body ?? {}) as { error?: string; message?: string };
    const reason = message ?? job.message ?? error ?? job.error ?? `HTTP ${status}`;
    if ((error ?? job.error) === 'unconfirmed_email') {
      return wordedError('invalid', network, blueskyWords('video.unconfirmedEmail'), 'unconfirmed_email');
    }
    return wordedError('invalid', network, blueskyWords('video.serviceRefused', { what, reason }), error ?? job.error ?? `http_${status}`);
  }

  /** app.bsky.video.getUploadLimits: the account's allowance for today, checked before sending anything. */
  async function checkAllowance(ctx: PublishContext, media: PublishMedia) {
    const token = await serviceAuth(ctx, service.did, 'app.bsky.video.getUploadLimits', 60);
    // The service-auth token the PDS just signed, for the video service only (not the account's session).
    const { status, body } = await callService(serviceUrl('app.bsky.video.getUploadLimits'), { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const limits = (body ?? {}) as { canUpload?: boolean; remainingDailyVideos?: number; remainingDailyBytes?: number; message?: string; error?: string };
    ctx.journal.log('getUploadLimits', {}, { status, canUpload: limits.canUpload ?? null, remainingDailyVideos: limits.remainingDailyVideos ?? null, remainingDailyBytes: limits.remainingDailyBytes ?? null });
    if (status !== 200) throw serviceRefusal(status, body, blueskyWords('video.what.limits'));
    const refuse = (reason: string | MessageRef) => wordedError('invalid', network, blueskyWords('video.notToday', { reason }), 'video_limit');
    if (limits.canUpload === false) throw refuse(limits.message ?? limits.error ?? blueskyWords('video.dailyLimit'));
    if (typeof limits.remainingDailyVideos === 'number' && limits.remainingDailyVideos < 1) throw refuse(blueskyWords('video.noneLeft'));
    if (typeof limits.remainingDailyBytes === 'number' && limits.remainingDailyBytes < media.size) {
      throw refuse(blueskyWords('video.bytesLeft', { left: Math.floor(limits.remainingDailyBytes / 1_000_000), size: Math.ceil(media.size / 1_000_000) }));
    }
  }

  async function readBytes(media: PublishMedia): Promise<Uint8Array<ArrayBuffer>> {
    const chunks: Buffer[] = [];
    for await (const chunk of media.open()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return new Uint8Array(Buffer.concat(chunks));
  }

  /** app.bsky.video.uploadVideo with a token the video service uses to store the result on the PDS. */
  async function upload(ctx: PublishContext, media: PublishMedia): Promise<JobStatus> {
    await checkAllowance(ctx, media);
    const token = await serviceAuth(ctx, await pdsDid(ctx), 'com.atproto.repo.uploadBlob', UPLOAD_TOKEN_SECONDS);
    const data = await readBytes(media);
    const name = `${media.id}.mp4`;
    // No beforeCreate: an upload creates nothing anyone sees, and the service recognises a video it
    // already has (error already_exists, with the earlier job and blob), so a lost answer costs a
    // second transfer but never a second video.
    const { status, body } = await callService(serviceUrl('app.bsky.video.uploadVideo', { did: ctx.externalAccountId, name }), {
      method: 'POST',
      // The service-auth token the PDS signed for the video service (see above).
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'video/mp4' },
      body: data,
      timeoutMs: UPLOAD_TIMEOUT_MS,
    });
    const job = jobStatusOf(body);
    ctx.journal.log('uploadVideo', { size: data.byteLength }, { status, jobId: job.jobId ?? null, state: job.state ?? null, error: job.error ?? null });
    if (hasBlob(job) || (job.jobId && (status === 200 || job.error === 'already_exists'))) return job;
    throw serviceRefusal(status, body, blueskyWords('video.what.video'));
  }

  async function jobStatus(ctx: PublishContext, jobId: string): Promise<{ status: number; job: JobStatus; body: unknown }> {
    // getJobStatus needs no token: the job id is the secret.
    const { status, body } = await callService(serviceUrl('app.bsky.video.getJobStatus', { jobId }), { headers: { accept: 'application/json' } });
    const job = jobStatusOf(body);
    ctx.journal.log('getJobStatus', { jobId }, { status, state: job.state ?? null, progress: job.progress ?? null, error: job.error ?? null });
    return { status, job, body };
  }

  /** WebVTT files from the post's settings, stored on the PDS as blobs the embed refers to. */
  async function uploadCaptions(ctx: PublishContext, captions: { lang: string; vtt: string }[]) {
    const stored: { lang: string; file: BlobRef }[] = [];
    for (const caption of captions) {
      const data = new Uint8Array(Buffer.from(caption.vtt, 'utf8'));
      const { status, body } = await send(ctx, 'com.atproto.repo.uploadBlob', { bytes: { data, mimeType: 'text/vtt' } });
      const blob = (body as { blob?: BlobRef } | null)?.blob;
      ctx.journal.log(`uploadCaptions:${caption.lang}`, { size: data.byteLength }, { status, cid: blob?.ref?.$link ?? null });
      if (status !== 200 || !blob?.ref?.$link) throw pdsRefusal(status, body);
      stored.push({ lang: caption.lang, file: blob });
    }
    return stored;
  }

  return {
    /**
     * Brings one video as far as it can go now: the processed blob (and captions) when ready, else
     * when to ask again. Progress is saved after each step, so a retry never uploads twice once
     * the service has named the job.
     */
    async prepare(
      ctx: PublishContext,
      media: PublishMedia,
      captions: { lang: string; vtt: string }[],
      state: VideoProgress,
      save: (video: VideoProgress) => Promise<void>,
    ): Promise<{ ready: VideoProgress & { blob: BlobRef } } | { checkAfterMs: number }> {
      if (countGraphemes(media.altText ?? '') > VIDEO_ALT_MAX_GRAPHEMES) {
        throw wordedError('invalid', network, blueskyWords('video.altTooLong', { max: VIDEO_ALT_MAX_GRAPHEMES }), 'alt_too_long');
      }
      let video = state;
      const update = async (change: VideoProgress) => {
        video = { ...video, ...change };
        await save(video);
      };
      if (!video.blob && !video.jobId) {
        const job = await upload(ctx, media);
        await update({ jobId: job.jobId, acceptedAt: new Date().toISOString(), polls: 0, ...(hasBlob(job) ? { blob: job.blob } : {}) });
      }
      if (!video.blob && video.jobId) {
        const { status, job, body } = await jobStatus(ctx, video.jobId);
        // A finished job, or one that found the same video processed before (already_exists), names the blob.
        if (hasBlob(job)) {
          await update({ blob: job.blob });
        } else if (status !== 200) {
          if (status === 404 || status === 400) {
            // The service forgot the job (jobs do not live for ever): send the video again.
            await update({ jobId: undefined, acceptedAt: undefined, polls: 0 });
            throw wordedError('transient', network, blueskyWords('video.jobUnknown'), 'video_job_unknown');
          }
          throw serviceRefusal(status, body, blueskyWords('video.what.report'));
        } else if (job.state === 'JOB_STATE_FAILED') {
          // A later attempt starts over with a fresh upload.
          await update({ jobId: undefined, acceptedAt: undefined, polls: 0 });
          throw videoFailure(job);
        } else if (job.state === 'JOB_STATE_COMPLETED') {
          throw wordedError('invalid', network, blueskyWords('video.noBlob'), 'bad_answer');
        } else {
          const polls = (video.polls ?? 0) + 1;
          if (video.acceptedAt && Date.now() - Date.parse(video.acceptedAt) > GIVE_UP_AFTER_MS) {
            await update({ jobId: undefined, acceptedAt: undefined, polls: 0 });
            throw videoTimeout(job.state);
          }
          await update({ polls });
          return { checkAfterMs: pollDelayMs(polls) };
        }
      }
      if (captions.length && !video.captions?.length) await update({ captions: await uploadCaptions(ctx, captions) });
      return { ready: video as VideoProgress & { blob: BlobRef } };
    },
  };
}

/** The app.bsky.embed.video of a post. */
export function videoEmbed(media: PublishMedia, video: VideoProgress & { blob: BlobRef }) {
  return {
    $type: 'app.bsky.embed.video',
    video: video.blob,
    ...(media.altText ? { alt: media.altText } : {}),
    ...(media.width && media.height ? { aspectRatio: { width: media.width, height: media.height } } : {}),
    ...(video.captions?.length ? { captions: video.captions } : {}),
  };
}

/** Captions as the post's settings hold them, re-checked (the settings were validated at save). */
export function captionsOf(raw: unknown): { lang: string; vtt: string }[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((c): c is { lang: string; vtt: string } => typeof c?.lang === 'string' && typeof c?.vtt === 'string' && utf8Length(c.vtt) <= 20_000);
}
