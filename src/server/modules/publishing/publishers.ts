import type { NetworkId } from '../../../shared/networks.ts';
import type { Config } from '../../config/config.ts';
import { createBlueskyPublisher } from '../../providers/bluesky/bluesky.publisher.ts';
import { createMastodonPublisher } from '../../providers/mastodon/mastodon.publisher.ts';
import { createTikTokPublisher } from '../../providers/tiktok/tiktok.publisher.ts';
import type { Publishers } from './engine.ts';

/** The publishing side of each network this instance offers (the same networks as its providers). */
export function createPublishers(config: Config, enabled: { tiktok: boolean }): Publishers {
  return {
    mastodon: createMastodonPublisher({ allowHttp: config.mastodonAllowHttp }),
    bluesky: createBlueskyPublisher({ allowLocal: config.blueskyAllowHttp }),
    ...(enabled.tiktok ? { tiktok: createTikTokPublisher({ apiUrl: config.tiktokApiUrl }) } : {}),
  };
}

/**
 * Networks whose publisher has the network download media from a link (the web process serves
 * those links but runs no publisher, so it asks the publishers' own flag, not a list of names).
 */
export function networksPullingMedia(config: Config): NetworkId[] {
  return Object.values(createPublishers(config, { tiktok: true }))
    .filter((publisher) => publisher.pullsMediaFromUrl)
    .map((publisher) => publisher.network);
}
