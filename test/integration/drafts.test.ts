import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { media } from '../../src/server/db/schema/index.ts';
import { connectMastodon, fastEngineEnv, uploadMedia } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// The Drafts view's list (every draft, with or without a time, whoever wrote it, the last edited
// first; the calendar's range list cannot show drafts without a time), and duplicating a post.
describe('drafts list', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let otherServer: MastodonFake;
  let thirdServer: MastodonFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let editor: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let first: string;
  let second: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const draft = (who: typeof owner, text: string, channelIds: string[], schedule: Record<string, unknown> = { mode: 'draft' }) =>
    who.client.post(api('/posts'), { content: { text }, channels: channelIds.map((channelId) => ({ channelId })), schedule });
  const ids = (body: { items: { id: string }[] }) => body.items.map((p) => p.id);

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    thirdServer = await startMastodonFake({ account: { id: '109000000000000003', username: 'third', displayName: 'Third account' } });
    otherServer = await startMastodonFake({ account: { id: '109000000000000002', username: 'second', displayName: 'Second account' } });
    h = await startTestHerald({ env: fastEngineEnv });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Drafts' })).body.id;
    first = await connectMastodon(h, owner.client, workspaceId, mastodon);
    second = await connectMastodon(h, owner.client, workspaceId, otherServer);
    expect(second).not.toBe(first);
    editor = await signUp(h.url);
    const invite = await owner.client.post(api('/invitations'), { email: editor.email, role: 'editor' });
    await editor.client.post(`/api/v1/invitations/${invite.body.id}/accept`);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await otherServer?.close();
    await thirdServer?.close();
  });

  it('lists drafts with and without a time, by anyone, the last edited first, and nothing scheduled', async () => {
    const untimed = (await draft(editor, 'An editor’s idea, no time yet', [first])).body;
    const timed = (await draft(owner, 'Planned for next week', [second], { mode: 'draft', publishAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), timeZone: 'UTC' })).body;
    const scheduled = (await draft(owner, 'Going out', [first], { mode: 'at', publishAt: new Date(Date.now() + 86_400_000).toISOString(), timeZone: 'UTC' })).body;
    expect(scheduled.state).toBe('scheduled');

    const all = await owner.client.get(api('/posts/drafts'));
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([timed.id, untimed.id]);
    expect(all.body.items[1]).toMatchObject({ state: 'draft', publishAt: null, createdBy: editor.id });

    // Editing moves a draft to the top.
    await new Promise((r) => setTimeout(r, 20));
    const edited = await editor.client.patch(api(`/posts/${untimed.id}`), { content: { text: 'An editor’s idea, rewritten' }, channels: [{ channelId: first }] });
    expect(edited.status).toBe(200);
    expect(ids((await owner.client.get(api('/posts/drafts'))).body)).toEqual([untimed.id, timed.id]);

    expect(ids((await owner.client.get(api(`/posts/drafts?authorId=${editor.id}`))).body)).toEqual([untimed.id]);
    expect(ids((await owner.client.get(api(`/posts/drafts?channelId=${second}`))).body)).toEqual([timed.id]);
    expect(ids((await editor.client.get(api(`/posts/drafts?authorId=${owner.id}&channelId=${first}`))).body)).toEqual([]);
  });

  it('pages with a cursor and refuses one it did not give out', async () => {
    for (let i = 0; i < 3; i++) await draft(owner, `Paged draft ${i}`, [first]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await owner.client.get(api(`/posts/drafts?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    const bad = await owner.client.get(api('/posts/drafts?cursor=bm90LWEtY3Vyc29y'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('cursor');
    expect((await owner.client.get(api('/posts/drafts?limit=0'))).status).toBe(400);
  });

  it('duplicates any post into a draft without a time, each channel with what it had, naming what is gone', async () => {
    const image = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c33' } }).png().toBuffer();
    const kept = await uploadMedia(h, owner.client, workspaceId, { bytes: image, name: 'kept.png', type: 'image/png' });
    const gone = await uploadMedia(h, owner.client, workspaceId, { bytes: image, name: 'gone.png', type: 'image/png' });
    const third = await connectMastodon(h, owner.client, workspaceId, thirdServer);
    const original = await owner.client.post(api('/posts'), {
      content: { text: 'Shared words', media: [{ mediaId: kept.id, altText: 'A red square' }, { mediaId: gone.id }] },
      channels: [{ channelId: first, settings: { visibility: 'unlisted' } }, { channelId: second, text: 'Words for the second server only' }, { channelId: third }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 86_400_000).toISOString(), timeZone: 'UTC' },
    });
    expect(original.status).toBe(201);

    const copy = await editor.client.post(api(`/posts/${original.body.id}/duplicate`));
    expect(copy.status).toBe(201);
    expect(copy.body.left).toEqual({ media: 0, channels: 0 });
    expect(copy.body.post).toMatchObject({ state: 'draft', publishAt: null, createdBy: editor.id, content: { text: 'Shared words' } });
    const byChannel = (post: { deliveries: { channelId: string; content: unknown; settings: unknown }[] }) => Object.fromEntries(post.deliveries.map((d) => [d.channelId, { content: d.content, settings: d.settings }]));
    expect(byChannel(copy.body.post)).toEqual(byChannel(original.body));
    // The original is untouched and still scheduled.
    expect((await owner.client.get(api(`/posts/${original.body.id}`))).body.state).toBe('scheduled');

    // A file deleted since (as after publishing) and a disconnected channel are left out, and counted.
    await h.herald.database.db.delete(media).where(eq(media.id, gone.id));
    expect((await owner.client.delete(api(`/channels/${third}`))).status).toBe(200);
    const partial = await owner.client.post(api(`/posts/${original.body.id}/duplicate`));
    expect(partial.status).toBe(201);
    expect(partial.body.left).toEqual({ media: 1, channels: 1 });
    expect(partial.body.post.content.media).toEqual([{ mediaId: kept.id, altText: 'A red square' }]);
    expect(partial.body.post.deliveries.map((d: { channelId: string }) => d.channelId).sort()).toEqual([first, second].sort());

    const viewer = await signUp(h.url);
    const invite = await owner.client.post(api('/invitations'), { email: viewer.email, role: 'viewer' });
    await viewer.client.post(`/api/v1/invitations/${invite.body.id}/accept`);
    expect((await viewer.client.post(api(`/posts/${original.body.id}/duplicate`))).status).toBe(403);
    expect((await owner.client.post(api('/posts/no-such-post/duplicate'))).status).toBe(404);
  });

  // The calendar's range list reads only the columns an answer shows (posts.repository.ts
  // shownDeliveryColumns): each of its posts must still be exactly what the post's own answer is.
  it('answers each post of a calendar range as the post itself answers it', async () => {
    const at = new Date(Date.now() + 30 * 86_400_000);
    const both = (await draft(owner, 'To both accounts', [first, second], { mode: 'at', publishAt: at.toISOString(), timeZone: 'Europe/Berlin' })).body;
    const planned = (await draft(editor, 'A planned draft', [second], { mode: 'draft', publishAt: new Date(at.getTime() + 3_600_000).toISOString(), timeZone: 'UTC' })).body;
    const range = `from=${new Date(at.getTime() - 86_400_000).toISOString()}&to=${new Date(at.getTime() + 86_400_000).toISOString()}`;
    const list = await owner.client.get(api(`/posts?${range}`));
    expect(list.status).toBe(200);
    expect(ids(list.body)).toEqual([both.id, planned.id]);
    expect(list.body.items[0].deliveries).toHaveLength(2);
    for (const item of list.body.items) expect(item).toEqual((await owner.client.get(api(`/posts/${item.id}`))).body);
  });

  it('is not readable outside the workspace', async () => {
    const stranger = await signUp(h.url);
    expect((await stranger.client.get(api('/posts/drafts'))).status).toBe(404);
  });
});
