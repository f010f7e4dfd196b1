import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequest = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: Record<string, string> };
export type FakeResponse = { status: number; headers?: Record<string, string>; body?: unknown; raw?: string; redirect?: string; html?: string };
export type Injected = { status: number; body?: unknown; rawBody?: string; delayMs?: number };

async function readBody(req: http.IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, string>;
  // Repeated form fields (checkboxes) are joined with commas.
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) values[key] = key in values ? `${values[key]},${value}` : value;
  return values;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A loopback HTTP server for a fake network, with one-shot failure injection per path and a
 * "down" switch that drops connections, so clients see the failures real networks produce.
 */
export async function startFakeServer(handle: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>) {
  const injected = new Map<string, Injected[]>();
  const requests: FakeRequest[] = [];
  let down = false;
  const server = http.createServer(async (req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: await readBody(req) };
    requests.push(request);
    const failure = injected.get(url.pathname)?.shift();
    if (failure) {
      if (failure.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
      res.writeHead(failure.status, { 'content-type': 'application/json' });
      res.end(failure.rawBody ?? JSON.stringify(failure.body ?? {}));
      return;
    }
    const answer = await handle(request);
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(path: string, failure: Injected) {
      injected.set(path, [...(injected.get(path) ?? []), failure]);
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
