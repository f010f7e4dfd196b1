import { englishOf } from '../server/i18n/stored-words.ts';
import { ProviderError, type ProviderErrorKind } from '../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../server/modules/notifications/notification-message.ts';
import type { NetworkId } from '../shared/networks.ts';
import type { ExistingCheck } from '../server/providers/publishing.ts';

// A network's error sentences are written once, as words (`network-<id>:errors.…`, or
// `networks:errors.…` for the ones several networks share): the ProviderError's English message
// is made from them, so a delivery's error can be told to each reader in their language and the
// English never changes. The network's own text (its API's message) is a value, as it was written.

/** Words of a network's error sentence; keys are fully namespaced, so they resolve nested anywhere. */
export const errorWords = (key: string, values?: MessageValues): MessageRef => (values ? { key, values } : { key });

/** The English of words, as a ProviderError message or a publisher's reason. */
export const englishOfError = (words: MessageRef): string => englishOf('networks', words);

/** A ProviderError whose message is its words' English. */
export function wordedError(
  kind: ProviderErrorKind,
  network: NetworkId,
  words: MessageRef,
  code?: string,
  extra: { retryAfterMs?: number; ambiguous?: boolean; scope?: string } = {},
): ProviderError {
  return new ProviderError(kind, network, englishOfError(words), code, { ...extra, words });
}

/** The network cannot tell whether a lost call created the post: the reason in words, its English made from them. */
export const unknownBecause = (words: MessageRef): Extract<ExistingCheck, { found: 'unknown' }> => ({ found: 'unknown', reason: englishOfError(words), words });

/**
 * The permission a call needed was not granted (the sentence every network shares): `label` the
 * network's name, `what` the call in that network's words.
 */
export const scopeMissingWords = (label: string, scope: string, what: string | MessageRef): MessageRef => errorWords('networks:errors.scopeMissing', { network: label, scope, what });
