// THE list of networks Herald knows: one line per network folder. Everything else (server
// registry, web registry, config, policy pages, engine) is built from it.
import { bluesky } from './bluesky/descriptor.ts';
import { facebook } from './facebook/descriptor.ts';
import { instagram } from './instagram/descriptor.ts';
import { linkedin } from './linkedin/descriptor.ts';
import { mastodon } from './mastodon/descriptor.ts';
import { pinterest } from './pinterest/descriptor.ts';
import { reddit } from './reddit/descriptor.ts';
import { threads } from './threads/descriptor.ts';
import { tiktok } from './tiktok/descriptor.ts';
import { x } from './x/descriptor.ts';
import { youtube } from './youtube/descriptor.ts';
import type { Feature, NetworkInfo, PolicySentence, SettingValues, SharedConfigValues } from './types.ts';

export const descriptors = [tiktok, mastodon, bluesky, instagram, facebook, threads, linkedin, youtube, pinterest, reddit, x] as const;

type Descriptor = (typeof descriptors)[number];
export type NetworkId = Descriptor['id'];
export const networkIds = descriptors.map((d) => d.id) as [NetworkId, ...NetworkId[]];

export const networks = Object.fromEntries(descriptors.map((d) => [d.id, d])) as { [D in Descriptor as D['id']]: D };

export const isNetworkId = (value: string): value is NetworkId => Object.hasOwn(networks, value);

/** The descriptor of a stored network id; undefined for one this Herald no longer knows. */
export const descriptorOf = (id: string): Descriptor | undefined => (isNetworkId(id) ? networks[id] : undefined);

export const networkLabel = (id: string): string => descriptorOf(id)?.label ?? id;

/** Features that cannot work with the scopes the user actually granted. */
export function missingFeatures(network: NetworkId, granted: readonly string[]): Feature[] {
  const have = new Set(granted);
  return (Object.entries(networks[network].featureScopes) as [Feature, readonly string[]][])
    .filter(([, needed]) => needed.some((s) => !have.has(s)))
    .map(([feature]) => feature);
}

/** A post's settings with every default filled in: the composer starts from these, the API applies them. */
export const defaultSettings = (network: NetworkId): Record<string, unknown> => networks[network].rules.settings.parse({});

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
/** Every network's configuration settings, under the names they have in the server's Config. */
export type NetworkSettingsTable = UnionToIntersection<Descriptor['settings']>;
export type NetworkConfigValues = UnionToIntersection<SettingValues<Descriptor['settings']>>;
export const networkSettings = Object.assign({}, ...descriptors.map((d) => d.settings)) as NetworkSettingsTable;

/**
 * THE answer to "does this instance offer this network?": not turned off by the operator
 * (HERALD_NETWORKS_DISABLED) and enabled by its own configuration.
 */
export function isNetworkEnabled(id: NetworkId, config: NetworkConfigValues & { networksDisabled: readonly string[] }): boolean {
  if (config.networksDisabled.includes(id)) return false;
  return (networks[id].enabled as (values: NetworkConfigValues) => boolean)(config);
}

/** What each enabled network contacts besides its own API, for /privacy. */
export const outgoingConnections = (config: NetworkConfigValues & SharedConfigValues & { networksDisabled: readonly string[] }) =>
  enabledNetworks(config).flatMap((id) => ((networks[id] as { outgoing?: (c: unknown) => PolicySentence[] }).outgoing?.(config) ?? []).map((sentence) => ({ network: id, sentence })));

export const enabledNetworks = (config: NetworkConfigValues & { networksDisabled: readonly string[] }): NetworkId[] => networkIds.filter((id) => isNetworkEnabled(id, config));

export type { Feature, NetworkInfo };
