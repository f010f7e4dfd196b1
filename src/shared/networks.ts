// What Herald knows about each network, as data shared by the server and the web app: built
// from the network folders (src/networks/<id>/descriptor.ts) listed in src/networks/index.ts.
export { descriptorOf, isNetworkId, missingFeatures, networkIds, networkLabel, networks, type NetworkId } from '../networks/index.ts';
export type { Feature, NetworkInfo } from '../networks/types.ts';
