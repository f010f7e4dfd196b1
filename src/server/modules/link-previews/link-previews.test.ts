import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { loadCardImage } from './card-image.ts';
import { previewLink, PAGE_READ_BYTES } from './link-previews.service.ts';
import { readPageCard } from './open-graph.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const page = (head: string, body = '<p>Hello</p>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const ogHead =
  '<meta charset="utf-8"><title>Plain title</title><meta property="og:title" content="The &amp; title"><meta property="og:description" content="  What the\n page is   about ">' +
  '<meta property="og:image" content="/images/card.png"><meta property="og:url" content="https://example.com/article"><meta property="og:site_name" content="Example">';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'no error';
}

describe('readPageCard', () => {
  const base = new URL('https://blog.example/posts/1');

  it('prefers Open Graph, decodes entities, collapses spaces and resolves a relative image', () => {
    expect(readPageCard(page(ogHead), base)).toEqual({
      title: 'The & title',
      description: 'What the page is about',
      imageUrl: 'https://blog.example/images/card.png',
      canonicalUrl: 'https://example.com/article',
      siteName: 'Example',
    });
  });

  it('falls back to Twitter Card, then to <title> and <meta name="description">', () => {
    const twitter = readPageCard(page('<title>T</title><meta name="twitter:title" content="Tw title"><meta name="twitter:image" content="img.jpg"><meta name="description" content="Plain description">'), base);
    expect(twitter).toMatchObject({ title: 'Tw title', description: 'Plain description', imageUrl: 'https://blog.example/posts/img.jpg', canonicalUrl: null, siteName: null });
    expect(readPageCard(page('<TITLE> Only   a title </TITLE>'), base)).toMatchObject({ title: 'Only a title', description: null, imageUrl: null });
  });

  it('ignores image addresses that are not http(s) and tags after the head', () => {
    const card = readPageCard(page('<meta property="og:image" content="javascript:alert(1)">', '<meta property="og:title" content="In the body">'), base);
    expect(card).toMatchObject({ title: null, imageUrl: null });
  });

  it('cuts an endless title', () => {
    expect(readPageCard(page(`<meta property="og:title" content="${'x'.repeat(5000)}">`), base).title).toHaveLength(300);
  });
});

describe('previewLink and loadCardImage against hostile pages', () => {
  const handlers = new Map<string, Handler>();
  const sockets = new Set<Socket>();
  let server: http.Server;
  let origin: string;
  let hugeBytesSent = 0;
  const loopback = { allowLoopback: true, timeoutMs: 1_500 };
  let png: Buffer;

  beforeAll(async () => {
    // Noise: a PNG far larger than the same picture as JPEG.
    const noise = Buffer.from(Array.from({ length: 300 * 200 * 3 }, () => Math.floor(Math.random() * 256)));
    png = await sharp(noise, { raw: { width: 300, height: 200, channels: 3 } }).png().toBuffer();
    server = http.createServer((req, res) => {
      const handler = handlers.get((req.url ?? '/').split('?')[0]!);
      if (!handler) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
      handler(req, res);
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    handlers.set('/article', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(ogHead)));
    handlers.set('/images/card.png', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    handlers.set('/moved', (_req, res) => res.writeHead(301, { location: '/article' }).end());
    handlers.set('/latin1', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from(page('<title>Caf\u00e9</title>'), 'latin1')));
    // The head comes first, then an endless body: reading stops at the end of the head.
    handlers.set('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write(`<html><head><meta property="og:title" content="Big page"></head><body>`);
      const block = '<p>' + 'a'.repeat(64 * 1024) + '</p>';
      const pump = () => {
        while (hugeBytesSent < 50 * 1024 * 1024 && !res.destroyed) {
          hugeBytesSent += block.length;
          if (!res.write(block)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    // A head that never ends: reading stops after the first MiB.
    handlers.set('/huge-head', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head><title>Endless head</title>');
      const block = `<meta name="x" content="${'b'.repeat(64 * 1024)}">`;
      const pump = () => {
        while (!res.destroyed) if (!res.write(block)) return void res.once('drain', pump);
      };
      pump();
    });
    handlers.set('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head>');
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(timer));
    });
    handlers.set('/to-private', (_req, res) => res.writeHead(302, { location: 'http://10.0.0.7/admin' }).end());
    handlers.set('/to-metadata', (_req, res) => res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    handlers.set('/to-internal-name', (_req, res) => res.writeHead(302, { location: 'http://intranet.corp.test/' }).end());
    handlers.set('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    handlers.set('/pdf', (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'));
    handlers.set('/json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"og:title":"x"}'));
    handlers.set('/empty', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>nothing</body></html>'));
    handlers.set('/gone', (_req, res) => res.writeHead(410, { 'content-type': 'text/html' }).end('<title>Gone</title>'));
    handlers.set('/not-an-image', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>no</p>'));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('makes a card of a normal page, following a redirect, the image made absolute against the final address', async () => {
    const card = await previewLink(`${origin}/moved`, loopback);
    expect(card).toEqual({
      url: `${origin}/moved`,
      finalUrl: `${origin}/article`,
      title: 'The & title',
      description: 'What the page is about',
      imageUrl: `${origin}/images/card.png`,
      canonicalUrl: 'https://example.com/article',
      siteName: 'Example',
    });
  });

  it('decodes the charset the server names', async () => {
    expect((await previewLink(`${origin}/latin1`, loopback)).title).toBe('Café');
  });

  it('reads a huge page only up to the end of its head and closes the connection', async () => {
    const started = Date.now();
    expect((await previewLink(`${origin}/huge`, loopback)).title).toBe('Big page');
    expect(Date.now() - started).toBeLessThan(1_500);
    await expect.poll(() => sockets.size === 0 || hugeBytesSent < 50 * 1024 * 1024).toBe(true);
    expect(hugeBytesSent).toBeLessThan(50 * 1024 * 1024);
  });

  it('stops a head that never ends after the first MiB and uses what came', async () => {
    const card = await previewLink(`${origin}/huge-head`, loopback);
    expect(card.title).toBe('Endless head');
    expect(PAGE_READ_BYTES).toBe(1024 * 1024);
  });

  it('gives up on a page that trickles in, within the time cap', async () => {
    const started = Date.now();
    expect(await codeOf(previewLink(`${origin}/slow`, { allowLoopback: true, timeoutMs: 600 }))).toBe('422 link_preview.timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses redirects to private addresses, by literal and by name, and redirect loops', async () => {
    expect(await codeOf(previewLink(`${origin}/to-private`, loopback))).toBe('422 link_preview.private_address');
    expect(await codeOf(previewLink(`${origin}/to-metadata`, loopback))).toBe('422 link_preview.private_address');
    const resolve = async () => [{ address: '192.168.0.10', family: 4 }];
    expect(await codeOf(previewLink(`${origin}/to-internal-name`, { ...loopback, resolve }))).toBe('422 link_preview.private_address');
    expect(await codeOf(previewLink(`${origin}/loop`, loopback))).toBe('422 link_preview.too_many_redirects');
  });

  it('refuses loopback itself unless the operator allowed it', async () => {
    expect(await codeOf(previewLink(`${origin}/article`, { allowLoopback: false, timeoutMs: 1_000 }))).toBe('422 link_preview.private_address');
    expect(await codeOf(previewLink('http://[::ffff:7f00:1]/', { allowLoopback: false, timeoutMs: 1_000 }))).toBe('422 link_preview.private_address');
  });

  it('refuses what is not a web page, and pages with nothing to show', async () => {
    expect(await codeOf(previewLink(`${origin}/pdf`, loopback))).toBe('422 link_preview.not_html');
    expect(await codeOf(previewLink(`${origin}/json`, loopback))).toBe('422 link_preview.not_html');
    expect(await codeOf(previewLink(`${origin}/empty`, loopback))).toBe('422 link_preview.no_card');
    expect(await codeOf(previewLink(`${origin}/gone`, loopback))).toBe('422 link_preview.unreachable');
  });

  it('refuses addresses that are not http(s) web addresses before sending anything', async () => {
    expect(await codeOf(previewLink('file:///etc/passwd', loopback))).toBe('400 link_preview.invalid_url');
    expect(await codeOf(previewLink('not a url', loopback))).toBe('400 link_preview.invalid_url');
    expect(await codeOf(previewLink(`http://user:pw@127.0.0.1/`, loopback))).toBe('400 link_preview.invalid_url');
  });

  it('loads a card image as it is when it fits, re-encoded as JPEG when it does not', async () => {
    const small = await loadCardImage(`${origin}/images/card.png`, 1_000_000, loopback);
    expect(small.mimeType).toBe('image/png');
    expect(Buffer.from(small.data).equals(png)).toBe(true);
    const squeezed = await loadCardImage(`${origin}/images/card.png`, png.byteLength - 1, loopback);
    expect(squeezed.mimeType).toBe('image/jpeg');
    expect(squeezed.data.byteLength).toBeLessThan(png.byteLength);
    expect(await codeOf(loadCardImage(`${origin}/not-an-image`, 1_000_000, loopback))).toBe('422 link_preview.not_image');
    expect(await codeOf(loadCardImage(`${origin}/to-private`, 1_000_000, loopback))).toBe('422 link_preview.private_address');
  });
});
