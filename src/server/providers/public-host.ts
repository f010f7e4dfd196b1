import dns from 'node:dns/promises';
import net from 'node:net';
import { ProviderError } from './provider.ts';
import type { NetworkId } from '../../shared/networks.ts';

// Addresses a user-named server must not resolve to: Herald would otherwise fetch from the
// operator's own network on a user's behalf (SSRF).
const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

/** Refuses a host that is, or resolves to, a private, loopback or link-local address. */
export async function assertPublicHost(network: NetworkId, hostWithPort: string): Promise<void> {
  const bracketed = /^\[(.+)\](?::\d+)?$/.exec(hostWithPort);
  const host = bracketed ? bracketed[1]! : net.isIP(hostWithPort) ? hostWithPort : hostWithPort.replace(/:\d+$/, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await dns.lookup(host, { all: true });
  } catch {
    throw new ProviderError('invalid', network, `${hostWithPort} cannot be found`, 'instance_unreachable');
  }
  for (const { address, family } of addresses) {
    const mapped = family === 6 && address.startsWith('::ffff:') ? address.slice(7) : address;
    const type = net.isIP(mapped) === 4 ? 'ipv4' : 'ipv6';
    if (blocked.check(mapped, type)) throw new ProviderError('invalid', network, `${hostWithPort} is a private address; Herald only connects to public servers`, 'instance_not_public');
  }
}
