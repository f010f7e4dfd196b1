// The server registry: each network folder's server part, found by the ids in index.ts (no
// second list). Loaded once when this module is first imported.
import type { Config } from '../server/config/config.ts';
import type { Db } from '../server/db/database.ts';
import type { Provider } from '../server/providers/provider.ts';
import type { Publisher } from '../server/providers/publishing.ts';
import type { SecretBox } from '../server/security/secret-box.ts';
import { isNetworkEnabled, isNetworkId, networkIds, networks, type NetworkId } from './index.ts';
import type { NetworkServer } from './types.ts';

export const serverParts = Object.fromEntries(
  await Promise.all(networkIds.map(async (id) => [id, ((await import(`./${id}/server/index.ts`)) as { server: NetworkServer }).server] as const)),
) as Record<NetworkId, NetworkServer>;

export type Providers = Partial<Record<NetworkId, Provider>>;
export type Publishers = Partial<Record<NetworkId, Publisher>>;

const enabledIds = (config: Config) => networkIds.filter((id) => isNetworkEnabled(id, config));

/** The connect side of each network this instance offers. */
export function createProviders(config: Config, deps: { db: Db; box: SecretBox }): Providers {
  return Object.fromEntries(enabledIds(config).map((id) => [id, serverParts[id].createProvider(config, deps)]));
}

/** The publishing side of each network this instance offers (the same networks as its providers). */
export function createPublishers(config: Config): Publishers {
  return Object.fromEntries(enabledIds(config).map((id) => [id, serverParts[id].createPublisher(config)]));
}

/**
 * Networks whose publisher has the network download media from a link (the web process serves
 * those links but runs no publisher, so it asks the publishers' own flag).
 */
export function networksPullingMedia(config: Config): NetworkId[] {
  return networkIds.filter((id) => serverParts[id].createPublisher(config).pullsMediaFromUrl);
}

/** Networks the operator let reach private addresses (local test networks, the offline demo). */
export const networksOnPrivateAddresses = (config: Config): NetworkId[] => networkIds.filter((id) => serverParts[id].allowsPrivateAddresses?.(config) ?? false);

/** The least time between two publishing calls for one account; a network Herald no longer knows gets 1 s. */
export const accountSpacingMs = (network: string): number => (isNetworkId(network) ? networks[network].accountSpacingMs : 1000);
