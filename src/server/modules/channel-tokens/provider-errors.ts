import { networks } from '../../../shared/networks.ts';
import type { ProviderError } from '../../providers/provider.ts';
import { AppError } from '../shared/errors.ts';

/**
 * Codes a provider may name when connecting fails for a reason the user can act on (a Mastodon
 * server name that is wrong, private or unreachable): they become `channel.<code>`.
 */
const connectCodes = new Set(['instance_unreachable', 'not_mastodon', 'instance_not_public', 'app_registration_failed']);

/**
 * The one translation of a network's failure into Herald's error codes, for every route that
 * talks to a network. `connect`: the user is connecting an account (consent page, code exchange,
 * sign-in, first profile read); `use`: Herald calls the network with a stored token.
 *
 * | kind      | connect                                  | use                              |
 * |-----------|------------------------------------------|----------------------------------|
 * | transient | 502 channel.network_unavailable          | 502 channel.network_unavailable  |
 * | invalid   | 400 channel.connect_failed (or its code) | 502 channel.network_refused      |
 * | denied    | 400 channel.credentials_rejected         | 400 channel.credentials_rejected |
 * | auth      | 400 channel.connect_failed               | 409 channel.needs_reauth         |
 * | scope     | 409 channel.scope_missing                | 409 channel.scope_missing        |
 *
 * 400 means what the user gave or consented to was not enough; 502 that the network failed.
 */
export function providerErrorToAppError(error: ProviderError, stage: 'connect' | 'use', details: Record<string, unknown> = {}): AppError {
  const answer = appErrorOf(error, stage, details);
  // The network's refusal keeps its words, so the answer is said in the reader's language.
  answer.words = error.words;
  return answer;
}

function appErrorOf(error: ProviderError, stage: 'connect' | 'use', details: Record<string, unknown>): AppError {
  const withReason = { reason: error.code ?? null, ...details };
  switch (error.kind) {
    case 'transient':
      return new AppError('channel.network_unavailable', 502, error.message, withReason);
    case 'scope':
      return new AppError('channel.scope_missing', 409, error.message, { ...withReason, scope: error.scope ?? null });
    case 'denied':
      return new AppError('channel.credentials_rejected', 400, error.message, withReason);
    case 'auth':
      return stage === 'use' ? new AppError('channel.needs_reauth', 409, error.message, withReason) : new AppError('channel.connect_failed', 400, error.message, withReason);
    case 'invalid':
      if (stage === 'use') return new AppError('channel.network_refused', 502, error.message, withReason);
      return new AppError(error.code && connectCodes.has(error.code) ? `channel.${error.code}` : 'channel.connect_failed', 400, error.message, withReason);
  }
}

/** The delivery error code of a failure the engine does not retry (auth and scope have Herald's own codes). */
export function deliveryErrorCode(error: ProviderError): string {
  if (error.kind === 'auth' || error.kind === 'scope') return providerErrorToAppError(error, 'use').code;
  return error.code ?? error.kind;
}

/** How a missing permission reads to the person who must grant it on reconnect. */
export function missingScopeMessage(network: keyof typeof networks, scope: string, what: string): string {
  const label = networks[network].label;
  return `${label} did not give Herald the "${scope}" permission, which ${what} needs. Connect the account again on the Channels page and allow "${scope}".`;
}
