import { describeNetworkConformance } from './network-conformance.ts';
import { xKit } from '../fakes/x/conformance-kit.ts';

describeNetworkConformance(xKit);
