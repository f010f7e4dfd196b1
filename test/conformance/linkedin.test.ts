import { describeNetworkConformance } from './network-conformance.ts';
import { linkedinKit } from '../fakes/linkedin/conformance-kit.ts';

describeNetworkConformance(linkedinKit);
