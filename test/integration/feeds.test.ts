import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, feedItems, feeds, media, postGroups } from '../../src/server/db/schema/index.ts';
import sharp from 'sharp';
import { checkFeed } from '../../src/server/modules/feeds/feeds.service.ts';
import { feedDepsFrom } from '../../src/server/modules/feeds/feeds.jobs.ts';
import { createMediaStorage } from '../../src/server/modules/media/media.storage.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { atom, entries, jsonFeed, rss, startFeedServer, type FeedEntry, type FeedServer } from '../helpers/feed-server.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { freePort, freshDatabase, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

/** What the job and "Check now" use, with the media storage the running Herald writes to. */
const depsOf = async (t: TestHerald) => feedDepsFrom({ config: t.config, boss: t.herald.boss, storage: await createMediaStorage(t.config) });

const feedEnv = { ...fastEngineEnv, HERALD_FEEDS_ALLOW_LOOPBACK: 'true', HERALD_FEED_FETCH_TIMEOUT_SECONDS: '1' };

// RSS, Atom and JSON Feed to queue: new items become posts through the template, once each,
// whatever reads the feed and however often; hostile answers are recorded and create nothing.
describe('feeds', () => {
  const database = freshDatabase();
  let h: TestHerald;
  let mastodon: MastodonFake;
  let server: FeedServer;
  let workspaceId: string;
  let owner: TeamMember;
  let editor: TeamMember;
  let viewer: TeamMember;
  let channelId: string;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  const db = () => h.herald.database.db;
  const postsOf = async () => (await db().select().from(postGroups).where(eq(postGroups.workspaceId, workspaceId))).map((p) => ({ id: p.id, state: p.state, text: p.content.parts[0]!.text }));
  const textsOf = async () => (await postsOf()).map((p) => p.text).sort();
  const addFeed = async (body: Record<string, unknown>, who = editor) => {
    const res = await who.client.post(api('/feeds'), { name: 'Blog', channelIds: [channelId], ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const check = async (feedId: string, who = editor) => {
    const res = await who.client.post(api(`/feeds/${feedId}/check`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { outcome: { status: string; queued: number; drafts: number; skipped: number; error: string | null }; feed: { lastError: string | null; items: { outcome: string; reason: string | null; title: string }[] } };
  };
  const removeAllPosts = async () => {
    await db().delete(postGroups).where(eq(postGroups.workspaceId, workspaceId));
  };

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    server = await startFeedServer();
    // A fixed port, so the members' clients still reach Herald after the restart below.
    h = await startTestHerald({ env: { ...feedEnv, PORT: String(await freePort()) }, database: await database });
    const team = await createTeam(h.url, 'Feeds');
    workspaceId = team.workspaceId;
    ({ owner, editor, viewer } = team.members);
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await server?.close();
  });

  it('turns an RSS 2.0 feed into drafts through the template, the newest 3 on the first check, each item once', async () => {
    let list: FeedEntry[] = entries('rss', 5);
    server.serve('/rss.xml', 'application/rss+xml; charset=utf-8', () => rss(list));
    const feed = await addFeed({ url: server.url('/rss.xml'), template: '{title}\n{summary}\n{link}' });

    const first = await check(feed.id);
    expect(first.outcome).toEqual({ status: 'ok', queued: 0, drafts: 3, skipped: 0, error: null });
    expect(await textsOf()).toEqual(['rss post 3\nSummary of rss 3 & more\nhttp://blog.example/rss/3', 'rss post 4\nSummary of rss 4 & more\nhttp://blog.example/rss/4', 'rss post 5\nSummary of rss 5 & more\nhttp://blog.example/rss/5']);
    expect((await postsOf()).every((p) => p.state === 'draft')).toBe(true);
    expect(first.feed.items.filter((i) => i.outcome === 'seen').map((i) => i.title).sort()).toEqual(['rss post 1', 'rss post 2']);

    // The same items again: nothing new.
    expect((await check(feed.id)).outcome).toMatchObject({ status: 'ok', drafts: 0 });
    // One new item at the top: one new draft.
    list = [{ id: 'rss-6', title: 'rss post 6', link: 'http://blog.example/rss/6', summary: 'Six', date: new Date() }, ...list];
    expect((await check(feed.id)).outcome).toMatchObject({ status: 'ok', drafts: 1 });
    expect((await textsOf()).filter((t) => t.startsWith('rss post 6'))).toEqual(['rss post 6\nSix\nhttp://blog.example/rss/6']);
    expect(await postsOf()).toHaveLength(4);
    const [row] = await db().select().from(feeds).where(eq(feeds.id, feed.id));
    expect(row).toMatchObject({ lastError: null });
    expect(row!.lastCheckedAt).not.toBeNull();
    expect(row!.lastNewItemAt).not.toBeNull();
    await removeAllPosts();
  });

  it('sends the ETag and Last-Modified back and creates nothing on 304 Not Modified', async () => {
    const list = entries('cond', 2);
    server.serve('/cond.xml', 'application/rss+xml', () => rss(list), { etag: () => '"v1"', lastModified: () => 'Tue, 10 Jun 2025 04:00:00 GMT' });
    const feed = await addFeed({ url: server.url('/cond.xml') });
    expect((await check(feed.id)).outcome).toMatchObject({ status: 'ok', drafts: 2 });
    expect(server.at('/cond.xml')[0]!.headers['if-none-match']).toBeUndefined();

    const again = await check(feed.id);
    expect(again.outcome).toEqual({ status: 'unchanged', queued: 0, drafts: 0, skipped: 0, error: null });
    const second = server.at('/cond.xml')[1]!;
    expect(second.headers['if-none-match']).toBe('"v1"');
    expect(second.headers['if-modified-since']).toBe('Tue, 10 Jun 2025 04:00:00 GMT');
    expect(await postsOf()).toHaveLength(2);
    expect(again.feed.lastError).toBeNull();
    await removeAllPosts();
  });

  it('reads Atom and JSON Feed; in queue mode an item the queue cannot take becomes a draft with the reason', async () => {
    server.serve('/atom.xml', 'application/atom+xml', () => atom(entries('atom', 2)));
    const atomFeed = await addFeed({ url: server.url('/atom.xml'), mode: 'queue', template: '{title} {link}' });
    // No posting times yet: the queue has no slot, so the items wait as drafts, saying why.
    const noSlots = await check(atomFeed.id);
    expect(noSlots.outcome).toMatchObject({ status: 'ok', queued: 0, drafts: 2 });
    expect(noSlots.feed.items.filter((i) => i.outcome === 'draft').map((i) => i.reason)).toEqual([expect.stringMatching(/^Kept as a draft: No free time slot/), expect.stringMatching(/^Kept as a draft: No free time slot/)]);
    expect(await textsOf()).toEqual(['atom post 1 http://blog.example/atom/1', 'atom post 2 http://blog.example/atom/2']);

    const slots = await owner.client.put(api(`/channels/${channelId}/slots`), { slots: Array.from({ length: 7 }, (_, weekday) => [{ weekday, minute: 540 }, { weekday, minute: 1020 }]).flat() });
    expect(slots.status).toBe(200);
    server.serve('/feed.json', 'application/feed+json', () => jsonFeed(entries('json', 2)));
    const json = await addFeed({ url: server.url('/feed.json'), mode: 'queue', template: '{title}: {summary}' });
    const queued = await check(json.id);
    expect(queued.outcome).toMatchObject({ status: 'ok', queued: 2, drafts: 0 });
    const posts = (await postsOf()).filter((p) => p.text.startsWith('json'));
    expect(posts.map((p) => p.state)).toEqual(['scheduled', 'scheduled']);
    expect(posts.map((p) => p.text).sort()).toEqual(['json post 1: Summary of json 1 & more', 'json post 2: Summary of json 2 & more']);
    await removeAllPosts();
  });

  it('records a hostile or broken feed as its error and creates nothing', async () => {
    server.handle('/huge.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
      const chunk = `<item><title>${'x'.repeat(1000)}</title></item>`.repeat(100);
      for (let i = 0; i < 30; i++) res.write(chunk);
      res.end('</channel></rss>');
    });
    server.handle('/slow.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?>');
      setTimeout(() => res.end(rss(entries('slow', 1))), 3000).unref();
    });
    server.handle('/to-private.xml', (_req, res) => void res.writeHead(302, { location: 'http://10.0.0.1/feed.xml' }).end());
    server.handle('/to-metadata.xml', (_req, res) => void res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    server.serve('/page.html', 'text/html; charset=utf-8', () => '<html><body>Welcome to my blog</body></html>');
    server.serve('/broken.xml', 'application/rss+xml', () => '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half</ti');
    server.handle('/gone.xml', (_req, res) => void res.writeHead(500, { 'content-type': 'text/plain' }).end('oops'));

    const cases: [string, RegExp][] = [
      ['/huge.xml', /larger than 2048 KB/],
      ['/slow.xml', /No complete answer within 1 s/],
      ['/to-private.xml', /Refused: 10\.0\.0\.1 is a private address/],
      ['/to-metadata.xml', /Refused: 169\.254\.169\.254 is a private address/],
      ['/page.html', /answered with text\/html, not a feed/],
      ['/broken.xml', /Not an RSS, Atom or JSON feed/],
      ['/gone.xml', /answered HTTP 500/],
    ];
    for (const [path, error] of cases) {
      const feed = await addFeed({ url: server.url(path), name: path });
      const started = Date.now();
      const result = await check(feed.id);
      expect(result.outcome.status, path).toBe('failed');
      expect(result.outcome.error, path).toMatch(error);
      expect(result.feed.lastError, path).toMatch(error);
      expect(Date.now() - started, path).toBeLessThan(2500);
      expect(await db().select().from(feedItems).where(eq(feedItems.feedId, feed.id)), path).toEqual([]);
    }
    expect(server.at('/to-private.xml')).toHaveLength(1);
    expect(await postsOf()).toEqual([]);
  });

  it('de-duplicates across a restart and across two checks running at once', async () => {
    let list = entries('dup', 3);
    server.serve('/dup.xml', 'application/rss+xml', () => rss(list));
    const feed = await addFeed({ url: server.url('/dup.xml'), template: '{title}' });
    // Two "Check now" at the same moment: each item once.
    const both = await Promise.all([check(feed.id), check(feed.id)]);
    expect(both.reduce((n, r) => n + r.outcome.drafts, 0)).toBe(3);
    expect(await textsOf()).toEqual(['dup post 1', 'dup post 2', 'dup post 3']);

    h = await h.restart();
    expect((await check(feed.id)).outcome).toMatchObject({ status: 'ok', drafts: 0 });
    list = [...entries('dup', 5)];
    // The check function itself, three at once (what two job workers would do): dup-4 and dup-5 once each.
    const deps = await depsOf(h);
    const outcomes = await Promise.all([checkFeed(db(), deps, feed.id), checkFeed(db(), deps, feed.id), checkFeed(db(), deps, feed.id)]);
    expect(outcomes.reduce((n, o) => n + o.drafts, 0)).toBe(2);
    expect(await textsOf()).toEqual(['dup post 1', 'dup post 2', 'dup post 3', 'dup post 4', 'dup post 5']);
    await removeAllPosts();
  });

  it('on PostgreSQL, two Herald processes checking one feed at once create each post once', async (ctx) => {
    if (h.herald.database.kind !== 'postgres') return ctx.skip();
    const list = entries('two', 3);
    server.serve('/two.xml', 'application/rss+xml', () => rss(list));
    const feed = await addFeed({ url: server.url('/two.xml'), template: '{title}' });
    const second = await startTestHerald({ env: feedEnv, database: await database });
    try {
      const deps1 = await depsOf(h);
      const deps2 = await depsOf(second);
      const outcomes = await Promise.all([checkFeed(db(), deps1, feed.id), checkFeed(second.herald.database.db, deps2, feed.id)]);
      expect(outcomes.reduce((n, o) => n + o.drafts, 0)).toBe(3);
      expect(await textsOf()).toEqual(['two post 1', 'two post 2', 'two post 3']);
    } finally {
      await second.stop();
    }
    await removeAllPosts();
  });

  it('refuses bad input with the field and the reason', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ url: server.url('/rss.xml'), intervalMinutes: 5 }, 'body.intervalMinutes'],
      [{ url: server.url('/rss.xml'), template: 'New: {author}' }, 'body.template'],
      [{ url: server.url('/rss.xml'), template: 'No placeholder at all' }, 'body.template'],
      [{ url: server.url('/rss.xml'), mode: 'publish' }, 'body.mode'],
      [{ url: server.url('/rss.xml'), channelIds: [] }, 'body.channelIds'],
      [{ url: 'ftp://example.com/feed' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: 'http://10.1.2.3/feed.xml' }, 'url'],
      [{ url: server.url('/rss.xml'), channelIds: ['nope'] }, 'channelIds.0'],
    ];
    for (const [body, field] of bad) {
      const res = await editor.client.post(api('/feeds'), { name: 'Bad', channelIds: [channelId], ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const named = res.body.error.details?.field ?? res.body.error.details?.issues?.[0]?.field;
      expect(named, JSON.stringify(res.body)).toBe(field);
      expect(res.body.error.message).toContain(field.replace(/^body\./, ''));
    }
    expect((await editor.client.post(api('/feeds/does-not-exist/check'))).status).toBe(404);
  });

  it('lets viewers read, editors manage; writes an audit entry for each change', async () => {
    expect((await viewer.client.get(api('/feeds'))).status).toBe(200);
    expect((await viewer.client.post(api('/feeds'), { name: 'V', url: server.url('/rss.xml'), channelIds: [channelId] })).status).toBe(403);
    const feed = await addFeed({ url: server.url('/rss.xml'), name: 'Audited' }, editor);
    expect((await viewer.client.patch(api(`/feeds/${feed.id}`), { enabled: false })).status).toBe(403);
    expect((await viewer.client.post(api(`/feeds/${feed.id}/check`))).status).toBe(403);
    expect((await viewer.client.delete(api(`/feeds/${feed.id}`))).status).toBe(403);

    const updated = await owner.client.patch(api(`/feeds/${feed.id}`), { enabled: false, intervalMinutes: 30 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ enabled: false, intervalMinutes: 30, ownerUserId: owner.id });
    expect((await viewer.client.get(api(`/feeds/${feed.id}`))).body).toMatchObject({ name: 'Audited', items: [] });
    expect((await editor.client.delete(api(`/feeds/${feed.id}`))).status).toBe(204);
    const actions = (await db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityId, feed.id)))).map((a) => a.action);
    expect(actions.sort()).toEqual(['feed.created', 'feed.deleted', 'feed.updated']);
  });

  it("attaches each item's picture to its post as media, read through the guarded fetch and stored like an upload", async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0ffee' } }).png().toBuffer();
    const jpeg = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    server.handle('/img/cover.png', (_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    server.handle('/img/moved.jpg', (_req, res) => void res.writeHead(302, { location: '/img/final.jpg' }).end());
    server.handle('/img/final.jpg', (_req, res) => void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg));
    server.handle('/img/page.png', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not an image</html>'));
    server.handle('/img/liar.png', (_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end('plain text pretending'));
    const item = (n: number, extra: string) =>
      `<item><title>pic ${n}</title><link>${server.url(`/posts/${n}`)}</link><guid>pic-${n}</guid><pubDate>${new Date(Date.now() - n * 60_000).toUTCString()}</pubDate>${extra}</item>`;
    const body = `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Pics</title><link>http://x/</link><description>d</description>${[
      item(1, `<enclosure url="${server.url('/img/cover.png')}" type="image/png" length="1"/>`),
      item(2, `<media:content url="${server.url('/img/moved.jpg')}" medium="image"/>`),
      item(3, `<content:encoded><![CDATA[<p>Look <img src="/img/page.png"></p>]]></content:encoded>`),
      item(4, `<media:thumbnail url="${server.url('/img/liar.png')}"/>`),
      item(5, '<enclosure url="http://10.1.2.3/private.png" type="image/png" length="1"/>'),
      item(6, '<description>No picture at all</description>'),
    ].join('')}</channel></rss>`;
    server.serve('/pics.xml', 'application/rss+xml', () => body);
    const feed = await addFeed({ url: server.url('/pics.xml'), template: '{title}' });
    // The first check takes the newest 3 (pic 1..3).
    const deps = await depsOf(h);
    expect((await checkFeed(db(), deps, feed.id)).drafts).toBe(3);
    // Forget that pic 4..6 were already there, so the next check takes them as new.
    await db().delete(feedItems).where(and(eq(feedItems.feedId, feed.id), eq(feedItems.outcome, 'seen')));
    expect((await checkFeed(db(), deps, feed.id)).drafts).toBe(3);

    const posts = await db().select().from(postGroups).where(eq(postGroups.workspaceId, workspaceId));
    const mediaOf = (title: string) => posts.filter((p) => p.content.parts[0]!.text === title).flatMap((p) => p.content.parts[0]!.media.map((m) => m.mediaId));
    const stored = async (title: string) => {
      const ids = mediaOf(title);
      expect(ids, title).toHaveLength(1);
      const [row] = await db().select().from(media).where(eq(media.id, ids[0]!));
      return row!;
    };
    expect(await stored('pic 1')).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 64, height: 48, status: 'ready', fileName: 'cover.png' });
    // A redirect is followed (and checked again) to the picture.
    expect(await stored('pic 2')).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', width: 40 });
    for (const title of ['pic 3', 'pic 4', 'pic 5', 'pic 6']) expect(mediaOf(title), title).toEqual([]);
    const reasons = Object.fromEntries((await db().select().from(feedItems).where(eq(feedItems.feedId, feed.id))).map((i) => [i.title, i.reason]));
    expect(reasons['pic 3']).toMatch(/Posted without its image: it is text\/html, not an image/);
    expect(reasons['pic 4']).toMatch(/Posted without its image: it is not an image Herald can post/);
    expect(reasons['pic 5']).toMatch(/Posted without its image: 10\.1\.2\.3.* is a private address/);
    expect(reasons['pic 6']).toBeNull();
    // Nothing but the two pictures reached the library (the refused files were not kept).
    expect((await db().select().from(media).where(eq(media.workspaceId, workspaceId))).filter((m) => m.status === 'ready')).toHaveLength(2);
    const uploaded = await db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, 'media.uploaded')));
    expect(uploaded).toHaveLength(2);

    // Three checks at once (what several workers would do): one post for the new item, one file kept.
    const withSeven = body.replace('<item>', item(0, `<enclosure url="${server.url('/img/cover.png')}" type="image/png" length="1"/>`).replace('pic 0', 'pic 7').replace('pic-0', 'pic-7') + '<item>');
    server.serve('/pics.xml', 'application/rss+xml', () => withSeven);
    const outcomes = await Promise.all([checkFeed(db(), deps, feed.id), checkFeed(db(), deps, feed.id), checkFeed(db(), deps, feed.id)]);
    expect(outcomes.reduce((n, o) => n + o.drafts, 0)).toBe(1);
    const seven = (await db().select().from(postGroups).where(eq(postGroups.workspaceId, workspaceId))).filter((p) => p.content.parts[0]!.text === 'pic 7');
    expect(seven).toHaveLength(1);
    expect(seven[0]!.content.parts[0]!.media).toHaveLength(1);
    expect((await db().select().from(media).where(eq(media.workspaceId, workspaceId))).filter((m) => m.status === 'ready')).toHaveLength(3);
    await removeAllPosts();
  });

  it('is checked by the job when its interval has passed, and deleted with its workspace', async () => {
    server.serve('/due.xml', 'application/rss+xml', () => rss(entries('due', 1)));
    const feed = await addFeed({ url: server.url('/due.xml'), template: '{title}' });
    const { checkDueFeeds } = await import('../../src/server/modules/feeds/feeds.service.ts');
    const deps = await depsOf(h);
    // Every other feed of this file is also due: the sweep takes them all; only this one has something new.
    await checkDueFeeds(db(), deps);
    expect((await textsOf()).filter((t) => t.startsWith('due'))).toEqual(['due post 1']);
    const [row] = await db().select().from(feeds).where(eq(feeds.id, feed.id));
    expect(row!.nextCheckAt.getTime()).toBeGreaterThan(Date.now() + 55 * 60_000);
    // Not due any more: a second sweep right away leaves it alone.
    const before = server.at('/due.xml').length;
    await checkDueFeeds(db(), deps);
    expect(server.at('/due.xml')).toHaveLength(before);

    expect((await owner.client.delete(`/api/v1/workspaces/${workspaceId}`)).status).toBe(200);
    expect(await db().select().from(feeds).where(eq(feeds.workspaceId, workspaceId))).toEqual([]);
    expect(await db().select().from(feedItems).where(eq(feedItems.workspaceId, workspaceId))).toEqual([]);
  });
});
