import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, HostNotPublicError, isPublicAddress, type Resolver } from './guarded-fetch.ts';

// Every address of issue 13, in the forms an attacker would write them.
const refused = [
  '127.0.0.1',
  '::ffff:7f00:1', // IPv4-mapped 127.0.0.1 in the hex form the URL parser produces
  '::ffff:127.0.0.1',
  '::ffff:a9fe:a9fe', // 169.254.169.254, the cloud metadata service
  '169.254.169.254',
  '10.1.2.3',
  '172.20.0.5',
  '192.168.1.1',
  '100.64.0.1',
  '0.0.0.0',
  '0.1.2.3',
  '198.18.0.1',
  '198.19.255.255',
  '240.0.0.1',
  '255.255.255.254',
  '192.0.0.8',
  '255.255.255.255',
  '224.0.0.1',
  '::7f00:1', // IPv4-compatible IPv6
  '64:ff9b::7f00:1', // NAT64
  '64:ff9b::a9fe:a9fe',
  '2002:7f00:1::1', // 6to4
  '2001::1', // Teredo
  '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  '::1',
  '::',
  'fe80::1',
  'fc00::1',
  'fd12:3456::1',
  'ff02::1',
  '2001:db8::1',
];
const allowed = ['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700::6810:84e5', '2001:4860:4860::8888'];

describe('isPublicAddress', () => {
  it('refuses private, loopback, special-purpose and tunnelled addresses', () => {
    for (const address of refused) expect(isPublicAddress(address), address).toBe(false);
  });

  it('accepts public unicast addresses', () => {
    for (const address of allowed) expect(isPublicAddress(address), address).toBe(true);
  });

  it('refuses what is not an address at all', () => {
    expect(isPublicAddress('localhost')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });
});

describe('guardedFetch', () => {
  let server: http.Server;
  let port: number;
  let requests = 0;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests += 1;
      res.end('{"reached":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const strict = { allowPrivate: false, maxBytes: 1024, timeoutMs: 2000 };

  it('refuses IP-literal URLs of private addresses before connecting, however they are written', async () => {
    for (const host of ['127.0.0.1', '[::ffff:7f00:1]', '[::ffff:127.0.0.1]', '[::ffff:a9fe:a9fe]', '[::7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::1]', '[::1]', '2130706433', '0x7f.1', '169.254.169.254']) {
      const error = await guardedFetch(`http://${host}:${port}/`, {}, strict).catch((e: unknown) => e);
      expect(error, host).toBeInstanceOf(HostNotPublicError);
    }
    expect(requests).toBe(0);
  });

  it('never reaches a loopback server through a name that resolves to it', async () => {
    const error = await guardedFetch(`http://localhost:${port}/`, {}, strict).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostNotPublicError);
    expect(requests).toBe(0);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const mixed: Resolver = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const error = await guardedFetch(`http://mixed.example:${port}/`, {}, { ...strict, resolve: mixed }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostNotPublicError);
    expect(requests).toBe(0);
  });

  it('connects to the address it checked: a DNS answer that changes to loopback (rebinding) is never used', async () => {
    // Public on the first question, loopback afterwards: a check-then-fetch would connect to 127.0.0.1.
    let asked = 0;
    const rebinding: Resolver = async () => {
      asked += 1;
      return [{ address: asked === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    };
    // The public address is unreachable from here (or slow): whatever happens, it is not our server.
    await guardedFetch(`http://rebind.example:${port}/`, {}, { ...strict, timeoutMs: 1000, resolve: rebinding }).catch(() => undefined);
    expect(asked).toBe(1);
    expect(requests).toBe(0);
    // Asked again, the name now resolves to loopback and is refused.
    const again = await guardedFetch(`http://rebind.example:${port}/`, {}, { ...strict, resolve: rebinding }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(HostNotPublicError);
    expect(requests).toBe(0);
  });

  it('reaches private addresses only when allowed (tests and the offline demo)', async () => {
    const response = await guardedFetch(`http://localhost:${port}/`, {}, { ...strict, allowPrivate: true });
    expect(await response.json()).toEqual({ reached: true });
    expect(requests).toBe(1);
  });

  it('refuses URLs that are not http or https', async () => {
    await expect(guardedFetch('file:///etc/passwd', {}, strict)).rejects.toThrow(/only fetches http and https/);
  });
});
