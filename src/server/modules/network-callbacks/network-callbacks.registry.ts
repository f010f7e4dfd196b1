import type { Config } from '../../config/config.ts';
import { enabledNetworks } from '../../../networks/index.ts';
import { serverParts } from '../../../networks/server.ts';
import type { NetworkCallback } from '../../../networks/types.ts';

/**
 * The calls networks make to Herald, by network id then callback name, for the networks this
 * instance offers. A disabled network's callbacks are not served: its channels cannot be connected
 * here, and an open endpoint would only be something to probe.
 */
export type NetworkCallbacks = Readonly<Partial<Record<string, Readonly<Record<string, NetworkCallback>>>>>;

export function networkCallbacksOf(config: Config): NetworkCallbacks {
  return Object.fromEntries(enabledNetworks(config).flatMap((id) => (serverParts[id].callbacks ? [[id, serverParts[id].callbacks]] : [])));
}

/** Where a network must send one of its calls: the URL the operator pastes into the network's app settings. */
export const networkCallbackUrl = (publicOrigin: string, network: string, name: string) =>
  `${publicOrigin}/api/v1/networks/${encodeURIComponent(network)}/callbacks/${encodeURIComponent(name)}`;

/** The status page a data deletion request's confirmation points to. */
export const deletionStatusUrl = (publicOrigin: string, code: string) => `${publicOrigin}/networks/deletion/${encodeURIComponent(code)}`;

/** Every callback URL of every network that declares callbacks, for /privacy and the operator docs. */
export function callbackUrls(callbacks: NetworkCallbacks, publicOrigin: string): { network: string; name: string; url: string }[] {
  return Object.entries(callbacks).flatMap(([network, byName]) => Object.keys(byName ?? {}).map((name) => ({ network, name, url: networkCallbackUrl(publicOrigin, network, name) })));
}
