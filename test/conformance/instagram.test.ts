import { describeNetworkConformance } from './network-conformance.ts';
import { instagramFacebookKit, instagramKit } from '../fakes/instagram/conformance-kit.ts';

// Both of Meta's logins: the operator picks one (HERALD_INSTAGRAM_LOGIN), each must keep every promise.
describeNetworkConformance(instagramKit);
describeNetworkConformance(instagramFacebookKit);
