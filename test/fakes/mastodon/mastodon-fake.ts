import crypto from 'node:crypto';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse } from '../http.ts';

// A local Mastodon instance following ../shared/providers.md §3: app registration, the OAuth
// consent page with PKCE, tokens that never expire, revoke, verify_credentials and instance limits,
// with Mastodon's `{ error, error_description }` envelope and X-RateLimit-* headers.

type App = { clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[]; name: string };
type Token = { token: string; clientId: string; scopes: string[]; revoked: boolean };
type Code = { clientId: string; redirectUri: string; scopes: string[]; challenge?: string; used: boolean; expiresAt: number };

export type MastodonFakeOptions = { maxCharacters?: number; account?: { id: string; username: string; displayName: string } };

const error = (status: number, message: string, description?: string): FakeResponse => ({ status, body: { error: message, ...(description ? { error_description: description } : {}) } });

export async function startMastodonFake(options: MastodonFakeOptions = {}) {
  const account = options.account ?? { id: '109000000000000001', username: 'herald', displayName: 'Herald on Mastodon' };
  const apps: App[] = [];
  const codes = new Map<string, Code>();
  const tokens: Token[] = [];
  const revocations: string[] = [];
  let notMastodon = false;
  let remaining = 300;
  let domain = '';

  const rateHeaders = () => ({
    'x-ratelimit-limit': '300',
    'x-ratelimit-remaining': String(Math.max(0, --remaining)),
    'x-ratelimit-reset': new Date(Date.now() + 5 * 60_000).toISOString(),
  });
  const bearer = (req: FakeRequest) => {
    const value = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return tokens.find((t) => t.token === value && !t.revoked);
  };

  function decide(input: { clientId: string; redirectUri: string; scope: string; state: string; challenge?: string; deny?: boolean }): string {
    const target = new URL(input.redirectUri);
    if (input.deny) {
      target.search = new URLSearchParams({ error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', state: input.state }).toString();
      return target.toString();
    }
    const code = crypto.randomBytes(16).toString('base64url');
    codes.set(code, { clientId: input.clientId, redirectUri: input.redirectUri, scopes: input.scope.split(/[ +]/).filter(Boolean), challenge: input.challenge, used: false, expiresAt: Date.now() + 10 * 60_000 });
    target.search = new URLSearchParams({ code, state: input.state }).toString();
    return target.toString();
  }

  function authorizePage(q: URLSearchParams): FakeResponse {
    const app = apps.find((a) => a.clientId === q.get('client_id'));
    if (!app) return { status: 401, html: '<h1>Client authentication failed due to unknown client</h1>' };
    if (!app.redirectUris.includes(q.get('redirect_uri') ?? '')) return { status: 400, html: '<h1>The redirect uri included is not valid.</h1>' };
    const hidden = ['client_id', 'redirect_uri', 'scope', 'state', 'code_challenge'].map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`).join('');
    return {
      status: 200,
      html: `<!doctype html><title>Mastodon (fake)</title><h1>Authorization required</h1><p>${escapeHtml(app.name)} would like to access your account @${escapeHtml(account.username)} with: ${escapeHtml(q.get('scope') ?? '')}</p><form method="post" action="/oauth/authorize/decision">${hidden}<button name="decision" value="allow">Authorize</button> <button name="decision" value="deny">Deny</button></form>`,
    };
  }

  const server = await startFakeServer((req): FakeResponse => {
    if (notMastodon) return { status: 404, html: '<h1>Not Found</h1>' };
    const b = req.body;
    if (req.method === 'GET' && req.path === '/api/v2/instance') {
      return {
        status: 200,
        body: {
          domain,
          title: 'Fake Mastodon',
          version: '4.3.0',
          configuration: {
            urls: { streaming: `wss://${domain}` },
            statuses: { max_characters: options.maxCharacters ?? 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
            media_attachments: {
              supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/quicktime'],
              description_limit: 1500,
              image_size_limit: 16_777_216,
              image_matrix_limit: 33_177_600,
              video_size_limit: 103_809_024,
              video_frame_rate_limit: 120,
              video_matrix_limit: 8_294_400,
            },
          },
        },
      };
    }
    if (req.method === 'POST' && req.path === '/api/v1/apps') {
      if (!b.client_name || !b.redirect_uris) return error(422, "Validation failed: Application name can't be blank, Redirect URI can't be blank");
      const app: App = {
        clientId: crypto.randomBytes(16).toString('base64url'),
        clientSecret: crypto.randomBytes(24).toString('base64url'),
        redirectUris: String(b.redirect_uris).split(/[\s,]+/).filter(Boolean),
        scopes: (b.scopes ?? 'read').split(' '),
        name: b.client_name,
      };
      apps.push(app);
      return { status: 200, body: { id: String(apps.length), name: app.name, website: b.website ?? null, scopes: app.scopes, redirect_uri: app.redirectUris.join('\n'), redirect_uris: app.redirectUris, client_id: app.clientId, client_secret: app.clientSecret, client_secret_expires_at: 0 } };
    }
    if (req.method === 'GET' && req.path === '/oauth/authorize') return authorizePage(req.query);
    if (req.method === 'POST' && req.path === '/oauth/authorize/decision') {
      return { status: 302, redirect: decide({ clientId: b.client_id!, redirectUri: b.redirect_uri!, scope: b.scope ?? 'read', state: b.state ?? '', challenge: b.code_challenge || undefined, deny: b.decision === 'deny' }) };
    }
    if (req.method === 'POST' && req.path === '/oauth/token') {
      const app = apps.find((a) => a.clientId === b.client_id && a.clientSecret === b.client_secret);
      if (!app) return error(401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
      const code = codes.get(b.code ?? '');
      if (b.grant_type !== 'authorization_code') return error(400, 'unsupported_grant_type');
      if (!code || code.used || code.expiresAt < Date.now() || code.clientId !== app.clientId || code.redirectUri !== b.redirect_uri) {
        return error(400, 'invalid_grant', 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.');
      }
      if (code.challenge && crypto.createHash('sha256').update(b.code_verifier ?? '').digest('base64url') !== code.challenge) return error(400, 'invalid_grant', 'code_verifier does not match');
      code.used = true;
      const token: Token = { token: crypto.randomBytes(32).toString('base64url'), clientId: app.clientId, scopes: code.scopes, revoked: false };
      tokens.push(token);
      return { status: 200, body: { access_token: token.token, token_type: 'Bearer', scope: token.scopes.join(' '), created_at: Math.floor(Date.now() / 1000) } };
    }
    if (req.method === 'POST' && req.path === '/oauth/revoke') {
      const app = apps.find((a) => a.clientId === b.client_id && a.clientSecret === b.client_secret);
      if (!app) return error(401, 'invalid_client');
      const token = tokens.find((t) => t.token === b.token);
      if (token && token.clientId !== app.clientId) return error(403, 'unauthorized_client', 'You are not authorized to revoke this token');
      if (token) {
        token.revoked = true;
        revocations.push(token.token);
      }
      return { status: 200, body: {} };
    }
    if (req.method === 'GET' && req.path === '/api/v1/accounts/verify_credentials') {
      const token = bearer(req);
      if (!token) return { ...error(401, 'The access token is invalid'), headers: rateHeaders() };
      return {
        status: 200,
        headers: rateHeaders(),
        body: {
          id: account.id,
          username: account.username,
          acct: account.username,
          display_name: account.displayName,
          avatar: `https://${domain}/avatars/original/missing.png`,
          avatar_static: `https://${domain}/avatars/original/missing.png`,
          followers_count: 42,
          following_count: 7,
          statuses_count: 12,
          url: `https://${domain}/@${account.username}`,
          source: { privacy: 'public', sensitive: false, language: 'en', note: '' },
        },
      };
    }
    return error(404, 'Record not found');
  });
  domain = server.url.replace(/^https?:\/\//, '');

  return {
    ...server,
    /** The instance "domain" as a user types it (host:port for a loopback fake). */
    domain,
    apps,
    revocations,
    tokens: () => tokens.map((t) => ({ ...t })),
    isRevoked: (token: string) => revocations.includes(token),
    setNotMastodon(value: boolean) {
      notMastodon = value;
    },
    /** What clicking Authorize (or Deny) on the consent page returns: the redirect back. */
    authorize(authorizeUrl: string, choice: { deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      return decide({ clientId: q.get('client_id')!, redirectUri: q.get('redirect_uri')!, scope: q.get('scope') ?? 'read', state: q.get('state') ?? '', challenge: q.get('code_challenge') ?? undefined, ...choice });
    },
  };
}

export type MastodonFake = Awaited<ReturnType<typeof startMastodonFake>>;
