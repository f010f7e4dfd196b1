import type { Config } from '../../../server/config/config.ts';
import { usageLedger } from '../../../server/modules/network-usage/network-usage.ts';
import type { NetworkServer } from '../../types.ts';
import { endpointsFrom, network } from './x-api.ts';
import { capsLeft } from './x-caps.ts';
import { createXProvider } from './x.provider.ts';
import { createXPublisher } from './x.publisher.ts';
import { checkCaps } from './x-schedule.ts';

// The caps this process was configured with, kept when the provider is made (at start) so the
// Channels page can say what is left of them.
let configured: Config | undefined;

export const server: NetworkServer = {
  createProvider: (config) => {
    configured = config;
    return createXProvider(endpointsFrom(config));
  },
  createPublisher: (config) => createXPublisher(endpointsFrom(config)),
  async usage({ db, channel }) {
    if (!configured) return [];
    return capsLeft(usageLedger(db, network), endpointsFrom(configured).caps, channel.externalId);
  },
  async checkSchedule({ db, channel, at, posts }) {
    if (!configured) return [];
    return checkCaps(db, endpointsFrom(configured).caps, { channel, at, posts });
  },
};
