// The channel-token lifecycle's public surface: other modules import from here, never from the
// files behind it.
export {
  markChannelStatus,
  noticeAccessEnding,
  refreshChannel,
  tokenSealContext,
  withChannelToken,
  type ChannelStatus,
  type RefreshCondition,
  type RefreshOutcome,
  type TokenDeps,
} from './channel-tokens.ts';
export { deliveryErrorCode, missingScopeMessage, providerErrorToAppError } from './provider-errors.ts';
export { reasonAsStored, sayStatusReason, statusReasonValue, storedReason, type StatusReason } from './status-reason.ts';
