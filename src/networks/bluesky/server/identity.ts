import type { BlueskyIdentifier } from '../identifier.ts';
import { requestJson } from '../../../server/providers/http.ts';
import { wordedError } from '../../error-words.ts';
import { blueskyWords } from './bluesky.video.ts';

const network = 'bluesky' as const;

export type IdentitySettings = {
  /** Service that resolves handles to DIDs (com.atproto.identity.resolveHandle). */
  resolverUrl: string;
  /** PLC directory that serves did:plc documents. */
  plcUrl: string;
  /** Local test PDSes and the offline demo live on plain http and loopback addresses. */
  allowLocal: boolean;
};

type DidDocument = {
  id?: string;
  alsoKnownAs?: string[];
  service?: { id?: string; type?: string; serviceEndpoint?: unknown }[];
};

async function resolveHandle(settings: IdentitySettings, handle: string): Promise<string> {
  const url = new URL('/xrpc/com.atproto.identity.resolveHandle', settings.resolverUrl);
  url.searchParams.set('handle', handle);
  const { status, body } = await requestJson(network, url.toString(), { headers: { accept: 'application/json' }, allowPrivate: settings.allowLocal });
  const did = (body as { did?: unknown } | null)?.did;
  if (status !== 200 || typeof did !== 'string' || !did.startsWith('did:')) {
    throw wordedError('invalid', network, blueskyWords('identity.noHandle', { handle }), 'handle_not_found');
  }
  return did;
}

async function didDocument(settings: IdentitySettings, did: string): Promise<DidDocument> {
  let url: string;
  if (did.startsWith('did:plc:')) url = new URL(`/${did}`, settings.plcUrl).toString();
  else {
    const host = decodeURIComponent(did.slice('did:web:'.length));
    url = `${settings.allowLocal ? 'http' : 'https'}://${host}/.well-known/did.json`;
  }
  // A did:web host is whatever the identifier names: its address is checked when connecting to it.
  const { status, body } = await requestJson(network, url, { headers: { accept: 'application/json' }, allowPrivate: settings.allowLocal });
  const doc = body as DidDocument | null;
  if (status !== 200 || doc?.id !== did) throw wordedError('invalid', network, blueskyWords('identity.notFound', { did }), 'did_not_found');
  return doc;
}

/**
 * Handle or DID → the account's DID and the origin of its PDS (where its repository, sessions
 * and blobs live). A handle must be claimed back by the DID document, or anyone could point a
 * handle at someone else's account.
 */
export async function resolveAccount(settings: IdentitySettings, identifier: BlueskyIdentifier): Promise<{ did: string; pds: string }> {
  const did = identifier.kind === 'did' ? identifier.did : await resolveHandle(settings, identifier.handle);
  const doc = await didDocument(settings, did);
  if (identifier.kind === 'handle' && !(doc.alsoKnownAs ?? []).includes(`at://${identifier.handle}`)) {
    throw wordedError('invalid', network, blueskyWords('identity.unconfirmed', { handle: identifier.handle }), 'handle_mismatch');
  }
  const service = (doc.service ?? []).find((s) => (s.id === '#atproto_pds' || s.id === `${did}#atproto_pds`) && s.type === 'AtprotoPersonalDataServer');
  const endpoint = typeof service?.serviceEndpoint === 'string' ? service.serviceEndpoint : null;
  let pds: URL;
  try {
    pds = new URL(endpoint ?? '');
  } catch {
    throw wordedError('invalid', network, blueskyWords('identity.noPds', { did }), 'pds_missing');
  }
  // The PDS's address is checked by every call made to it (guardedFetch), not once here.
  if (!settings.allowLocal && pds.protocol !== 'https:') throw wordedError('invalid', network, blueskyWords('identity.insecure', { host: pds.host }), 'pds_insecure');
  return { did, pds: pds.origin };
}
