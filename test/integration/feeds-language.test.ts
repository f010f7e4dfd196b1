import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, feedItems, feeds } from '../../src/server/db/schema/index.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { entries, rss, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { freshDatabase, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

const feedEnv = { ...fastEngineEnv, HERALD_FEEDS_ALLOW_LOOPBACK: 'true', HERALD_FEED_FETCH_TIMEOUT_SECONDS: '1' };
const french = { 'accept-language': 'fr' };
const nb = '\u00a0';

type Item = { title: string; outcome: string; reason: string | null };
type Feed = { id: string; lastError: string | null; items: Item[] };
type Check = { outcome: { status: string; error: string | null }; feed: Feed };

// A feed's error and its items' reasons are stored with their words: the Feeds page reads them in
// its reader's language (Accept-Language), while an English reader and API clients read the same
// English as before.
describe('feeds in the reader’s language', () => {
  const database = freshDatabase();
  let h: TestHerald;
  let mastodon: MastodonFake;
  let server: FeedServer;
  let workspaceId: string;
  let editor: TeamMember;
  let channelId: string;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  const db = () => h.herald.database.db;

  const addFeed = async (body: Record<string, unknown>) => {
    const res = await editor.client.post(api('/feeds'), { name: 'Blog', channelIds: [channelId], template: '{title}', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const check = async (feedId: string, headers: Record<string, string> = {}) => {
    const res = await editor.client.request<Check>('POST', api(`/feeds/${feedId}/check`), {}, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const read = async (feedId: string, headers: Record<string, string> = {}) => {
    const res = await editor.client.request<Feed>('GET', api(`/feeds/${feedId}`), undefined, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const reasons = (feed: Feed) => Object.fromEntries(feed.items.map((i) => [i.title, i.reason]));

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    server = await startFeedServer();
    h = await startTestHerald({ env: feedEnv, database: await database });
    const team = await createTeam(h.url, 'Feeds in French');
    workspaceId = team.workspaceId;
    editor = team.members.editor;
    channelId = await connectMastodon(h, team.members.owner.client, workspaceId, mastodon);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await server?.close();
  });

  it('says a failed check in French to a French reader, and the same English as before to others', async () => {
    server.handle('/to-private.xml', (_req, res) => void res.writeHead(302, { location: 'http://10.0.0.1/feed.xml' }).end());
    server.handle('/gone.xml', (_req, res) => void res.writeHead(500, { 'content-type': 'text/plain' }).end('oops'));
    server.serve('/page.html', 'text/html; charset=utf-8', () => '<html><body>Welcome</body></html>');
    server.serve('/broken.xml', 'application/rss+xml', () => '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half</ti');
    const cases: [string, string, string | RegExp][] = [
      [
        '/to-private.xml',
        'Refused: 10.0.0.1 is a private address; Herald only reads feeds from public servers',
        `Lecture refusée${nb}: 10.0.0.1 est une adresse privée${nb}; Herald ne lit que les flux de serveurs publics`,
      ],
      ['/gone.xml', 'The feed answered HTTP 500 Internal Server Error', 'Le flux a répondu par un code HTTP 500 (Internal Server Error)'],
      ['/page.html', 'The address answered with text/html, not a feed (RSS, Atom or JSON Feed)', 'L’adresse a répondu par un contenu text/html et non par un flux (RSS, Atom ou JSON Feed)'],
      // The parser's own detail stays as it said it.
      ['/broken.xml', 'Not an RSS, Atom or JSON feed', /^Ce n’est pas un flux RSS, Atom ou JSON \(.+\)$/],
    ];
    for (const [path, english, inFrench] of cases) {
      const feed = await addFeed({ url: server.url(path), name: path });
      const checked = await check(feed.id, french);
      expect(checked.outcome.status, path).toBe('failed');
      expect(checked.outcome.error, path).toMatch(inFrench);
      expect(checked.feed.lastError, path).toMatch(inFrench);
      expect((await read(feed.id, french)).lastError, path).toMatch(inFrench);
      const inEnglish = await read(feed.id);
      if (typeof inFrench === 'string') {
        expect(checked.outcome.error, path).toBe(inFrench);
        expect(inEnglish.lastError, path).toBe(english);
      } else {
        expect(inEnglish.lastError, path).toMatch(new RegExp(`^${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(.+\\)$`));
      }
      // What is stored is the English, byte for byte, beside its words.
      const [row] = await db().select().from(feeds).where(eq(feeds.id, feed.id));
      expect(row!.lastError, path).toBe(inEnglish.lastError);
      expect(row!.lastErrorKey, path).toMatch(/^feeds:fetch\.|^feeds:parse\./);
    }
    const [privateRow] = await db().select().from(feeds).where(eq(feeds.name, '/to-private.xml'));
    expect(privateRow).toMatchObject({ lastErrorKey: 'feeds:fetch.privateAddress', lastErrorValues: { host: '10.0.0.1' } });
    // The list says it too.
    const list = await editor.client.request<{ feeds: Feed[] }>('GET', api('/feeds'), undefined, french);
    expect(list.body.feeds.find((f) => f.id === privateRow!.id)!.lastError).toBe(`Lecture refusée${nb}: 10.0.0.1 est une adresse privée${nb}; Herald ne lit que les flux de serveurs publics`);
    // A row from before the words were kept is shown as stored, in every language.
    await db().update(feeds).set({ lastError: 'An old English error', lastErrorKey: null, lastErrorValues: null }).where(eq(feeds.id, privateRow!.id));
    expect((await read(privateRow!.id, french)).lastError).toBe('An old English error');
    expect((await read(privateRow!.id)).lastError).toBe('An old English error');
  });

  it('says why items were taken as known, kept as drafts, posted without their image or skipped', async () => {
    server.handle('/img/page.png', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not an image</html>'));
    const withImages = (xml: string) => xml.replaceAll('</item>', `<enclosure url="${server.url('/img/page.png')}" type="image/png" length="1"/></item>`);
    let list = entries('fr', 5);
    server.serve('/items.xml', 'application/rss+xml', () => withImages(rss(list)));
    // Queue mode and no posting times: every item waits as a draft, saying why.
    const feed = await addFeed({ url: server.url('/items.xml'), mode: 'queue' });

    expect((await check(feed.id)).outcome.status).toBe('ok');
    const english = reasons(await read(feed.id));
    const inFrench = reasons(await read(feed.id, french));
    for (const title of ['fr post 1', 'fr post 2']) {
      expect(english[title], title).toBe('Already in the feed when it was added (the first check takes the newest 3)');
      expect(inFrench[title], title).toBe('Déjà dans le flux lors de son ajout (la première vérification ne prend que les 3 éléments les plus récents)');
    }
    // "<kept as a draft: the queue's refusal>. <posted without its image: why>", each part in French.
    for (const title of ['fr post 3', 'fr post 4', 'fr post 5']) {
      expect(english[title], title).toBe(
        'Kept as a draft: No free time slot for the selected channels: add posting times on the Channels page, or pick a time. Posted without its image: it is text/html, not an image',
      );
      expect(inFrench[title], title).toBe(
        `Conservé en brouillon${nb}: Aucun créneau libre pour les canaux choisis${nb}: ajoutez des horaires de publication sur la page Canaux, ou choisissez une heure. Publication créée sans l’image${nb}: c’est un contenu text/html, pas une image`,
      );
    }
    const [stored] = await db().select().from(feedItems).where(eq(feedItems.title, 'fr post 5'));
    expect(stored).toMatchObject({ reason: english['fr post 5'], reasonKey: 'feeds:item.withNote' });

    // Twelve new items at once: the ten newest are taken, the two oldest of them skipped.
    list = [...entries('fr', 17)];
    server.serve('/items.xml', 'application/rss+xml', () => rss(list));
    expect((await check(feed.id)).outcome).toMatchObject({ status: 'ok', skipped: 2 });
    for (const title of ['fr post 6', 'fr post 7']) {
      expect(reasons(await read(feed.id))[title], title).toBe('More than 10 new items at once');
      expect(reasons(await read(feed.id, french))[title], title).toBe('Plus de 10 nouveaux éléments d’un coup');
    }

    // A channel that cannot take even a draft: the item is skipped with the refusal.
    const [{ status }] = (await db().select({ status: channels.status }).from(channels).where(eq(channels.id, channelId))) as [{ status: string }];
    await db().update(channels).set({ status: 'disconnected' }).where(eq(channels.id, channelId));
    try {
      list = [...entries('fr', 18)];
      const checked = await check(feed.id, french);
      expect(checked.outcome).toMatchObject({ status: 'ok', skipped: 1 });
      const skipped = reasons(await read(feed.id))['fr post 18']!;
      expect(skipped).toMatch(/^Skipped: channels\.0\.channelId: .+ is disconnected; connect it again first$/);
      expect(reasons(checked.feed)['fr post 18']).toBe(`Ignoré${nb}: ${skipped.slice('Skipped: '.length)}`);
    } finally {
      await db().update(channels).set({ status }).where(eq(channels.id, channelId));
    }
  });
});
