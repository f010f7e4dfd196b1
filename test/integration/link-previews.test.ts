import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

// The link preview routes over HTTP: a card for a page, its picture through Herald, and every
// hostile or invalid page answered with a 4xx and its link_preview.* code, never a 500.
describe('link previews over HTTP', () => {
  const database = freshDatabase();
  let h: TestHerald;
  let server: http.Server;
  let origin: string;
  let workspaceId: string;
  let editor: TeamMember;
  let viewer: TeamMember;
  let picture: Buffer;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;

  beforeAll(async () => {
    picture = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#2b8a3e' } }).png().toBuffer();
    server = http.createServer((req, res) => {
      if (req.url === '/page') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<head><meta property="og:title" content="A page"><meta property="og:image" content="/pic.png"></head>');
      if (req.url === '/pic.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(picture);
      if (req.url === '/to-private') return void res.writeHead(302, { location: 'http://10.1.2.3/' }).end();
      if (req.url === '/file') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('x');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h = await startTestHerald({ env: { HERALD_LINK_PREVIEWS_ALLOW_LOOPBACK: 'true' }, database: await database });
    const team = await createTeam(h.url, 'Cards');
    workspaceId = team.workspaceId;
    ({ editor, viewer } = team.members);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('answers the card of a page and serves its picture through Herald', async () => {
    const card = await editor.client.post(api('/link-preview'), { url: `${origin}/page` });
    expect(card.status, JSON.stringify(card.body)).toBe(200);
    expect(card.body).toMatchObject({ url: `${origin}/page`, title: 'A page', description: '', imageUrl: `${origin}/pic.png`, siteName: '127.0.0.1' });
    const image = await editor.client.get(api(`/link-preview/image?url=${encodeURIComponent(card.body.imageUrl)}`));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers hostile and invalid pages with a 4xx and a code, never a 500', async () => {
    const codeOf = async (url: string, path = '/link-preview') => {
      const res = path === '/link-preview' ? await editor.client.post(api(path), { url }) : await editor.client.get(api(`${path}?url=${encodeURIComponent(url)}`));
      return `${res.status} ${res.body?.error?.code}`;
    };
    expect(await codeOf(`${origin}/to-private`)).toBe('422 link_preview.private_address');
    expect(await codeOf(`${origin}/file`)).toBe('422 link_preview.not_html');
    expect(await codeOf('http://169.254.169.254/latest/meta-data/')).toBe('422 link_preview.private_address');
    expect(await codeOf('javascript:alert(1)')).toBe('400 link_preview.invalid_url');
    expect(await codeOf(`${origin}/page`, '/link-preview/image')).toBe('422 link_preview.not_image');
    const empty = await editor.client.post(api('/link-preview'), { url: '' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('url');
  });

  it('is for members who may edit posts', async () => {
    expect((await viewer.client.post(api('/link-preview'), { url: `${origin}/page` })).status).toBe(403);
  });
});
