// Where Herald reaches Facebook (every address from the operator's configuration, so a local fake
// can stand in) and one Graph call with the Page's budget remembered.
import type { Config } from '../../../server/config/config.ts';
import { graphJson } from '../../meta-graph/graph-request.ts';

export const network = 'facebook' as const;
export const label = 'Facebook';

export type FacebookEndpoints = {
  appId: string;
  appSecret: string;
  version: string;
  dialogUrl: string;
  graphUrl: string;
  graphVideoUrl: string;
  ruploadUrl: string;
};

const trim = (url: string) => url.replace(/\/+$/, '');

export function endpointsFrom(config: Config): FacebookEndpoints {
  return {
    appId: config.facebookAppId ?? '',
    appSecret: config.facebookAppSecret ?? '',
    version: config.facebookGraphVersion,
    dialogUrl: trim(config.facebookDialogUrl),
    graphUrl: trim(config.facebookGraphUrl),
    graphVideoUrl: trim(config.facebookGraphVideoUrl),
    ruploadUrl: trim(config.facebookRuploadUrl),
  };
}

/** A Graph URL on the given host (the Graph API unless said otherwise), with query values. */
export function graphUrl(e: FacebookEndpoints, path: string, query: Record<string, string | undefined> = {}, host: 'graph' | 'video' = 'graph'): string {
  const url = new URL(`${host === 'video' ? e.graphVideoUrl : e.graphUrl}/${e.version}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export type GraphInit = { method?: string; token?: string; body?: BodyInit; headers?: Record<string, string>; usageKey?: string; timeoutMs?: number };

/**
 * One Graph call. The token travels in the Authorization header, never in a URL that could be
 * logged; Meta's error envelope becomes a ProviderError (graph-errors.ts) and the usage headers
 * are remembered for the account (usage.ts).
 */
export async function graph<T = Record<string, unknown>>(url: string, init: GraphInit): Promise<T> {
  const { body } = await graphJson<T>(network, url, {
    label,
    method: init.method ?? 'GET',
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body,
    usageKey: init.usageKey,
    timeoutMs: init.timeoutMs,
    // Facebook's addresses are the operator's configuration, never a user's choice.
    allowPrivate: true,
  });
  return body;
}

/** Form fields as Graph takes them on POST. */
export const formBody = (fields: Record<string, string | undefined>) => {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
  return { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
};
