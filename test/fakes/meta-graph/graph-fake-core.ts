// What every Meta Graph fake shares (Instagram both hosts, Facebook Pages, Threads), following
// shared/providers.md §6–8 and "Notes for local fake servers": Meta's error envelope, the usage
// headers, tokens (short-lived → long-lived, Page tokens, invalidation with 190 subcodes,
// withdrawn permissions), the consent dialog with one checkbox per permission, and signed_request
// for the deauthorize and data deletion calls a fake makes to Herald.
import crypto from 'node:crypto';
import { escapeHtml, type FakeRequest, type FakeResponse } from '../http.ts';

export type GraphErrorInput = { code: number | string; message: string; subcode?: number; type?: string; userTitle?: string; userMsg?: string; isTransient?: boolean };

/** Meta's error envelope: `{ error: { message, type, code, error_subcode, error_user_title, error_user_msg, fbtrace_id } }`. */
export function graphErrorBody(input: GraphErrorInput) {
  return {
    error: {
      message: input.message,
      type: input.type ?? 'OAuthException',
      code: input.code,
      ...(input.subcode !== undefined ? { error_subcode: input.subcode } : {}),
      ...(input.userTitle ? { error_user_title: input.userTitle } : {}),
      ...(input.userMsg ? { error_user_msg: input.userMsg } : {}),
      ...(input.isTransient !== undefined ? { is_transient: input.isTransient } : {}),
      fbtrace_id: crypto.randomBytes(8).toString('base64url'),
    },
  };
}

export const graphError = (status: number, input: GraphErrorInput): FakeResponse => ({ status, body: graphErrorBody(input) });

/** Usage as Meta reports it: X-App-Usage for the app, X-Business-Use-Case-Usage per account (percent). */
export type UsageLevels = { appPercent?: number; business?: { id: string; type: string; percent: number; regainMinutes?: number } };
export function usageHeaders(levels: UsageLevels): Record<string, string> {
  const headers: Record<string, string> = {};
  if (levels.appPercent !== undefined) headers['x-app-usage'] = JSON.stringify({ call_count: levels.appPercent, total_cputime: Math.floor(levels.appPercent / 2), total_time: Math.floor(levels.appPercent / 2) });
  if (levels.business) {
    const b = levels.business;
    headers['x-business-use-case-usage'] = JSON.stringify({
      [b.id]: [{ type: b.type, call_count: b.percent, total_cputime: Math.floor(b.percent / 2), total_time: Math.floor(b.percent / 2), estimated_time_to_regain_access: b.regainMinutes ?? 0 }],
    });
  }
  return headers;
}

/** A signed_request as Meta sends it to the deauthorize and data deletion callback URLs. */
export function signedRequest(appSecret: string, userId: string, issuedAt = Math.floor(Date.now() / 1000)): string {
  const payload = Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', issued_at: issuedAt, user_id: userId })).toString('base64url');
  return `${crypto.createHmac('sha256', appSecret).update(payload).digest('base64url')}.${payload}`;
}

export type TokenKind = 'short' | 'long' | 'page';
export type FakeToken = {
  token: string;
  kind: TokenKind;
  userId: string;
  /** Page tokens: the Page they act as. */
  pageId?: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number | null;
  /** 190 subcode once invalidated (458 app removed, 460 password changed, 463 expired, 467 logged out). */
  invalidated?: number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Tokens of one Meta app. Short-lived user tokens last an hour, long-lived ones 60 days, Page
 * tokens derived from a long-lived user token do not expire. Invalidating a user (password
 * changed, app removed) ends every token of theirs with the matching 190 subcode.
 */
export function createTokenStore(options: { shortLivedMs?: number; longLivedMs?: number } = {}) {
  const tokens = new Map<string, FakeToken>();
  const grants = new Map<string, Set<string>>();
  const shortLivedMs = options.shortLivedMs ?? HOUR;
  const longLivedMs = options.longLivedMs ?? 60 * DAY;

  function issue(kind: TokenKind, userId: string, scopes: string[], extra: { pageId?: string; expiresInMs?: number | null } = {}): FakeToken {
    const prefix = kind === 'short' ? 'EAAs' : kind === 'long' ? 'EAAl' : 'EAAp';
    const lifetime = extra.expiresInMs !== undefined ? extra.expiresInMs : kind === 'short' ? shortLivedMs : kind === 'long' ? longLivedMs : null;
    const record: FakeToken = { token: `${prefix}${crypto.randomBytes(24).toString('base64url')}`, kind, userId, pageId: extra.pageId, scopes: [...scopes], issuedAt: Date.now(), expiresAt: lifetime === null ? null : Date.now() + lifetime };
    tokens.set(record.token, record);
    if (!grants.has(userId)) grants.set(userId, new Set(scopes));
    else for (const s of scopes) grants.get(userId)!.add(s);
    return record;
  }

  /** The token a request carries (`Authorization: Bearer`, `access_token` in the query or the form). */
  const tokenOf = (req: FakeRequest) => /^(?:Bearer|OAuth) (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? req.query.get('access_token') ?? req.body.access_token;

  /** The caller's token, or the 190 error Meta answers for a missing, unknown, expired or invalidated one. */
  function check(req: FakeRequest): { ok: true; token: FakeToken; scopes: Set<string> } | { ok: false; response: FakeResponse } {
    const value = tokenOf(req);
    if (!value) return { ok: false, response: graphError(400, { code: 2500, message: 'An active access token must be used to query information about the current user.' }) };
    const token = tokens.get(value);
    if (!token) return { ok: false, response: graphError(400, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }) };
    if (token.invalidated) {
      const words: Record<number, string> = {
        458: 'The user has not authorized application.',
        460: 'The session has been invalidated because the user changed their password.',
        463: 'Session has expired.',
        467: 'The session is invalid because the user logged out.',
      };
      return { ok: false, response: graphError(400, { code: 190, subcode: token.invalidated, message: `Error validating access token: ${words[token.invalidated] ?? 'The session is invalid.'}` }) };
    }
    if (token.expiresAt !== null && token.expiresAt < Date.now()) {
      return { ok: false, response: graphError(400, { code: 190, subcode: 463, message: 'Error validating access token: Session has expired.' }) };
    }
    const granted = grants.get(token.userId) ?? new Set<string>();
    return { ok: true, token, scopes: new Set(token.scopes.filter((s) => granted.has(s))) };
  }

  return {
    issue,
    check,
    tokenOf,
    find: (value: string) => tokens.get(value),
    all: () => [...tokens.values()].map((t) => ({ ...t })),
    /** Every token of the user stops working, with this 190 subcode. */
    invalidateUser(userId: string, subcode: 458 | 460 | 463 | 467) {
      for (const t of tokens.values()) if (t.userId === userId) t.invalidated = subcode;
    },
    /** Access tokens (not Page tokens) run out now, as after their lifetime. */
    expireUserTokens() {
      for (const t of tokens.values()) if (t.kind !== 'page') t.expiresAt = Date.now() - 1000;
    },
    /** The user takes one permission back in their Meta settings: their tokens stay valid without it. */
    withdraw(userId: string, scope: string) {
      grants.get(userId)?.delete(scope);
    },
    /** DELETE /{user-id}/permissions: the app is removed; every token of the user ends (458). */
    revokeAll(userId: string) {
      grants.delete(userId);
      for (const t of tokens.values()) if (t.userId === userId) t.invalidated = 458;
    },
    granted: (userId: string) => [...(grants.get(userId) ?? [])],
  };
}
export type TokenStore = ReturnType<typeof createTokenStore>;

export type PendingCode = { code: string; userId: string; scopes: string[]; redirectUri: string; expiresAt: number; used: boolean };

/**
 * Meta's OAuth dialog: one checkbox per permission asked for (a person may untick some), Allow or
 * Cancel, then back to the redirect URI with `code` and `state`, or `error=access_denied`.
 */
export function createConsent(options: { appId: string; brand: string; decisionPath: string }) {
  const codes = new Map<string, PendingCode>();
  let currentUser = '';

  function decide(input: { redirectUri: string; state: string; scope: string; grant?: string[]; deny?: boolean }): string {
    const target = new URL(input.redirectUri);
    if (input.deny) {
      target.search = new URLSearchParams({ error: 'access_denied', error_reason: 'user_denied', error_description: 'Permissions error', state: input.state }).toString();
      return target.toString();
    }
    const asked = input.scope.split(',').map((s) => s.trim()).filter(Boolean);
    const granted = input.grant ? asked.filter((s) => input.grant!.includes(s)) : asked;
    const code = crypto.randomBytes(18).toString('base64url');
    codes.set(code, { code, userId: currentUser, scopes: granted, redirectUri: input.redirectUri, expiresAt: Date.now() + 10 * 60_000, used: false });
    target.search = new URLSearchParams({ code, state: input.state }).toString();
    // Meta appends #_=_ to the redirect; browsers keep it out of the request.
    return `${target.toString()}#_=_`;
  }

  function page(q: URLSearchParams): FakeResponse {
    if (q.get('client_id') !== options.appId) return { status: 400, html: '<h1>Invalid App ID</h1><p>The provided app ID does not look like a valid app ID.</p>' };
    if (!q.get('redirect_uri')) return { status: 400, html: "<h1>URL blocked</h1><p>This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.</p>" };
    const scopes = (q.get('scope') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const hidden = ['redirect_uri', 'state', 'scope'].map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`).join('');
    const boxes = scopes.map((s) => `<label><input type="checkbox" name="grant" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label><br>`).join('');
    return {
      status: 200,
      html: `<!doctype html><title>${escapeHtml(options.brand)} (fake)</title><h1>Herald is requesting access to your ${escapeHtml(options.brand)} account</h1><p>Logged in as ${escapeHtml(currentUser)}</p><form method="post" action="${escapeHtml(options.decisionPath)}">${hidden}${boxes}<button name="decision" value="allow">Continue</button> <button name="decision" value="deny">Cancel</button></form>`,
    };
  }

  /** The dialog's form post: the redirect back to Herald. */
  function decision(req: FakeRequest): FakeResponse {
    const b = req.body;
    const grant = new URLSearchParams(req.raw.toString('utf8')).getAll('grant');
    return { status: 302, redirect: decide({ redirectUri: b.redirect_uri ?? '', state: b.state ?? '', scope: b.scope ?? '', grant, deny: b.decision === 'deny' }) };
  }

  /** Takes an authorization code once; null for unknown, used, expired or redirect-mismatched codes. */
  function redeem(code: string | undefined, redirectUri: string | undefined): PendingCode | null {
    const pending = codes.get(code ?? '');
    if (!pending || pending.used || pending.expiresAt < Date.now() || pending.redirectUri !== redirectUri) return null;
    pending.used = true;
    return pending;
  }

  return {
    page,
    decision,
    redeem,
    /** What clicking Continue (with these permissions ticked) or Cancel on the dialog returns. */
    authorize(authorizeUrl: string, choice: { grant?: string[]; deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      if (q.get('client_id') !== options.appId) throw new Error(`unknown client_id ${q.get('client_id')}`);
      return decide({ redirectUri: q.get('redirect_uri')!, state: q.get('state') ?? '', scope: q.get('scope') ?? '', ...choice });
    },
    setUser(userId: string) {
      currentUser = userId;
    },
    user: () => currentUser,
  };
}
export type Consent = ReturnType<typeof createConsent>;
