import { describeNetworkConformance } from './network-conformance.ts';
import { facebookKit } from '../fakes/facebook/conformance-kit.ts';

describeNetworkConformance(facebookKit);
