import { describeNetworkConformance } from './network-conformance.ts';
import { instagramKit } from '../fakes/instagram/conformance-kit.ts';

describeNetworkConformance(instagramKit);
