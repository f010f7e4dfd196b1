import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../server/config/config.ts';
import { normaliseFacebookScopes } from './instagram.provider.ts';
import { server } from './index.ts';

const sign = (payload: object, secret: string) => {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${crypto.createHmac('sha256', secret).update(encoded).digest('base64url')}.${encoded}`;
};
const config = { instagramAppSecret: 'app-secret' } as Config;

describe("Meta's deauthorize and data deletion calls for Instagram", () => {
  it('name the person whose grant ended when the signature is the app’s', async () => {
    const signed = sign({ algorithm: 'HMAC-SHA256', issued_at: 1_760_000_000, user_id: '17841400000000001' }, 'app-secret');
    expect(await server.callbacks!.deauthorize!({ config, fields: { signed_request: signed } })).toEqual({ ok: true, kind: 'deauthorize', ownerExternalId: '17841400000000001' });
    expect(await server.callbacks!['data-deletion']!({ config, fields: { signed_request: signed } })).toMatchObject({ ok: true, kind: 'data-deletion' });
  });

  it('refuse a forged or missing signature, and answer nothing when Instagram is not configured', async () => {
    const forged = sign({ algorithm: 'HMAC-SHA256', user_id: '17841400000000001' }, 'someone-else');
    expect(await server.callbacks!['data-deletion']!({ config, fields: { signed_request: forged } })).toMatchObject({ ok: false, status: 401 });
    expect(await server.callbacks!.deauthorize!({ config, fields: {} })).toMatchObject({ ok: false, status: 400 });
    expect(await server.callbacks!.deauthorize!({ config: {} as Config, fields: { signed_request: forged } })).toMatchObject({ ok: false, status: 403 });
  });
});

describe('Facebook Login permissions', () => {
  it('are recorded under the Instagram Login names, the basic one only with both Page permissions', () => {
    expect(normaliseFacebookScopes(['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement', 'instagram_manage_insights'])).toEqual([
      'instagram_business_basic',
      'instagram_business_content_publish',
      'instagram_business_manage_insights',
    ]);
    expect(normaliseFacebookScopes(['instagram_basic', 'instagram_content_publish'])).toEqual(['instagram_business_content_publish']);
  });
});
