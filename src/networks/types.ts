// What a network folder declares about itself. The descriptor (shared by server and web) is data
// plus pure functions; the server part (`<id>/server/index.ts`) builds the network's provider and
// publisher from the instance's configuration.
import type { z } from 'zod';
import type { Language } from '../shared/languages.ts';
import type { Config } from '../server/config/config.ts';
import type { Db, Tx } from '../server/db/database.ts';
import type { Provider } from '../server/providers/provider.ts';
import type { Publisher } from '../server/providers/publishing.ts';
import type { SecretBox } from '../server/security/secret-box.ts';
import type { NetworkAnalytics } from '../shared/analytics.ts';
import type { Permission } from '../shared/permissions.ts';
import type { NetworkRules, RuleIssue } from './rules.ts';

export type Feature = 'profile' | 'publish' | 'drafts' | 'analytics';

/** How an account is connected: OAuth on one host, OAuth on the user's own instance, or an app password. */
export type ConnectKind = 'oauth' | 'oauth-instance' | 'app-password';

/** One environment setting a network needs; docs/configuration.md is generated from these. */
export type NetworkSetting<T = unknown> = { env: string; doc: string; default: string | undefined; schema: z.ZodType<T> };
export type NetworkSettings = Record<string, NetworkSetting>;
/** The parsed values of a network's settings, as they appear in the server's Config. */
export type SettingValues<S extends NetworkSettings> = { [K in keyof S]: z.output<S[K]['schema']> };

export type NetworkDescriptor<Id extends string = string, S extends NetworkSettings = NetworkSettings> = {
  id: Id;
  label: string;
  /**
   * The network's own words in every language Herald speaks (its folder's locales/<language>.json):
   * the composer panel, preview and connect form, its rules' messages (a RuleIssue's `key`), and its
   * descriptor texts (`scopeMeanings.<scope>`, `noRevoke`, `withoutPublicMedia`, `accountsNoun`…).
   * The web app and the server load them as the namespace `network-<id>`; English is the fallback.
   */
  messages: Readonly<Record<Language, Record<string, unknown>>>;
  /** Brand colour (#rrggbb) for marks and chips. */
  brandColor: string;
  connect: ConnectKind;
  /** Scopes Herald asks for, in the network's own notation. */
  scopes: readonly string[];
  /** What each scope lets Herald do, in plain words (Channels page, /privacy). */
  scopeMeanings: Record<string, string>;
  /** Each feature works only with all of these scopes granted. */
  featureScopes: Record<Feature, readonly string[]>;
  /** The network's own terms, which apply to everything published through Herald (/terms, /privacy). */
  terms: readonly { label: string; url: string }[];
  /** What a post may contain, how text is counted, the settings schema with its defaults. */
  rules: NetworkRules;
  /** The least time between two publishing calls for one account (the engine's spacing). */
  accountSpacingMs: number;
  /** Configuration keys the network needs, merged into the server's Config under these names. */
  settings: S;
  /** App-password networks: the shape checks of the sign-in form, made by the connect form and the API alike. */
  signIn?: SignInChecks;
  /**
   * Set when the network offers no way to end Herald's access (Threads): what the disconnect
   * dialog says instead, e.g. where the person removes Herald in the network's own settings.
   */
  noRevoke?: string;
  /** What one login covers, plural, when it is not "accounts" (Facebook: "Pages"): the picker and its errors say it. */
  accountsNoun?: string;
  /**
   * Networks that download a post's media from Herald's public links: what the composer tells a
   * person when this Herald has no public media address (HERALD_MEDIA_PUBLIC_URL), as soon as
   * such a channel is picked, in words a social media manager understands.
   */
  withoutPublicMedia?: string;
  /**
   * What the network's analytics reader reports: the counters of a post and whether it gives the
   * account's followers. The dashboard shows the others as "not reported by this network".
   */
  analytics: NetworkAnalytics;
  /** Whether this instance can offer the network with the operator's configuration. */
  enabled(config: SettingValues<S>): boolean;
  /**
   * Addresses besides the network's own API that using it contacts, one sentence each, for
   * /privacy's list of outgoing connections (a `{ code }` part is shown as an address or name).
   */
  outgoing?(config: SettingValues<S> & SharedConfigValues): PolicySentence[];
};

export type SignInChecks = {
  isIdentifier(raw: string): boolean;
  /** Completes "Handle …" / "App password …" in the refusal. */
  identifierHint: string;
  isAppPassword(raw: string): boolean;
  appPasswordHint: string;
  /** Networks that also connect with OAuth from a server address the person types (a Bluesky PDS or entryway). */
  isServer?(raw: string): boolean;
  /** Completes "…" in the refusal of what the OAuth connect was given (handle, DID or server address). */
  oauthIdentifierHint?: string;
};

/** Instance settings a network's descriptor may read besides its own. */
export type SharedConfigValues = { mediaPublicUrl?: string };
export type PolicySentence = (string | { code: string })[];

/** The same data as a NetworkDescriptor without its functions, for code that only reads facts. */
export type NetworkInfo<Id extends string = string> = Pick<NetworkDescriptor<Id>, 'id' | 'label' | 'brandColor' | 'connect' | 'scopes' | 'featureScopes'>;

export function defineNetwork<const Id extends string, const S extends NetworkSettings>(descriptor: NetworkDescriptor<Id, S>): NetworkDescriptor<Id, S> {
  return descriptor;
}

/**
 * A read the composer makes before a post can be written (TikTok's creator info): the network
 * part answers it and says which channel limits to keep, so the server checks posts against them.
 */
export type NetworkPreflight = (input: {
  config: Config;
  scopesGranted: readonly string[];
  withToken: <T>(call: (accessToken: string, instance: string | null) => Promise<T>) => Promise<T>;
}) => Promise<{ limits: Record<string, unknown>; answer: Record<string, unknown> }>;

/**
 * A call the network makes to Herald (Meta's deauthorize and data deletion callbacks), served at
 * POST /api/v1/networks/<id>/callbacks/<name>. The network part checks the call (signature) and
 * says whose grant ended; Herald disconnects and purges that person's channels of the network.
 */
export type NetworkCallback = (input: {
  config: Config;
  /** Form or JSON fields of the body. */
  fields: Record<string, string>;
}) => Promise<
  | { ok: true; kind: 'deauthorize' | 'data-deletion'; ownerExternalId: string }
  | { ok: false; status: 400 | 401 | 403; message: string }
>;

/**
 * Something the composer asks the network to do for a channel (e.g. create a board to pin to),
 * served at POST /api/v1/workspaces/<id>/channels/<channelId>/actions/<name>. Herald checks the
 * caller's role has `permission` and that the body passes `input` (a 400 naming the field
 * otherwise) before `run`, whose answer is sent as JSON.
 */
export type NetworkAction = {
  input: z.ZodType<Record<string, unknown>>;
  permission: Permission;
  /** One line for the API documentation. */
  summary: string;
  run(input: {
    config: Config;
    input: Record<string, unknown>;
    scopesGranted: readonly string[];
    withToken: <T>(call: (accessToken: string, instance: string | null) => Promise<T>) => Promise<T>;
  }): Promise<Record<string, unknown>>;
  /**
   * The channel's limits after a run, for actions whose answer the save check needs (a
   * subreddit's post requirements): Herald stores them on the channel as a pre-flight's limits.
   */
  keep?(answer: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown>;
  /**
   * For actions with `keep`: the input to run it with before a post to the channel is saved, when
   * the post's settings need what it keeps and the channel does not hold it yet (a subreddit whose
   * rules were never read); null when nothing is missing. So a post saved through the API, not
   * only one written in the composer, is checked against the network's own rules. `field`: the
   * setting the input came from, which a refusal of the input is reported on.
   */
  beforeSave?(settings: Record<string, unknown>, stored: Record<string, unknown>): { input: Record<string, unknown>; field: string } | null;
};

/**
 * One allowance a network counts for a channel (X's post caps, YouTube's daily quota), shown on
 * the channel's card: "Posts left today: 12 of 17, resets 14:00".
 */
export type UsageLine = { label: string; used: number; limit: number; resetsAt: Date };

/** The server part of a network folder (`<id>/server/index.ts`, exported as `server`). */
export type NetworkServer = {
  createProvider(config: Config, deps: { db: Db; box: SecretBox }): Provider;
  createPublisher(config: Config): Publisher;
  /** The operator let this network's servers be on private addresses (local test networks, the demo). */
  allowsPrivateAddresses?(config: Config): boolean;
  preflight?: NetworkPreflight;
  /** Things the composer asks the network to do for a channel, by name (e.g. `create-board`); listed in the API documentation. */
  actions?: Record<string, NetworkAction>;
  /** Calls the network makes to Herald, by name (e.g. `deauthorize`, `data-deletion`). */
  callbacks?: Record<string, NetworkCallback>;
  /**
   * What the channel has left of the allowances the network counts in Herald's ledger (read from
   * the database, no network call); listed with the channel. Networks that count nothing omit it.
   */
  usage?(input: { db: Db; channel: { id: string; externalId: string } }): Promise<UsageLine[]>;
  /**
   * Refusals for a post about to be scheduled for `at` (`posts`: how many the network will create
   * for it, thread parts included) that those allowances cannot take, checked when it is saved.
   */
  checkSchedule?(input: { db: Db | Tx; channel: { id: string; externalId: string }; at: Date; posts: number }): Promise<RuleIssue[]>;
  /**
   * Networks whose OAuth client is named by a document Herald publishes (atproto: client_id is its
   * URL): served at GET /api/v1/networks/<id>/oauth/client-metadata.json; null when this
   * configuration has none (no https public address).
   */
  oauthClientMetadata?(config: Config): Record<string, unknown> | null;
};
