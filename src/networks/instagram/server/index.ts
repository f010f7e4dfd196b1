import { verifySignedRequest } from '../../meta-graph/signed-request.ts';
import type { NetworkCallback, NetworkServer } from '../../types.ts';
import { endpointsFrom } from './instagram.graph.ts';
import { createInstagramProvider } from './instagram.provider.ts';
import { createInstagramPublisher } from './instagram.publisher.ts';

/**
 * Meta's deauthorize and data deletion calls carry a signed_request signed with the app secret:
 * anything else is refused before Herald acts on it.
 */
const metaCallback =
  (kind: 'deauthorize' | 'data-deletion'): NetworkCallback =>
  async ({ config, fields }) => {
    const secret = config.instagramAppSecret;
    if (!secret) return { ok: false, status: 403, message: 'Instagram is not configured on this Herald' };
    if (!fields.signed_request) return { ok: false, status: 400, message: 'signed_request is missing' };
    const verified = verifySignedRequest(fields.signed_request, secret);
    if (!verified) return { ok: false, status: 401, message: 'signed_request is not signed by this app' };
    return { ok: true, kind, ownerExternalId: verified.userId };
  };

export const server: NetworkServer = {
  createProvider: (config) => createInstagramProvider(endpointsFrom(config)),
  createPublisher: (config) => createInstagramPublisher(endpointsFrom(config)),
  callbacks: { deauthorize: metaCallback('deauthorize'), 'data-deletion': metaCallback('data-deletion') },
};
