// Publishing to Reddit (shared/providers.md §11). Before anything is sent, the subreddit's rules
// (/about, post_requirements, link flairs) are read again and a post the subreddit would refuse is
// failed in its words. Media are leased (POST /api/media/asset.json), uploaded to the S3 form the
// lease names (every field first, the file last) and submitted by their URL; a gallery by its
// asset ids (/api/submit_gallery_post.json). Submissions answer HTTP 200 with `json.errors`:
// Reddit's throttle ("try again in 3 minutes") is waited out exactly, other refusals fail.
//
// Exactly once: a link is sent with `resubmit=false`; a submission whose answer was lost is looked
// for in the account's submitted listing (subreddit, title, created since the call), never sent
// again blindly. Image and video submissions answer without the post's id (Reddit reports it on a
// websocket): Herald finds the post in the same listing once Reddit lists it.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { fetchFromNetwork } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { ExistingCheck, MetricsContext, PostMetrics, PublishContext, PublishMedia, Publisher } from '../../../server/providers/publishing.ts';
import { linkOf, mediaShape, REDDIT_CAPTION_MAX, redditSettings, type RedditSettings } from '../descriptor.ts';
import { subredditIssues, type RedditPostShape, type SubredditIssue, type SubredditRules } from '../requirements.ts';
import { apiUrlOf, badAnswer, fullnameOf, jsonErrorsOf, needs, network, redditCall, redditWords, submissionError, type RedditEndpoints } from './reddit-api.ts';
import { unknownBecause, wordedError } from '../../error-words.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';
import { readSubredditRules } from './reddit.subreddits.ts';

/**
 * The post fails in the words the composer showed for each issue, one sentence after the other.
 * The English is the issues' own messages, as before the words: they quote a moderator's guidelines
 * exactly as written, while the words carry them guarded from i18next's `$t(` nesting.
 */
export function subredditRefusal(issues: SubredditIssue[]): ProviderError {
  const said = issues.map((issue): MessageRef => ({ key: issue.key, values: issue.values }));
  const words = said.reduceRight<MessageRef | undefined>((rest, item) => (rest ? redditWords('publisher.sentences', { first: item, rest }) : item), undefined);
  return new ProviderError('invalid', network, issues.map((i) => i.message).join(' '), 'subreddit_requirements', { words });
}

type Upload = { url: string; assetId: string };
type Progress = {
  uploads?: Record<string, Upload>;
  /** A media post Reddit accepted (its id comes later, in the submitted listing). */
  submittedAt?: number;
  polls?: number;
  postId?: string;
  url?: string;
};

export type RedditPublisherOptions = {
  endpoints: RedditEndpoints;
  /** The first look at the submitted listing after a media post was accepted, then 1.5 times longer each time. */
  firstPollMs?: number;
  maxPollMs?: number;
  /** How long Reddit may take to list an accepted media post before Herald gives up. */
  listingTimeoutMs?: number;
};

const invalid = (words: MessageRef, code: string) => wordedError('invalid', network, words, code);

type Listed = { name?: unknown; title?: unknown; subreddit?: unknown; created_utc?: unknown; permalink?: unknown };
type InfoThing = { name?: unknown; score?: unknown; ups?: unknown; upvote_ratio?: unknown; num_comments?: unknown; num_crossposts?: unknown; view_count?: unknown };

const extensionOf = (mimeType: string) => ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'video/mp4': 'mp4', 'video/quicktime': 'mov' })[mimeType] ?? 'bin';

/** A multipart/form-data body of the lease's fields then the file, streamed, with its exact length. */
function multipartUpload(fields: [string, string][], file: PublishMedia) {
  const boundary = `----herald-${crypto.randomBytes(12).toString('hex')}`;
  const quote = (value: string) => value.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  const head = Buffer.from(
    fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.kind}.${extensionOf(file.mimeType)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body(stream: Readable): AsyncGenerator<Uint8Array> {
    yield head;
    let sent = 0;
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      sent += bytes.length;
      yield bytes;
    }
    if (sent !== file.size) throw wordedError('invalid', network, redditWords('fileUnreadable', { sent, size: file.size }), 'media_unreadable');
    yield tail;
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, length: head.length + file.size + tail.length, body: body(file.open()) };
}

const decodeXml = (value: string) => value.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

export function createRedditPublisher(options: RedditPublisherOptions): Publisher {
  const e = options.endpoints;
  const firstPollMs = options.firstPollMs ?? 2_000;
  const maxPollMs = options.maxPollMs ?? 30_000;
  const listingTimeoutMs = options.listingTimeoutMs ?? 15 * 60_000;
  const postUrl = (subreddit: string, fullname: string) => `https://www.reddit.com/r/${subreddit}/comments/${fullname.slice(3)}/`;

  function parseSettings(ctx: PublishContext): RedditSettings & { subreddit: string; title: string } {
    const parsed = redditSettings.safeParse(ctx.settings ?? {});
    if (!parsed.success) throw invalid(parsed.error.issues[0] ? redditWords('settingsInvalid', { reason: parsed.error.issues[0].message }) : redditWords('settingsInvalidUnknown'), 'settings_invalid');
    if (!parsed.data.subreddit) throw invalid(redditWords('subredditMissing'), 'subreddit_missing');
    if (!parsed.data.title?.trim()) throw invalid(redditWords('titleMissing'), 'title_missing');
    return parsed.data as RedditSettings & { subreddit: string; title: string };
  }

  function shapeOf(ctx: PublishContext, settings: RedditSettings): RedditPostShape {
    const part = ctx.parts[0] ?? { text: '', media: [] };
    const media = mediaShape(part.media);
    if (media === 'mixed') throw invalid(redditWords('mediaMixed'), 'media_mixed');
    const kind: RedditPostShape['kind'] = media === 'none' ? (settings.kind === 'link' ? 'link' : 'self') : media;
    const link = kind === 'link' ? linkOf(part.text) : null;
    if (kind === 'link' && !link) throw invalid(redditWords('linkMissing'), 'link_missing');
    return { kind, title: settings.title ?? '', body: kind === 'self' ? part.text : '', link, flairId: settings.flairId ?? null, galleryItems: part.media.length };
  }

  /** Leases an upload slot and sends the file to the S3 form Reddit named; answers the media URL and asset id. */
  async function upload(ctx: PublishContext, file: PublishMedia): Promise<Upload> {
    const lease = await redditCall<{ args?: { action?: unknown; fields?: { name?: unknown; value?: unknown }[] }; asset?: { asset_id?: unknown } }>(e, apiUrlOf(e, '/api/media/asset.json'), ctx.accessToken, {
      method: 'POST',
      form: { filepath: `${file.kind}.${extensionOf(file.mimeType)}`, mimetype: file.mimeType },
      need: needs.submit,
    });
    const action = typeof lease.args?.action === 'string' ? lease.args.action : null;
    const assetId = typeof lease.asset?.asset_id === 'string' ? lease.asset.asset_id : null;
    if (!action || !assetId) throw badAnswer(redditWords('answer.uploadForm'));
    // Reddit names the form without a scheme (//bucket…): https, or the scheme of a local fake's API.
    const target = action.startsWith('//') ? `${new URL(e.apiUrl).protocol}${action}` : action;
    const fields = (lease.args?.fields ?? []).flatMap((f) => (typeof f.name === 'string' && typeof f.value === 'string' ? [[f.name, f.value] as [string, string]] : []));
    const form = multipartUpload(fields, file);
    // A private address is allowed only where the operator pointed Herald's Reddit API (a local fake).
    const allowPrivate = new URL(target).host === new URL(e.apiUrl).host;
    const response = await fetchFromNetwork(network, target, {
      method: 'POST',
      headers: { 'content-type': form.contentType, 'content-length': String(form.length) },
      body: form.body as unknown as BodyInit,
      duplex: 'half',
      timeoutMs: 30 * 60_000,
      allowPrivate,
    } as RequestInit & { duplex: 'half'; timeoutMs: number; allowPrivate: boolean });
    const answer = await response.text().catch(() => '');
    ctx.journal.log('upload', { kind: file.kind, bytes: file.size }, { status: response.status });
    if (response.status < 200 || response.status >= 300) {
      const reason = /<Message>([^<]*)<\/Message>/.exec(answer)?.[1];
      throw invalid(reason ? redditWords(`uploadRefusedBecause.${file.kind}`, { status: response.status, reason }) : redditWords(`uploadRefused.${file.kind}`, { status: response.status }), 'upload_refused');
    }
    const location = /<Location>([^<]*)<\/Location>/.exec(answer)?.[1];
    if (!location) throw badAnswer(redditWords('answer.uploadedAddress'));
    let url = decodeXml(location);
    try {
      url = decodeURIComponent(url);
    } catch {
      // An address that is not percent-encoded is used as it is.
    }
    return { url, assetId };
  }

  /** The account's newest submissions since `since` (ms), a few pages at most. */
  async function submittedSince(ctx: PublishContext, since: number): Promise<Listed[]> {
    if (!ctx.username) throw invalid(redditWords('usernameMissing'), 'username_missing');
    const found: Listed[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page += 1) {
      const answer = await redditCall<{ data?: { children?: { data?: Listed }[]; after?: unknown } }>(
        e,
        apiUrlOf(e, `/user/${encodeURIComponent(ctx.username)}/submitted`, { sort: 'new', limit: '25', after, raw_json: '1' }),
        ctx.accessToken,
        { need: needs.history },
      );
      const items = (answer.data?.children ?? []).map((c) => c.data ?? {});
      const created = (p: Listed) => (typeof p.created_utc === 'number' ? p.created_utc * 1000 : Number.NaN);
      found.push(...items.filter((p) => !(created(p) < since)));
      after = typeof answer.data?.after === 'string' && answer.data.after ? answer.data.after : undefined;
      if (!after || items.some((p) => created(p) < since)) break;
    }
    return found;
  }

  /** Our post in the listing: same subreddit and title, created since the submission was sent (a minute's slack for clocks). */
  async function findListed(ctx: PublishContext, settings: { subreddit: string; title: string }, sentAt: number): Promise<{ postId: string; url: string } | null> {
    const listed = await submittedSince(ctx, sentAt - 60_000);
    const match = listed.find((p) => typeof p.subreddit === 'string' && p.subreddit.toLowerCase() === settings.subreddit.toLowerCase() && p.title === settings.title && fullnameOf(p.name));
    if (!match) return null;
    const postId = fullnameOf(match.name)!;
    const url = typeof match.permalink === 'string' && match.permalink.startsWith('/') ? `https://www.reddit.com${match.permalink}` : postUrl(settings.subreddit, postId);
    return { postId, url };
  }

  function refuseWhatTheSubredditRefuses(rules: SubredditRules, shape: RedditPostShape) {
    const issues = subredditIssues(rules, shape);
    if (issues.length) throw subredditRefusal(issues);
  }

  function submitFields(settings: RedditSettings & { subreddit: string; title: string }, rules: SubredditRules, shape: RedditPostShape): Record<string, string> {
    const flair = settings.flairId ? rules.flairs.find((f) => f.id === settings.flairId) : undefined;
    return {
      api_type: 'json',
      sr: rules.name,
      title: settings.title,
      nsfw: String(settings.nsfw),
      spoiler: String(settings.spoiler),
      sendreplies: String(settings.sendReplies),
      ...(settings.flairId ? { flair_id: settings.flairId } : {}),
      // Reddit takes a flair's own text only for editable flairs.
      ...(settings.flairId && settings.flairText && (flair?.textEditable ?? true) ? { flair_text: settings.flairText } : {}),
      ...(shape.kind === 'link' ? { resubmit: 'false' } : {}),
    };
  }

  const nextPoll = (polls: number) => Math.min(maxPollMs, Math.round(firstPollMs * 1.5 ** polls));

  return {
    network,

    async publish(ctx) {
      let progress = { ...(ctx.journal.progress as Progress) };
      const settings = parseSettings(ctx);
      if (progress.postId) return { status: 'published', externalId: progress.postId, url: progress.url ?? postUrl(settings.subreddit, progress.postId) };

      if (progress.submittedAt) {
        // A media post Reddit accepted: its id appears in the submitted listing once processed.
        const found = await findListed(ctx, settings, progress.submittedAt);
        if (found) {
          await ctx.journal.saveProgress({ ...progress, ...found });
          return { status: 'published', externalId: found.postId, url: found.url };
        }
        if (Date.now() - progress.submittedAt > listingTimeoutMs) {
          throw invalid(redditWords('notListed', { minutes: Math.round(listingTimeoutMs / 60_000), subreddit: settings.subreddit }), 'not_listed');
        }
        const polls = (progress.polls ?? 0) + 1;
        await ctx.journal.saveProgress({ ...progress, polls });
        ctx.journal.log('listing', { subreddit: settings.subreddit }, { found: false, polls });
        return { status: 'processing', checkAfterMs: nextPoll(polls - 1) };
      }

      const shape = shapeOf(ctx, settings);
      // The subreddit's rules as they are now: what it would refuse is not sent.
      const rules = await readSubredditRules(e, ctx.accessToken, settings.subreddit);
      refuseWhatTheSubredditRefuses(rules, shape);

      const media = ctx.parts[0]?.media ?? [];
      for (const file of media) {
        if (progress.uploads?.[file.id]) continue;
        const uploaded = await upload(ctx, file);
        progress = { ...progress, uploads: { ...progress.uploads, [file.id]: uploaded } };
        await ctx.journal.saveProgress(progress);
      }
      const uploaded = (file: PublishMedia) => progress.uploads![file.id]!;
      const fields = submitFields(settings, rules, shape);

      await ctx.journal.beforeCreate('submit', { kind: shape.kind, subreddit: rules.name, titleLength: settings.title.length, bodyLength: shape.body.length, media: media.length, flair: settings.flairId ?? null });
      let answer: unknown;
      if (shape.kind === 'gallery') {
        const { api_type, sr, title, nsfw, spoiler, sendreplies, flair_id, flair_text } = fields;
        answer = await redditCall(e, apiUrlOf(e, '/api/submit_gallery_post.json'), ctx.accessToken, {
          method: 'POST',
          json: {
            api_type,
            sr,
            title,
            kind: 'self',
            nsfw: nsfw === 'true',
            spoiler: spoiler === 'true',
            sendreplies: sendreplies === 'true',
            show_error_list: true,
            ...(flair_id ? { flair_id } : {}),
            ...(flair_text ? { flair_text } : {}),
            items: media.map((file) => ({ media_id: uploaded(file).assetId, caption: file.altText.slice(0, REDDIT_CAPTION_MAX), outbound_url: '' })),
          },
          need: needs.submit,
          timeoutMs: 60_000,
        });
      } else {
        const video = media.find((m) => m.kind === 'video');
        const poster = media.find((m) => m.kind === 'image');
        const kindFields: Record<string, string> =
          shape.kind === 'self'
            ? { kind: 'self', text: shape.body }
            : shape.kind === 'link'
              ? { kind: 'link', url: shape.link! }
              : shape.kind === 'image'
                ? { kind: 'image', url: uploaded(poster!).url }
                : { kind: 'video', url: uploaded(video!).url, video_poster_url: uploaded(poster!).url };
        answer = await redditCall(e, apiUrlOf(e, '/api/submit'), ctx.accessToken, { method: 'POST', form: { ...fields, ...kindFields }, need: needs.submit, timeoutMs: 60_000 });
      }
      const errors = jsonErrorsOf(answer);
      if (errors.length) throw submissionError(errors);
      const data = ((answer as { json?: { data?: { name?: unknown; id?: unknown; url?: unknown } } }).json?.data ?? {}) as { name?: unknown; id?: unknown; url?: unknown };
      const postId = fullnameOf(data.name) ?? fullnameOf(data.id) ?? (typeof data.id === 'string' && /^[a-z0-9]+$/i.test(data.id) ? `t3_${data.id}` : null);
      if (shape.kind === 'image' || shape.kind === 'video') {
        // Accepted; the id comes once Reddit lists the post.
        progress = { ...progress, submittedAt: Date.now(), polls: 0 };
        await ctx.journal.afterCreate('submit', { accepted: true }, progress);
        return { status: 'processing', checkAfterMs: firstPollMs };
      }
      if (!postId) throw badAnswer(redditWords('answer.postId'));
      progress = { ...progress, postId, url: postUrl(rules.name, postId) };
      await ctx.journal.afterCreate('submit', { postId }, progress);
      return { status: 'published', externalId: postId, url: progress.url! };
    },

    /*
     * A submission was sent and its answer lost. The account's submitted listing is read: a post in
     * this subreddit with this title, created since the call (less a minute for clocks), is ours.
     * None: a text, link or gallery post is made during the call, so it was not made (safe to
     * send again); an image or video post may still be processing, so for ten minutes Herald
     * cannot tell and looks again later.
     */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      if (pending.step !== 'submit') return unknownBecause(redditWords('unknownStep', { step: pending.step }));
      const settings = parseSettings(ctx);
      let found;
      try {
        found = await findListed(ctx, settings, pending.sentAt.getTime());
      } catch (error) {
        if (error instanceof ProviderError && (error.kind === 'scope' || error.kind === 'invalid')) {
          return unknownBecause(redditWords('unknownUnreadable', { reason: error.message }));
        }
        throw error;
      }
      if (found) return { found: true, progress: { ...(ctx.journal.progress as Progress), submittedAt: undefined, ...found } };
      const media = mediaShape(ctx.parts[0]?.media ?? []);
      if ((media === 'image' || media === 'video') && Date.now() - pending.sentAt.getTime() < 10 * 60_000) {
        return unknownBecause(redditWords('unknownNotListedYet'));
      }
      return { found: false };
    },

    // /api/info takes up to 100 fullnames at once.
    metricsBatch: 100,
    async readMetrics(ctx: MetricsContext, ids: string[]) {
      const found = new Map<string, PostMetrics>();
      const fullnames = ids.filter((id) => fullnameOf(id));
      if (!fullnames.length) return found;
      const answer = await redditCall<{ data?: { children?: { data?: InfoThing }[] } }>(e, apiUrlOf(e, '/api/info', { id: fullnames.join(','), raw_json: '1' }), ctx.accessToken, { need: needs.metrics });
      const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
      for (const child of answer.data?.children ?? []) {
        const d = child.data ?? {};
        const id = fullnameOf(d.name);
        if (!id) continue;
        const ratio = num(d.upvote_ratio);
        const extra = Object.fromEntries(
          Object.entries({ score: num(d.score), upvoteRatioPercent: ratio === null ? null : Math.round(ratio * 100) }).filter((entry): entry is [string, number] => entry[1] !== null),
        );
        // Crossposts are how a Reddit post travels: they stand in for shares; Reddit reports no reach.
        found.set(id, { views: num(d.view_count), likes: num(d.ups), comments: num(d.num_comments), shares: num(d.num_crossposts), reach: null, extra });
      }
      return found;
    },
  };
}
