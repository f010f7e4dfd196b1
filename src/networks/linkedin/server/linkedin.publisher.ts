// Publishing to LinkedIn (shared/providers.md §5): each file is registered (initializeUpload) and
// its bytes PUT to the address LinkedIn gives (a video in parts, whose ETags finalize it), videos
// and documents are waited for until AVAILABLE, then one POST /rest/posts whose answer names the
// post in `x-restli-id`, and an optional first comment. LinkedIn has no idempotency key: every
// creating call is announced in the journal, and a lost answer is settled by listing the author's
// recent posts where LinkedIn allows Herald to read them.
import type { Readable } from 'node:stream';
import { linkedinSettings, type LinkedInSettings } from '../descriptor.ts';
import { toLittleText } from '../little-text.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { ExistingCheck, MetricsContext, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';
import { apiUrl, badAnswer, errorFrom, isDuplicateRefusal, linkedinCall, linkedinWords, network, uploadBytes, urnSegment, type ErrorEnvelope, type LinkedInEndpoints, type Need } from './linkedin-api.ts';
import { unknownBecause, wordedError } from '../../error-words.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';

export type LinkedInPublisherOptions = {
  /** The first status check of a processing video or document; later ones wait longer (up to `maxPollMs`). */
  firstPollMs?: number;
  maxPollMs?: number;
  /** A video or document still processing after this long is given up on. */
  processingTimeoutMs?: number;
};

type Kind = 'image' | 'video' | 'document';

/** One file of the post on its way to LinkedIn. */
type MediaProgress = {
  kind: Kind;
  urn?: string;
  /** Single-request upload address (image, document). */
  uploadUrl?: string;
  uploaded?: boolean;
  /** Video: LinkedIn's parts, the ETag each PUT answered, the token finalizeUpload takes. */
  uploadToken?: string;
  parts?: { url: string; first: number; last: number }[];
  etags?: (string | null)[];
  finalized?: boolean;
  /** Processing seen finished (or, for a member's media whose status LinkedIn hides, the grace period over). */
  available?: boolean;
  waitingSince?: number;
  polls?: number;
};

/** What Herald keeps in the journal between calls. */
type Progress = {
  media?: MediaProgress[];
  postUrn?: string;
  commentUrn?: string;
  /** LinkedIn refused the post as a duplicate of one just published (ms). */
  duplicateRefusedAt?: number;
};

type Listed = { id?: string; author?: string; commentary?: string; createdAt?: number; publishedAt?: number; lifecycleState?: string };

const needs = {
  post: { scope: 'w_member_social', what: linkedinWords('need.post') },
  orgPost: { scope: 'w_organization_social', what: linkedinWords('need.orgPost') },
  read: { scope: 'r_organization_social', what: linkedinWords('need.read') },
  memberAnalytics: { scope: 'r_member_postAnalytics', what: linkedinWords('need.memberAnalytics') },
  pageFollowers: { scope: 'rw_organization_admin', what: linkedinWords('need.pageFollowers') },
} satisfies Record<string, Need>;

const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);
const isOrganization = (urn: string) => urn.startsWith('urn:li:organization:');
const writeNeed = (author: string) => (isOrganization(author) ? needs.orgPost : needs.post);
const kindOf = (media: PublishMedia): Kind => media.kind;
/** The post's link on LinkedIn. */
export const postUrl = (urn: string) => `https://www.linkedin.com/feed/update/${urn}`;
/** The part size LinkedIn's video instructions use (4 MB); the instructions themselves decide. */
const resource: Record<Kind, string> = { image: 'images', video: 'videos', document: 'documents' };

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseSettings(ctx: PublishContext): LinkedInSettings {
  const parsed = linkedinSettings.safeParse(ctx.settings);
  if (!parsed.success) throw invalid(parsed.error.issues[0] ? linkedinWords('settingsInvalid', { reason: parsed.error.issues[0].message }) : linkedinWords('settingsInvalidUnknown'), 'bad_settings');
  return parsed.data;
}

export function createLinkedInPublisher(e: LinkedInEndpoints, options: LinkedInPublisherOptions = {}): Publisher {
  const firstPollMs = options.firstPollMs ?? 3_000;
  const maxPollMs = options.maxPollMs ?? 60_000;
  const processingTimeoutMs = options.processingTimeoutMs ?? 60 * 60_000;
  const call = <T>(url: string, token: string, input: Parameters<typeof linkedinCall>[3], accept?: number[]) => linkedinCall<T>(e, url, token, input, accept);

  const withMedia = (progress: Progress, index: number, change: Partial<MediaProgress>): Progress => {
    const media = [...(progress.media ?? [])];
    media[index] = { ...media[index]!, ...change };
    return { ...progress, media };
  };

  /** Registers file `index` with LinkedIn (a creating call, announced) and uploads its bytes. */
  async function upload(ctx: PublishContext, progress: Progress, index: number): Promise<Progress> {
    const media = ctx.parts[0]!.media[index]!;
    const kind = kindOf(media);
    const need = writeNeed(ctx.externalAccountId);
    let state = progress.media![index]!;
    if (!state.urn) {
      const request =
        kind === 'video'
          ? { initializeUploadRequest: { owner: ctx.externalAccountId, fileSizeBytes: media.size, uploadCaptions: false, uploadThumbnail: false } }
          : { initializeUploadRequest: { owner: ctx.externalAccountId } };
      await ctx.journal.beforeCreate(`upload:${index}`, { kind, size: media.size });
      const { body } = await call<{ value?: { uploadUrl?: string; image?: string; video?: string; document?: string; uploadToken?: string; uploadInstructions?: { uploadUrl?: string; firstByte?: number; lastByte?: number }[] } }>(
        apiUrl(e, `/rest/${resource[kind]}`, { action: 'initializeUpload' }),
        ctx.accessToken,
        { method: 'POST', json: request, need },
      );
      const value = body?.value;
      const urn = value?.[kind];
      if (!urn) throw badAnswer(linkedinWords(`answer.mediaId.${kind}`));
      let change: Partial<MediaProgress>;
      if (kind === 'video') {
        const parts = (value?.uploadInstructions ?? []).map((p) => ({ url: p.uploadUrl ?? '', first: Number(p.firstByte), last: Number(p.lastByte) }));
        if (!parts.length || parts.some((p) => !p.url || !Number.isInteger(p.first) || !Number.isInteger(p.last) || p.last < p.first || p.last >= media.size)) throw badAnswer(linkedinWords('answer.uploadInstructions'));
        change = { urn, parts, etags: parts.map(() => null), uploadToken: value?.uploadToken ?? '' };
      } else {
        if (!value?.uploadUrl) throw badAnswer(linkedinWords(`answer.uploadAddress.${kind}`));
        change = { urn, uploadUrl: value.uploadUrl };
      }
      progress = withMedia(progress, index, change);
      await ctx.journal.afterCreate(`upload:${index}`, { urn }, progress);
      state = progress.media![index]!;
    }
    if (kind !== 'video' && !state.uploaded) {
      const bytes = await readAll(media.open());
      if (bytes.length !== media.size) throw wordedError('invalid', network, linkedinWords('fileUnreadable', { read: bytes.length, size: media.size }), 'media_unreadable');
      await uploadBytes(e, state.uploadUrl!, ctx.accessToken, bytes, need);
      // An image is ready once uploaded; a document is processed and waited for.
      progress = withMedia(progress, index, { uploaded: true, uploadUrl: undefined, ...(kind === 'image' ? { available: true } : { waitingSince: Date.now(), polls: 0 }) });
      await ctx.journal.saveProgress(progress);
    }
    if (kind === 'video' && !state.finalized) {
      // Each part goes to its own address; its ETag is kept at once, so a restart sends only the rest.
      for (const [part, range] of state.parts!.entries()) {
        if (progress.media![index]!.etags![part]) continue;
        const bytes = await readAll(media.open({ start: range.first, end: range.last }));
        if (bytes.length !== range.last - range.first + 1) throw wordedError('invalid', network, linkedinWords('videoUnreadable', { read: bytes.length, size: range.last - range.first + 1 }), 'media_unreadable');
        const etag = await uploadBytes(e, range.url, ctx.accessToken, bytes, need);
        if (!etag) throw badAnswer(linkedinWords('answer.etag', { part: part + 1 }));
        const etags = [...progress.media![index]!.etags!];
        etags[part] = etag;
        progress = withMedia(progress, index, { etags });
        await ctx.journal.saveProgress(progress);
      }
      const current = progress.media![index]!;
      await call(apiUrl(e, '/rest/videos', { action: 'finalizeUpload' }), ctx.accessToken, {
        method: 'POST',
        json: { finalizeUploadRequest: { video: current.urn, uploadToken: current.uploadToken ?? '', uploadedPartIds: current.etags } },
        need,
      });
      progress = withMedia(progress, index, { finalized: true, uploaded: true, parts: undefined, waitingSince: Date.now(), polls: 0 });
      await ctx.journal.saveProgress(progress);
    }
    return progress;
  }

  /** When to look again at a file still processing: soon at first, then less often. */
  const nextPoll = (state: MediaProgress) => Math.min(maxPollMs, Math.round(firstPollMs * 1.5 ** (state.polls ?? 0)));

  /**
   * Waits for videos and documents to be AVAILABLE. A member's media status is hidden from
   * their own token (LinkedIn lets only Page tokens read it): Herald then waits the grace period.
   */
  async function awaitMedia(ctx: PublishContext, progress: Progress): Promise<{ outcome: PublishOutcome | null; progress: Progress }> {
    let wait: number | null = null;
    for (const [index, state] of progress.media!.entries()) {
      if (state.available) continue;
      const since = state.waitingSince ?? Date.now();
      let status: string | undefined;
      let reason: string | undefined;
      try {
        const { body } = await call<{ status?: string; processingFailureReason?: string }>(apiUrl(e, `/rest/${resource[state.kind]}/${urnSegment(state.urn!)}`), ctx.accessToken, { need: needs.read });
        status = body?.status;
        reason = body?.processingFailureReason;
      } catch (error) {
        if (!(error instanceof ProviderError && (error.kind === 'scope' || error.kind === 'denied')) || isOrganization(ctx.externalAccountId)) throw error;
        status = Date.now() - since >= e.mediaGraceMs ? 'AVAILABLE' : 'PROCESSING';
      }
      if (status === 'AVAILABLE') {
        progress = withMedia(progress, index, { available: true });
        continue;
      }
      if (status === 'PROCESSING_FAILED' || status === 'FAILED') {
        throw invalid(reason ? linkedinWords(`processingFailedBecause.${state.kind}`, { reason }) : linkedinWords(`processingFailed.${state.kind}`), 'media_processing_failed');
      }
      if (Date.now() - since > processingTimeoutMs) throw invalid(linkedinWords(`processingTimeout.${state.kind}`, { minutes: Math.round(processingTimeoutMs / 60_000) }), 'processing_timeout');
      const hidden = isOrganization(ctx.externalAccountId) ? null : Math.max(0, since + e.mediaGraceMs - Date.now());
      const next = nextPoll(state);
      wait = Math.min(wait ?? Infinity, hidden !== null && status === 'PROCESSING' && hidden < next ? Math.max(hidden, 250) : next);
      progress = withMedia(progress, index, { polls: (state.polls ?? 0) + 1, waitingSince: since });
    }
    await ctx.journal.saveProgress(progress);
    return { outcome: wait === null ? null : { status: 'processing', checkAfterMs: wait }, progress };
  }

  function contentOf(ctx: PublishContext, progress: Progress, s: LinkedInSettings): Record<string, unknown> | undefined {
    const media = ctx.parts[0]!.media;
    const states = progress.media ?? [];
    if (s.linkUrl) {
      const thumbnail = states.find((m) => m.kind === 'image');
      return { article: { source: s.linkUrl, title: s.linkTitle ?? s.linkUrl, ...(s.linkDescription ? { description: s.linkDescription } : {}), ...(thumbnail ? { thumbnail: thumbnail.urn } : {}) } };
    }
    // The post's link card as an article: LinkedIn reads nothing from the page, it shows what is sent.
    if (!states.length && ctx.linkCard) {
      const card = ctx.linkCard;
      return { article: { source: card.url, title: card.title || card.url, ...(card.description ? { description: card.description } : {}) } };
    }
    if (!states.length) return undefined;
    if (states.length === 1) {
      const only = states[0]!;
      if (only.kind === 'document') return { media: { id: only.urn, title: s.documentTitle ?? 'Document' } };
      if (only.kind === 'video') return { media: { id: only.urn } };
      return { media: { id: only.urn, ...(media[0]!.altText ? { altText: media[0]!.altText } : {}) } };
    }
    return { multiImage: { images: states.map((m, i) => ({ id: m.urn, ...(media[i]!.altText ? { altText: media[i]!.altText } : {}) })) } };
  }

  /** The author's recent posts, newest first; null when LinkedIn does not let Herald read them. */
  async function recentPosts(ctx: PublishContext): Promise<Listed[] | null> {
    // Reading a member's posts needs r_member_social, which LinkedIn grants only to partners.
    if (!isOrganization(ctx.externalAccountId)) return null;
    try {
      const { body } = await call<{ elements?: Listed[] }>(
        apiUrl(e, '/rest/posts', { q: 'author', count: '20', sortBy: 'CREATED' }, `author=${urnSegment(ctx.externalAccountId)}`),
        ctx.accessToken,
        { need: needs.read },
      );
      return body?.elements ?? [];
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'scope') return null;
      throw error;
    }
  }

  const unreadable = (duplicate: boolean) => linkedinWords(duplicate ? 'unknownUnreadableDuplicate' : 'unknownUnreadable');

  /** Settles the post creation by its text and time in the author's recent posts. */
  async function settlePost(ctx: PublishContext, progress: Progress, sentAt: Date): Promise<ExistingCheck> {
    const duplicate = Boolean(progress.duplicateRefusedAt);
    const listed = await recentPosts(ctx);
    if (!listed) return unknownBecause(unreadable(duplicate));
    const commentary = toLittleText(ctx.parts[0]!.text);
    // A duplicate refusal points at the earlier post, which may predate this attempt.
    const since = duplicate ? 0 : sentAt.getTime() - 60_000;
    const found = listed.find((p) => p.id && (p.commentary ?? '') === commentary && (p.createdAt ?? p.publishedAt ?? Date.now()) >= since);
    if (found) return { found: true, progress: { ...progress, postUrn: found.id } };
    if (duplicate) return unknownBecause(linkedinWords('duplicateNotFound'));
    return { found: false };
  }

  async function createPost(ctx: PublishContext, progress: Progress): Promise<Progress> {
    const s = parseSettings(ctx);
    const author = ctx.externalAccountId;
    const content = contentOf(ctx, progress, s);
    const body = {
      author,
      commentary: toLittleText(ctx.parts[0]!.text),
      // A Page posts publicly; only a member may keep a post to their connections.
      visibility: isOrganization(author) ? 'PUBLIC' : s.visibility,
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      ...(content ? { content } : {}),
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    await ctx.journal.beforeCreate('post', { textLength: body.commentary.length, content: content ? Object.keys(content)[0] : 'text', visibility: body.visibility });
    const sentAt = new Date();
    const answer = await call<ErrorEnvelope | null>(apiUrl(e, '/rest/posts'), ctx.accessToken, { method: 'POST', json: body, need: writeNeed(author) }, [422]);
    if (answer.status === 422) {
      if (!isDuplicateRefusal(answer.status, answer.body)) throw errorFrom(e, answer.status, answer.body, writeNeed(author));
      // Refused as a duplicate: the post is most likely out already (an earlier attempt's answer
      // was lost). Never a second create: find it, or leave it to a person.
      progress = { ...progress, duplicateRefusedAt: Date.now() };
      await ctx.journal.saveProgress(progress);
      const settled = await settlePost(ctx, progress, sentAt);
      if (settled.found === true) {
        const next = settled.progress as Progress;
        await ctx.journal.afterCreate('post', { urn: next.postUrn, duplicate: true }, next);
        return next;
      }
      const why = settled.found === 'unknown' ? settled.words : linkedinWords('duplicate');
      if (!why) throw new ProviderError('transient', network, settled.found === 'unknown' ? settled.reason : 'LinkedIn refused the post as a duplicate of one it already has', 'duplicate', { ambiguous: true });
      throw wordedError('transient', network, why, 'duplicate', { ambiguous: true });
    }
    const urn = answer.headers.get('x-restli-id') ?? answer.headers.get('x-linkedin-id');
    if (!urn || !/^urn:li:(share|ugcPost):\d+$/.test(urn)) throw badAnswer(linkedinWords('answer.newPostId'));
    const next = { ...progress, postUrn: urn };
    await ctx.journal.afterCreate('post', { urn }, next);
    return next;
  }

  async function comment(ctx: PublishContext, progress: Progress): Promise<Progress> {
    const postUrn = progress.postUrn!;
    await ctx.journal.beforeCreate('comment', { textLength: ctx.firstComment!.length });
    const answer = await call<{ id?: string; $URN?: string }>(apiUrl(e, `/rest/socialActions/${urnSegment(postUrn)}/comments`), ctx.accessToken, {
      method: 'POST',
      json: { actor: ctx.externalAccountId, object: postUrn, message: { text: toLittleText(ctx.firstComment!) } },
      need: writeNeed(ctx.externalAccountId),
    });
    const urn = answer.headers.get('x-restli-id') ?? answer.body?.$URN ?? answer.body?.id ?? 'created';
    const next = { ...progress, commentUrn: String(urn) };
    await ctx.journal.afterCreate('comment', { urn }, next);
    return next;
  }

  /** Whether the first comment is on the post already (Page posts; a member's comments cannot be read). */
  async function settleComment(ctx: PublishContext, progress: Progress): Promise<ExistingCheck> {
    if (!isOrganization(ctx.externalAccountId) || !progress.postUrn) {
      return unknownBecause(linkedinWords('unknownComment'));
    }
    const { body } = await call<{ elements?: { actor?: string; message?: { text?: string }; $URN?: string; id?: string }[] }>(
      apiUrl(e, `/rest/socialActions/${urnSegment(progress.postUrn)}/comments`),
      ctx.accessToken,
      { need: needs.read },
    );
    const text = toLittleText(ctx.firstComment ?? '');
    const found = (body?.elements ?? []).find((c) => c.actor === ctx.externalAccountId && c.message?.text === text);
    return found ? { found: true, progress: { ...progress, commentUrn: found.$URN ?? found.id ?? 'found' } } : { found: false };
  }

  // ---- Metrics ----------------------------------------------------------------------------

  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

  async function pageMetrics(ctx: MetricsContext, ids: string[]): Promise<Map<string, PostMetrics>> {
    const found = new Map<string, PostMetrics>();
    const shares = ids.filter((id) => id.startsWith('urn:li:share:'));
    const ugcPosts = ids.filter((id) => id.startsWith('urn:li:ugcPost:'));
    const list = (values: string[]) => `List(${values.map(urnSegment).join(',')})`;
    const raw = [shares.length ? `shares=${list(shares)}` : '', ugcPosts.length ? `ugcPosts=${list(ugcPosts)}` : ''].filter(Boolean).join('&');
    const { body } = await call<{ elements?: { share?: string; ugcPost?: string; totalShareStatistics?: Record<string, unknown> }[] }>(
      apiUrl(e, '/v2/organizationalEntityShareStatistics', { q: 'organizationalEntity', organizationalEntity: ctx.externalAccountId }, raw),
      ctx.accessToken,
      { need: needs.read },
    );
    for (const element of body?.elements ?? []) {
      const id = element.share ?? element.ugcPost;
      const t = element.totalShareStatistics;
      if (!id || !t || !ids.includes(id)) continue;
      const clicks = num(t.clickCount);
      found.set(id, { views: num(t.impressionCount), reach: num(t.uniqueImpressionsCount), likes: num(t.likeCount), comments: num(t.commentCount), shares: num(t.shareCount), extra: clicks === null ? {} : { clicks } });
    }
    return found;
  }

  async function memberMetrics(ctx: MetricsContext, id: string): Promise<PostMetrics> {
    const entity = `(${id.startsWith('urn:li:ugcPost:') ? 'ugc' : 'share'}:${urnSegment(id)})`;
    if (e.memberAnalytics) {
      const count = async (queryType: string) => {
        try {
          const { body } = await call<{ elements?: { count?: unknown }[] }>(
            apiUrl(e, '/rest/memberCreatorPostAnalytics', { q: 'entity', queryType, aggregation: 'TOTAL' }, `entity=${entity}`),
            ctx.accessToken,
            { need: needs.memberAnalytics },
          );
          return num(body?.elements?.[0]?.count);
        } catch (error) {
          if (error instanceof ProviderError && error.kind === 'scope') return null;
          throw error;
        }
      };
      const [views, reach, likes, comments, shares] = [await count('IMPRESSION'), await count('MEMBERS_REACHED'), await count('REACTION'), await count('COMMENT'), await count('RESHARE')];
      if ([views, reach, likes, comments, shares].some((v) => v !== null)) return { views, reach, likes, comments, shares, extra: {} };
    }
    // Without the analytics permission: the reactions and comments LinkedIn shows under the post.
    try {
      const { body } = await call<{ reactionSummaries?: Record<string, { count?: unknown }>; commentSummary?: { count?: unknown } }>(apiUrl(e, `/rest/socialMetadata/${urnSegment(id)}`), ctx.accessToken, { need: needs.read });
      const reactions = body?.reactionSummaries ? Object.values(body.reactionSummaries).reduce((sum, r) => sum + (num(r.count) ?? 0), 0) : null;
      return { views: null, reach: null, likes: reactions, comments: num(body?.commentSummary?.count), shares: null, extra: {} };
    } catch (error) {
      if (error instanceof ProviderError && (error.kind === 'scope' || error.kind === 'denied')) return { views: null, reach: null, likes: null, comments: null, shares: null, extra: {} };
      throw error;
    }
  }

  return {
    network,

    async publish(ctx) {
      if (ctx.parts.length !== 1) throw invalid(linkedinWords('noChains'), 'no_chains');
      let progress = ctx.journal.progress as Progress;
      if (!progress.postUrn) {
        const media = ctx.parts[0]!.media;
        if (!progress.media) progress = { ...progress, media: media.map((m) => ({ kind: kindOf(m) })) };
        if (progress.media!.length !== media.length) throw invalid(linkedinWords('mediaChanged'), 'media_changed');
        for (let index = 0; index < media.length; index += 1) progress = await upload(ctx, progress, index);
        const waited = await awaitMedia(ctx, progress);
        if (waited.outcome) return waited.outcome;
        progress = await createPost(ctx, waited.progress);
      }
      if (ctx.firstComment?.trim() && !progress.commentUrn) progress = await comment(ctx, progress);
      return { status: 'published', externalId: progress.postUrn!, url: postUrl(progress.postUrn!) };
    },

    /*
     * A creating call was sent and its answer lost.
     * - `upload:<i>`: an upload LinkedIn may have registered is never shown unless a post names
     *   it; registering another is safe.
     * - `post`: the author's recent posts tell, matched by text and creation time (Pages, with
     *   r_organization_social). A member's posts cannot be read by Herald: a person decides.
     * - `comment`: the post's comments tell (Pages); for a member, a person decides.
     */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      const progress = ctx.journal.progress as Progress;
      if (pending.step.startsWith('upload:')) return { found: false };
      if (pending.step === 'post') return settlePost(ctx, progress, pending.sentAt);
      if (pending.step === 'comment') return settleComment(ctx, progress);
      return unknownBecause(linkedinWords('unknownStep', { step: pending.step }));
    },

    metricsBatch: 20,
    async readMetrics(ctx, ids) {
      if (isOrganization(ctx.externalAccountId)) return pageMetrics(ctx, ids);
      const found = new Map<string, PostMetrics>();
      for (const id of ids) found.set(id, await memberMetrics(ctx, id));
      return found;
    },
    // A Company Page's followers: networkSizes with edgeType COMPANY_FOLLOWED_BY_MEMBER
    // (firstDegreeSize; rw_organization_admin, which connecting a Page grants). A member's own
    // follower count needs a permission Herald does not ask for: none to report.
    async readAccount(ctx) {
      if (!isOrganization(ctx.externalAccountId)) return { followers: null };
      const { body } = await call<{ firstDegreeSize?: unknown }>(
        apiUrl(e, `/rest/networkSizes/${urnSegment(ctx.externalAccountId)}`, { edgeType: 'COMPANY_FOLLOWED_BY_MEMBER' }),
        ctx.accessToken,
        { need: needs.pageFollowers },
      );
      return { followers: num(body?.firstDegreeSize) };
    },
  };
}
