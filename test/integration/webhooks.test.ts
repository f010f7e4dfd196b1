import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { auditLog, deliveries, notifications, webhookDeliveries, webhookEndpoints } from '../../src/server/db/schema/index.ts';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys } from '../../src/server/security/secret-box.ts';
import { checkEndpointUrl } from '../../src/server/modules/webhooks/webhooks.service.ts';
import { attemptDelivery, claimOne, newSigningSecret, secretSealContext } from '../../src/server/modules/webhooks/webhooks.sender.ts';
import { newMessageId } from '../../src/server/modules/webhooks/webhooks.emit.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { connectMastodon, fastEngineEnv, waitFor, waitForPost } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';
import type { Role } from '../../src/shared/permissions.ts';

// Webhooks end to end: a receiver on loopback checks every request's Standard Webhooks signature
// with the maintained library; events come from real publishing, scheduling and approvals.
describe('webhooks', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let receiver: WebhookReceiver;
  let workspaceId: string;
  let team: Record<Role, TeamMember>;
  let channel: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const db = () => h.herald.database.db;
  const later = (hours = 24) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const secrets = new Map<string, string>();
  const addEndpoint = async (path: string, events: string[], description?: string) => {
    const res = await team.admin.client.post(api('/webhooks'), { url: `${receiver.base}${path}`, events, description });
    expect(res.status).toBe(201);
    secrets.set(path, res.body.secret);
    return res.body as { id: string; secret: string };
  };
  /** Verifies with the maintained library and answers the payload; throws on a bad signature. */
  const verified = (path: string, request: { headers: Record<string, string>; body: string }) => new Webhook(secrets.get(path)!).verify(request.body, request.headers) as { type: string; timestamp: string; data: any };

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    receiver = await startWebhookReceiver();
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_WEBHOOKS_ALLOW_PRIVATE: 'true', HERALD_WEBHOOK_RETRY_SECONDS: '0.05,0.05,0.05,0.05,0.05,0.05,0.05' } });
    ({ workspaceId, members: team } = await createTeam(h.url, 'Webhooks'));
    channel = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await receiver?.close();
  });

  it('lets owners and admins manage endpoints; an editor gets 403, another workspace 404', async () => {
    expect((await team.editor.client.get(api('/webhooks'))).status).toBe(403);
    expect((await team.editor.client.post(api('/webhooks'), { url: `${receiver.base}/x`, events: ['post.published'] })).status).toBe(403);
    const created = await addEndpoint('/perm', ['post.published']);
    const stranger = await signUp(h.url);
    const own = await stranger.client.post('/api/v1/workspaces', { name: 'Elsewhere' });
    expect((await stranger.client.get(api(`/webhooks/${created.id}`))).status).toBe(404);
    const viaOwn = await stranger.client.get(`/api/v1/workspaces/${own.body.id}/webhooks/${created.id}`);
    expect(viaOwn.status).toBe(404);
    expect(viaOwn.body.error.code).toBe('webhook.not_found');
    expect((await stranger.client.delete(`/api/v1/workspaces/${own.body.id}/webhooks/${created.id}`)).status).toBe(404);
    expect((await team.owner.client.delete(api(`/webhooks/${created.id}`))).status).toBe(204);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['webhook.created', 'webhook.deleted']);
  });

  it('shows the signing secret once: never in lists, reads, updates or audit rows', async () => {
    const created = await addEndpoint('/sec', ['post.deleted'], 'Signing check');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const list = await team.admin.client.get(api('/webhooks'));
    const read = await team.admin.client.get(api(`/webhooks/${created.id}`));
    const patched = await team.admin.client.patch(api(`/webhooks/${created.id}`), { description: 'Renamed' });
    for (const answer of [list, read, patched]) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(created.secret);
      expect(JSON.stringify(answer.body)).not.toMatch(/whsec_|secret/i);
    }
    const rotated = await team.admin.client.post(api(`/webhooks/${created.id}/rotate-secret`));
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    secrets.set('/sec', rotated.body.secret);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['webhook.created', 'webhook.updated', 'webhook.secret_rotated']));
    expect(JSON.stringify(audits)).not.toContain('whsec_');
    const [row] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(row!.secretSealed).not.toContain(rotated.body.secret);
  });

  it('refuses bad URLs and unknown events, and more than 20 endpoints', async () => {
    for (const url of ['ftp://example.com/hook', 'not a url', 'https://user:pw@example.com/hook']) {
      const res = await team.admin.client.post(api('/webhooks'), { url, events: ['post.published'] });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('webhook.invalid_url');
    }
    expect((await team.admin.client.post(api('/webhooks'), { url: `${receiver.base}/x`, events: ['post.nope'] })).status).toBe(400);
    expect((await team.admin.client.post(api('/webhooks'), { url: `${receiver.base}/x`, events: [] })).status).toBe(400);
    // Without the test-only setting: https on public addresses only.
    expect(() => checkEndpointUrl('http://example.com/hook', false)).toThrow(/https/);
    for (const url of ['https://127.0.0.1/hook', 'https://10.1.2.3/hook', 'https://[::1]/hook', 'https://localhost/hook', 'https://metadata.internal/x']) {
      expect(() => checkEndpointUrl(url, false), url).toThrow(expect.objectContaining({ code: 'webhook.url_not_public' }));
    }
    expect(checkEndpointUrl('https://hooks.example.com/in#frag', false)).toBe('https://hooks.example.com/in');

    const count = (await team.admin.client.get(api('/webhooks'))).body.items.length as number;
    const extra: string[] = [];
    for (let i = count; i < 20; i++) extra.push((await team.admin.client.post(api('/webhooks'), { url: `${receiver.base}/filler`, events: ['channel.needs_reconnect'] })).body.id);
    const over = await team.admin.client.post(api('/webhooks'), { url: `${receiver.base}/filler`, events: ['channel.needs_reconnect'] });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('webhook.limit_reached');
    for (const id of extra) expect((await team.admin.client.delete(api(`/webhooks/${id}`))).status).toBe(204);
  });

  it('sends a signed test event the receiver verifies; a tampered body fails verification', async () => {
    const endpoint = await addEndpoint('/ping', ['post.published']);
    const test = await team.admin.client.post(api(`/webhooks/${endpoint.id}/test`));
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ eventType: 'webhook.test', status: 'succeeded', attempts: 1 });
    const [request] = await receiver.waitFor('/ping', 1);
    expect(request!.headers['webhook-id']).toBe(test.body.id);
    expect(request!.headers['content-type']).toBe('application/json');
    const payload = verified('/ping', request!);
    expect(payload).toMatchObject({ type: 'webhook.test', data: { endpoint: { id: endpoint.id } } });
    expect(() => verified('/ping', { headers: request!.headers, body: request!.body.replace('webhook.test', 'webhook.tost') })).toThrow(/signature/i);
    expect(() => new Webhook(newSigningSecret()).verify(request!.body, request!.headers)).toThrow();

    const [attempt] = test.body.attemptLog;
    expect(attempt).toMatchObject({ responseStatus: 200, responseBody: 'thanks', error: null, manual: false });
    expect(attempt.requestBody).toBe(request!.body);
    expect(attempt.requestHeaders['webhook-id']).toBe(test.body.id);
    expect(attempt.requestHeaders['webhook-signature']).not.toBe(request!.headers['webhook-signature']);
    expect(JSON.stringify(test.body)).not.toContain(endpoint.secret);
    const log = await team.admin.client.get(api(`/webhooks/${endpoint.id}/deliveries`));
    expect(log.body.items.map((d: { eventType: string; status: string }) => [d.eventType, d.status])).toEqual([['webhook.test', 'succeeded']]);
  });

  it('tells subscribers a post was scheduled and published, signed, within moments of the event', async () => {
    await addEndpoint('/posts', ['post.scheduled', 'post.published', 'post.failed', 'post.deleted']);
    const created = await team.owner.client.post(api('/posts'), { content: { text: 'Webhook launch post' }, channels: [{ channelId: channel }], schedule: { mode: 'now' } });
    expect(created.status).toBe(201);
    const post = await waitForPost(team.owner.client, workspaceId, created.body.id, (p) => p.deliveries?.every((d: { state: string }) => d.state === 'published'));
    const requests = await receiver.waitFor('/posts', 2);
    const events = requests.map((r) => verified('/posts', r));
    expect(events.map((e) => e.type)).toEqual(['post.scheduled', 'post.published']);
    expect(events[0]!.data.post).toMatchObject({ id: created.body.id, state: 'scheduled', channels: [{ id: channel, network: 'mastodon' }] });
    const published = events[1]!.data;
    const [row] = await db().select().from(deliveries).where(eq(deliveries.postGroupId, created.body.id));
    expect(published).toMatchObject({ post: { id: created.body.id }, delivery: { id: row!.id, state: 'published', channel: { id: channel, network: 'mastodon' }, url: row!.externalUrl, externalId: row!.externalId, error: null } });
    expect(post.deliveries[0].state).toBe('published');
    expect(JSON.stringify(events)).not.toMatch(/token|secret/i);
    // From the publish being recorded to the receiver having it.
    const lagMs = requests[1]!.at - row!.updatedAt.getTime();
    console.log(`webhook latency, publish recorded → receiver: ${lagMs} ms`);
    expect(lagMs).toBeLessThan(2_000);

    const deleted = await team.owner.client.post(api('/posts'), { content: { text: 'To delete' }, channels: [{ channelId: channel }], schedule: { mode: 'draft' } });
    expect((await team.owner.client.delete(api(`/posts/${deleted.body.id}`))).status).toBe(204);
    const [, , gone] = await receiver.waitFor('/posts', 3);
    expect(verified('/posts', gone!)).toMatchObject({ type: 'post.deleted', data: { post: { id: deleted.body.id } } });
  });

  it('tells subscribers of a delivery marked as published by hand; an API key with settings.manage manages endpoints', async () => {
    await addEndpoint('/by-hand', ['post.published']);
    const created = await team.owner.client.post(api('/posts'), { content: { text: 'Sent from the phone' }, channels: [{ channelId: channel }], schedule: { mode: 'at', publishAt: later(48), timeZone: 'UTC' } });
    expect(created.status).toBe(201);
    const deliveryId = created.body.deliveries[0].id as string;
    const marked = await team.owner.client.post(api(`/posts/${created.body.id}/deliveries/${deliveryId}/mark-published`), { url: 'https://mastodon.example/@me/1' });
    expect(marked.status).toBe(200);
    const [request] = await receiver.waitFor('/by-hand', 1);
    expect(verified('/by-hand', request!)).toMatchObject({ type: 'post.published', data: { post: { id: created.body.id }, delivery: { id: deliveryId, state: 'published', url: 'https://mastodon.example/@me/1' } } });

    const key = (await team.owner.client.post(api('/api-keys'), { name: 'hooks', scopes: ['settings.manage'] })).body.key as string;
    const listed = await fetch(new URL(api('/webhooks'), h.url), { headers: { authorization: `Bearer ${key}` } });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).not.toContain(secrets.get('/by-hand'));
  });

  it('retries with backoff (500, then 200) under the same webhook-id, and redelivers on request', async () => {
    const endpoint = await addEndpoint('/flaky', ['post.scheduled']);
    receiver.answer('/flaky', [500, 200]);
    const created = await team.owner.client.post(api('/posts'), { content: { text: 'Retry me' }, channels: [{ channelId: channel }], schedule: { mode: 'at', publishAt: later(), timeZone: 'Europe/Berlin' } });
    const [first, second] = await receiver.waitFor('/flaky', 2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(45);
    expect(verified('/flaky', second!).data.post.id).toBe(created.body.id);
    const id = first!.headers['webhook-id']!;
    const detail = await waitFor(async () => {
      const res = await team.admin.client.get(api(`/webhooks/${endpoint.id}/deliveries/${id}`));
      return res.body.status === 'succeeded' ? res.body : null;
    });
    expect(detail.attempts).toBe(2);
    expect(detail.attemptLog.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([200, 500]);
    expect(detail.attemptLog[1].error).toBe('The endpoint answered HTTP 500');
    expect(detail.attemptLog[1].responseBody).toBe('receiver is down');

    const again = await team.admin.client.post(api(`/webhooks/${endpoint.id}/deliveries/${id}/redeliver`));
    expect(again.status).toBe(200);
    expect(again.body.attempts).toBe(3);
    expect(again.body.attemptLog[0]).toMatchObject({ manual: true, responseStatus: 200 });
    const third = (await receiver.waitFor('/flaky', 3))[2]!;
    expect(third.headers['webhook-id']).toBe(id);
    expect(verified('/flaky', third).data.post.id).toBe(created.body.id);

    const filtered = await team.admin.client.get(api(`/webhooks/${endpoint.id}/deliveries?status=failed`));
    expect(filtered.body.items).toEqual([]);
    const byEvent = await team.admin.client.get(api(`/webhooks/${endpoint.id}/deliveries?event=post.scheduled&limit=1`));
    expect(byEvent.body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await team.admin.client.get(api(`/webhooks/${endpoint.id}/deliveries/nope`))).status).toBe(404);
  });

  it('tells subscribers about review requests and decisions', async () => {
    await addEndpoint('/review', ['post.submitted_for_review', 'post.approved', 'post.changes_requested']);
    expect((await team.admin.client.put(api('/approval-settings'), { approvalRequired: true })).status).toBe(200);
    const submitted = await team.editor.client.post(api('/posts'), { content: { text: 'Please review' }, channels: [{ channelId: channel }], schedule: { mode: 'at', publishAt: later(), timeZone: 'Europe/Berlin' } });
    expect(submitted.body.state).toBe('in_review');
    expect((await team.approver.client.post(api(`/posts/${submitted.body.id}/review`), { decision: 'request_changes', comment: 'Shorter' })).status).toBe(200);
    const second = await team.editor.client.post(api('/posts'), { content: { text: 'Second for review' }, channels: [{ channelId: channel }], schedule: { mode: 'at', publishAt: later(), timeZone: 'Europe/Berlin' } });
    expect((await team.approver.client.post(api(`/posts/${second.body.id}/review`), { decision: 'approve' })).status).toBe(200);
    const requests = await receiver.waitFor('/review', 4);
    const events = requests.map((r) => verified('/review', r));
    expect(events.map((e) => [e.type, e.data.post.id])).toEqual([
      ['post.submitted_for_review', submitted.body.id],
      ['post.changes_requested', submitted.body.id],
      ['post.submitted_for_review', second.body.id],
      ['post.approved', second.body.id],
    ]);
    expect(events[1]!.data.comment).toBe('Shorter');
    expect((await team.admin.client.put(api('/approval-settings'), { approvalRequired: false })).status).toBe(200);
  });

  it('turns an endpoint off after 15 failures in a row and tells the admins in the app and by e-mail', async () => {
    const endpoint = await addEndpoint('/down', ['post.scheduled']);
    receiver.answer('/down', [503]);
    // Two events, eight tries each: the fifteenth failure turns it off.
    for (const text of ['Down one', 'Down two']) {
      await team.owner.client.post(api('/posts'), { content: { text }, channels: [{ channelId: channel }], schedule: { mode: 'at', publishAt: later(), timeZone: 'Europe/Berlin' } });
    }
    const off = await waitFor(async () => {
      const res = await team.admin.client.get(api(`/webhooks/${endpoint.id}`));
      return res.body.enabled === false ? res.body : null;
    });
    expect(off.disabledReason).toMatch(/15 failed deliveries in a row/);
    expect(off.consecutiveFailures).toBeGreaterThanOrEqual(15);
    const notes = await db().select().from(notifications).where(and(eq(notifications.entityId, endpoint.id), eq(notifications.kind, 'webhook.disabled')));
    expect(notes.map((n) => n.userId).sort()).toEqual([team.owner.id, team.admin.id].sort());
    expect(notes.every((n) => n.category === 'webhooks' && n.emailStatus === 'pending' && n.link === `/w/${workspaceId}/developers`)).toBe(true);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, endpoint.id), eq(auditLog.action, 'webhook.auto_disabled')))).toHaveLength(1);
    // Off: new events do not reach it.
    const flakyBefore = receiver.at('/flaky').length;
    const whileOff = await team.owner.client.post(api('/posts'), { content: { text: 'While off' }, channels: [{ channelId: channel }], schedule: { mode: 'at', publishAt: later(), timeZone: 'Europe/Berlin' } });
    // The same event reached the endpoint that is on; the one that is off got nothing.
    await receiver.waitFor('/flaky', flakyBefore + 1);
    expect(receiver.at('/down').filter((r) => verified('/down', r).data.post.id === whileOff.body.id)).toEqual([]);

    const on = await team.admin.client.patch(api(`/webhooks/${endpoint.id}`), { enabled: true });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 });
  });

  it('refuses to send to a private address through the guarded fetch', async () => {
    // An endpoint saved when private addresses were allowed, sent by a sender that does not allow them.
    const box = createSecretBox(parseEncryptionKeys(generateEncryptionKey()));
    const id = crypto.randomUUID();
    await db().insert(webhookEndpoints).values({ id, workspaceId, url: `${receiver.base}/private`, events: ['post.published'], secretSealed: box.seal(newSigningSecret(), secretSealContext(id)), enabled: false });
    const deliveryId = newMessageId();
    await db().insert(webhookDeliveries).values({ id: deliveryId, endpointId: id, workspaceId, eventType: 'post.published', payload: { type: 'post.published', timestamp: new Date().toISOString(), data: {} }, nextAttemptAt: new Date() });
    const until = await claimOne(db(), deliveryId);
    const result = await attemptDelivery({ db: db(), box, allowPrivate: false, retrySeconds: [1] }, deliveryId, until!, { manual: true });
    expect(result).toMatchObject({ ok: false, responseStatus: null });
    expect(result!.error).toMatch(/private address/);
    expect(receiver.at('/private')).toHaveLength(0);
  });

  // Last: it leaves the file's one channel disconnected.
  it('tells subscribers once when a channel must be connected again, without its tokens', async () => {
    await addEndpoint('/reconnect', ['channel.needs_reconnect']);
    for (const token of mastodon.tokens()) mastodon.revokeToken(token.token);
    const created = await team.owner.client.post(api('/posts'), { content: { text: 'After the user removed Herald' }, channels: [{ channelId: channel }], schedule: { mode: 'now' } });
    expect(created.status).toBe(201);
    const [request] = await receiver.waitFor('/reconnect', 1);
    const event = verified('/reconnect', request!);
    expect(event).toMatchObject({ type: 'channel.needs_reconnect', data: { channel: { id: channel, network: 'mastodon', status: 'needs_reauth' } } });
    for (const token of mastodon.tokens()) expect(JSON.stringify(event)).not.toContain(token.token);
    // A second post to the same broken channel is the same incident: no second event.
    await team.owner.client.post(api('/posts'), { content: { text: 'Again' }, channels: [{ channelId: channel }], schedule: { mode: 'now' } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.at('/reconnect')).toHaveLength(1);
  });
});
