import { eq } from 'drizzle-orm';
import { mastodon } from '../descriptor.ts';
import type { Db } from '../../../server/db/database.ts';
import { mastodonApps } from '../../../server/db/schema/index.ts';
import type { SecretBox } from '../../../server/security/secret-box.ts';
import { form, formHeaders, requestJson } from '../../../server/providers/http.ts';
import * as oauth from 'oauth4webapi';
import { createOAuthClient } from '../../../server/providers/oauth-client.ts';
import { ProviderError, type Instance, type OAuthProvider, type Profile } from '../../../server/providers/provider.ts';

type InstanceInfo = {
  version?: string;
  configuration?: { statuses?: { max_characters?: number; max_media_attachments?: number; characters_reserved_per_url?: number }; media_attachments?: Record<string, unknown> };
};

const network = 'mastodon' as const;
const scopes = mastodon.scopes.join(' ');

// Mastodon runs on any server: Herald registers an app on each instance the first time someone
// connects an account there, and reuses it afterwards (the client secret is sealed at rest).
export function createMastodonProvider(deps: { db: Db; box: SecretBox; allowHttp: boolean; publicOrigin: string }): OAuthProvider {
  // Local test instances and the offline demo are the only reason to reach a private address.
  const allowPrivate = deps.allowHttp;
  const base = (instance: Instance) => {
    if (!instance) throw new ProviderError('invalid', network, 'A Mastodon server name is needed');
    return `${deps.allowHttp ? 'http' : 'https'}://${instance}`;
  };

  /** Reads the instance's limits; anything that does not answer like Mastodon is refused. */
  async function instanceInfo(instance: string): Promise<InstanceInfo> {
    let answer;
    try {
      answer = await requestJson(network, `${base(instance)}/api/v2/instance`, { headers: { accept: 'application/json' }, allowPrivate });
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'instance_not_public') throw error;
      if (error instanceof ProviderError && error.kind === 'transient') throw new ProviderError('invalid', network, `${instance} cannot be reached right now`, 'instance_unreachable');
      if (error instanceof ProviderError) throw new ProviderError('invalid', network, `${instance} does not look like a Mastodon server`, 'not_mastodon');
      throw error;
    }
    const info = answer.body as InstanceInfo | null;
    if (answer.status !== 200 || typeof info?.configuration?.statuses?.max_characters !== 'number') {
      throw new ProviderError('invalid', network, `${instance} does not look like a Mastodon server`, 'not_mastodon');
    }
    return info;
  }

  async function app(instance: string, redirectUri: string) {
    const [existing] = await deps.db.select().from(mastodonApps).where(eq(mastodonApps.instance, instance));
    if (existing && existing.redirectUri === redirectUri) {
      return { clientId: existing.clientId, clientSecret: deps.box.open(existing.clientSecretSealed, `mastodon-app:${instance}`) };
    }
    await instanceInfo(instance);
    const { status, body } = await requestJson(network, `${base(instance)}/api/v1/apps`, {
      method: 'POST',
      headers: formHeaders,
      body: form({ client_name: 'Herald', redirect_uris: redirectUri, scopes, website: deps.publicOrigin }),
      allowPrivate,
    });
    const registered = body as { client_id?: string; client_secret?: string; error?: string } | null;
    if (status !== 200 || !registered?.client_id || !registered.client_secret) {
      throw new ProviderError('invalid', network, `${instance} refused to register Herald: ${registered?.error ?? status}`, 'app_registration_failed');
    }
    const row = { instance, clientId: registered.client_id, clientSecretSealed: deps.box.seal(registered.client_secret, `mastodon-app:${instance}`), redirectUri, scopes };
    await deps.db.insert(mastodonApps).values(row).onConflictDoUpdate({ target: mastodonApps.instance, set: row });
    return { clientId: registered.client_id, clientSecret: registered.client_secret };
  }

  /** The OAuth client of Herald's app on this instance (oauth4webapi, client_secret_post). */
  async function oauthClient(instance: Instance, redirectUri: string) {
    const origin = base(instance);
    const { clientId, clientSecret } = await app(instance!, redirectUri);
    return createOAuthClient(
      network,
      { issuer: origin, authorizationEndpoint: `${origin}/oauth/authorize`, tokenEndpoint: `${origin}/oauth/token`, revocationEndpoint: `${origin}/oauth/revoke` },
      { clientId, clientAuth: oauth.ClientSecretPost(clientSecret), allowPrivate },
    );
  }

  return {
    network,
    connect: 'oauth',
    revokes: 'access',
    async authorizationUrl({ state, redirectUri, codeChallenge, instance }) {
      const { clientId } = await app(instance!, redirectUri);
      return (await oauthClient(instance, redirectUri)).authorizationUrl({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: scopes,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
    },
    async exchangeCode({ code, state, redirectUri, codeVerifier, instance }) {
      const answer = await (await oauthClient(instance, redirectUri)).exchangeCode({ code, state, redirectUri, codeVerifier });
      const me = await this.profile(answer.access_token, instance);
      // Mastodon tokens do not expire and come without a refresh token.
      return { externalId: me.externalId, accessToken: answer.access_token, refreshToken: null, accessTokenExpiresAt: null, refreshTokenExpiresAt: null, scopes: (answer.scope ?? '').split(/\s+/).filter(Boolean) };
    },
    async revoke(accessToken, instance) {
      const [row] = await deps.db.select().from(mastodonApps).where(eq(mastodonApps.instance, instance!));
      if (!row) throw new ProviderError('invalid', network, `No Herald app is registered on ${instance}`);
      await (await oauthClient(instance, row.redirectUri)).revoke(accessToken);
    },
    async profile(accessToken, instance): Promise<Profile> {
      const { status, body } = await requestJson(network, `${base(instance)}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${accessToken}` }, allowPrivate });
      if (status === 401) throw new ProviderError('auth', network, `${instance} rejected the access token`);
      const me = body as { id?: string; username?: string; display_name?: string; avatar_static?: string } | null;
      if (status !== 200 || !me?.id) throw new ProviderError('invalid', network, `${instance} did not return the account (HTTP ${status})`);
      const info = await instanceInfo(instance!);
      return {
        externalId: me.id,
        username: me.username ? `${me.username}@${instance}` : null,
        displayName: me.display_name || me.username || null,
        avatarUrl: me.avatar_static ?? null,
        limits: { maxCharacters: info.configuration?.statuses?.max_characters, maxMediaAttachments: info.configuration?.statuses?.max_media_attachments, charactersReservedPerUrl: info.configuration?.statuses?.characters_reserved_per_url, mediaAttachments: info.configuration?.media_attachments, version: info.version },
      };
    },
  };
}
