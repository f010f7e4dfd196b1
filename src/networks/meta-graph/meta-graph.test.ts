import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { graphError, permissionNamed } from './graph-errors.ts';
import { verifySignedRequest } from './signed-request.ts';
import { assertUsageRoom, forgetUsage, noteUsage, readUsage, waitForUsage } from './usage.ts';

const sign = (payload: object, secret: string) => {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${crypto.createHmac('sha256', secret).update(encoded).digest('base64url')}.${encoded}`;
};
// The network id is only a tag here: any registered id will do.
const network = 'mastodon' as const;

describe('Graph errors', () => {
  it('tells an ended token apart by its subcode', () => {
    const error = graphError(network, 'Facebook', 400, { code: 190, error_subcode: 460, message: 'Error validating access token' });
    expect(error).toMatchObject({ kind: 'auth', code: 'graph_190_460' });
    expect(error.message).toContain('password was changed');
  });

  it('names the permission a permission error asks for, as a scope error', () => {
    const error = graphError(network, 'Facebook', 403, { code: 200, message: '(#200) Requires pages_manage_posts permission to manage the object' });
    expect(error).toMatchObject({ kind: 'scope', scope: 'pages_manage_posts' });
    expect(permissionNamed('(#10) Application does not have permission for this action')).toBeUndefined();
  });

  it('waits out throttles for the time the usage headers give, or an hour', () => {
    expect(graphError(network, 'Instagram', 400, { code: 80002 }, 12 * 60_000)).toMatchObject({ kind: 'transient', retryAfterMs: 12 * 60_000 });
    expect(graphError(network, 'Facebook', 400, { code: 4 })).toMatchObject({ kind: 'transient', retryAfterMs: 3_600_000 });
  });

  it("shows Meta's words for the person and flags duplicates", () => {
    const error = graphError(network, 'Instagram', 400, { code: 36003, error_subcode: 2207009, message: 'Invalid parameter', error_user_msg: 'The aspect ratio is not supported.' });
    expect(error).toMatchObject({ kind: 'invalid', code: 'graph_36003_2207009', message: 'Instagram: The aspect ratio is not supported.' });
    expect(graphError(network, 'Facebook', 400, { code: 506, message: 'Duplicate status message' })).toMatchObject({ kind: 'invalid', code: 'duplicate_post' });
    expect(graphError(network, 'Facebook', 500, { code: 2, message: 'Service temporarily unavailable', is_transient: true }).kind).toBe('transient');
  });
});

describe('usage headers', () => {
  it('reads the highest percentage of both headers and the time to regain access', () => {
    const headers = new Headers({
      'x-app-usage': JSON.stringify({ call_count: 12, total_time: 40, total_cputime: 9 }),
      'x-business-use-case-usage': JSON.stringify({ '1789': [{ type: 'pages', call_count: 93, total_cputime: 10, total_time: 20, estimated_time_to_regain_access: 0 }] }),
    });
    expect(readUsage(headers)).toEqual({ percent: 93, regainMs: null });
    expect(waitForUsage({ percent: 93, regainMs: null })).toBe(5 * 60_000);
    expect(waitForUsage({ percent: 40, regainMs: null })).toBe(0);
    expect(readUsage(new Headers())).toBeNull();
  });

  it('holds an account back before its budget runs out, and lets it go once usage is low again', () => {
    forgetUsage();
    const high = new Headers({ 'x-business-use-case-usage': JSON.stringify({ a: [{ type: 'instagram', call_count: 95, estimated_time_to_regain_access: 7 }] }) });
    noteUsage(network, 'acct', high, 0);
    expect(() => assertUsageRoom(network, 'Instagram', 'acct', 1000)).toThrow(expect.objectContaining({ kind: 'transient', retryAfterMs: 7 * 60_000 - 1000 }));
    noteUsage(network, 'acct', new Headers({ 'x-app-usage': JSON.stringify({ call_count: 10 }) }), 2000);
    expect(() => assertUsageRoom(network, 'Instagram', 'acct', 2000)).not.toThrow();
  });
});

describe('signed_request', () => {
  it('accepts the app\'s own signature and refuses forged, re-signed or malformed ones', () => {
    const good = sign({ algorithm: 'HMAC-SHA256', issued_at: 1700000000, user_id: '10234' }, 'app-secret');
    expect(verifySignedRequest(good, 'app-secret')).toEqual({ userId: '10234', issuedAt: 1700000000 });
    expect(verifySignedRequest(good, 'other-secret')).toBeNull();
    const [signature] = good.split('.');
    const forged = `${signature}.${Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', user_id: '666' })).toString('base64url')}`;
    expect(verifySignedRequest(forged, 'app-secret')).toBeNull();
    expect(verifySignedRequest(sign({ algorithm: 'none', user_id: '1' }, 'app-secret'), 'app-secret')).toBeNull();
    for (const bad of [undefined, '', 'abc', 'a.b.c', '.', `${signature}.!!!`]) expect(verifySignedRequest(bad, 'app-secret')).toBeNull();
  });

  it('keeps a user id past 2^53 exact', () => {
    const encoded = Buffer.from('{"algorithm":"HMAC-SHA256","user_id":12345678901234567890}').toString('base64url');
    const signed = `${crypto.createHmac('sha256', 's').update(encoded).digest('base64url')}.${encoded}`;
    expect(verifySignedRequest(signed, 's')?.userId).toBe('12345678901234567890');
  });
});
