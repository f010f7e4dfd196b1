import { describeNetworkConformance } from './network-conformance.ts';
import { mastodonKit } from '../fakes/mastodon/conformance-kit.ts';

describeNetworkConformance(mastodonKit);
