import { describeNetworkConformance } from './network-conformance.ts';
import { youtubeKit } from '../fakes/youtube/conformance-kit.ts';

describeNetworkConformance(youtubeKit);
