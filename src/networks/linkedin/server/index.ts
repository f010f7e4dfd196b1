import type { NetworkServer } from '../../types.ts';
import { endpointsFrom } from './linkedin-api.ts';
import { createLinkedInProvider } from './linkedin.provider.ts';
import { createLinkedInPublisher } from './linkedin.publisher.ts';

export const server: NetworkServer = {
  createProvider: (config) => createLinkedInProvider(endpointsFrom(config)),
  createPublisher: (config) => createLinkedInPublisher(endpointsFrom(config)),
};
