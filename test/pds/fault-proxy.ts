import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Injected } from '../fakes/http.ts';

export type ProxiedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders };

/**
 * A loopback proxy in front of a real server (the local PDS) that can fail one request to a path
 * the way a network does: answer a 5xx or 429 itself, or forward the request (the server does the
 * work) and then cut the connection before the answer. Everything else passes through untouched,
 * so the server behind it stays the real thing. Failures use the fakes' `Injected` shape.
 */
export async function startFaultProxy(target: string) {
  const upstream = new URL(target);
  const injected = new Map<string, Injected[]>();
  const requests: ProxiedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const failure = injected.get(url.pathname)?.shift();
    if (failure?.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
    if (failure && failure.status !== undefined && !failure.dropAfterHandling) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(failure.rawBody ?? JSON.stringify(failure.body ?? {}));
      return;
    }
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          if (failure?.dropAfterHandling) {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(body));
        });
      },
    );
    forwarded.on('error', () => req.socket.destroy());
    forwarded.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // Named by host name, as the PDS itself is: atproto refuses IP hosts in some lookups.
    url: `http://localhost:${port}`,
    requests,
    failNext(path: string, failure: Injected) {
      injected.set(path, [...(injected.get(path) ?? []), failure]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
