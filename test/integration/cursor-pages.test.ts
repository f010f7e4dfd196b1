import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { dataExports, notifications, postComments, postGroups, reviewLinks } from '../../src/server/db/schema/index.ts';
import { signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';

type Owner = { client: Client; id: string; workspaceId: string; postId: string };
type Row = { id: string; createdAt: string };

// Rows share instants on purpose: several in one millisecond (the id breaks the tie) and some apart
// by microseconds only (now() keeps them; a cursor carries milliseconds), where a keyset on the raw
// column would skip or repeat rows at a page boundary.
const SEEDED = 13;
function instants(): ReturnType<typeof sql>[] {
  return Array.from({ length: SEEDED }, (_, i) => {
    const ms = Math.floor(i / 3); // three rows a millisecond
    const micros = i % 3 === 2 ? '500' : '000';
    return sql.raw(`'2026-03-0${1 + (i % 2)}T10:00:00.${String(ms).padStart(3, '0')}${micros}Z'::timestamptz`);
  });
}

describe('cursor pages on the lists that grow without bound', () => {
  let h: TestHerald;
  let a: Owner;
  let b: Owner;
  const db = () => h.herald.database.db;

  async function owner(name: string): Promise<Owner> {
    const user = await signUp(h.url, { name });
    const workspace = await user.client.post('/api/v1/workspaces', { name });
    expect(workspace.status).toBe(201);
    const postId = crypto.randomUUID();
    await db().insert(postGroups).values({ id: postId, workspaceId: workspace.body.id, content: { parts: [{ text: `${name}'s post` }] } as never, createdBy: user.id });
    return { client: user.client, id: user.id, workspaceId: workspace.body.id, postId };
  }

  async function seed(o: Owner) {
    const at = instants();
    await db().insert(postComments).values(at.map((createdAt, i) => ({ id: crypto.randomUUID(), workspaceId: o.workspaceId, postGroupId: o.postId, authorId: o.id, body: `comment ${i}`, createdAt: createdAt as never })));
    await db().insert(notifications).values(at.map((createdAt, i) => ({ id: crypto.randomUUID(), userId: o.id, workspaceId: o.workspaceId, kind: 'test.seeded', entityType: 'post', entityId: o.postId, title: `n ${i}`, body: '', readAt: i % 4 ? null : new Date(), createdAt: createdAt as never })));
    await db().insert(reviewLinks).values(at.map((createdAt, i) => ({ id: crypto.randomUUID(), workspaceId: o.workspaceId, tokenHash: crypto.randomBytes(16).toString('hex'), recipientName: `r ${i}`, postIds: [o.postId], expiresAt: new Date(Date.now() + 86_400_000), createdBy: o.id, createdAt: createdAt as never })));
    await db().insert(dataExports).values(at.map((createdAt) => ({ id: crypto.randomUUID(), userId: o.id, status: 'failed', createdAt: createdAt as never })));
  }

  const routes = [
    { name: 'comments of a post', path: (o: Owner) => `/api/v1/workspaces/${o.workspaceId}/posts/${o.postId}/comments`, order: 'asc', max: 200 },
    { name: 'notifications', path: () => '/api/v1/notifications', order: 'desc', max: 100 },
    { name: 'review links', path: (o: Owner) => `/api/v1/workspaces/${o.workspaceId}/review-links`, order: 'desc', max: 200 },
    { name: 'my exports', path: () => '/api/v1/me/exports', order: 'desc', max: 100 },
  ] as const;

  beforeAll(async () => {
    h = await startTestHerald();
    a = await owner('Alpha');
    b = await owner('Beta');
    await seed(a);
    await seed(b);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function walk(o: Owner, path: string, limit: number) {
    const seen: Row[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: { status: number; body: { items: Row[]; nextCursor: string | null } } = await o.client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      pages.push(page.body.items.length);
      cursor = page.body.nextCursor;
      expect(pages.length).toBeLessThan(50);
    } while (cursor);
    return { seen, pages };
  }

  for (const route of routes) {
    describe(route.name, () => {
      it('walks every row once, in order, the last page without a next cursor', async () => {
        for (const limit of [1, 2, 4, 5]) {
          const { seen, pages } = await walk(a, route.path(a), limit);
          expect(seen).toHaveLength(SEEDED);
          expect(new Set(seen.map((r) => r.id)).size).toBe(SEEDED);
          expect(pages.slice(0, -1).every((n) => n === limit)).toBe(true);
          const all = await a.client.get(`${route.path(a)}?limit=${route.max}`);
          expect(all.body.nextCursor).toBeNull();
          expect(seen.map((r) => r.id)).toEqual(all.body.items.map((r: Row) => r.id));
          const times = seen.map((r) => new Date(r.createdAt).getTime());
          const sorted = [...times].sort((x, y) => (route.order === 'asc' ? x - y : y - x));
          expect(times).toEqual(sorted);
        }
      });

      it('refuses a limit above the maximum and a cursor it did not give out', async () => {
        const tooMany = await a.client.get(`${route.path(a)}?limit=${route.max + 1}`);
        expect(tooMany.status).toBe(400);
        expect(tooMany.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'querystring.limit' }] } });
        const forged = ['abc', Buffer.from('not-a-date|x').toString('base64url'), Buffer.from('-271821-04-20T00:00:00.000Z|abc').toString('base64url'), Buffer.from('2026-01-01T00:00:00.000Z|a\u0000b').toString('base64url')];
        for (const cursor of forged) {
          const bad = await a.client.get(`${route.path(a)}?cursor=${encodeURIComponent(cursor)}`);
          expect(bad.status).toBe(400);
          expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'querystring.cursor' }] } });
        }
      });

      it("never shows another workspace's or user's rows through a cursor", async () => {
        const first = await b.client.get(`${route.path(b)}?limit=2`);
        expect(first.body.nextCursor).toBeTruthy();
        const mine = await a.client.get(`${route.path(a)}?limit=${route.max}&cursor=${first.body.nextCursor}`);
        const alphaIds = new Set((await a.client.get(`${route.path(a)}?limit=${route.max}`)).body.items.map((r: Row) => r.id));
        // A cursor only says where to start: what comes back is Alpha's own, never Beta's.
        expect(mine.status).toBe(200);
        expect(mine.body.items.every((r: Row) => alphaIds.has(r.id))).toBe(true);
        if (route.name === 'comments of a post' || route.name === 'review links') {
          expect([403, 404]).toContain((await a.client.get(`${route.path(b)}?cursor=${first.body.nextCursor}`)).status);
        }
      });
    });
  }

  it('notifications keep the unread count of all of them on every page, and page the unread ones too', async () => {
    const unread = Array.from({ length: SEEDED }, (_, i) => i).filter((i) => i % 4).length;
    const first = await a.client.get('/api/v1/notifications?limit=2');
    expect(first.body.unreadCount).toBe(unread);
    const next = await a.client.get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body.unreadCount).toBe(unread);
    const { seen } = await walk(a, '/api/v1/notifications?unread=true', 3);
    expect(seen).toHaveLength(unread);
    expect(seen.every((n) => (n as Row & { readAt: string | null }).readAt === null)).toBe(true);
  });

  it("review links filter by the post they show or by being a range link, each filter paged on its own", async () => {
    const otherPost = crypto.randomUUID();
    await db().insert(postGroups).values({ id: otherPost, workspaceId: a.workspaceId, content: { parts: [{ text: 'another post' }] } as never, createdBy: a.id });
    const extra = (postIds: string[] | null, name: string) => ({ id: crypto.randomUUID(), workspaceId: a.workspaceId, tokenHash: crypto.randomBytes(16).toString('hex'), recipientName: name, postIds, expiresAt: new Date(Date.now() + 86_400_000), createdBy: a.id });
    await db().insert(reviewLinks).values([extra([otherPost, a.postId], 'both posts'), extra([otherPost], 'other only'), extra(null, 'a week'), extra(null, 'next week')]);
    const base = `/api/v1/workspaces/${a.workspaceId}/review-links`;
    const names = (rows: Row[]) => rows.map((r) => (r as Row & { recipientName: string }).recipientName).sort();
    expect(names((await walk(a, `${base}?postId=${otherPost}`, 1)).seen)).toEqual(['both posts', 'other only']);
    expect((await walk(a, `${base}?postId=${a.postId}`, 5)).seen).toHaveLength(SEEDED + 1);
    expect(names((await walk(a, `${base}?kind=range`, 1)).seen)).toEqual(['a week', 'next week']);
    expect((await walk(a, `${base}?kind=posts`, 7)).seen).toHaveLength(SEEDED + 2);
    const bad = await a.client.get(`${base}?kind=week`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'querystring.kind' }] } });
    await db().delete(reviewLinks).where(sql`${reviewLinks.recipientName} in ('both posts', 'other only', 'a week', 'next week')`);
  });

  it('the pages that existed answer the same shape, with a malformed cursor as validation_failed', async () => {
    for (const path of [`/api/v1/workspaces/${a.workspaceId}/media`, `/api/v1/workspaces/${a.workspaceId}/posts`, `/api/v1/workspaces/${a.workspaceId}/posts/drafts`]) {
      const ok = await a.client.get(path);
      expect(ok.status).toBe(200);
      expect(ok.body).toHaveProperty('nextCursor');
      const bad = await a.client.get(`${path}?cursor=abc`);
      expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'querystring.cursor' }] } });
    }
  });
});
