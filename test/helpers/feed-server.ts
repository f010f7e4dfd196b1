import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FeedEntry = { id: string; title: string; link: string; summary: string; date: Date };
export type FeedRequest = { path: string; headers: http.IncomingHttpHeaders };
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS 2.0 document of `entries` (newest first, as feeds usually list them). */
export function rss(entries: FeedEntry[], title = 'Test blog'): string {
  const items = entries
    .map((e) => `<item><title>${escapeXml(e.title)}</title><link>${escapeXml(e.link)}</link><guid isPermaLink="false">${escapeXml(e.id)}</guid><description>${escapeXml(`<p>${e.summary}</p>`)}</description><pubDate>${e.date.toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>http://blog.example/</link><description>d</description>${items}</channel></rss>`;
}

export function atom(entries: FeedEntry[], title = 'Test journal'): string {
  const items = entries
    .map((e) => `<entry><title>${escapeXml(e.title)}</title><id>${escapeXml(e.id)}</id><link rel="alternate" href="${escapeXml(e.link)}"/><updated>${e.date.toISOString()}</updated><summary type="html">${escapeXml(e.summary)}</summary></entry>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>urn:test:journal</id><updated>${new Date().toISOString()}</updated>${items}</feed>`;
}

export function jsonFeed(entries: FeedEntry[], title = 'Test notes'): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: entries.map((e) => ({ id: e.id, url: e.link, title: e.title, summary: e.summary, date_published: e.date.toISOString() })),
  });
}

/** `count` entries dated one hour apart, the newest first, ids `${prefix}-<n>` (n = count … 1). */
export function entries(prefix: string, count: number, newest = new Date()): FeedEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const n = count - i;
    return { id: `${prefix}-${n}`, title: `${prefix} post ${n}`, link: `http://blog.example/${prefix}/${n}`, summary: `Summary of <b>${prefix}</b> ${n} &amp; more`, date: new Date(newest.getTime() - i * 3_600_000) };
  });
}

/** A feed server on loopback: each path answers with the handler it was given; every request is recorded. */
export async function startFeedServer() {
  const handlers = new Map<string, Handler>();
  const requests: FeedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const handler = handlers.get(path);
    if (!handler) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such feed');
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (path: string) => `${base}${path}`,
    requests,
    at: (path: string) => requests.filter((r) => r.path === path),
    handle(path: string, handler: Handler) {
      handlers.set(path, handler);
    },
    /** Serves `body()` (read at each request) with the content type, plus an ETag/Last-Modified pair when given. */
    serve(path: string, contentType: string, body: () => string, validators: { etag?: () => string; lastModified?: () => string } = {}) {
      handlers.set(path, (req, res) => {
        const etag = validators.etag?.();
        const lastModified = validators.lastModified?.();
        if ((etag && req.headers['if-none-match'] === etag) || (!etag && lastModified && req.headers['if-modified-since'] === lastModified)) {
          return void res.writeHead(304, { ...(etag ? { etag } : {}), ...(lastModified ? { 'last-modified': lastModified } : {}) }).end();
        }
        res.writeHead(200, { 'content-type': contentType, ...(etag ? { etag } : {}), ...(lastModified ? { 'last-modified': lastModified } : {}) }).end(body());
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;
