import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { freePort } from '../test/helpers/test-herald.ts';
import { copyChannel, finishConnect, startBenchWorkspace, type BenchDatabase, type BenchWorkspace } from './herald-setup.ts';
import type { RemoteInstagramFake } from './instagram-fake-client.ts';

// Herald with Instagram channels on the remote fake, and a photo the fake downloads from Herald's
// signed public media links (as in test/integration/instagram-publish.test.ts and scripts/demo.ts).

/**
 * Herald's settings for the Instagram benchmark: the fake's endpoints, and this Herald's own
 * origin as its public media address, so the fake's downloads go through Herald's public media route.
 */
export async function instagramHeraldEnv(env: Record<string, string>, fake: RemoteInstagramFake): Promise<Record<string, string>> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  return { ...env, ...fake.env, PORT: String(port), HERALD_PUBLIC_URL: origin, HERALD_MEDIA_PUBLIC_URL: origin };
}

/** The photo every post carries: a 4:5 JPEG, as Instagram takes them. */
export const benchPhoto = () => sharp({ create: { width: 1080, height: 1350, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();

/** The photo uploaded the way the composer does (multipart); answers its media id. */
async function uploadPhoto(w: Omit<BenchWorkspace, 'channelIds'>): Promise<string> {
  const bytes = await benchPhoto();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'bench.jpg');
  const response = await fetch(new URL(`/api/v1/workspaces/${w.workspaceId}/media`, w.h.url), {
    method: 'POST',
    headers: { origin: w.h.url, cookie: [...w.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
  const body = (await response.json()) as { id?: string; status?: string };
  if (response.status !== 201 || !body.id) throw new Error(`photo upload failed: ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

/**
 * Starts Herald, connects the fake's first account through the real Instagram Login round trip
 * (consent, code exchange, long-lived token), copies that channel for each other account of
 * the fake (copyChannel) and uploads the photo every post carries.
 */
export async function startWithInstagramChannels(database: BenchDatabase, env: Record<string, string>, fake: RemoteInstagramFake) {
  const w = await startBenchWorkspace(database, env);
  const start = await w.client.post(`/api/v1/workspaces/${w.workspaceId}/channels/connect`, { network: 'instagram' });
  if (start.status !== 200) throw new Error(`connect failed: ${JSON.stringify(start.body)}`);
  const firstId = await finishConnect(w, await fake.authorize(start.body.authorizationUrl));
  const accounts = await fake.issueTokens(1);
  const copies = await copyChannel(
    w,
    database,
    env,
    firstId,
    accounts.map((a) => ({ externalId: a.igId, ownerExternalId: a.appUserId, username: a.username, displayName: a.name, token: a.token })),
  );
  const photoId = await uploadPhoto(w);
  return { ...w, channelIds: [firstId, ...copies], photoId };
}

/** Serves the photo at a plain address, for the raw baseline's fake to download (answers the URL and a stop). */
export async function servePhoto(): Promise<{ url: string; close(): Promise<void> }> {
  const bytes = await benchPhoto();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(bytes.length) });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bench.jpg`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
