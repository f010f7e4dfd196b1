import { describeNetworkConformance } from './network-conformance.ts';
import { pinterestKit } from '../fakes/pinterest/conformance-kit.ts';

describeNetworkConformance(pinterestKit);
