// The Herald API client: openapi-fetch over the types generated from docs/openapi.json, so every
// path, parameter, body and answer is checked against the same document the server serves.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.gen.js';

export type { components, operations, paths } from './schema.gen.js';

export type HeraldClient = Client<paths>;

export type HeraldClientOptions = {
  /** Where Herald answers, e.g. `https://herald.example.com` (paths start with `/api/v1`). Empty in a page Herald serves. */
  baseUrl: string;
  /** An API key (`hk_…`), sent as `Authorization: Bearer`. Leave out where a session cookie signs the calls in. */
  apiKey?: string;
  /** Another fetch (tests, proxies, retries). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
} & Omit<ClientOptions, 'baseUrl' | 'fetch' | 'headers'>;

/** A client for one Herald. Each call answers `{ data, error, response }`; `unwrap` turns that into data or a thrown HeraldApiError. */
export function createHeraldClient({ baseUrl, apiKey, headers, ...options }: HeraldClientOptions): HeraldClient {
  const merged = new Headers(headers);
  if (!merged.has('accept')) merged.set('accept', 'application/json');
  if (apiKey) merged.set('authorization', `Bearer ${apiKey}`);
  // `/api/v1/…` paths are appended: a trailing slash would double it.
  return createClient<paths>({ ...options, baseUrl: baseUrl.replace(/\/+$/, ''), headers: Object.fromEntries(merged) });
}

/** Every error Herald answers: `{ error: { code, message, details } }` (codes are listed in Herald's docs/errors.md). */
export type HeraldErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** An answer that was not 2xx, with Herald's stable `code` to branch on. */
export class HeraldApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HeraldApiError';
  }

  /** Reads the answer's error envelope; a body that is not one (a proxy's page) still gives the status. */
  static from(response: Response, body: unknown): HeraldApiError {
    const error = isErrorBody(body) ? body.error : undefined;
    return new HeraldApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? `Request failed (${response.status})`, error?.details ?? {});
  }
}

const isErrorBody = (body: unknown): body is HeraldErrorBody =>
  typeof body === 'object' && body !== null && typeof (body as { error?: { code?: unknown } }).error?.code === 'string';

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** `await unwrap(herald.GET(…))`: the answer's data, or a HeraldApiError for any status that is not 2xx. */
export async function unwrap<T>(call: Promise<Answer<T>> | Answer<T>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw HeraldApiError.from(response, error);
  return data as T;
}
