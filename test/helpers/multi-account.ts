import crypto from 'node:crypto';
import { networks, type NetworkId } from '../../src/shared/networks.ts';
import { ProviderError, type ConnectableAccount, type OAuthProvider, type Profile, type TokenSet } from '../../src/server/providers/provider.ts';

/** One account the consenting person manages (a Page, say), as the picker will list it. */
export type OfferedAccount = { externalId: string; displayName: string; username?: string | null; avatarUrl?: string | null; note?: string | null };

export type MultiAccountProvider = OAuthProvider & {
  /** The accounts the next consent covers (an empty list: the person manages none). */
  setAccounts(accounts: OfferedAccount[]): void;
  /** Every token handed to Herald, so a test can check none of them shows up where it must not. */
  issuedTokens(): string[];
  revokedTokens(): string[];
  /** The person who consents: what each account's `ownerExternalId` names. */
  readonly ownerExternalId: string;
};

/**
 * A network-neutral OAuth provider whose one consent covers several accounts, each with its own
 * token, for tests of the account picker. It lives in memory: its consent page is Herald's own
 * callback with a code already in it (the person always agrees), so a test client or a browser
 * just follows `authorizationUrl`. It is injected with `startTestHerald({ providers })` under the id
 * of any network that connects through OAuth on a single host.
 */
export function createMultiAccountProvider(network: NetworkId, options: { accounts: OfferedAccount[]; scopes?: string[]; ownerExternalId?: string }): MultiAccountProvider {
  let accounts = options.accounts;
  const ownerExternalId = options.ownerExternalId ?? 'person-1';
  // By default every scope the network asks for, so no feature shows as switched off.
  const scopes = options.scopes ?? [...networks[network].scopes];
  const codes = new Set<string>();
  // token → whose it is: the person (null) or one of their accounts.
  const tokens = new Map<string, OfferedAccount | null>();
  const revoked: string[] = [];
  const issue = (prefix: string, account: OfferedAccount | null) => {
    const token = `${prefix}-${crypto.randomBytes(12).toString('hex')}`;
    tokens.set(token, account);
    return token;
  };
  const profileOf = (account: OfferedAccount): Profile => ({
    externalId: account.externalId,
    username: account.username ?? null,
    displayName: account.displayName,
    avatarUrl: account.avatarUrl ?? null,
    ownerExternalId,
  });
  const known = (token: string) => {
    if (!tokens.has(token) || revoked.includes(token)) throw new ProviderError('auth', network, 'The token is unknown or revoked');
    return tokens.get(token)!;
  };

  return {
    network,
    connect: 'oauth',
    revokes: 'access',
    ownerExternalId,
    async authorizationUrl({ state, redirectUri }) {
      const code = crypto.randomBytes(12).toString('hex');
      codes.add(code);
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', state);
      return back.toString();
    },
    async exchangeCode({ code }): Promise<TokenSet & { externalId: string }> {
      if (!codes.delete(code)) throw new ProviderError('invalid', network, 'The authorization code is unknown or used');
      return { accessToken: issue('person-token', null), scopes, externalId: ownerExternalId };
    },
    async profile(accessToken) {
      const account = known(accessToken);
      return account ? profileOf(account) : { externalId: ownerExternalId, username: null, displayName: 'The person who consented', avatarUrl: null };
    },
    async accounts(personTokens): Promise<ConnectableAccount[]> {
      if (known(personTokens.accessToken)) throw new ProviderError('invalid', network, 'Accounts are listed with the person token');
      return accounts.map((account) => ({
        externalId: account.externalId,
        tokens: { accessToken: issue(`account-token-${account.externalId}`, account), scopes },
        profile: profileOf(account),
        note: account.note ?? null,
      }));
    },
    async revoke(token) {
      revoked.push(token);
    },
    setAccounts(next) {
      accounts = next;
    },
    issuedTokens: () => [...tokens.keys()],
    revokedTokens: () => [...revoked],
  };
}
