import { describe, expect, it } from 'vitest';
import { assertPublicHost } from './public-host.ts';

describe('assertPublicHost', () => {
  it('refuses loopback, private and link-local addresses, with or without a port', async () => {
    for (const host of ['127.0.0.1', '127.0.0.1:8080', '10.1.2.3', '172.20.0.5', '192.168.1.1', '169.254.169.254', 'localhost', '::1', '[::1]:443', '::ffff:127.0.0.1']) {
      await expect(assertPublicHost('mastodon', host), host).rejects.toThrow(/private address/);
    }
  });

  it('accepts public addresses', async () => {
    await expect(assertPublicHost('mastodon', '93.184.215.14')).resolves.toBeUndefined();
    await expect(assertPublicHost('mastodon', '2606:4700::6810:84e5')).resolves.toBeUndefined();
  });
});
