import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { MetricsExporter } from './metrics.exporter.ts';

/** `127.0.0.1:9464` or `[::1]:9464` → host and port (the setting's schema checked the form). */
export function parseListenAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(address.slice(at + 1)) };
}

/**
 * The admin listener of HERALD_METRICS_ADDRESS: /metrics without a token, nothing else. It is a
 * plain node:http server rather than a second Fastify app so a `worker` process, which has no web
 * port, gets it for a few kilobytes.
 */
export async function startMetricsListener(address: string, exporter: MetricsExporter, logger: Logger): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Only /metrics is served here.\n');
      return;
    }
    exporter.text().then(
      (text) => response.writeHead(200, { 'content-type': exporter.contentType, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : text),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics: could not collect');
        response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected; see the log.\n');
      },
    );
  });
  const { host, port } = parseListenAddress(address);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const url = `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}/metrics`;
  logger.info({ url }, 'metrics listener started');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
