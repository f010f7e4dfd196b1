import type { Language } from '../../../shared/languages.ts';
import { englishOf, sayStored, type StoredReason, type StoredWords } from '../../i18n/stored-words.ts';
import type { channels } from '../../db/schema/index.ts';
import type { ProviderError } from '../../providers/provider.ts';
import { ref, type MessageValues } from '../notifications/notification-message.ts';

// Why a channel is in its status, kept as its English (API clients, the audit log, webhooks) and
// its words, said in each reader's language when the Channels page, the agency view, a pre-flight
// notice or the export reads it. Keys name their namespace (`status:…`, `network-<id>:…`), so the
// same words can sit inside a notification or a delivery's error and still be found.

type ChannelRow = typeof channels.$inferSelect;

/** A status reason: its English as stored, and its words (null: the network's own text, said as it is). */
export type StatusReason = StoredReason;

/** Words of the server's `status` namespace, named with it so they resolve from any namespace. */
export const statusWords = (key: string, values?: MessageValues): StoredWords => ref(`status:${key}`, values);

/** A reason built from Herald's own words: its English is those words said in English. */
export const reasonOf = (words: StoredWords): StatusReason => ({ message: englishOf('status', words), words });

/** A network's refusal as a reason: its English as the network's code wrote it, and its words when it carries them. */
export const reasonOfError = (error: ProviderError): StatusReason => ({ message: error.message, words: error.words ?? null });

/** "<reason>: connect the account again", the reason's own words kept inside. */
export function reconnectBecause(reason: StatusReason): StatusReason {
  const english = englishOf('status', statusWords('channel.reconnectBecause', { reason: reason.message }));
  return { message: english, words: statusWords('channel.reconnectBecause', { reason: reason.words ?? reason.message }) };
}

/** The columns that store a reason (all null when the channel has none). */
export const storedReason = (reason: StatusReason | null) => ({
  statusReason: reason?.message ?? null,
  statusReasonKey: reason?.words?.key ?? null,
  statusReasonValues: reason?.words?.values ?? null,
});

/** A marker or a network's text stored without words ('revoke_pending', 'deauthorized'): shown as stored. */
export const reasonAsStored = (message: string | null) => storedReason(message === null ? null : { message, words: null });

/** The channel's status reason in `language`: its words when it has them, else its English as stored. */
export const sayStatusReason = (row: Pick<ChannelRow, 'statusReason' | 'statusReasonKey' | 'statusReasonValues'>, language: Language): string | null =>
  sayStored('status', { message: row.statusReason, key: row.statusReasonKey, values: row.statusReasonValues }, language);

/** The stored reason as a value of another message (a notification): its words, or its English as stored. */
export const statusReasonValue = (row: Pick<ChannelRow, 'statusReason' | 'statusReasonKey' | 'statusReasonValues'>): StoredWords | string | null =>
  row.statusReasonKey ? ref(row.statusReasonKey, row.statusReasonValues ?? undefined) : row.statusReason;
