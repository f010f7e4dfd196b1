import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiKeys, deliveries, deliveryMetricReadings, deliveryMetrics, media, postGroups } from '../../src/server/db/schema/index.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { seedTenant, type Tenant } from '../helpers/seed-tenant.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

// The Postiz-compatible API, driven by the real `postiz` CLI from npm (node_modules/.bin/postiz)
// and by plain HTTP for what the CLI does not send: every answer checked against Herald's database.

const POSTS_PER_HOUR = 40;
const cliPath = path.resolve('node_modules/.bin/postiz');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const allScopes = ['channels.read', 'channels.manage', 'posts.read', 'posts.edit', 'posts.schedule', 'posts.approve'];

describe('Postiz-compatible API (/public/v1) with the postiz CLI', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let a: Tenant;
  let b: Tenant;
  let key: string;
  let keyB: string;
  let home: string;
  const db = () => h.herald.database.db;
  const later = (hours: number) => new Date(Math.round((Date.now() + hours * 3_600_000) / 60_000) * 60_000).toISOString();

  /** A key made through Herald's API keys routes by the tenant's owner: a workspace key, or a personal one. */
  async function makeKey(tenant: Tenant, scopes: string[], options: { personal?: boolean } = {}): Promise<string> {
    const url = options.personal ? '/api/v1/me/api-keys' : `/api/v1/workspaces/${tenant.ids.workspaceId}/api-keys`;
    const res = await tenant.user.client.post(url, { name: 'postiz test', scopes });
    if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.key as string;
  }
  const keyIdOf = async (secret: string) => (await db().select().from(apiKeys).where(eq(apiKeys.keyHash, crypto.createHash('sha256').update(secret).digest('hex'))))[0]!.id;

  /** Runs the CLI with only its own settings in the environment and a throwaway home folder. */
  function cli(args: string[], options: { key?: string; apiUrl?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        cliPath,
        args,
        { env: { PATH: process.env.PATH, HOME: home, POSTIZ_API_KEY: options.key ?? key, POSTIZ_API_URL: options.apiUrl ?? h.url }, cwd: home, timeout: 30_000 },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }
  /** The JSON the CLI prints after its emoji status line. */
  const printed = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf('\n') + 1)) as any;

  async function call(method: string, url: string, options: { key?: string | null; body?: unknown; authorization?: string } = {}) {
    const headers: Record<string, string> = {};
    const auth = options.authorization ?? (options.key === null ? undefined : (options.key ?? key));
    if (auth) headers.authorization = auth;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(url, h.url), { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'postiz-home-'));
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_POSTIZ_POSTS_PER_HOUR: String(POSTS_PER_HOUR) } });
    a = await seedTenant(h, mastodon, 'Alice');
    b = await seedTenant(h, mastodon, 'Bob');
    key = await makeKey(a, allScopes);
    keyB = await makeKey(b, allScopes);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    // The CLI must not have written anywhere but the temp home (it stores nothing with an API key).
    if (home) {
      expect(fs.readdirSync(home)).toEqual([]);
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('auth:status and integrations:list see the key’s workspace and its channel', async () => {
    const status = await cli(['auth:status']);
    expect(status.stdout).toContain('Credentials are valid. 1 integration(s) connected.');
    const wrong = await cli(['auth:status'], { key: `hk_${'x'.repeat(43)}` });
    expect(wrong.stdout).toContain('Credentials are expired or invalid');

    const list = await cli(['integrations:list']);
    expect(list.code).toBe(0);
    expect(printed(list.stdout)).toEqual([
      expect.objectContaining({ id: a.ids.channelId, identifier: 'mastodon', disabled: false, customer: { id: a.ids.workspaceId, name: "Alice's workspace" } }),
    ]);
    // Self-hosted Postiz users point the CLI at https://host/api.
    const selfHosted = await cli(['integrations:list'], { apiUrl: `${h.url}/api` });
    expect(printed(selfHosted.stdout).map((c: { id: string }) => c.id)).toEqual([a.ids.channelId]);
  });

  it('upload, then posts:create with flags: a scheduled thread with the image, at the time given, in the key’s workspace', async () => {
    const file = path.join(os.tmpdir(), `postiz-${crypto.randomUUID()}.png`);
    fs.writeFileSync(file, png);
    const uploaded = await cli(['upload', file]);
    fs.rmSync(file);
    expect(uploaded.code).toBe(0);
    const mediaAnswer = printed(uploaded.stdout);
    expect(mediaAnswer).toMatchObject({ id: expect.any(String), originalName: path.basename(file), thumbnail: null, alt: null });
    expect(mediaAnswer.path).toBe(`${h.url}/api/v1/workspaces/${a.ids.workspaceId}/media/${mediaAnswer.id}/file`);
    const [row] = await db().select().from(media).where(eq(media.id, mediaAnswer.id));
    expect(row).toMatchObject({ workspaceId: a.ids.workspaceId, mimeType: 'image/png', status: 'ready' });

    const at = later(48);
    const created = await cli(['posts:create', '-c', 'Main post from the CLI', '-m', mediaAnswer.path, '-c', 'The reply', '-s', at, '-i', a.ids.channelId!]);
    expect(created.stderr).toBe('');
    const answer = printed(created.stdout);
    expect(answer).toEqual([{ postId: expect.any(String), integration: a.ids.channelId }]);
    const [delivery] = await db().select().from(deliveries).where(eq(deliveries.id, answer[0].postId));
    expect(delivery).toMatchObject({ workspaceId: a.ids.workspaceId, channelId: a.ids.channelId, state: 'queued' });
    expect(delivery!.dueAt!.toISOString()).toBe(at);
    expect(delivery!.content.parts).toEqual([
      { text: 'Main post from the CLI', media: [{ mediaId: mediaAnswer.id }] },
      { text: 'The reply', media: [] },
    ]);
    const [group] = await db().select().from(postGroups).where(eq(postGroups.id, delivery!.postGroupId));
    expect(group).toMatchObject({ workspaceId: a.ids.workspaceId, state: 'scheduled', createdBy: a.user.id });

    // Herald's own API shows the same post, scheduled at that time.
    const herald = await a.user.client.get(`/api/v1/workspaces/${a.ids.workspaceId}/posts/${group!.id}`);
    expect(new Date(herald.body.publishAt).toISOString()).toBe(at);
  });

  it('posts:create --json: an HTML draft with settings; __type and Postiz-only settings are dropped; client ids never become Herald ids', async () => {
    const file = path.join(os.tmpdir(), `postiz-post-${crypto.randomUUID()}.json`);
    const at = later(72);
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'draft',
        date: at,
        shortLink: true,
        tags: [],
        posts: [
          {
            integration: { id: a.ids.channelId },
            group: 'my-own-group-id',
            value: [{ id: 'my-own-post-id', content: '<p>Hello &amp; welcome</p><p>Second <strong>line</strong></p>', image: [{ id: a.ids.mediaId, path: 'https://uploads.postiz.com/ignored.png' }] }],
            settings: { __type: 'mastodon', visibility: 'unlisted', who_can_reply_post: 'everyone' },
          },
        ],
      }),
    );
    const created = await cli(['posts:create', '--json', file]);
    fs.rmSync(file);
    expect(created.stderr).toBe('');
    const [{ postId }] = printed(created.stdout);
    expect(postId).not.toBe('my-own-post-id');
    const [delivery] = await db().select().from(deliveries).where(eq(deliveries.id, postId));
    expect(delivery).toMatchObject({ workspaceId: a.ids.workspaceId, state: 'draft' });
    expect(delivery!.postGroupId).not.toBe('my-own-group-id');
    expect(delivery!.content.parts).toEqual([{ text: 'Hello & welcome\nSecond line', media: [{ mediaId: a.ids.mediaId }] }]);
    expect(delivery!.content.settings).toEqual({ visibility: 'unlisted' });
    const [group] = await db().select().from(postGroups).where(eq(postGroups.id, delivery!.postGroupId));
    expect(group!.publishAt!.toISOString()).toBe(at);
    expect(await db().select().from(postGroups).where(eq(postGroups.id, 'my-own-group-id'))).toEqual([]);
  });

  it('posts:list answers {posts} in Postiz’s shape, states mapped; posts:delete deletes the post and only it', async () => {
    const at = later(30);
    const created = (await call('POST', '/public/v1/posts', { body: { type: 'schedule', date: at, shortLink: false, tags: [], posts: [{ integration: { id: a.ids.channelId }, value: [{ content: 'To list and delete', image: [] }] }] } })).body;
    const postId = created[0].postId as string;
    const list = await cli(['posts:list', '--startDate', later(-1), '--endDate', later(24 * 30)]);
    expect(list.code).toBe(0);
    const { posts } = printed(list.stdout);
    const entry = posts.find((p: { id: string }) => p.id === postId);
    expect(entry).toMatchObject({ content: 'To list and delete', publishDate: at, state: 'QUEUE', heraldState: 'queued', releaseURL: null, integration: { id: a.ids.channelId, providerIdentifier: 'mastodon' } });
    expect(posts.some((p: { state: string }) => p.state === 'DRAFT')).toBe(true);
    // Only this workspace's posts.
    const workspaceOf = new Set((await db().select().from(deliveries).where(eq(deliveries.workspaceId, b.ids.workspaceId!))).map((d) => d.id));
    expect(posts.some((p: { id: string }) => workspaceOf.has(p.id))).toBe(false);

    const groupsBefore = (await db().select().from(postGroups)).length;
    const deleted = await cli(['posts:delete', postId]);
    expect(deleted.stdout).toContain(`Post ${postId} deleted successfully`);
    expect(await db().select().from(deliveries).where(eq(deliveries.id, postId))).toEqual([]);
    expect((await db().select().from(postGroups)).length).toBe(groupsBefore - 1);

    // Deleting it again: a 404 the CLI reports, and nothing else is touched (never "delete everything").
    const again = await cli(['posts:delete', postId]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('API Error (404)');
    expect((await db().select().from(postGroups)).length).toBe(groupsBefore - 1);
  });

  it('integrations:settings describes the network’s rules; analytics:platform and analytics:post read Herald’s counters', async () => {
    const settings = await cli(['integrations:settings', a.ids.channelId!]);
    const { output } = printed(settings.stdout);
    expect(output.maxLength).toBe(500);
    expect(output.rules).toContain('500 characters');
    expect(output.settings.properties.visibility.enum).toEqual(['public', 'unlisted', 'private', 'direct']);
    expect(output.herald).toMatchObject({ network: 'mastodon', replyChains: true });

    // A post published now through the API, with counters as the collector stores them.
    const now = (await call('POST', '/public/v1/posts', { body: { type: 'now', date: new Date().toISOString(), posts: [{ integration: { id: a.ids.channelId }, value: [{ content: 'Published right now' }] }] } })).body;
    const deliveryId = now[0].postId as string;
    const published = await waitFor(async () => {
      const [row] = await db().select().from(deliveries).where(and(eq(deliveries.id, deliveryId), eq(deliveries.state, 'published')));
      return row;
    });
    expect(mastodon.statuses.some((s) => s.text.includes('Published right now'))).toBe(true);
    await db().insert(deliveryMetrics).values({ deliveryId, workspaceId: a.ids.workspaceId!, channelId: a.ids.channelId!, likes: 7, comments: 2, shares: 1, extra: {} });

    const platform = await cli(['analytics:platform', a.ids.channelId!, '-d', '7']);
    expect(platform.code).toBe(0);
    const series = printed(platform.stdout);
    const day = published.publishedAt!.toISOString().slice(0, 10);
    expect(series).toEqual([
      { label: 'Likes', data: [{ total: 7, date: day }], percentageChange: 100 },
      { label: 'Comments', data: [{ total: 2, date: day }], percentageChange: 100 },
      { label: 'Shares', data: [{ total: 1, date: day }], percentageChange: 100 },
    ]);
    const one = await cli(['analytics:post', deliveryId]);
    expect(printed(one.stdout).map((s: { label: string; data: { total: number }[] }) => [s.label, s.data[0]!.total])).toEqual([
      ['Likes', 7],
      ['Comments', 2],
      ['Shares', 1],
    ]);
    // With the collector's history: the last reading of each day, and the change over the window.
    const daysAgo = (n: number, hours: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - n) + hours * 3_600_000);
    const reading = (readAt: Date, likes: number) => ({ deliveryId, workspaceId: a.ids.workspaceId!, channelId: a.ids.channelId!, readAt, likes, comments: null, shares: null, extra: {} });
    await db()
      .insert(deliveryMetricReadings)
      .values([reading(daysAgo(9, 8), 1), reading(daysAgo(3, 0), 2), reading(daysAgo(3, 0.5), 3), reading(daysAgo(2, 0), 5), reading(daysAgo(0, 0), 7)]);
    const week = printed((await cli(['analytics:post', deliveryId, '-d', '7'])).stdout);
    expect(week).toEqual([
      {
        label: 'Likes',
        data: [
          { total: 3, date: daysAgo(3, 0).toISOString().slice(0, 10) },
          { total: 5, date: daysAgo(2, 0).toISOString().slice(0, 10) },
          { total: 7, date: daysAgo(0, 0).toISOString().slice(0, 10) },
        ],
        // From the last reading before the window (1 like, nine days ago) to the newest.
        percentageChange: 600,
      },
    ]);
    const lastTwoDays = printed((await cli(['analytics:post', deliveryId, '-d', '2'])).stdout);
    // The window starts after the day-2 midnight reading (5 likes): 5 → 7.
    expect(lastTwoDays).toEqual([{ label: 'Likes', data: [{ total: 7, date: daysAgo(0, 0).toISOString().slice(0, 10) }], percentageChange: 40 }]);
    const listed = printed((await cli(['posts:list', '--startDate', later(-1), '--endDate', later(1)])).stdout).posts.find((p: { id: string }) => p.id === deliveryId);
    expect(listed).toMatchObject({ state: 'PUBLISHED', releaseURL: expect.stringContaining('http') });
  });

  it('refuses requests without a valid workspace key, with Postiz’s {msg} and Herald’s error', async () => {
    const none = await call('GET', '/public/v1/integrations', { key: null });
    expect(none).toMatchObject({ status: 401, body: { msg: 'No API Key found', error: { code: 'api_key.missing' } } });
    const wrong = await call('GET', '/public/v1/integrations', { key: `hk_${'A'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.msg).toMatch(/^Invalid API key/);
    expect((await call('GET', '/public/v1/integrations', { key: 'not a key at all' })).status).toBe(401);

    const revoked = await makeKey(a, allScopes);
    expect((await call('GET', '/public/v1/is-connected', { key: revoked })).status).toBe(200);
    expect((await a.user.client.delete(`/api/v1/workspaces/${a.ids.workspaceId}/api-keys/${await keyIdOf(revoked)}`)).status).toBeLessThan(300);
    expect(await call('GET', '/public/v1/integrations', { key: revoked })).toMatchObject({ status: 401, body: { msg: expect.stringContaining('revoked'), error: { code: 'api_key.revoked' } } });
    const expired = await makeKey(a, allScopes);
    await db().update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, await keyIdOf(expired)));
    expect(await call('GET', '/public/v1/is-connected', { key: expired })).toMatchObject({ status: 401, body: { error: { code: 'api_key.expired' } } });
    const personal = await makeKey(a, allScopes, { personal: true });
    const refusedPersonal = await call('GET', '/public/v1/integrations', { key: personal });
    expect(refusedPersonal.status).toBe(401);
    expect(refusedPersonal.body.msg).toContain('workspace API key');

    // Bearer works as well as the raw key, paced like every API key (RateLimit-* headers).
    const bearer = await call('GET', '/public/v1/is-connected', { authorization: `Bearer ${key}` });
    expect(bearer).toMatchObject({ status: 200, body: { connected: true } });
    expect(Number(bearer.headers.get('ratelimit-limit'))).toBe(300);

    // Scopes: a read-only key reads but writes nothing; an edit-only key drafts but does not schedule.
    const readOnly = await makeKey(a, ['posts.read', 'channels.read']);
    expect((await call('GET', '/public/v1/integrations', { key: readOnly })).status).toBe(200);
    const draft = { type: 'draft', date: later(5), posts: [{ integration: { id: a.ids.channelId }, value: [{ content: 'scoped' }] }] };
    expect((await call('POST', '/public/v1/posts', { key: readOnly, body: draft })).status).toBe(403);
    const editOnly = await makeKey(a, ['posts.read', 'posts.edit', 'channels.read']);
    expect((await call('POST', '/public/v1/posts', { key: editOnly, body: draft })).status).toBe(200);
    const scheduled = await call('POST', '/public/v1/posts', { key: editOnly, body: { ...draft, type: 'schedule' } });
    expect(scheduled).toMatchObject({ status: 403, body: { error: { code: 'api_key.scope', details: { permission: 'posts.schedule' } } } });
    const noChannels = await makeKey(a, ['posts.read']);
    expect((await call('GET', '/public/v1/integrations', { key: noChannels })).status).toBe(403);
    // The CLI reports a refused key the way it reports Postiz's.
    const refusedCli = await cli(['integrations:list'], { key: noChannels });
    expect(refusedCli.code).toBe(1);
    expect(refusedCli.stderr).toContain('API Error (403)');
  });

  it('answers 404 for another workspace’s ids and touches nothing of it', async () => {
    const bPost = b.ids.deliveryId!;
    expect((await call('DELETE', `/public/v1/posts/${bPost}`)).status).toBe(404);
    expect((await call('DELETE', `/public/v1/posts/${b.ids.postId}`)).status).toBe(404);
    expect((await call('DELETE', `/public/v1/posts/group/${b.ids.postId}`)).status).toBe(404);
    expect((await call('PUT', `/public/v1/posts/${bPost}/status`, { body: { status: 'draft' } })).status).toBe(404);
    expect(await db().select().from(deliveries).where(eq(deliveries.id, bPost))).toHaveLength(1);
    for (const url of [`/public/v1/find-slot/${b.ids.channelId}`, `/public/v1/integration-settings/${b.ids.channelId}`, `/public/v1/analytics/${b.ids.channelId}`, `/public/v1/analytics/post/${bPost}`]) {
      const res = await call('GET', url);
      expect(res.status, url).toBe(404);
      expect(res.body.error.code).toMatch(/not_found$/);
    }
    const intoB = await call('POST', '/public/v1/posts', { body: { type: 'draft', date: later(5), posts: [{ integration: { id: b.ids.channelId }, value: [{ content: 'x' }] }] } });
    expect(intoB.status).toBe(404);
    // B's uploaded file is not A's to use.
    const withBMedia = await call('POST', '/public/v1/posts', {
      body: { type: 'draft', date: later(5), posts: [{ integration: { id: a.ids.channelId }, value: [{ content: 'x', image: [{ id: b.ids.mediaId, path: `${h.url}/api/v1/workspaces/${b.ids.workspaceId}/media/${b.ids.mediaId}/file` }] }] }] },
    });
    expect(withBMedia.status).toBe(400);
    expect(withBMedia.body.message).toContain('posts.0.value.0.image.0.path');
    // B's own key still sees its post.
    const listB = await call('GET', `/public/v1/posts?startDate=2030-01-01T00:00:00Z&endDate=2032-01-01T00:00:00Z`, { key: keyB });
    expect(listB.body.posts.map((p: { id: string }) => p.id)).toEqual([bPost]);
  });

  it('validates dates and posts with Herald’s rules (400), and answers JSON for unknown and unsupported routes', async () => {
    expect((await call('GET', '/public/v1/posts')).status).toBe(400);
    expect((await call('GET', '/public/v1/posts?startDate=2026-01-01T00:00:00Z')).status).toBe(400);
    const garbage = await call('GET', '/public/v1/posts?startDate=yesterday&endDate=2026-01-01');
    expect(garbage.status).toBe(400);
    expect(garbage.body.message).toContain('startDate');
    expect((await call('GET', '/public/v1/posts?startDate=2026-02-01&endDate=2026-01-01')).status).toBe(400);

    const post = (over: Record<string, unknown>, content = 'text') => ({ type: 'schedule', date: later(5), posts: [{ integration: { id: a.ids.channelId }, value: [{ content }] }], ...over });
    const badDate = await call('POST', '/public/v1/posts', { body: post({ date: 'next tuesday' }) });
    expect(badDate).toMatchObject({ status: 400, body: { message: expect.stringContaining('date') } });
    expect((await call('POST', '/public/v1/posts', { body: post({ date: undefined }) })).status).toBe(400);
    const past = await call('POST', '/public/v1/posts', { body: post({ date: '2020-01-01T00:00:00Z' }) });
    expect(past.body.message).toContain('in the past');
    const tooLong = await call('POST', '/public/v1/posts', { body: post({}, 'x'.repeat(501)) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toBe('posts.0.value.0.content: Mastodon: 501 of 500 characters, 1 too many');
    expect((await call('POST', '/public/v1/posts', { body: post({ type: 'sometime' }) })).status).toBe(400);
    expect((await call('POST', '/public/v1/posts', { body: post({ inter: 7 }) })).status).toBe(400);

    const unknown = await call('GET', '/public/v1/no-such-thing');
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'route.not_found' } } });
    for (const [method, url] of [
      ['POST', '/public/v1/generate-video'],
      ['POST', `/public/v1/integration-trigger/${a.ids.channelId}`],
      ['GET', '/public/v1/users'],
      ['GET', `/public/v1/posts/${a.ids.deliveryId}/missing`],
      ['PUT', `/public/v1/posts/${a.ids.deliveryId}/release-id`],
    ] as const) {
      const res = await call(method, url, method === 'GET' ? {} : { body: {} });
      expect(res.status, url).toBe(501);
      expect(res.body.error.code).toBe('postiz.not_supported');
    }
    // The connect URL: whoever owns the account opens it, without a Herald session.
    const social = await call('GET', `/public/v1/social/mastodon?instance=${mastodon.domain}`);
    expect(social.status).toBe(200);
    const channelsBefore = (await call('GET', '/public/v1/integrations')).body.length;
    const opened = await fetch(mastodon.authorize(social.body.url), { redirect: 'manual' });
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Your account is connected');
    expect((await call('GET', '/public/v1/integrations')).body.length).toBeGreaterThanOrEqual(channelsBefore);
    const unknownProvider = await call('GET', '/public/v1/social/myspace');
    expect(unknownProvider.status).toBe(400);
    expect(unknownProvider.body.error.code).toBe('postiz.unknown_provider');
  });

  it('status, find-slot, groups, re-POST of an existing group, upload-from-url', async () => {
    const at = later(50);
    const [{ postId }] = (await call('POST', '/public/v1/posts', { body: { type: 'schedule', date: at, posts: [{ integration: { id: a.ids.channelId }, value: [{ content: 'Status test' }] }] } })).body;
    expect((await call('PUT', `/public/v1/posts/${postId}/status`, { body: { status: 'draft' } })).body).toMatchObject({ id: postId, state: 'DRAFT' });
    expect((await db().select().from(deliveries).where(eq(deliveries.id, postId)))[0]!.state).toBe('draft');
    expect((await call('PUT', `/public/v1/posts/${postId}/status`, { body: { status: 'schedule' } })).body).toMatchObject({ state: 'QUEUE' });
    const [back] = await db().select().from(deliveries).where(eq(deliveries.id, postId));
    expect(back).toMatchObject({ state: 'queued' });
    expect(back!.dueAt!.toISOString()).toBe(at);
    expect((await call('PUT', `/public/v1/posts/${postId}/status`, { body: { status: 'published' } })).status).toBe(400);

    // Re-POST with the group: the same post, replaced.
    const groupId = back!.postGroupId;
    const groupsBefore = (await db().select().from(postGroups)).length;
    const replaced = await call('POST', '/public/v1/posts', { body: { type: 'update', date: at, posts: [{ integration: { id: a.ids.channelId }, group: groupId, value: [{ id: postId, content: 'Status test, edited' }] }] } });
    expect(replaced.body).toEqual([{ postId, integration: a.ids.channelId }]);
    expect((await db().select().from(postGroups)).length).toBe(groupsBefore);
    expect((await db().select().from(deliveries).where(eq(deliveries.id, postId)))[0]!.content.parts[0]!.text).toBe('Status test, edited');
    // DELETE by group.
    expect((await call('DELETE', `/public/v1/posts/group/${groupId}`)).body).toEqual({ deleted: true, group: groupId, postIds: [postId] });

    const slot = await call('GET', `/public/v1/find-slot/${a.ids.channelId}`);
    expect(slot.status).toBe(200);
    expect(new Date(slot.body.date).getTime()).toBeGreaterThan(Date.now());
    // The same time Herald's own queue would take.
    const upcoming = await a.user.client.get(`/api/v1/workspaces/${a.ids.workspaceId}/channels/${a.ids.channelId}/slots/upcoming?count=1`);
    expect(slot.body.date).toBe(new Date(upcoming.body.items[0]).toISOString());
    expect((await call('GET', '/public/v1/groups')).body).toEqual([{ id: a.ids.workspaceId, name: "Alice's workspace" }]);

    const server = http.createServer((req, res) => {
      if (req.url === '/picture.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      res.writeHead(404).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const fetched = await call('POST', '/public/v1/upload-from-url', { body: { url: `http://127.0.0.1:${port}/picture.png` } });
      expect(fetched.status).toBe(200);
      expect(fetched.body).toMatchObject({ name: 'picture.png', path: expect.stringContaining(`/media/${fetched.body.id}/file`) });
      expect((await db().select().from(media).where(eq(media.id, fetched.body.id)))[0]).toMatchObject({ workspaceId: a.ids.workspaceId, mimeType: 'image/png' });
      const missing = await call('POST', '/public/v1/upload-from-url', { body: { url: `http://127.0.0.1:${port}/nope.png` } });
      expect(missing).toMatchObject({ status: 400, body: { error: { code: 'media.url_unreachable' } } });
      expect((await call('POST', '/public/v1/upload-from-url', { body: { url: 'file:///etc/passwd' } })).status).toBe(400);
    } finally {
      server.close();
    }
  });

  it('limits post creation per workspace per hour (429 with JSON); another workspace is not affected', async () => {
    const body = { type: 'draft', date: later(5), posts: [{ integration: { id: a.ids.channelId }, value: [{ content: 'many' }] }] };
    let limited: { status: number; body: any } | null = null;
    for (let i = 0; i < POSTS_PER_HOUR + 1 && !limited; i += 1) {
      const res = await call('POST', '/public/v1/posts', { body });
      if (res.status === 429) limited = res;
      else expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect((await call('POST', '/public/v1/posts', { key: keyB, body: { ...body, posts: [{ integration: { id: b.ids.channelId }, value: [{ content: 'fine' }] }] } })).status).toBe(200);
    // Reading is not limited.
    expect((await call('GET', '/public/v1/is-connected')).status).toBe(200);
  });
});
