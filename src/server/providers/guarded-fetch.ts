import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, FormData as UndiciFormData, fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';

// Every outbound call whose address a user can influence (a Mastodon instance, a Bluesky PDS or
// did:web host, an avatar URL) goes through guardedFetch: the address actually connected to is
// a checked public one, and the answer is read with a byte cap, so a user cannot make Herald
// fetch from the operator's own network (SSRF) or swallow a never-ending answer.

/**
 * Ranges ipaddr.js 2.x files under `unicast` although no public server lives there:
 * IPv4-compatible IPv6 (::a.b.c.d, deprecated, `::7f00:1` reaches 127.0.0.1 on some stacks).
 * The IPv4 ranges are classified by ipaddr.js already (reserved / broadcast); they are listed
 * again so a change of the library's tables cannot quietly open them.
 */
const alsoRefused: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [
  ['198.18.0.0/15', '240.0.0.0/4', '192.0.0.0/24', '255.255.255.255/32', '0.0.0.0/8'].map((cidr) => ipaddr.IPv4.parseCIDR(cidr)),
  ['::/96', '64:ff9b::/96', '64:ff9b:1::/48', '2002::/16', '2001::/32'].map((cidr) => ipaddr.IPv6.parseCIDR(cidr)),
].flat();

/**
 * True for an address a public server can have: ipaddr.js's `unicast` range (what it leaves
 * after every special-purpose block), after unmapping IPv4-mapped IPv6 (`::ffff:7f00:1` is 127.0.0.1).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  return !alsoRefused.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/** The host is, or resolves to, an address Herald must not connect to on a user's behalf. */
export class HostNotPublicError extends Error {
  readonly code = 'HERALD_HOST_NOT_PUBLIC';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is a private address (${address}); Herald only connects to public servers`);
    this.name = 'HostNotPublicError';
  }
}

/** The answer went past the byte cap; reading stopped and the connection was closed. */
export class AnswerTooLargeError extends Error {
  readonly code = 'HERALD_ANSWER_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`The answer is larger than ${maxBytes} bytes`);
    this.name = 'AnswerTooLargeError';
  }
}

export type ResolvedAddress = { address: string; family: number };
/** Name → addresses; dns.lookup by default, injectable so tests can play a rebinding DNS server. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | ResolvedAddress[], family?: number) => void;

/**
 * The `lookup` the socket uses to connect: resolves once, refuses the name if ANY address is
 * not public, and hands the socket exactly the checked addresses. Check and connect use the
 * same answer, so a DNS server that changes its answer between them (rebinding) gains nothing.
 */
function checkingLookup(resolve: Resolver) {
  return (hostname: string, options: { family?: number | string; all?: boolean }, callback: LookupCallback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !isPublicAddress(a.address));
        if (refused) return callback(new HostNotPublicError(hostname, refused.address), []);
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        if (!usable.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

const anyAddressAgent = new Agent();
const publicOnlyAgents = new Map<Resolver, Agent>();
function publicOnlyAgent(resolve: Resolver): Agent {
  let agent = publicOnlyAgents.get(resolve);
  if (!agent) {
    agent = new Agent({ connect: { lookup: checkingLookup(resolve) } });
    publicOnlyAgents.set(resolve, agent);
  }
  return agent;
}

export type GuardOptions = {
  /** Only the allow-http settings of tests and the offline demo turn the address check off. */
  allowPrivate: boolean;
  /** Past this many bytes reading the answer fails with AnswerTooLargeError. */
  maxBytes: number;
  /** For the whole exchange, answer body included. */
  timeoutMs: number;
  resolve?: Resolver;
};

/** Node's fetch and undici's are different classes: a FormData built with the global one is re-made for undici. */
function undiciBody(body: RequestInit['body']): UndiciRequestInit['body'] {
  if (!(body instanceof FormData)) return body as UndiciRequestInit['body'];
  const copy = new UndiciFormData();
  for (const [name, value] of body) {
    if (typeof value === 'string') copy.append(name, value);
    else copy.append(name, value, value.name);
  }
  return copy;
}

/** The answer's body as a stream that errors once more than maxBytes have come, closing the connection. */
function capped(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      received += value.byteLength;
      if (received > maxBytes) {
        controller.error(new AnswerTooLargeError(maxBytes));
        await reader.cancel().catch(() => undefined);
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return net.isIP(host) ? host : null;
}

const nullBodyStatuses = new Set([204, 205, 304]);

/**
 * fetch for a URL a user can influence. Refuses non-http(s) URLs and private addresses (an IP
 * literal before connecting, a name at connect time through the checking lookup), never follows
 * redirects, and returns a standard Response whose body stops at `maxBytes`. Errors are fetch's
 * (TypeError with a cause, TimeoutError) except a refused address, which is a HostNotPublicError.
 */
export async function guardedFetch(input: string | URL, init: RequestInit, options: GuardOptions): Promise<Response> {
  const url = new URL(input);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Herald only fetches http and https URLs, not ${url.protocol}`);
  // Sockets do not call lookup for IP literals, so those are checked here.
  const literal = literalAddress(url);
  if (!options.allowPrivate && literal && !isPublicAddress(literal)) throw new HostNotPublicError(url.host, literal);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let response: Awaited<ReturnType<typeof undiciFetch>>;
  try {
    response = await undiciFetch(url, {
      ...(init as UndiciRequestInit),
      body: undiciBody(init.body),
      signal,
      redirect: 'manual',
      dispatcher: options.allowPrivate ? anyAddressAgent : publicOnlyAgent(options.resolve ?? systemResolver),
    });
  } catch (error) {
    const refused = (error as { cause?: unknown }).cause;
    if (refused instanceof HostNotPublicError) throw refused;
    throw error;
  }
  if (response.status < 200 || response.status > 599) {
    await response.body?.cancel().catch(() => undefined);
    throw new TypeError(`${url.host} answered with HTTP status ${response.status}`);
  }
  const body = nullBodyStatuses.has(response.status) || !response.body ? null : capped(response.body as ReadableStream<Uint8Array>, options.maxBytes);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers as unknown as Headers });
}
