import { describeNetworkConformance } from './network-conformance.ts';
import { blueskyKit } from '../pds/conformance-kit.ts';

describeNetworkConformance(blueskyKit);
