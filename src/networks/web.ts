// The web registry: every folder's `web/index.ts(x)`, found by Vite at build time and keyed by
// folder name, so adding a network adds no line here.
import type { NetworkWeb } from './web-types.ts';

const modules = import.meta.glob<{ web: NetworkWeb }>('./*/web/index.{ts,tsx}', { eager: true });

export const networkWebs: ReadonlyMap<string, NetworkWeb> = new Map(
  Object.entries(modules).map(([path, module]) => [path.split('/')[1]!, module.web]),
);

/** The web part of a network, or undefined for a network this build does not know. */
export const networkWeb = (network: string): NetworkWeb | undefined => networkWebs.get(network);
