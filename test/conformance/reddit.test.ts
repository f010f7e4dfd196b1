import { describeNetworkConformance } from './network-conformance.ts';
import { redditKit } from '../fakes/reddit/conformance-kit.ts';

describeNetworkConformance(redditKit);
