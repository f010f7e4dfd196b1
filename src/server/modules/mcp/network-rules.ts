import { z } from 'zod';
import { defaultSettings, networks, type NetworkId } from '../../../networks/index.ts';
import { defaultMediaKinds, type ChannelLimits } from '../../../networks/rules.ts';

/**
 * A network's publishing rules as an assistant needs them before writing a post, read from the
 * network's descriptor (the same rules every save is checked against). `limits`: the channel's own
 * (a Mastodon instance's text limit, TikTok's creator info), which some rules depend on.
 */
export function networkRulesSummary(network: NetworkId, limits: ChannelLimits = {}) {
  const descriptor = networks[network];
  const rules = descriptor.rules;
  const text = rules.textLimit(limits);
  return {
    network,
    label: descriptor.label,
    text: {
      maxLength: text.max,
      countedIn: text.unit,
      maxBytes: rules.maxTextBytes ?? null,
      required: !rules.needsMedia,
    },
    media: {
      maxFiles: rules.maxMedia(limits),
      kinds: [...(rules.mediaKinds ?? defaultMediaKinds)],
      required: rules.needsMedia,
      fileChecks: `Size, duration and format of each file are checked when the post is saved; a validation_failed error names every problem (e.g. "${descriptor.label}: videos must be MP4").`,
    },
    supportsThreads: rules.replyChains,
    firstComment: rules.firstComment,
    settings: {
      defaults: defaultSettings(network),
      schema: z.toJSONSchema(rules.settings, { io: 'input', unrepresentable: 'any' }),
    },
    minSecondsBetweenPosts: descriptor.accountSpacingMs / 1000,
  };
}

export type NetworkRulesSummary = ReturnType<typeof networkRulesSummary>;

/** One line for the tool's text answer. */
export function rulesLine(rules: NetworkRulesSummary): string {
  const parts = [
    `${rules.label}: text up to ${rules.text.maxLength} ${rules.text.countedIn}${rules.text.maxBytes ? ` (and ${rules.text.maxBytes} bytes)` : ''}`,
    `${rules.media.required ? 'media required, ' : ''}up to ${rules.media.maxFiles} file(s) (${rules.media.kinds.join(', ')})`,
    rules.supportsThreads ? 'threads supported' : 'no threads',
    rules.firstComment ? 'first comment supported' : 'no first comment',
  ];
  return parts.join('; ');
}
