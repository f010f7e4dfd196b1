import { keyablePermissions } from '../../src/server/modules/api-keys/api-keys.service.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, sessions } from '../../src/server/db/schema/index.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fillPath, inPool, readOperations, snapshotTables, type Operation } from '../helpers/openapi.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { seedTenant, type Tenant } from '../helpers/seed-tenant.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

/**
 * The cross-tenant walk: user B, owner of a workspace of their own, calls every route of
 * docs/openapi.json that names something by id, with A's ids (A's workspace, and B's workspace with
 * A's posts, media, channels, members…). Every answer must be 403 or 404, and A's data unchanged.
 */

// Bodies that pass validation, so the answer says who may act, not what was wrong with the input.
function validBody(op: Operation, b: Tenant): unknown {
  const key = `${op.method} ${op.path.replace(/^\/api\/v1/, '')}`;
  const compose = { content: { text: 'taken over' }, channels: [{ channelId: b.ids.channelId }] };
  const bodies: Record<string, unknown> = {
    'PATCH /workspaces/{workspaceId}': { name: 'Taken over' },
    'POST /workspaces/{workspaceId}/transfer': { memberId: b.ids.memberId },
    'PATCH /workspaces/{workspaceId}/members/{memberId}': { role: 'viewer' },
    'POST /workspaces/{workspaceId}/invitations': { email: 'intruder@example.com', role: 'admin' },
    'POST /workspaces/{workspaceId}/channels/connect': { network: 'mastodon', instance: 'mastodon.example' },
    'POST /workspaces/{workspaceId}/posts': compose,
    'PATCH /workspaces/{workspaceId}/posts/{postId}': compose,
    'POST /workspaces/{workspaceId}/posts/{postId}/schedule': { mode: 'draft' },
    'POST /workspaces/{workspaceId}/posts/{postId}/deliveries/{deliveryId}/retry': {},
    'POST /workspaces/{workspaceId}/posts/{postId}/deliveries/{deliveryId}/mark-published': { url: 'https://mastodon.example/@a/1' },
    'PUT /workspaces/{workspaceId}/schedule-settings': { timeZone: 'Asia/Tokyo' },
    'PUT /public/v1/posts/{id}/status': { status: 'draft' },
    'PUT /workspaces/{workspaceId}/channels/{channelId}/slots': { slots: [] },
    'POST /workspaces/{workspaceId}/channels/{channelId}/queue/reorder': { postIds: [b.ids.postId] },
    'PUT /workspaces/{workspaceId}/analytics/settings': { enabled: false, deleteCollected: true },
    'PUT /workspaces/{workspaceId}/channels/{channelId}/analytics': { enabled: false, deleteCollected: true },
    'POST /workspaces/{workspaceId}/posts/{postId}/comments': { body: 'taken over' },
    'PATCH /workspaces/{workspaceId}/posts/{postId}/comments/{commentId}': { body: 'taken over' },
    'PUT /workspaces/{workspaceId}/channels/{channelId}/approval': { approvalRequired: true },
    'POST /workspaces/{workspaceId}/posts/{postId}/review': { decision: 'approve' },
    'POST /review/{token}/posts/{postId}/decision': { decision: 'approve', comment: 'taken over' },
    'PUT /workspaces/{workspaceId}/posts/{postId}/evergreen': { everyDays: 30, maxTimes: 3, variations: ['taken over'] },
  };
  return key in bodies ? bodies[key] : op.body ? {} : undefined;
}

/**
 * Answers other than 403/404 that are right by design, each with what makes it safe:
 * - an invitation link is a capability (its random id is the secret, shown to whoever holds it,
 *   signed in or not); accepting or rejecting it still needs the invited account;
 * - marking someone else's notification read answers exactly what an unknown id answers, and marks nothing.
 */
const byDesign: Record<string, (status: number, body: any) => boolean> = {
  'GET /api/v1/invitations/{invitationId}': (status) => status === 200,
  'POST /api/v1/notifications/{notificationId}/read': (status, body) => status === 200 && body?.marked === 0,
};
// Postiz routes Herald does not offer answer 501 to everyone, whatever the id: nothing to reach.
const notOffered = (status: number, body: any) => status === 501 && body?.error?.code === 'postiz.not_supported';

const tenantParams = new Set(['workspaceId', 'memberId', 'invitationId', 'channelId', 'mediaId', 'postId', 'deliveryId', 'notificationId', 'exportId', 'id', 'sessionId']);

describe("another tenant's ids get 403 or 404 on every route", () => {
  let h: TestHerald;
  let mastodonA: MastodonFake;
  let mastodonB: MastodonFake;
  let a: Tenant;
  let b: Tenant;
  let bKeyValue: string;

  beforeAll(async () => {
    mastodonA = await startMastodonFake();
    mastodonB = await startMastodonFake({ account: { id: '109000000000000888', username: 'bee', displayName: 'Bee' } });
    h = await startTestHerald({ env: fastEngineEnv });
    a = await seedTenant(h, mastodonA, 'Ann');
    b = await seedTenant(h, mastodonB, 'Ben');
    const db = h.herald.database.db;
    // Notifications come from publishing incidents; one row stands in for one.
    a.ids.notificationId = 'notification-of-ann';
    await db.insert(notifications).values({ id: a.ids.notificationId, userId: a.user.id, workspaceId: a.ids.workspaceId, kind: 'delivery.failed', entityType: 'delivery', entityId: a.ids.deliveryId!, title: 'Failed', body: 'x', link: '/' });
    const [session] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, a.user.id));
    a.ids.sessionId = session!.id;
    const exported = await a.user.client.post('/api/v1/me/exports');
    expect(exported.status).toBe(201);
    a.ids.exportId = exported.body.id;
    // The Postiz-compatible routes take a workspace API key instead of a session: B uses B's own.
    const bKey = await b.user.client.post(`/api/v1/workspaces/${b.ids.workspaceId}/api-keys`, { name: 'walk', scopes: keyablePermissions });
    expect(bKey.status).toBe(201);
    bKeyValue = bKey.body.key;
    // The export job must have finished before the "before" snapshot.
    await waitFor(async () => ((await a.user.client.get('/api/v1/me/exports')).body.items as { id: string; readyAt: string | null }[]).find((e) => e.id === a.ids.exportId)?.readyAt, { what: 'the export' });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodonA?.close();
    await mastodonB?.close();
  });

  it('B reaches nothing of A through any id, and A is unchanged', async () => {
    const operations = readOperations().filter((op) => op.pathParams.some((p) => tenantParams.has(p)));
    expect(operations.length).toBeGreaterThan(40);
    type Attempt = { op: Operation; what: string; url: string };
    const attempts: Attempt[] = [];
    for (const op of operations) {
      const fill = (ids: Record<string, string>) => fillPath(op.path, { token: 'x'.repeat(43), signature: 'not-a-signature', expires: '9999999999', network: 'mastodon', uploadId: 'no-such-upload', ...ids });
      attempts.push({ op, what: "A's ids", url: fill(a.ids) });
      const others = op.pathParams.filter((p) => tenantParams.has(p) && p !== 'workspaceId');
      if (op.pathParams.includes('workspaceId') && others.length) {
        attempts.push({ op, what: "B's workspace, A's ids", url: fill({ ...a.ids, workspaceId: b.ids.workspaceId! }) });
        // One of A's ids at a time, the rest B's own: the check must hold for each id separately.
        if (others.length > 1) for (const p of others) attempts.push({ op, what: `B's ids but A's ${p}`, url: fill({ ...b.ids, [p]: a.ids[p]! }) });
      }
    }

    const db = h.herald.database.db;
    const before = await snapshotTables(db);
    const wrong: string[] = [];
    await inPool(attempts, 3, async ({ op, what, url }) => {
      const body = op.method === 'GET' || op.method === 'OPTIONS' ? undefined : validBody(op, b);
      const res = await b.user.client.request(op.method, url, body, url.startsWith('/public/v1/') ? { authorization: bKeyValue } : {});
      const exempt = byDesign[`${op.method} ${op.path}`] ?? (op.path.startsWith('/public/v1/') ? notOffered : undefined);
      if (res.status !== 403 && res.status !== 404 && !exempt?.(res.status, res.body)) wrong.push(`${res.status} ${op.method} ${url} (${what}): ${JSON.stringify(res.body).slice(0, 200)}`);
    });
    expect(wrong).toEqual([]);
    expect(await snapshotTables(db)).toEqual(before);
    const post = await a.user.client.get(`/api/v1/workspaces/${a.ids.workspaceId}/posts/${a.ids.postId}`);
    expect(post.body.deliveries[0].content.text ?? post.body.content.text).toBe('Ann says hello');
  }, 60_000);

  it("B cannot point its own posts at A's channels or media", async () => {
    const base = `/api/v1/workspaces/${b.ids.workspaceId}/posts`;
    const withChannel = await b.user.client.post(base, { content: { text: 'x' }, channels: [{ channelId: a.ids.channelId }] });
    expect(withChannel.status).toBeGreaterThanOrEqual(400);
    expect(withChannel.status).toBeLessThan(500);
    const withMedia = await b.user.client.post(base, { content: { text: 'x', media: [{ mediaId: a.ids.mediaId }] }, channels: [{ channelId: b.ids.channelId }] });
    expect(withMedia.status).toBeGreaterThanOrEqual(400);
    expect(withMedia.status).toBeLessThan(500);
    const transfer = await b.user.client.post(`/api/v1/workspaces/${b.ids.workspaceId}/transfer`, { memberId: a.ids.memberId });
    expect(transfer.status).toBe(404);
    const next = await b.user.client.get(`/api/v1/workspaces/${b.ids.workspaceId}/queue/next?channelIds=${a.ids.channelId}`);
    expect(next.status).toBe(200);
    expect(next.body.at).toBeNull();
  });
});
