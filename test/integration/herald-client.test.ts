import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeraldClient, HeraldApiError, unwrap } from '../../packages/herald-client/src/index.ts';
import type * as HeraldClientModule from '../../packages/herald-client/src/index.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packageDir = path.join(root, 'packages/herald-client');

describe('@herald/client against a real Herald', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let workspaceId: string;
  let channelId: string;
  let apiKey: string;

  beforeAll(async () => {
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_MASTODON_ALLOW_HTTP: 'true' } });
    mastodon = await startMastodonFake();
    const user = await signUp(h.url, { name: 'Script owner' });
    workspaceId = (await user.client.post('/api/v1/workspaces', { name: 'Automations' })).body.id;
    channelId = await connectMastodon(h, user.client, workspaceId, mastodon);
    const key = await user.client.post(`/api/v1/workspaces/${workspaceId}/api-keys`, { name: 'client test', scopes: ['workspace.read', 'channels.read', 'posts.read', 'posts.edit', 'posts.schedule'] });
    expect(key.status).toBe(201);
    apiKey = key.body.key;
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('lists channels, creates a post once per Idempotency-Key, reads it back and types its errors', async () => {
    const herald = createHeraldClient({ baseUrl: `${h.url}/`, apiKey });
    const workspace = { params: { path: { workspaceId } } };

    const channels = await unwrap(herald.GET('/api/v1/workspaces/{workspaceId}/channels', workspace));
    expect(channels.items.map((c) => c.id)).toEqual([channelId]);

    const create = () =>
      herald.POST('/api/v1/workspaces/{workspaceId}/posts', {
        params: { path: { workspaceId }, header: { 'idempotency-key': 'client-test-post-0001' } },
        body: { content: { text: 'Hello from @herald/client' }, channels: [{ channelId }], schedule: { mode: 'draft', publishAt: '2031-01-01T09:00:00Z', timeZone: 'UTC' } },
      });
    const created = await unwrap(create());
    expect((await unwrap(create())).id).toBe(created.id);

    const post = await unwrap(herald.GET('/api/v1/workspaces/{workspaceId}/posts/{postId}', { params: { path: { workspaceId, postId: created.id } } }));
    expect(post.id).toBe(created.id);
    expect(post.deliveries.map((d) => d.channelId)).toEqual([channelId]);

    const missing = await unwrap(herald.GET('/api/v1/workspaces/{workspaceId}/posts/{postId}', { params: { path: { workspaceId, postId: 'does-not-exist' } } })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(HeraldApiError);
    expect(missing).toMatchObject({ status: 404, code: 'post.not_found' });

    // Without the key: Herald's 401 envelope, as a HeraldApiError too.
    const anonymous = createHeraldClient({ baseUrl: h.url });
    const refused = await unwrap(anonymous.GET('/api/v1/workspaces/{workspaceId}/channels', workspace)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HeraldApiError);
    expect((refused as HeraldApiError).status).toBe(401);
  });

  it('builds with tsc into a package whose `exports` import as plain JavaScript', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-client-build-'));
    try {
      const installed = path.join(dir, 'node_modules/@herald/client');
      await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(packageDir, 'tsconfig.json'), '--outDir', path.join(installed, 'dist')]);
      fs.copyFileSync(path.join(packageDir, 'package.json'), path.join(installed, 'package.json'));
      // Its one dependency, as npm would install it beside the package.
      fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules/openapi-fetch')), path.join(dir, 'node_modules/openapi-fetch'));
      expect(fs.readdirSync(path.join(installed, 'dist')).sort()).toEqual(['index.d.ts', 'index.js', 'schema.gen.d.ts', 'schema.gen.js']);
      expect(fs.readFileSync(path.join(installed, 'dist/index.d.ts'), 'utf8')).toContain('createHeraldClient');

      // A consumer importing the package by name: resolution goes through package.json `exports`.
      const consumer = path.join(dir, 'consumer.mjs');
      fs.writeFileSync(consumer, "export { createHeraldClient, unwrap, HeraldApiError } from '@herald/client';\n");
      const built = (await import(pathToFileURL(consumer).href)) as typeof HeraldClientModule;
      const herald = built.createHeraldClient({ baseUrl: h.url, apiKey });
      const channels = await built.unwrap(herald.GET('/api/v1/workspaces/{workspaceId}/channels', { params: { path: { workspaceId } } }));
      expect(channels.items).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
