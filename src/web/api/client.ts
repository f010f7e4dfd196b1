import { createHeraldClient, type HeraldClient } from '../../../packages/herald-client/src/index.ts';
import { i18n } from '../i18n/i18n.ts';
import { friendlyMessage } from './error-messages.ts';

/** An answer that was not 2xx: the server's stable code, its message, and messages per input field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: Record<string, unknown> & { issues?: { field: string; message: string }[] } } };

// Herald names fields `body.email`; forms name them `email`.
const fieldName = (path: string) => path.replace(/^(body|query|params)\.?/, '') || 'form';

function collectFieldErrors(error: NonNullable<ErrorBody['error']>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.details?.issues ?? []) fields[fieldName(issue.field)] ??= issue.message;
  return fields;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: ErrorBody = {};
  try {
    body = text ? (JSON.parse(text) as ErrorBody) : {};
  } catch {
    // A proxy's HTML error page: fall back to the status below.
  }
  return apiErrorFrom(response, body);
}

function apiErrorFrom(response: Response, body: unknown): ApiError {
  const error = (typeof body === 'object' && body !== null ? (body as ErrorBody).error : undefined) ?? {};
  const code = error.code ?? (response.status === 429 ? 'rate_limited' : `http_${response.status}`);
  const details = { ...error.details };
  // The sign-in limiter may answer without details; its Retry-After header still says how long.
  const retryAfter = Number(details.retryAfterSeconds ?? response.headers.get('retry-after'));
  if (code === 'rate_limited' && retryAfter > 0) details.retryAfterSeconds = retryAfter;
  const message = friendlyMessage(code, details) ?? error.message ?? i18n.t('common:errors.requestFailed', { status: response.status });
  return new ApiError(response.status, code, message, collectFieldErrors(error), details);
}

const unreachable = () => new ApiError(0, 'network', i18n.t('common:errors.network'));

/** Herald answers its error messages in the language asked for: the interface's, as it is at each request. */
export const languageHeader = () => ({ 'accept-language': i18n.language });

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json', ...languageHeader() } };
  if (method !== 'GET') {
    // Herald's JSON routes refuse an empty body, so a bodiless call still sends `{}`.
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

export const isApiError = (error: unknown, code?: string): error is ApiError => error instanceof ApiError && (code === undefined || error.code === code);

/**
 * The typed client (@herald/client) for this page's Herald: same origin, signed in by the session
 * cookie; the browser adds the Origin header Herald's origin check wants on every change.
 */
export const herald: HeraldClient = createHeraldClient({ baseUrl: '', credentials: 'include' });
herald.use({
  onRequest({ request }) {
    request.headers.set('accept-language', i18n.language);
    // Herald's JSON routes refuse an empty JSON body, so a bodiless change still sends `{}` (as `api` does).
    if (request.method === 'GET' || request.method === 'HEAD' || request.body) return request;
    const headers = new Headers(request.headers);
    headers.set('content-type', 'application/json');
    return new Request(request, { body: '{}', headers });
  },
});

/** `await heraldCall(herald.GET(…))`: the answer's data, or the same ApiError `api` throws (codes, field errors, friendly messages). */
export async function heraldCall<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await call;
  } catch {
    throw unreachable();
  }
  if (!answer.response.ok) throw apiErrorFrom(answer.response, answer.error);
  return answer.data as T;
}
