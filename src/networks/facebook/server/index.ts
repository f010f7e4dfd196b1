import { verifySignedRequest } from '../../meta-graph/signed-request.ts';
import type { NetworkCallback, NetworkServer } from '../../types.ts';
import { endpointsFrom } from './facebook.graph.ts';
import { createFacebookProvider } from './facebook.provider.ts';
import { createFacebookPublisher } from './facebook.publisher.ts';

/**
 * Meta's deauthorize and data deletion callbacks: a `signed_request` naming the Facebook user who
 * removed Herald or asked for deletion, signed with the app secret. Herald then ends that person's
 * Page channels (each channel keeps the person as its owner).
 */
const signedCallback =
  (kind: 'deauthorize' | 'data-deletion'): NetworkCallback =>
  async ({ config, fields }) => {
    if (!config.facebookAppSecret) return { ok: false, status: 400, message: 'Facebook is not configured on this Herald' };
    const signed = verifySignedRequest(fields.signed_request, config.facebookAppSecret);
    if (!signed) return { ok: false, status: 403, message: 'The signed_request is missing or its signature is not this app’s' };
    return { ok: true, kind, ownerExternalId: signed.userId };
  };

export const server: NetworkServer = {
  createProvider: (config) => createFacebookProvider(endpointsFrom(config)),
  createPublisher: (config) => createFacebookPublisher(endpointsFrom(config)),
  callbacks: { deauthorize: signedCallback('deauthorize'), 'data-deletion': signedCallback('data-deletion') },
};
