import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Form or JSON fields (repeated form fields joined with commas); {} for other bodies. */
  body: Record<string, string>;
  /** The body as sent (uploads: video chunks, image blobs, multipart). */
  raw: Buffer;
};
export type FakeResponse = { status: number; headers?: Record<string, string>; body?: unknown; raw?: string | Buffer; redirect?: string; html?: string };
/**
 * A one-shot failure for the next request to a path:
 * - `status` (+ body/headers, e.g. 429 with Retry-After): answered instead of the real handler;
 * - `dropAfterHandling`: the real handler runs (the post IS created) but the connection is cut
 *   before the answer, like a timeout after the network did the work;
 * - `delayMs`: the answer (injected or real) comes this much later.
 */
export type Injected = { status?: number; body?: unknown; rawBody?: string; headers?: Record<string, string>; delayMs?: number; dropAfterHandling?: boolean };

/** Random failures on every matching request, for the reliability tests. */
export type Chaos = { rate: number; paths: RegExp; pick: () => Injected };

function parseFields(raw: Buffer, contentType: string): Record<string, string> {
  if (!raw.length) return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw.toString('utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }
  if (!contentType.includes('application/x-www-form-urlencoded') && contentType !== '') return {};
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) values[key] = key in values ? `${values[key]},${value}` : value;
  return values;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A loopback HTTP server for a fake network, with one-shot failure injection per path, random
 * failures ("chaos") and a "down" switch that drops connections, so clients see the failures real
 * networks produce.
 */
export async function startFakeServer(handle: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>, options: { latencyMs?: () => number } = {}) {
  const injected = new Map<string, Injected[]>();
  const requests: FakeRequest[] = [];
  let down = false;
  let chaos: Chaos | null = null;
  let keepRequests = true;
  const server = http.createServer(async (req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: parseFields(raw, req.headers['content-type'] ?? ''), raw };
    if (keepRequests) requests.push({ ...request, raw: raw.length > 64 * 1024 ? Buffer.alloc(0) : raw });
    let failure = injected.get(url.pathname)?.shift();
    if (!failure && chaos && chaos.paths.test(`${request.method} ${url.pathname}`) && Math.random() < chaos.rate) failure = chaos.pick();
    const latency = options.latencyMs?.() ?? 0;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (failure?.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
    if (failure && failure.status !== undefined && !failure.dropAfterHandling) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(failure.rawBody ?? JSON.stringify(failure.body ?? {}));
      return;
    }
    const answer = await handle(request);
    if (failure?.dropAfterHandling) {
      req.socket.destroy();
      return;
    }
    if (answer.redirect) {
      res.writeHead(302, { location: answer.redirect });
      res.end();
    } else if (answer.html !== undefined) {
      res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', ...answer.headers });
      res.end(answer.html);
    } else {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.raw ?? JSON.stringify(answer.body ?? {}));
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(path: string, failure: Injected) {
      injected.set(path, [...(injected.get(path) ?? []), failure]);
    },
    setChaos(value: Chaos | null) {
      chaos = value;
    },
    /** Benchmarks send thousands of requests: keeping them all would only cost memory. */
    setKeepRequests(value: boolean) {
      keepRequests = value;
    },
    setDown(value: boolean) {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
