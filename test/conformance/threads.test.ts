import { describeNetworkConformance } from './network-conformance.ts';
import { threadsKit } from '../fakes/threads/conformance-kit.ts';

describeNetworkConformance(threadsKit);
