import { describe, expect, it } from 'vitest';
import { ProviderError, type ProviderErrorKind } from '../../providers/provider.ts';
import { deliveryErrorCode, providerErrorToAppError } from './provider-errors.ts';

const error = (kind: ProviderErrorKind, code?: string) => new ProviderError(kind, 'tiktok', `a ${kind} failure`, code, { scope: kind === 'scope' ? 'video.publish' : undefined });
const mapped = (kind: ProviderErrorKind, stage: 'connect' | 'use', code?: string) => {
  const app = providerErrorToAppError(error(kind, code), stage);
  return [app.code, app.status];
};

describe('one mapping from network failures to Herald error codes', () => {
  it('connecting: what the user gave or allowed is 400, a failing network 502', () => {
    expect(mapped('invalid', 'connect')).toEqual(['channel.connect_failed', 400]);
    expect(mapped('auth', 'connect')).toEqual(['channel.connect_failed', 400]);
    expect(mapped('denied', 'connect')).toEqual(['channel.credentials_rejected', 400]);
    expect(mapped('transient', 'connect')).toEqual(['channel.network_unavailable', 502]);
    expect(mapped('invalid', 'connect', 'not_mastodon')).toEqual(['channel.not_mastodon', 400]);
    expect(mapped('invalid', 'connect', 'bad_answer')).toEqual(['channel.connect_failed', 400]);
  });

  it('using a stored token: a rejected token needs a reconnect, a missing permission is named', () => {
    expect(mapped('auth', 'use')).toEqual(['channel.needs_reauth', 409]);
    expect(mapped('transient', 'use')).toEqual(['channel.network_unavailable', 502]);
    expect(mapped('invalid', 'use')).toEqual(['channel.network_refused', 502]);
    const scope = providerErrorToAppError(error('scope', 'scope_not_authorized'), 'use');
    expect(scope).toMatchObject({ code: 'channel.scope_missing', status: 409, details: { scope: 'video.publish', reason: 'scope_not_authorized' } });
  });

  it('deliveries fail with Herald codes for auth and scope, and the network’s own code otherwise', () => {
    expect(deliveryErrorCode(error('auth'))).toBe('channel.needs_reauth');
    expect(deliveryErrorCode(error('scope', 'scope_not_authorized'))).toBe('channel.scope_missing');
    expect(deliveryErrorCode(error('invalid', 'spam_risk_too_many_posts'))).toBe('spam_risk_too_many_posts');
  });
});
