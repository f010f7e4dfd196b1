import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, media } from '../../src/server/db/schema/index.ts';
import { purgePublishedMedia } from '../../src/server/modules/media/media.service.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv, uploadMedia } from '../helpers/publishing.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

type Idea = { id: string; columnId: string; position: number; title: string; body: string; notes: string; media: { mediaId: string; altText?: string }[]; postId: string | null };
type Column = { id: string; name: string; position: number; ideas: Idea[] };

// The Ideas board: columns the team names, cards that move between them, and the files on a card
// kept by the retention job for as long as the card exists.
describe('ideas board', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let owner: TeamMember;
  let editor: TeamMember;
  let viewer: TeamMember;
  let channelId: string;
  let png: Buffer;
  const api = (p: string, ws = workspaceId) => `/api/v1/workspaces/${ws}${p}`;
  const db = () => h.herald.database.db;
  const board = async (who = owner): Promise<Column[]> => {
    const res = await who.client.get(api('/ideas'));
    expect(res.status).toBe(200);
    return res.body.columns;
  };
  const titlesOf = (columns: Column[]) => columns.map((c) => c.ideas.map((i) => i.title));
  const positionsOf = (columns: Column[]) => columns.map((c) => c.ideas.map((i) => i.position));
  const image = (label: string) => uploadMedia(h, owner.client, workspaceId, { bytes: png, name: `${label}.png`, type: 'image/png' });

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: fastEngineEnv });
    const team = await createTeam(h.url, 'Ideas');
    workspaceId = team.workspaceId;
    ({ owner, editor, viewer } = team.members);
    otherWorkspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Other client' })).body.id;
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
    png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#ff8800' } }).png().toBuffer();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('starts a new board with three columns, once, even when read twice at the same moment', async () => {
    const [first, second] = await Promise.all([board(viewer), board(editor)]);
    expect(first.map((c) => c.name)).toEqual(['Ideas', 'In progress', 'Ready']);
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(first.map((c) => c.position)).toEqual([0, 1, 2]);
    expect((await board()).map((c) => c.id)).toEqual(first.map((c) => c.id));
  });

  it('creates, edits and deletes cards, with an audit entry for each change', async () => {
    const [ideasColumn, progress] = await board();
    const created = await editor.client.post(api('/ideas'), { title: '  Behind the scenes  ', body: 'Our kitchen at 6am', notes: 'Ask Sam for photos' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Behind the scenes', body: 'Our kitchen at 6am', notes: 'Ask Sam for photos', columnId: ideasColumn!.id, position: 0, media: [], postId: null });
    const second = await editor.client.post(api('/ideas'), { title: 'Launch teaser', columnId: progress!.id });
    expect(second.body).toMatchObject({ columnId: progress!.id, position: 0, body: '', notes: '' });

    const edited = await editor.client.patch(api(`/ideas/${created.body.id}`), { title: 'Behind the scenes, part 1', notes: 'Sam sent them' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Behind the scenes, part 1', notes: 'Sam sent them', body: 'Our kitchen at 6am' });
    expect((await viewer.client.get(api(`/ideas/${created.body.id}`))).body.title).toBe('Behind the scenes, part 1');

    expect((await editor.client.delete(api(`/ideas/${second.body.id}`))).status).toBe(204);
    expect((await editor.client.get(api(`/ideas/${second.body.id}`))).status).toBe(404);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId))).filter((a) => a.entityType === 'idea').map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['idea.created', 'idea.updated', 'idea.deleted']));
    const update = (await db().select().from(auditLog).where(and(eq(auditLog.action, 'idea.updated'), eq(auditLog.entityId, created.body.id))))[0]!;
    expect(update.actorUserId).toBe(editor.id);
    expect(update.changes).toMatchObject({ title: { from: 'Behind the scenes', to: 'Behind the scenes, part 1' }, notes: 'changed' });
    await editor.client.delete(api(`/ideas/${created.body.id}`));
  });

  it('moves cards between and within columns, renumbering both', async () => {
    const [a, b] = await board();
    const make = async (title: string, columnId: string) => (await editor.client.post(api('/ideas'), { title, columnId })).body as Idea;
    const one = await make('one', a!.id);
    const two = await make('two', a!.id);
    const three = await make('three', a!.id);
    const four = await make('four', b!.id);

    const moved = await editor.client.post(api(`/ideas/${one.id}/move`), { columnId: b!.id, position: 0 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ columnId: b!.id, position: 0 });
    let now = await board();
    expect(titlesOf(now)).toEqual([['two', 'three'], ['one', 'four'], []]);
    expect(positionsOf(now)).toEqual([[0, 1], [0, 1], []]);

    // Within a column: to the bottom (a position past the end is the bottom), then back up.
    await editor.client.post(api(`/ideas/${one.id}/move`), { columnId: b!.id, position: 99 });
    expect(titlesOf(await board())).toEqual([['two', 'three'], ['four', 'one'], []]);
    await editor.client.post(api(`/ideas/${three.id}/move`), { columnId: a!.id, position: 0 });
    now = await board();
    expect(titlesOf(now)).toEqual([['three', 'two'], ['four', 'one'], []]);
    expect(positionsOf(now)).toEqual([[0, 1], [0, 1], []]);

    const audit = (await db().select().from(auditLog).where(and(eq(auditLog.action, 'idea.moved'), eq(auditLog.entityId, one.id)))).map((a) => a.changes);
    expect(audit[0]).toEqual({ columnId: { from: a!.id, to: b!.id }, position: { from: 0, to: 0 } });
    for (const idea of [one, two, three, four]) await editor.client.delete(api(`/ideas/${idea.id}`));
  });

  it('keeps positions unique when many moves happen at once', async () => {
    const columns = await board();
    const cards: Idea[] = [];
    for (let i = 0; i < 8; i++) cards.push((await editor.client.post(api('/ideas'), { title: `card ${i}`, columnId: columns[0]!.id })).body);
    const moves = cards.flatMap((card, i) => [
      editor.client.post(api(`/ideas/${card.id}/move`), { columnId: columns[i % 3]!.id, position: 0 }),
      owner.client.post(api(`/ideas/${card.id}/move`), { columnId: columns[(i + 1) % 3]!.id, position: i % 2 }),
    ]);
    const answers = await Promise.all(moves);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const after = await board();
    expect(after.flatMap((c) => c.ideas).length).toBe(8);
    for (const column of after) expect(column.ideas.map((i) => i.position)).toEqual(column.ideas.map((_, index) => index));
    for (const card of cards) await editor.client.delete(api(`/ideas/${card.id}`));
  });

  it('adds, renames, reorders and deletes columns; a column with cards asks where they go', async () => {
    const added = await editor.client.post(api('/ideas/columns'), { name: 'Maybe later' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Maybe later', position: 3, ideas: [] });
    const renamed = await editor.client.patch(api(`/ideas/columns/${added.body.id}`), { name: 'Someday', position: 0 });
    expect(renamed.status).toBe(200);
    expect(renamed.body.columns.map((c: Column) => c.name)).toEqual(['Someday', 'Ideas', 'In progress', 'Ready']);
    expect(renamed.body.columns.map((c: Column) => c.position)).toEqual([0, 1, 2, 3]);

    const card = (await editor.client.post(api('/ideas'), { title: 'Parked', columnId: added.body.id })).body as Idea;
    const ready = renamed.body.columns[3] as Column;
    const refused = await editor.client.delete(api(`/ideas/columns/${added.body.id}`));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'ideas.column_not_empty', details: { cards: 1, field: 'querystring.moveTo' } });
    expect(refused.body.error.message).toMatch(/1 card: choose a column/);
    expect((await editor.client.delete(api(`/ideas/columns/${added.body.id}?moveTo=${added.body.id}`))).status).toBe(400);

    expect((await editor.client.delete(api(`/ideas/columns/${added.body.id}?moveTo=${ready.id}`))).status).toBe(204);
    const now = await board();
    expect(now.map((c) => c.name)).toEqual(['Ideas', 'In progress', 'Ready']);
    expect(now.map((c) => c.position)).toEqual([0, 1, 2]);
    expect(now[2]!.ideas.map((i) => i.id)).toEqual([card.id]);
    await editor.client.delete(api(`/ideas/${card.id}`));
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, added.body.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['idea_column.created', 'idea_column.deleted', 'idea_column.updated']);
  });

  it('refuses to delete the last column', async () => {
    const columns = await board();
    for (const c of columns.slice(1)) expect((await editor.client.delete(api(`/ideas/columns/${c.id}`))).status).toBe(204);
    const refused = await editor.client.delete(api(`/ideas/columns/${columns[0]!.id}`));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ideas.last_column');
    await editor.client.post(api('/ideas/columns'), { name: 'In progress' });
    await editor.client.post(api('/ideas/columns'), { name: 'Ready' });
  });

  it('validates input with the field at fault', async () => {
    const [column] = await board();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'ok', notes: 'x'.repeat(10_001) }, 'notes'],
      [{ title: 'ok', media: [{ mediaId: '' }] }, 'media.0.mediaId'],
    ];
    for (const [body, field] of cases) {
      const res = await editor.client.post(api('/ideas'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
    const card = (await editor.client.post(api('/ideas'), { title: 'Valid' })).body as Idea;
    const badMove = await editor.client.post(api(`/ideas/${card.id}/move`), { columnId: column!.id, position: -1 });
    expect(badMove.status).toBe(400);
    expect(JSON.stringify(badMove.body.error)).toContain('position');
    expect((await editor.client.post(api('/ideas/columns'), { name: '' })).status).toBe(400);
    const badLink = await editor.client.post(api(`/ideas/${card.id}/link`), { postId: 'no-such-post' });
    expect(badLink.status).toBe(400);
    expect(badLink.body.error).toMatchObject({ code: 'ideas.unknown_post', details: { field: 'postId' } });
    await editor.client.delete(api(`/ideas/${card.id}`));
  });

  it("refuses another workspace's media (400) and answers 404 for another workspace's cards and columns", async () => {
    const foreignMedia = await uploadMedia(h, owner.client, otherWorkspaceId, { bytes: png, name: 'theirs.png', type: 'image/png' });
    const ours = await image('ours');
    const refused = await editor.client.post(api('/ideas'), { title: 'Mixed', media: [{ mediaId: ours.id }, { mediaId: foreignMedia.id }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'ideas.unknown_media', details: { field: 'media.1.mediaId' } });

    const theirBoard = (await owner.client.get(api('/ideas', otherWorkspaceId))).body.columns as Column[];
    const theirCard = (await owner.client.post(api('/ideas', otherWorkspaceId), { title: 'Their secret plan' })).body as Idea;
    const [ourColumn] = await board();
    const ourCard = (await editor.client.post(api('/ideas'), { title: 'Ours' })).body as Idea;
    // The editor is not a member there; the owner is a member of both, and ids do not cross workspaces.
    expect((await editor.client.get(api(`/ideas/${theirCard.id}`, otherWorkspaceId))).status).toBe(404);
    expect((await owner.client.get(api(`/ideas/${theirCard.id}`))).status).toBe(404);
    expect((await owner.client.patch(api(`/ideas/${theirCard.id}`), { title: 'Mine now' })).status).toBe(404);
    expect((await owner.client.delete(api(`/ideas/${theirCard.id}`))).status).toBe(404);
    expect((await owner.client.post(api(`/ideas/${theirCard.id}/move`), { columnId: ourColumn!.id, position: 0 })).status).toBe(404);
    expect((await owner.client.post(api(`/ideas/${ourCard.id}/move`), { columnId: theirBoard[0]!.id, position: 0 })).status).toBe(404);
    expect((await owner.client.patch(api(`/ideas/columns/${theirBoard[0]!.id}`), { name: 'Hijacked' })).status).toBe(404);
    expect((await owner.client.delete(api(`/ideas/columns/${ourColumn!.id}?moveTo=${theirBoard[1]!.id}`))).status).toBe(404);
    expect((await board())[0]!.ideas.map((i) => i.id)).toEqual([ourCard.id]);
    expect((await owner.client.get(api(`/ideas/${theirCard.id}`, otherWorkspaceId))).body.title).toBe('Their secret plan');
    await editor.client.delete(api(`/ideas/${ourCard.id}`));
  });

  it('lets a viewer read the board but not change it (403)', async () => {
    const card = (await editor.client.post(api('/ideas'), { title: 'Visible to all' })).body as Idea;
    const [column, other] = await board(viewer);
    expect(column!.ideas.map((i) => i.id)).toContain(card.id);
    const attempts = [
      viewer.client.post(api('/ideas'), { title: 'Nope' }),
      viewer.client.patch(api(`/ideas/${card.id}`), { title: 'Nope' }),
      viewer.client.delete(api(`/ideas/${card.id}`)),
      viewer.client.post(api(`/ideas/${card.id}/move`), { columnId: other!.id, position: 0 }),
      viewer.client.post(api(`/ideas/${card.id}/link`), { postId: 'x' }),
      viewer.client.post(api('/ideas/columns'), { name: 'Nope' }),
      viewer.client.patch(api(`/ideas/columns/${column!.id}`), { name: 'Nope' }),
      viewer.client.delete(api(`/ideas/columns/${other!.id}`)),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(403);
    expect((await viewer.client.get(api(`/ideas/${card.id}`))).body.title).toBe('Visible to all');
    await editor.client.delete(api(`/ideas/${card.id}`));
  });

  it('records the post a card was turned into, and forgets it when the post is deleted', async () => {
    const card = (await editor.client.post(api('/ideas'), { title: 'Turn me', body: 'Hello from an idea' })).body as Idea;
    const post = await editor.client.post(api('/posts'), { content: { text: card.body }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(post.status).toBe(201);
    const linked = await editor.client.post(api(`/ideas/${card.id}/link`), { postId: post.body.id });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ postId: post.body.id, postState: 'draft' });
    expect((await db().select().from(auditLog).where(and(eq(auditLog.action, 'idea.turned_into_post'), eq(auditLog.entityId, card.id))))).toHaveLength(1);
    expect((await editor.client.delete(api(`/posts/${post.body.id}`))).status).toBe(204);
    expect((await editor.client.get(api(`/ideas/${card.id}`))).body).toMatchObject({ postId: null, postState: null });
    await editor.client.delete(api(`/ideas/${card.id}`));
  });

  it("keeps a card's files while the card exists and releases them when it is deleted", async () => {
    const store = createDiskStorage(path.join(h.dataDir, 'media'));
    const fileOf = (id: string) => store.path!(`${workspaceId}/${id}`);
    const status = async (id: string) => (await db().select().from(media).where(eq(media.id, id)))[0]!.status;
    const purge = () => purgePublishedMedia(db(), store, { deleteAfterPublish: true });
    // `shared` also went into a post that was deleted (released); `own` was only ever on the card;
    // `dropped` is taken off the card by an edit.
    const shared = await image('shared');
    const own = await image('own');
    const dropped = await image('dropped');
    const card = (await editor.client.post(api('/ideas'), { title: 'With photos', media: [{ mediaId: shared.id, altText: ' Our team ' }, { mediaId: own.id }, { mediaId: dropped.id }] })).body as Idea;
    expect(card.media).toEqual([{ mediaId: shared.id, altText: 'Our team' }, { mediaId: own.id }, { mediaId: dropped.id }]);
    const post = await editor.client.post(api('/posts'), { content: { text: 'With a photo', media: [{ mediaId: shared.id }] }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(post.status).toBe(201);
    expect((await editor.client.delete(api(`/posts/${post.body.id}`))).status).toBe(204);

    const edited = await editor.client.patch(api(`/ideas/${card.id}`), { media: [{ mediaId: shared.id, altText: 'Our team' }, { mediaId: own.id }] });
    expect(edited.body.media).toHaveLength(2);
    expect(await purge()).toBe(1);
    expect(await status(dropped.id)).toBe('deleted');
    expect(fs.existsSync(fileOf(dropped.id))).toBe(false);
    for (const kept of [shared, own]) {
      expect(await status(kept.id)).toBe('ready');
      expect(fs.existsSync(fileOf(kept.id))).toBe(true);
    }

    expect((await editor.client.delete(api(`/ideas/${card.id}`))).status).toBe(204);
    expect(await purge()).toBe(2);
    for (const gone of [shared, own]) {
      expect(await status(gone.id)).toBe('deleted');
      expect(fs.existsSync(fileOf(gone.id))).toBe(false);
    }
    // A file that is on two cards stays until the second card goes too.
    const twice = await image('twice');
    const a = (await editor.client.post(api('/ideas'), { title: 'A', media: [{ mediaId: twice.id }] })).body as Idea;
    const b = (await editor.client.post(api('/ideas'), { title: 'B', media: [{ mediaId: twice.id }] })).body as Idea;
    await editor.client.delete(api(`/ideas/${a.id}`));
    expect(await purge()).toBe(0);
    await editor.client.delete(api(`/ideas/${b.id}`));
    expect(await purge()).toBe(1);
    expect((await editor.client.post(api('/ideas'), { title: 'Deleted file', media: [{ mediaId: twice.id }] })).status).toBe(400);
  });

  it('logged no server error along the way', async () => {
    const errors = h.logs.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });
});
