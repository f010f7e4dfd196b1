import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheAvatar } from '../../src/server/modules/channels/avatar-cache.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

const MB = 1024 * 1024;

// Channel avatars are copied from URLs the networks (and so their users) choose: the copy is
// read with a byte cap while streaming, and goes through the same address check as every call.
describe('channel avatar copies', () => {
  let h: TestHerald;
  let server: http.Server;
  let origin: string;
  let requests = 0;
  let sent = 0;
  beforeAll(async () => {
    // Mastodon's allow-http setting (tests, demo) lets its avatars come from loopback; Bluesky's is off.
    h = await startTestHerald({ env: { HERALD_MASTODON_ALLOW_HTTP: 'true' } });
    server = http.createServer((req, res) => {
      requests += 1;
      // A 300 MB "image", produced as fast as the client takes it and never held in memory here.
      res.writeHead(200, { 'content-type': 'image/png' });
      const chunk = crypto.randomBytes(64 * 1024);
      const pump = () => {
        while (!res.destroyed && sent < 300 * MB) {
          sent += chunk.length;
          if (!res.write(chunk)) return;
        }
        if (sent >= 300 * MB) res.end();
      };
      res.on('drain', pump);
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await h?.close();
  });

  it('stops reading a 300 MB avatar after 1 MB, quickly and without growing the process', async () => {
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const stored = await cacheAvatar(h.herald.database.db, { id: crypto.randomUUID(), network: 'mastodon', instance: origin, avatarUrl: `http://${origin}/avatars/huge.png` });
    const took = Date.now() - started;
    const grew = process.memoryUsage().rss - rssBefore;
    expect(stored).toBe(false);
    expect(requests).toBe(1);
    expect(took).toBeLessThan(3000);
    expect(grew).toBeLessThan(50 * MB);
    // The connection was closed at the cap: the server never got to send the rest.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toBeLessThan(50 * MB);
  });

  it("checks the address of an avatar on the channel's own server too", async () => {
    const before = requests;
    const pds = `http://${origin}`;
    const stored = await cacheAvatar(h.herald.database.db, { id: crypto.randomUUID(), network: 'bluesky', instance: pds, avatarUrl: `${pds}/xrpc/com.atproto.sync.getBlob?did=did:plc:x&cid=y` });
    expect(stored).toBe(false);
    expect(requests).toBe(before);
  });
});
