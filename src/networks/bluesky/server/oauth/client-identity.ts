// Who Herald is to atproto authorization servers. With an https public address, Herald's
// client_id is the URL of the metadata document it serves there; on a loopback address (tests,
// the offline demo) it is the spec's loopback client, `http://localhost?redirect_uri=…&scope=…`,
// whose metadata the server derives from the id itself. Anything else (plain http on a real host
// name, or http://localhost, whose browser cookies would not follow a redirect to 127.0.0.1)
// cannot do OAuth: Bluesky is then connected with app passwords only.
import { createRequire } from 'node:module';
import type * as AtprotoOAuthClient from '@atproto/oauth-client-node';

// @atproto/oauth-client-node is loaded on first use, not at start: loading it (and its lexicons)
// cost 0.6-0.85 s of CPU, a tenth of a later start (bench/README.md, "start"), and only a loopback
// address (tests, the offline demo) needs it; an https Herald never does.
const requireCommonJs = createRequire(import.meta.url);
function loopbackClientId(redirectUri: string): string {
  const { buildAtprotoLoopbackClientId } = requireCommonJs('@atproto/oauth-client-node') as typeof AtprotoOAuthClient;
  return buildAtprotoLoopbackClientId({ scope: BLUESKY_OAUTH_SCOPE, redirect_uris: [redirectUri as `http://127.0.0.1:${string}`] });
}

export const BLUESKY_OAUTH_SCOPE = 'atproto transition:generic';
export const CLIENT_METADATA_PATH = '/api/v1/networks/bluesky/oauth/client-metadata.json';
const CALLBACK_PATH = '/api/v1/oauth/callback/bluesky';

export type ClientIdentity = { kind: 'discoverable' | 'loopback'; clientId: string; redirectUri: string };

const loopbackIps = new Set(['127.0.0.1', '[::1]']);

/** Herald's client identity for this public origin, or null (with the reason) when OAuth is impossible. */
export function clientIdentity(publicOrigin: string): ClientIdentity | { kind: 'none'; reason: string } {
  const origin = new URL(publicOrigin);
  const redirectUri = `${origin.origin}${CALLBACK_PATH}`;
  if (origin.protocol === 'https:') return { kind: 'discoverable', clientId: `${origin.origin}${CLIENT_METADATA_PATH}`, redirectUri };
  if (loopbackIps.has(origin.hostname)) {
    return { kind: 'loopback', clientId: loopbackClientId(redirectUri), redirectUri };
  }
  return {
    kind: 'none',
    reason:
      origin.hostname === 'localhost'
        ? 'Bluesky sign-in through its own page needs Herald at an https address, or at http://127.0.0.1 for local use (HERALD_PUBLIC_URL)'
        : 'Bluesky sign-in through its own page needs Herald at an https address (HERALD_PUBLIC_URL)',
  };
}

/**
 * The client metadata document (atproto OAuth profile): a public web client that keeps its tokens
 * on the server, DPoP-bound, with no client secret (token_endpoint_auth_method "none").
 */
export function clientMetadataDocument(identity: ClientIdentity) {
  const origin = new URL(identity.clientId).origin;
  return {
    client_id: identity.clientId,
    client_name: 'Herald',
    client_uri: origin,
    policy_uri: `${origin}/privacy`,
    tos_uri: `${origin}/terms`,
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [identity.redirectUri],
    scope: BLUESKY_OAUTH_SCOPE,
    token_endpoint_auth_method: 'none',
    dpop_bound_access_tokens: true,
  };
}
