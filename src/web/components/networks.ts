import { networks, type NetworkId } from '../../shared/networks.ts';

/** Whether Herald knows this network (a channel or delivery may name one this build does not). */
export const isNetwork = (value: string): value is NetworkId => Object.hasOwn(networks, value);

/** The network's name as users know it ("TikTok"); its id for a network this build does not know. */
export const networkLabel = (network: string): string => (isNetwork(network) ? networks[network].label : network);
