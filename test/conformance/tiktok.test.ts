import { describeNetworkConformance } from './network-conformance.ts';
import { tiktokKit } from '../fakes/tiktok/conformance-kit.ts';

describeNetworkConformance(tiktokKit);
