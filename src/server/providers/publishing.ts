import type { Readable } from 'node:stream';
import type { PostCounters } from '../../shared/analytics.ts';
import type { LinkCard } from '../../shared/link-cards.ts';
import type { NetworkId } from '../../shared/networks.ts';
import type { MediaFacts } from '../../shared/publishing-rules.ts';
import type { MessageRef } from '../modules/notifications/notification-message.ts';
import type { Instance } from './provider.ts';

/** A media file as a provider sees it: probed facts and a way to read the bytes. */
export type PublishMedia = MediaFacts & {
  altText: string;
  /** Opens the bytes; `range` is inclusive, as in HTTP Content-Range. */
  open(range?: { start: number; end: number }): Readable;
  /** A public https URL of the file when the operator configured one (TikTok PULL_FROM_URL), else null. */
  publicUrl: string | null;
};

export type PublishPart = { text: string; media: PublishMedia[] };

/** A post's link card as the network gets it (campaign tags already in its url). */
export type PublishLinkCard = LinkCard & {
  /**
   * The card's image, fetched through the guarded fetch and made to fit `maxBytes`; null when the
   * card has none or it cannot be read (the reason is in the attempt's log): the card goes without.
   */
  loadImage(maxBytes: number): Promise<{ data: Uint8Array<ArrayBuffer>; mimeType: string } | null>;
};

/**
 * The engine's journal for one delivery. Every call that creates something at the network is
 * announced with `beforeCreate` (committed before the call is sent) and settled with
 * `afterCreate` (which also stores the progress made). If the process dies or the call times out
 * in between, the delivery becomes `unconfirmed` and `findExisting` decides, never a blind resend.
 */
export type PublishJournal = {
  /** Progress stored by earlier attempts (provider-defined; {} at first). Always the newest. */
  readonly progress: Record<string, unknown>;
  beforeCreate(step: string, request: Record<string, unknown>): Promise<void>;
  afterCreate(step: string, response: Record<string, unknown>, progress: Record<string, unknown>): Promise<void>;
  /** Stores progress that created nothing (an upload finished, a media id polled…). */
  saveProgress(progress: Record<string, unknown>): Promise<void>;
  /** Adds a request/answer summary to the attempt's log (secrets removed by the caller). */
  log(step: string, request?: Record<string, unknown>, response?: Record<string, unknown>): void;
};

/**
 * A network's windowed allowance counted in the database for every Herald process (YouTube's
 * daily quota units): `consume` takes units only if they fit under `limit`, atomically.
 */
export type UsageLedger = {
  consume(input: { bucket: string; units: number; windowStart: Date; limit: number }): Promise<{ allowed: boolean; used: number }>;
  read(input: { bucket: string; windowStart: Date }): Promise<number>;
};

export type PublishContext = {
  deliveryId: string;
  /** Stable for the delivery's life; networks with an idempotency key get `${key}:${step}`. */
  idempotencyKey: string;
  accessToken: string;
  /**
   * The token of the person who granted the account, for publishers that say `usesGrantToken`
   * (Facebook's resumable upload takes a user token, not the Page's); null when none is kept.
   */
  grantToken?: string | null;
  instance: Instance;
  /** The account at the network (Bluesky DID, Mastodon account id, TikTok open_id). */
  externalAccountId: string;
  username: string | null;
  /** Limits read at connect time (channels.limits). */
  limits: Record<string, unknown>;
  /** parts[0] is the post; later parts are thread replies. */
  parts: PublishPart[];
  firstComment: string | null;
  settings: Record<string, unknown>;
  /** The preview card of the post's link, for networks that build cards from the client's data. */
  linkCard?: PublishLinkCard | null;
  journal: PublishJournal;
  /** The network's allowance ledger, for networks that count what their calls cost. */
  usage?: UsageLedger;
};

export type PublishOutcome =
  | { status: 'published'; externalId: string; url: string | null }
  /** The network is still working (TikTok processing, Mastodon media): the engine calls `publish` again after the delay, with the progress saved. */
  | { status: 'processing'; checkAfterMs: number };

/** What the network says about a creating call whose outcome Herald does not know. */
export type ExistingCheck =
  /** It was created: the progress to continue from (the engine calls `publish` again with it, which finishes or polls). */
  | { found: true; progress: Record<string, unknown> }
  /** It was not created: sending it again is safe. */
  | { found: false }
  /** The network cannot tell (yet): the delivery stays unconfirmed for a person to decide. */
  | { found: 'unknown'; reason: string; /** The reason as words for the reader's language (`network-<id>:…`); `reason` is its English. */ words?: MessageRef };

/** The counters a network shows for one published post (null: the network does not report it). */
export type PostMetrics = PostCounters;

export type MetricsContext = { accessToken: string; instance: Instance; externalAccountId: string; usage?: UsageLedger };

export interface Publisher {
  readonly network: NetworkId;
  /** The network downloads media from `PublishMedia.publicUrl` itself: only its deliveries in progress make a signed media link work. */
  readonly pullsMediaFromUrl?: boolean;
  /** Some calls need the granting person's token (kept in the channel's refresh slot): the engine opens it only for these. */
  readonly usesGrantToken?: boolean;
  /** Runs the next steps of a delivery from `journal.progress`: creates, uploads, polls. Resumable. */
  publish(ctx: PublishContext): Promise<PublishOutcome>;
  /** Settles a creating call (`pending.step`) whose answer never came, by asking the network. */
  findExisting(ctx: PublishContext, pending: { step: string; sentAt: Date }): Promise<ExistingCheck>;
  /**
   * Reads the counters of published posts (their `externalId`s, at most `metricsBatch` at once).
   * A post missing from the answer is gone at the network (deleted) or has no public counters
   * (a TikTok inbox draft). Absent when the network offers no counters to Herald.
   */
  readMetrics?(ctx: MetricsContext, externalIds: string[]): Promise<Map<string, PostMetrics>>;
  readonly metricsBatch?: number;
  /**
   * Reads the account's own figures (followers) for the daily channel statistics. Absent when the
   * network gives Herald no follower count; a null field is one this account's answer lacked.
   */
  readAccount?(ctx: MetricsContext): Promise<AccountStats>;
}

/** The account-level figures a network reports (null: not reported). */
export type AccountStats = { followers: number | null };
