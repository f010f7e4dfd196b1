// Where Herald reaches Instagram, for the login the operator chose, and one Graph call with
// Meta's error envelope and usage headers handled (meta-graph/). Every host comes from
// configuration so a local fake can stand in for Meta.
import type { Config } from '../../../server/config/config.ts';
import type { MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../../error-words.ts';
import { graphJson, withAccessToken } from '../../meta-graph/graph-request.ts';
import type { instagramLogins } from '../descriptor.ts';

export const network = 'instagram' as const;
export const label = 'Instagram';

/** Words of Instagram's error sentences (`network-instagram:errors.…`). */
export const instagramWords = (key: string, values?: MessageValues) => errorWords(`network-instagram:errors.${key}`, values);

export type InstagramEndpoints = {
  login: (typeof instagramLogins)[number];
  appId: string;
  appSecret: string;
  version: string;
  /** Versioned Graph base: graph.instagram.com/vX (Instagram Login) or graph.facebook.com/vX (Facebook Login). */
  graph: string;
  /** Unversioned Graph origin (Instagram Login's token exchange and refresh live there). */
  graphOrigin: string;
  authorizeOrigin: string;
  tokenOrigin: string;
  uploadOrigin: string;
  pollMs: number;
};

export function endpointsFrom(config: Config): InstagramEndpoints {
  const facebook = config.instagramLogin === 'facebook';
  const graphOrigin = (facebook ? config.instagramFacebookGraphUrl : config.instagramGraphUrl).replace(/\/+$/, '');
  return {
    login: config.instagramLogin,
    appId: config.instagramAppId ?? '',
    appSecret: config.instagramAppSecret ?? '',
    version: config.instagramGraphVersion,
    graph: `${graphOrigin}/${config.instagramGraphVersion}`,
    graphOrigin,
    authorizeOrigin: (facebook ? config.instagramFacebookDialogUrl : config.instagramAuthorizeUrl).replace(/\/+$/, ''),
    tokenOrigin: config.instagramTokenUrl.replace(/\/+$/, ''),
    uploadOrigin: config.instagramUploadUrl.replace(/\/+$/, ''),
    pollMs: Math.round(config.instagramPollSeconds * 1000),
  };
}

type CallInit = { method?: 'GET' | 'POST' | 'DELETE'; query?: Record<string, string | undefined>; form?: Record<string, string | undefined>; usageKey?: string; timeoutMs?: number };

const defined = (values: Record<string, string | undefined>) => Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined);

/** One Graph API call with the token in the query (Meta's convention), answered as JSON; '' sends none. */
export async function graph<T = Record<string, unknown>>(url: string, accessToken: string, init: CallInit = {}): Promise<T> {
  // The code exchange calls carry the app's credentials instead of a token.
  const target = new URL(accessToken ? withAccessToken(url, accessToken) : url);
  for (const [key, value] of defined(init.query ?? {})) target.searchParams.set(key, value);
  const body = init.form ? new URLSearchParams(defined(init.form)).toString() : undefined;
  const { body: answer } = await graphJson<T>(network, target.toString(), {
    method: init.method ?? 'GET',
    headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
    body,
    label,
    usageKey: init.usageKey,
    timeoutMs: init.timeoutMs,
    // Meta's hosts come from the operator's configuration, never from a user.
    allowPrivate: true,
  });
  return answer;
}

/** The ids an answer may come without, named in `errors.publisher.answer`. */
export type AnsweredId = 'accountId' | 'facebookUserId' | 'containerId' | 'commentId' | 'mediaId' | 'storyId';

/** An id Meta sends as a string (or, from some endpoints, a bare number): always a string here. */
export function idOf(value: unknown, what: AnsweredId): string {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw wordedError('invalid', network, instagramWords('publisher.badAnswer', { what: instagramWords(`publisher.answer.${what}`) }), 'bad_answer');
}
