import crypto from 'node:crypto';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit, type RequestMeta } from '../audit/audit.service.ts';
import { AppError } from '../shared/errors.ts';
import { deletionStatusUrl, type NetworkCallbacks } from './network-callbacks.registry.ts';
import { createNetworkCallbacksRepository, type DeletionRequestRow } from './network-callbacks.repository.ts';

// A network tells Herald that a person removed the app (deauthorize) or asked for their data to be
// deleted. The grant is already gone at the network, so nothing is revoked there: Herald drops the
// tokens of every channel that person granted, in every workspace, and for a deletion purges the
// cached data at once instead of after the retention period.

export type NetworkCallbackDeps = {
  db: Db;
  config: Config;
  callbacks: NetworkCallbacks;
  publicOrigin: string;
  retentionDays: number;
  /** Keys the hash of the person's id kept with a deletion request (see ownerKeyFrom). */
  ownerKey: Buffer;
};

// Changing the label changes every hash, so old requests could no longer be matched to a person: keep it.
const OWNER_KEY_LABEL = 'herald/network-deletion-owner/v1';

/**
 * A key of its own, derived from the server secret: network user ids are short numbers, so an
 * unkeyed hash of one could be reversed by trying them all.
 */
export const ownerKeyFrom = (secret: string) => Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), OWNER_KEY_LABEL, 32));

const hashOwner = (key: Buffer, network: string, personId: string) => crypto.createHmac('sha256', key).update(`${network}:${personId}`).digest('base64url');

// Unguessable: the status page needs no session, so the code is all that protects it.
const newConfirmationCode = () => crypto.randomBytes(15).toString('base64url');

const unknownCallback = () => new AppError('network_callback.not_found', 404, 'No such network callback');

export type CallbackAnswer = { kind: 'deauthorize'; channelsDisconnected: number } | { kind: 'data-deletion'; url: string; confirmationCode: string };

export async function handleNetworkCallback(
  deps: NetworkCallbackDeps,
  request: { network: string; name: string; fields: Record<string, string> } & RequestMeta,
): Promise<CallbackAnswer> {
  // Own properties only: a name like `constructor` must not reach an object's prototype.
  const byName = Object.hasOwn(deps.callbacks, request.network) ? deps.callbacks[request.network] : undefined;
  const callback = byName && Object.hasOwn(byName, request.name) ? byName[request.name] : undefined;
  if (!callback) throw unknownCallback();
  const verdict = await callback({ config: deps.config, fields: request.fields });
  if (!verdict.ok) throw new AppError('network_callback.refused', verdict.status, verdict.message);
  const networks = [request.network, ...(await networksSharingTheApp(deps, request, verdict.ownerExternalId))];

  const now = new Date();
  const deleting = verdict.kind === 'data-deletion';
  const purgeAfter = deleting ? null : new Date(now.getTime() + deps.retentionDays * 24 * 60 * 60 * 1000);
  const code = deleting ? newConfirmationCode() : null;

  const disconnected = await deps.db.transaction(async (tx) => {
    const repo = createNetworkCallbacksRepository(tx);
    const matching = (await Promise.all(networks.map((network) => repo.channelsOfPerson(network, verdict.ownerExternalId)))).flat();
    const connected = matching.filter((c) => c.status !== 'disconnected');
    await repo.markDisconnected(connected.map((c) => c.id), 'deauthorized', now, purgeAfter);
    await repo.dropPendingRevocations(matching.map((c) => c.id));
    if (deleting) await repo.purgeCachedData(matching.map((c) => c.id), now);
    const audit = { actorUserId: null, ip: request.ip, userAgent: request.userAgent, entityType: 'channel' } as const;
    for (const channel of connected) {
      await recordAudit(tx, {
        ...audit,
        workspaceId: channel.workspaceId,
        entityId: channel.id,
        action: 'channel.deauthorized',
        // No revoke: the person already ended the grant at the network.
        changes: { status: { from: channel.status, to: 'disconnected' }, by: `network:${verdict.kind}`, revokedAtNetwork: false, purgeAfter: purgeAfter?.toISOString() ?? null },
      });
    }
    if (deleting) {
      for (const channel of matching) {
        await recordAudit(tx, { ...audit, workspaceId: channel.workspaceId, entityId: channel.id, action: 'channel.purged', changes: { by: 'network:data-deletion', fields: ['username', 'displayName', 'avatarUrl', 'avatar', 'limits', 'metrics', 'ownerExternalId'] } });
      }
      await repo.insertDeletionRequest({
        code: code!,
        network: request.network,
        kind: verdict.kind,
        ownerHash: hashOwner(deps.ownerKey, request.network, verdict.ownerExternalId),
        channelsAffected: matching.length,
        status: 'completed',
        requestedAt: now,
        completedAt: now,
      });
    }
    return connected.length;
  });

  if (deleting) return { kind: 'data-deletion', url: deletionStatusUrl(deps.publicOrigin, code!), confirmationCode: code! };
  return { kind: 'deauthorize', channelsDisconnected: disconnected };
}

/**
 * One Meta app can serve several of Herald's networks (Facebook Pages, and Instagram accounts
 * connected through Facebook Login), and Meta calls only the one URL pasted in that app's
 * settings. A call whose signature another network's callback of the same name also accepts
 * came from that network's app too (the signature is keyed by the app secret), so the person's
 * channels there end with it.
 */
async function networksSharingTheApp(deps: NetworkCallbackDeps, request: { network: string; name: string; fields: Record<string, string> }, ownerExternalId: string): Promise<string[]> {
  const others = Object.entries(deps.callbacks).filter(([network, byName]) => network !== request.network && byName && Object.hasOwn(byName, request.name));
  const verdicts = await Promise.all(others.map(async ([network, byName]) => ({ network, verdict: await byName![request.name]!({ config: deps.config, fields: request.fields }) })));
  return verdicts.filter(({ verdict }) => verdict.ok && verdict.ownerExternalId === ownerExternalId).map(({ network }) => network);
}

/** What the public status page shows: nothing that names the person. */
export type DeletionStatus = Pick<DeletionRequestRow, 'code' | 'network' | 'status' | 'requestedAt' | 'completedAt' | 'channelsAffected'>;

export async function deletionStatus(db: Db, code: string): Promise<DeletionStatus> {
  const row = await createNetworkCallbacksRepository(db).findDeletionRequest(code);
  if (!row) throw new AppError('network_deletion.not_found', 404, 'No deletion request with this confirmation code');
  return { code: row.code, network: row.network, status: row.status, requestedAt: row.requestedAt, completedAt: row.completedAt, channelsAffected: row.channelsAffected };
}
