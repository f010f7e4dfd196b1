import { verifySignedRequest } from '../../meta-graph/signed-request.ts';
import type { NetworkCallback, NetworkServer } from '../../types.ts';
import { createThreadsProvider } from './threads.provider.ts';
import { createThreadsPublisher } from './threads.publisher.ts';

/**
 * Threads' uninstall and delete callbacks (App Dashboard › Threads use case) post a
 * signed_request signed with the Threads app secret, naming the Threads user whose grant ended.
 */
const signedCallback =
  (kind: 'deauthorize' | 'data-deletion'): NetworkCallback =>
  async ({ config, fields }) => {
    if (!config.threadsAppSecret) return { ok: false, status: 403, message: 'Threads is not configured on this Herald' };
    const verified = verifySignedRequest(fields.signed_request, config.threadsAppSecret);
    if (!verified) return { ok: false, status: 401, message: 'The signed_request is missing or its signature is not this app’s' };
    return { ok: true, kind, ownerExternalId: verified.userId };
  };

export const server: NetworkServer = {
  createProvider: (config) =>
    createThreadsProvider({
      appId: config.threadsAppId!,
      appSecret: config.threadsAppSecret!,
      authUrl: config.threadsAuthUrl,
      apiUrl: config.threadsApiUrl,
      refreshMinAgeMs: config.threadsRefreshMinAgeHours * 3_600_000,
    }),
  createPublisher: (config) => createThreadsPublisher({ apiUrl: config.threadsApiUrl }),
  callbacks: { deauthorize: signedCallback('deauthorize'), 'data-deletion': signedCallback('data-deletion') },
};
