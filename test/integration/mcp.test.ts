import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { auditLog } from '../../src/server/db/schema/index.ts';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import { type Permission, type Role } from '../../src/shared/permissions.ts';
import { keyablePermissions } from '../../src/server/modules/api-keys/api-keys.service.ts';
import { signUp, startTestHerald, type Client as TestClient, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { connectMastodon, fastEngineEnv, runJobNow, waitForPost } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// The MCP endpoint, driven by the SDK's own client as an assistant would: every tool acts as the
// key's creator within the key's scopes, through Herald's services (rules, approvals, audit).
describe('MCP server', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let workspaceId: string;
  let team: Record<Role, TeamMember>;
  let channel: string;
  let otherWorkspaceId: string;
  let otherPostId: string;
  const clients: Client[] = [];
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const later = (hours = 24) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const db = () => h.herald.database.db;

  /** A workspace key made on the API and webhooks page (owners and admins), or a personal key. */
  async function createKey(who: TeamMember | { client: TestClient }, scopes: readonly Permission[], options: { personal?: boolean } = {}) {
    const url = options.personal ? '/api/v1/me/api-keys' : api('/api-keys');
    const res = await who.client.post(url, { name: 'assistant', scopes });
    if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { key: res.body.key as string, id: res.body.id as string };
  }

  async function connect(key: string) {
    const client = new Client({ name: 'herald-tests', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', h.url), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
    clients.push(client);
    return client;
  }

  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult & { structuredContent: any };
  const textOf = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  const ok = async (client: Client, name: string, args: Record<string, unknown> = {}) => {
    const result = await call(client, name, args);
    if (result.isError) throw new Error(`${name} failed: ${textOf(result)}`);
    return result;
  };

  let owner: Client;
  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_ANALYTICS_INTERVAL_MINUTES: '60' } });
    ({ workspaceId, members: team } = await createTeam(h.url, 'Assisted'));
    channel = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
    owner = await connect((await createKey(team.owner, keyablePermissions)).key);

    // Someone else's workspace, with a post of its own.
    const stranger = await signUp(h.url);
    otherWorkspaceId = (await stranger.client.post('/api/v1/workspaces', { name: 'Elsewhere' })).body.id;
    const otherFake = await startMastodonFake({ account: { id: '109000000000000009', username: 'other', displayName: 'Other' } });
    const otherChannel = await connectMastodon(h, stranger.client, otherWorkspaceId, otherFake);
    const otherPost = await stranger.client.post(`/api/v1/workspaces/${otherWorkspaceId}/posts`, { content: { text: 'Not yours' }, channels: [{ channelId: otherChannel }] });
    otherPostId = otherPost.body.id;
    await otherFake.close();
  }, 120_000);
  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => undefined);
    await h?.close();
    await mastodon?.close();
  });

  it('lists its tools, each with a description and an input schema', async () => {
    const { tools } = await owner.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [
        'add_to_queue',
        'cancel_post',
        'create_draft',
        'delete_post',
        'get_best_times',
        'get_channel_analytics',
        'get_network_rules',
        'get_post',
        'get_post_analytics',
        'list_channels',
        'list_posts',
        'list_queue_slots',
        'list_workspaces',
        'reschedule_post',
        'schedule_post',
      ].sort(),
    );
    for (const t of tools) {
      expect(t.description!.length).toBeGreaterThan(40);
      expect(t.inputSchema.type).toBe('object');
    }
    expect(tools.find((t) => t.name === 'schedule_post')!.inputSchema.required).toEqual(['publishAt']);
    expect(tools.find((t) => t.name === 'list_posts')!.annotations?.readOnlyHint).toBe(true);
  });

  it('lists workspaces and channels, and reads the rules of a channel and of a network', async () => {
    const workspaces = await ok(owner, 'list_workspaces');
    expect(workspaces.structuredContent.items).toEqual([expect.objectContaining({ id: workspaceId, name: 'Assisted', role: 'owner', timeZone: 'UTC' })]);

    const channels = await ok(owner, 'list_channels');
    expect(channels.structuredContent.items).toEqual([expect.objectContaining({ id: channel, network: 'mastodon', status: 'ok' })]);
    expect(textOf(channels)).toContain(`id ${channel}`);

    const rules = await ok(owner, 'get_network_rules', { channelId: channel });
    expect(rules.structuredContent.items[0]).toMatchObject({ channelId: channel, network: 'mastodon', text: { maxLength: 500, countedIn: 'characters' }, media: { maxFiles: 4 }, supportsThreads: true });
    expect(rules.structuredContent.items[0].settings.defaults).toEqual({ visibility: 'public' });
    expect(textOf(rules)).toContain('text up to 500 characters');

    const x = await ok(owner, 'get_network_rules', { network: 'x' });
    expect(x.structuredContent.items[0]).toMatchObject({ network: 'x', text: { maxLength: 280 } });

    const unknown = await call(owner, 'get_network_rules', { channelId: 'nope' });
    expect(unknown.isError).toBe(true);
    expect(unknown.structuredContent.error.code).toBe('channel.not_found');
  });

  it('creates a draft the web app sees, with the audit naming the key’s user', async () => {
    const draft = await ok(owner, 'create_draft', { text: 'Drafted by an assistant', channelIds: [channel] });
    const postId = draft.structuredContent.post.id;
    expect(draft.structuredContent.post).toMatchObject({ state: 'draft', publishAt: null, channels: [expect.objectContaining({ channelId: channel, state: 'draft' })] });
    expect(textOf(draft)).toContain('nothing is sent');

    const seen = await team.owner.client.get(api(`/posts/${postId}`));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ state: 'draft', content: { text: 'Drafted by an assistant' }, createdBy: team.owner.id });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, postId), eq(auditLog.action, 'post.created')));
    expect(audit!.actorUserId).toBe(team.owner.id);

    // Herald's rules apply: a text over Mastodon's 500 characters is refused with the field.
    const tooLong = await call(owner, 'create_draft', { text: 'x'.repeat(501), channelIds: [channel] });
    expect(tooLong.isError).toBe(true);
    expect(tooLong.structuredContent.error.code).toBe('validation_failed');
    expect(textOf(tooLong)).toMatch(/^validation_failed: channels\.0\./);
  });

  it('schedules a draft and a new post, reschedules one, and the fake receives the one due now', async () => {
    const draft = await ok(owner, 'create_draft', { text: 'Schedule me', channelIds: [channel] });
    const at = later(30);
    const scheduled = await ok(owner, 'schedule_post', { postId: draft.structuredContent.post.id, publishAt: at, timeZone: 'Europe/Berlin' });
    expect(textOf(scheduled)).toMatch(/^Scheduled for /);
    const seen = await team.owner.client.get(api(`/posts/${draft.structuredContent.post.id}`));
    expect(seen.body).toMatchObject({ state: 'scheduled', timeZone: 'Europe/Berlin' });
    expect(new Date(seen.body.publishAt).toISOString()).toBe(at);
    expect(seen.body.deliveries[0].state).toBe('queued');

    const moved = later(48);
    const rescheduled = await ok(owner, 'reschedule_post', { postId: draft.structuredContent.post.id, publishAt: moved });
    expect(rescheduled.structuredContent.post.timeZone).toBe('UTC');
    expect(new Date((await team.owner.client.get(api(`/posts/${draft.structuredContent.post.id}`))).body.publishAt).toISOString()).toBe(moved);
    const listed = await ok(owner, 'list_posts', { from: later(47), to: later(49), states: ['scheduled'] });
    expect(listed.structuredContent.items.map((p: { id: string }) => p.id)).toEqual([draft.structuredContent.post.id]);

    // A new post due now goes out through the engine to the network.
    const now = await ok(owner, 'schedule_post', { text: 'Out right away', channelIds: [channel], publishAt: new Date().toISOString() });
    const postId = now.structuredContent.post.id;
    const published = await waitForPost(team.owner.client, workspaceId, postId, (p) => p.state === 'published');
    expect(mastodon.statuses.filter((s) => s.text === 'Out right away')).toHaveLength(1);
    const got = await ok(owner, 'get_post', { postId });
    expect(got.structuredContent.post.channels[0]).toMatchObject({ state: 'published', externalUrl: published.deliveries[0].externalUrl });

    // Its counters, once read: what Mastodon does not report is said in words, not 0.
    mastodon.engage(published.deliveries[0].externalId, { favourites: 7, reblogs: 2, quotes: 1 });
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    const analytics = await ok(owner, 'get_post_analytics', { postId });
    expect(analytics.structuredContent.items[0].reading).toMatchObject({ views: null, reach: null, likes: 7, shares: 2, extra: { quotes: 1 } });
    expect(analytics.structuredContent.items[0].notReportedByNetwork).toEqual(['views', 'reach']);
    expect(textOf(analytics)).toContain('views not reported by this network');
    expect(textOf(analytics)).toContain('likes 7');
    const channelTotals = await ok(owner, 'get_channel_analytics', { channelId: channel });
    expect(channelTotals.structuredContent).toMatchObject({ postsWithReadings: 1, counters: { views: null, likes: 7, shares: 2, comments: 0 }, extra: { quotes: 1 } });
    expect(textOf(channelTotals)).toContain('reach not reported by this network');
    const none = await ok(owner, 'get_channel_analytics', { channelId: channel, to: '2001-01-01' });
    expect(none.structuredContent.postsWithReadings).toBe(0);
    // One post is no basis for a suggestion: the tool says so rather than guessing.
    const best = await ok(owner, 'get_best_times', { channelId: channel });
    expect(best.structuredContent).toMatchObject({ enough: false, suggestions: [], channelId: channel, timeZone: 'UTC' });
    expect(textOf(best)).toMatch(/^Not enough data to suggest times yet \(based on \d+ post\(s\) over \d+ week\(s\); suggestions need 20 posts/);

    // Cancel, then delete.
    const cancelled = await ok(owner, 'cancel_post', { postId: draft.structuredContent.post.id });
    expect(cancelled.structuredContent.post.state).toBe('cancelled');
    await ok(owner, 'delete_post', { postId: draft.structuredContent.post.id });
    expect((await team.owner.client.get(api(`/posts/${draft.structuredContent.post.id}`))).status).toBe(404);
  });

  it('fills the queue from the channel’s posting times', async () => {
    const slots = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: 9 * 60 }));
    expect((await team.owner.client.put(api(`/channels/${channel}/slots`), { slots })).status).toBe(200);
    const queue = await ok(owner, 'list_queue_slots', { channelId: channel, count: 3 });
    const [first] = queue.structuredContent.items[0].freeSlots;
    expect(queue.structuredContent.items[0].freeSlots).toHaveLength(3);
    const queued = await ok(owner, 'add_to_queue', { text: 'Queued by an assistant', channelIds: [channel] });
    expect(queued.structuredContent.post).toMatchObject({ state: 'scheduled', publishAt: first });
    const after = await ok(owner, 'list_queue_slots', { channelId: channel });
    expect(after.structuredContent.items[0].upcoming.map((p: { postId: string }) => p.postId)).toContain(queued.structuredContent.post.id);
    expect(after.structuredContent.items[0].freeSlots[0]).not.toBe(first);
  });

  it('refuses what the key’s scopes do not allow, as a tool error with Herald’s code', async () => {
    const drafter = await connect((await createKey(team.owner, ['workspace.read', 'channels.read', 'posts.read', 'posts.edit'])).key);
    const before = (await team.owner.client.get(api('/posts?limit=500'))).body.items.length;
    const refused = await call(drafter, 'schedule_post', { text: 'Not allowed', channelIds: [channel], publishAt: later() });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent.error).toMatchObject({ code: 'api_key.scope', details: { permission: 'posts.schedule' } });
    expect(textOf(refused)).toMatch(/^api_key\.scope: /);
    // Recorded as the API records a key's refused request.
    const refusals = await db().select().from(auditLog).where(and(eq(auditLog.action, 'api_key.refused'), eq(auditLog.workspaceId, workspaceId)));
    expect(refusals.map((r) => r.changes)).toContainEqual(expect.objectContaining({ reason: 'scope', permission: 'posts.schedule' }));
    expect((await team.owner.client.get(api('/posts?limit=500'))).body.items.length).toBe(before);
    // It may still draft.
    await ok(drafter, 'create_draft', { text: 'Drafting is fine', channelIds: [channel] });

    // A viewer's personal key never does more than the viewer, whatever its scopes say.
    const viewer = await connect((await createKey(team.viewer, keyablePermissions, { personal: true })).key);
    const viewerDraft = await call(viewer, 'create_draft', { workspaceId, text: 'Viewer', channelIds: [channel] });
    expect(viewerDraft.structuredContent.error).toMatchObject({ code: 'api_key.scope', details: { permission: 'posts.edit' } });
    await ok(viewer, 'list_posts', { workspaceId });
  });

  it('keeps another workspace’s posts and the workspace itself out of reach', async () => {
    const foreign = await call(owner, 'get_post', { postId: otherPostId });
    expect(foreign.isError).toBe(true);
    expect(foreign.structuredContent.error.code).toBe('post.not_found');
    const moved = await call(owner, 'reschedule_post', { postId: otherPostId, publishAt: later() });
    expect(moved.structuredContent.error.code).toBe('post.not_found');
    const elsewhere = await call(owner, 'list_posts', { workspaceId: otherWorkspaceId });
    expect(elsewhere.structuredContent.error.code).toBe('workspace.not_found');
  });

  it('sends posts to review where approval is needed, unless the key can approve', async () => {
    expect((await team.admin.client.put(api('/approval-settings'), { approvalRequired: true })).status).toBe(200);
    try {
      const editor = await connect((await createKey(team.editor, keyablePermissions, { personal: true })).key);
      const review = await ok(editor, 'schedule_post', { workspaceId, text: 'Needs a yes', channelIds: [channel], publishAt: later(5) });
      expect(review.structuredContent.post.state).toBe('in_review');
      expect(textOf(review)).toContain('sent to review');
      expect((await team.approver.client.get(api(`/posts/${review.structuredContent.post.id}`))).body.deliveries[0].state).toBe('draft');

      // The owner's key with posts.approve approves by scheduling; an admin's key without it does not.
      const direct = await ok(owner, 'schedule_post', { text: 'Owner says yes', channelIds: [channel], publishAt: later(6) });
      expect(direct.structuredContent.post.state).toBe('scheduled');
      expect(textOf(direct)).toContain('approved by scheduling');
      const adminNoApprove = await connect((await createKey(team.admin, keyablePermissions.filter((p) => p !== 'posts.approve'))).key);
      const held = await ok(adminNoApprove, 'schedule_post', { text: 'Admin key without approve', channelIds: [channel], publishAt: later(7) });
      expect(held.structuredContent.post.state).toBe('in_review');
    } finally {
      await team.admin.client.put(api('/approval-settings'), { approvalRequired: false });
    }
  });

  it('lets a personal key work in each of its user’s workspaces, naming the workspace', async () => {
    const personal = await connect((await createKey(team.editor, keyablePermissions, { personal: true })).key);
    const editorsOwn = (await team.editor.client.post('/api/v1/workspaces', { name: 'Editor own' })).body.id;
    const list = await ok(personal, 'list_workspaces');
    expect(list.structuredContent.items.map((w: { id: string; role: string }) => [w.id, w.role]).sort()).toEqual([
      [editorsOwn, 'owner'],
      [workspaceId, 'editor'],
    ].sort());
    const missing = await call(personal, 'list_channels');
    expect(missing.structuredContent.error.code).toBe('mcp.workspace_required');
    const channels = await ok(personal, 'list_channels', { workspaceId });
    expect(channels.structuredContent.items).toHaveLength(1);
    expect((await call(personal, 'list_channels', { workspaceId: otherWorkspaceId })).structuredContent.error.code).toBe('workspace.not_found');
  });

  it('answers 401 with WWW-Authenticate for a missing, unknown or revoked key', async () => {
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
    const send = (headers: Record<string, string>) =>
      fetch(new URL('/mcp', h.url), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify(initialize) });

    const none = await send({});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(((await none.json()) as any).error.code).toBe('auth.unauthenticated');

    // Who comes before what: a bad body without a key is a 401 too, not a validation hint.
    const badBody = await fetch(new URL('/mcp', h.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' });
    expect(badBody.status).toBe(401);

    const unknown = await send({ authorization: `Bearer hk_${'a'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const { key, id } = await createKey(team.owner, keyablePermissions);
    const works = await send({ authorization: `Bearer ${key}` });
    expect(works.status).toBe(200);
    // The API's per-key limit, told in the standard headers on the hijacked answer too.
    expect(Number(works.headers.get('ratelimit-limit'))).toBeGreaterThan(0);
    expect(works.headers.get('ratelimit-remaining')).toMatch(/^\d+$/);
    expect(((await works.json()) as any).result.serverInfo.name).toBe('herald');
    const notJsonRpc = await fetch(new URL('/mcp', h.url), { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{"hello":1}' });
    expect(notJsonRpc.status).toBe(400);
    const client = await connect(key);
    expect((await team.owner.client.delete(api(`/api-keys/${id}`))).status).toBe(204);
    const revoked = await send({ authorization: `Bearer ${key}` });
    expect(revoked.status).toBe(401);
    // The client already connected is refused on its next call.
    await expect(client.listTools()).rejects.toMatchObject({ code: 401, message: expect.stringContaining('api_key.revoked') });
    await expect(connect(key)).rejects.toMatchObject({ code: 401 });
  });

  it('refuses browser requests from other sites, and offers no stream on GET', async () => {
    const { key } = await createKey(team.owner, keyablePermissions);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const crossSite = await fetch(new URL('/mcp', h.url), { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', origin: 'https://evil.example' }, body });
    expect(crossSite.status).toBe(403);
    const get = await fetch(new URL('/mcp', h.url), { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(new URL('/mcp', h.url), { method: 'DELETE' })).status).toBe(401);
  });
});
