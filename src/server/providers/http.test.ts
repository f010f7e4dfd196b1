import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNetworkJson, requestJson } from './http.ts';
import { ProviderError } from './provider.ts';
import { sayMessage } from '../modules/notifications/notification-message.ts';

const NB = '\u00a0';
/** What a French reader of the error is told. */
const inFrench = (error: unknown) => sayMessage('delivery', (error as ProviderError).words!, 'fr');

describe('parseNetworkJson', () => {
  it('keeps integers beyond 2^53 exact as strings and every other number as a number', () => {
    const parsed = parseNetworkJson('{"id":7493128377364417286,"ids":[7493128377364417287],"count":12,"safe":9007199254740991,"ratio":1.5,"negative":-9223372036854775808,"exp":1e3}');
    expect(parsed).toEqual({ id: '7493128377364417286', ids: ['7493128377364417287'], count: 12, safe: 9007199254740991, ratio: 1.5, negative: '-9223372036854775808', exp: 1000 });
  });

  it('reads answers without long numbers exactly as JSON.parse does, long digit runs inside strings included', () => {
    const text = '{"count":123456789012345,"text":"call 1234567890123456789 now","list":[1,2.5,-3],"nested":{"id":"7493128377364417286"}}';
    expect(parseNetworkJson(text)).toEqual(JSON.parse(text));
    const both = '{"text":"x:1234567890123456789","id":1234567890123456789}';
    expect(parseNetworkJson(both)).toEqual({ text: 'x:1234567890123456789', id: '1234567890123456789' });
  });

  it('refuses what is not JSON', () => {
    expect(() => parseNetworkJson('<html>')).toThrow();
  });
});

describe('requestJson', () => {
  let server: http.Server;
  let base: string;
  let streamed = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/endless') {
        // A JSON array that never ends, written as fast as the client reads it.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        const chunk = Buffer.from('1,'.repeat(32 * 1024));
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) streamed += chunk.length;
        };
        res.on('drain', pump);
        pump();
        return;
      }
      if (req.url === '/html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>Service page</html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":7493128377364417286}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('stops reading an answer past its byte cap with a clear error', async () => {
    const started = Date.now();
    const error = await requestJson('mastodon', `${base}/endless`, { allowPrivate: true, maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'answer_too_large', ambiguous: true });
    expect((error as Error).message).toBe('Mastodon sent an answer larger than 1024 KB (HTTP 200); Herald stopped reading it');
    expect(inFrench(error)).toBe(`Mastodon a envoyé une réponse de plus de 1024${NB}Ko (HTTP 200)${NB}; Herald a cessé de la lire`);
    expect(Date.now() - started).toBeLessThan(5000);
    // The connection was closed: the server could not push much past the cap (socket buffers aside).
    expect(streamed).toBeLessThan(32 * 1024 * 1024);
  });

  it('parses the answer losslessly', async () => {
    const { body } = await requestJson('tiktok', `${base}/id`, { allowPrivate: true });
    expect(body).toEqual({ id: '7493128377364417286' });
  });

  it('refuses a private address with instance_not_public, never sending anything', async () => {
    const error = await requestJson('mastodon', `${base.replace('127.0.0.1', 'localhost')}/id`, { allowPrivate: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid', code: 'instance_not_public', ambiguous: false });
    expect((error as Error).message).toBe('localhost is a private address; Herald only connects to public servers');
    expect(inFrench(error)).toBe(`localhost est une adresse privée${NB}; Herald ne se connecte qu’à des serveurs publics`);
  });

  it('says an answer that is not JSON in the reader’s language', async () => {
    const error = await requestJson('tiktok', `${base}/html`, { allowPrivate: true }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('TikTok sent an answer Herald cannot read (HTTP 200)');
    expect(inFrench(error)).toBe('TikTok a envoyé une réponse que Herald ne sait pas lire (HTTP 200)');
  });
});
