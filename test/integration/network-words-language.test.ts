import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../src/server/db/schema/index.ts';
import { networkIds } from '../../src/shared/networks.ts';
import { networks } from '../../src/networks/index.ts';
import { startFacebookFake, facebookEnv, type FacebookFake } from '../fakes/facebook/facebook-fake.ts';
import { startLinkedInFake, linkedinEnv, type LinkedInFake } from '../fakes/linkedin/linkedin-fake.ts';
import { startInstagramFake, instagramEnv, type InstagramFake } from '../fakes/instagram/instagram-fake.ts';
import { signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';

// What the networks say while an account is connected (the picker's notes, the connect form's
// refusals) and when a post's network settings are wrong: English as it always was without a
// language, French to a French reader.

const nbsp = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9' };

type Offered = { externalId: string; displayName: string | null; note: string | null };

/** Connects through the network's real consent (its fake) up to the picker: answers the picker's URL. */
async function pickerOf(h: TestHerald, client: Client, workspaceId: string, network: string, authorize: (url: string) => string) {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network });
  expect(start.status, JSON.stringify(start.body)).toBe(200);
  const callback = new URL(authorize(start.body.authorizationUrl));
  const back = await client.get(callback.pathname + callback.search);
  expect(back.status, JSON.stringify(back.body)).toBe(302);
  const selectionId = new URL(back.headers.get('location')!, h.url).searchParams.get('choose');
  expect(selectionId, back.headers.get('location') ?? '').toBeTruthy();
  return `/api/v1/workspaces/${workspaceId}/channels/selections/${selectionId}`;
}

async function notesOf(client: Client, picker: string, headers: Record<string, string> = {}) {
  const offered = await client.request('GET', picker, undefined, headers);
  expect(offered.status, JSON.stringify(offered.body)).toBe(200);
  return Object.fromEntries((offered.body.accounts as Offered[]).map((a) => [a.displayName, a.note]));
}

describe('the account picker’s notes', () => {
  let h: TestHerald;
  let facebook: FacebookFake;
  let linkedin: LinkedInFake;
  let instagram: InstagramFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;

  beforeAll(async () => {
    facebook = await startFacebookFake();
    linkedin = await startLinkedInFake({
      organizations: [
        { id: '2414183', name: 'Herald Bakery', vanityName: 'herald-bakery', logo: 'https://media.licdn.example/bakery.png', roles: { yrZCpj2Z12: 'ADMINISTRATOR' } },
        { id: '2414184', name: 'Herald Books', vanityName: 'herald-books', logo: 'https://media.licdn.example/books.png', roles: { yrZCpj2Z12: 'CONTENT_ADMINISTRATOR' } },
        { id: '2414185', name: 'Herald Ads', vanityName: 'herald-ads', logo: 'https://media.licdn.example/ads.png', roles: { yrZCpj2Z12: 'DIRECT_SPONSORED_CONTENT_POSTER' } },
      ],
    });
    instagram = await startInstagramFake();
    h = await startTestHerald({ env: { ...facebookEnv(facebook), ...linkedinEnv(linkedin), ...instagramEnv(instagram, 'facebook') } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Atelier' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
    await Promise.all([facebook?.close(), linkedin?.close(), instagram?.close()]);
  });

  it('Facebook: the Page’s category stays Facebook’s words, the rest is French', async () => {
    const picker = await pickerOf(h, owner.client, workspaceId, 'facebook', (url) => facebook.authorize(url));
    expect(await notesOf(owner.client, picker)).toEqual({
      'Herald Bakery': 'Page · Bakery',
      'Herald Books': 'Page · Book store',
      'Herald Archive': 'Page · Community · your role on this Page cannot publish',
    });
    expect(await notesOf(owner.client, picker, french)).toEqual({
      'Herald Bakery': 'Page · Bakery',
      'Herald Books': 'Page · Book store',
      'Herald Archive': 'Page · Community · votre rôle sur cette Page ne permet pas de publier',
    });
  });

  it('LinkedIn: the member’s own profile and each Company Page with the member’s role', async () => {
    const picker = await pickerOf(h, owner.client, workspaceId, 'linkedin', (url) => linkedin.authorize(url));
    expect(await notesOf(owner.client, picker)).toEqual({
      'Hera Herald': 'your own profile',
      'Herald Bakery': 'Company Page · Page admin',
      'Herald Books': 'Company Page · Page content admin',
      'Herald Ads': 'Company Page · Page poster',
    });
    expect(await notesOf(owner.client, picker, french)).toEqual({
      'Hera Herald': 'votre profil personnel',
      'Herald Bakery': 'Page entreprise · admin de la Page',
      'Herald Books': 'Page entreprise · admin de contenu de la Page',
      'Herald Ads': 'Page entreprise · auteur de publications pour la Page',
    });
  });

  it('Instagram through Facebook Login: the linked Page’s name inside a French sentence', async () => {
    const picker = await pickerOf(h, owner.client, workspaceId, 'instagram', (url) => instagram.authorize(url));
    expect(Object.values(await notesOf(owner.client, picker))).toEqual(['linked to the Facebook Page Herald Studio Page']);
    expect(Object.values(await notesOf(owner.client, picker, french))).toEqual(['associé à la Page Facebook Herald Studio Page']);
  });
});

describe('the connect form’s refusals', () => {
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let connect: (body: Record<string, string>, headers?: Record<string, string>) => Promise<{ status: number; body: any }>;

  beforeAll(async () => {
    h = await startTestHerald();
    owner = await signUp(h.url);
    const workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Atelier' })).body.id;
    connect = (body, headers = {}) => owner.client.request('POST', `/api/v1/workspaces/${workspaceId}/channels/connect`, body, headers);
  });
  afterAll(async () => h?.close());

  it('Mastodon: a server address that is none', async () => {
    const english = await connect({ network: 'mastodon', instance: 'not a server' });
    expect(english.status).toBe(400);
    expect(english.body.error).toMatchObject({ code: 'validation_failed', message: 'body.instance: must be a server name like mastodon.social' });
    const inFrench = await connect({ network: 'mastodon', instance: 'not a server' }, french);
    expect(inFrench.status).toBe(400);
    expect(inFrench.body.error).toMatchObject({
      code: 'validation_failed',
      message: `body.instance${nbsp}: doit être un nom de serveur comme mastodon.social`,
      details: { issues: [{ field: 'body.instance', message: 'doit être un nom de serveur comme mastodon.social' }] },
    });
  });

  it('Bluesky: a handle or an app password of the wrong shape, in the words of Bluesky’s translations', async () => {
    const signIn = networks.bluesky.signIn!;
    const badHandle = { network: 'bluesky', identifier: 'not a handle', appPassword: 'abcd-efgh-ijkl-mnop' };
    const english = await connect(badHandle);
    expect(english.status).toBe(400);
    expect(english.body.error.message).toBe(`body.identifier: ${signIn.identifierHint}`);
    const inFrench = await connect(badHandle, french);
    expect(inFrench.status).toBe(400);
    expect(inFrench.body.error.message).toBe(`body.identifier${nbsp}: doit être un pseudo comme alice.bsky.social ou un DID comme did:plc:…`);
    expect(inFrench.body.error.details.issues).toEqual([{ field: 'body.identifier', message: 'doit être un pseudo comme alice.bsky.social ou un DID comme did:plc:…' }]);

    const badPassword = { network: 'bluesky', identifier: 'alice.bsky.social', appPassword: 'my real password' };
    expect((await connect(badPassword)).body.error.message).toBe(`body.appPassword: ${signIn.appPasswordHint}`);
    const passwordInFrench = await connect(badPassword, french);
    expect(passwordInFrench.status).toBe(400);
    expect(passwordInFrench.body.error.details.issues[0].message).toMatch(/^doit être un mot de passe d’application comme abcd-efgh-ijkl-mnop .*, pas le mot de passe du compte$/);
  });
});

/**
 * Wrong settings for every network, each failure kind its schema can give: zod's own words (a
 * value not offered, a wrong type, too long, too small, a setting that does not exist) and the
 * sentences the schemas write themselves.
 */
const wrongSettings: Record<string, Record<string, unknown>[]> = {
  bluesky: [{ langs: ['EN'] }, { langs: ['en', 'fr', 'de', 'it'] }, { captions: [{ lang: 'en', vtt: 'hello' }] }, { captions: [{ lang: 'en', vtt: `WEBVTT\n${'x'.repeat(20_001)}` }] }, { captions: Array.from({ length: 21 }, (_, i) => ({ lang: `l${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, vtt: 'WEBVTT' })) }, { captions: [{ lang: 'en', vtt: 'WEBVTT' }, { lang: 'en', vtt: 'WEBVTT' }] }],
  facebook: [{ format: 'story' }, { link: 'ftp://example.com' }, { videoTitle: 'x'.repeat(256) }, { videoTitle: 12 }, { colour: 'red' }],
  instagram: [{ shareToFeed: 'yes' }, { thumbOffsetMs: 1.5 }, { thumbOffsetMs: -1 }, { coverUrl: 'http://example.com/cover.jpg' }, { format: 'igtv' }],
  linkedin: [{ visibility: 'FRIENDS' }, { linkUrl: 'example' }, { documentTitle: ' ' }, { linkTitle: 'x'.repeat(401) }, { sponsored: true }],
  mastodon: [{ visibility: 'everyone' }, { language: 'fra' }, { spoilerText: null }, { sensitive: 'yes' }, { spoilerText: 'x'.repeat(501) }],
  pinterest: [{ boardId: 'board' }, { title: 'x'.repeat(101) }, { link: 'pinterest' }, { coverKeyFrameSeconds: 901 }, { coverMediaId: '' }, { boardName: 7 }],
  reddit: [{ title: 'x'.repeat(301) }, { flairText: 'x'.repeat(65) }, { flairId: ' ' }, { kind: 'image' }, { nsfw: 'no' }],
  threads: [{ linkAttachment: 'threads' }, { topicTag: 'a.b' }, { topicTag: 'x'.repeat(51) }, { replyControl: 'nobody' }, { topicTag: ' ' }],
  tiktok: [{ mode: 'publish' }, { privacyLevel: 'FRIENDS' }, { disableComment: 'no' }, { videoCoverTimestampMs: -1 }, { title: 'x'.repeat(91) }, { photoCoverIndex: 0.5 }],
  x: [
    { replySettings: 'nobody' },
    { quote: 'https://example.com/post' },
    { poll: { options: ['yes'], durationMinutes: 60 } },
    { poll: { options: ['yes', 'no', 'maybe', 'later', 'never'], durationMinutes: 60 } },
    { poll: { options: ['yes', ' '], durationMinutes: 60 } },
    { poll: { options: ['yes', 'x'.repeat(26)], durationMinutes: 60 } },
    { poll: { options: ['yes', 'no'], durationMinutes: 1 } },
    { poll: { options: ['yes', 'no'], durationMinutes: 20_000 } },
    { poll: { options: ['yes', 'no'], durationMinutes: 60, hidden: true } },
  ],
  youtube: [{ title: 'x'.repeat(101) }, { title: '<b>' }, { privacyStatus: 'secret' }, { madeForKids: 'no' }, { categoryId: 'music' }, { tags: ['<tag>'] }, { tags: [''] }, { playlistId: '!' }, { tags: Array.from({ length: 101 }, () => 'a') }],
};

describe('wrong network settings in a post', () => {
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const channelOf: Record<string, string> = {};

  beforeAll(async () => {
    h = await startTestHerald();
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Atelier' })).body.id;
    // The settings are checked before any network is asked anything: a channel row is enough.
    for (const network of networkIds) {
      channelOf[network] = crypto.randomUUID();
      await h.herald.database.db.insert(channels).values({ id: channelOf[network], workspaceId, network, externalId: `${network}-1`, scopesGranted: [...networks[network].scopes] });
    }
  });
  afterAll(async () => h?.close());

  it('has wrong settings for every network', () => {
    expect(Object.keys(wrongSettings).sort()).toEqual([...networkIds].sort());
  });

  const post = (network: string, settings: Record<string, unknown>) => ({ content: { text: 'Bonjour' }, channels: [{ channelId: channelOf[network], settings }], schedule: { mode: 'draft' } });

  for (const [network, cases] of Object.entries(wrongSettings)) {
    it(`${network}: every issue is French to a French reader, and English as before without a language`, async () => {
      const label = networks[network as keyof typeof networks].label;
      for (const settings of cases) {
        const url = `/api/v1/workspaces/${workspaceId}/posts`;
        const english = await owner.client.post(url, post(network, settings));
        const what = `${network} ${JSON.stringify(settings).slice(0, 80)}: ${JSON.stringify(english.body)}`;
        expect(english.status, what).toBe(400);
        const issues = english.body.error.details.issues as { field: string; message: string }[];
        expect(issues.length, what).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.field, what).toMatch(/^channels\.0\.settings/);
          expect(issue.message.startsWith(`${label}: `), what).toBe(true);
        }

        const inFrench = await owner.client.request('POST', url, post(network, settings), french);
        expect(inFrench.status, what).toBe(400);
        const frenchIssues = inFrench.body.error.details.issues as { field: string; message: string }[];
        expect(frenchIssues.map((i) => i.field), what).toEqual(issues.map((i) => i.field));
        frenchIssues.forEach((issue, i) => {
          expect(issue.message, what).not.toBe(issues[i]!.message);
          expect(issue.message.startsWith(`${label}${nbsp}: `), `${what} → ${issue.message}`).toBe(true);
          // zod's English nowhere in the French.
          expect(issue.message, what).not.toMatch(/Invalid|Too big|Too small|Unrecognized|expected|must be|cannot|at most|at least/);
        });
        expect(inFrench.body.error.message, what).toBe(`${frenchIssues[0]!.field}${nbsp}: ${frenchIssues[0]!.message}`);
      }
    });
  }

  it('Reddit: a subreddit name of the wrong shape, refused before its rules are read', async () => {
    const url = `/api/v1/workspaces/${workspaceId}/posts`;
    const english = await owner.client.post(url, post('reddit', { subreddit: '!!' }));
    expect(english.status).toBe(400);
    expect(english.body.error.details.issues).toEqual([{ field: 'channels.0.settings.subreddit', message: 'must be a subreddit name (letters, digits and _, 3–21 characters)' }]);
    const inFrench = await owner.client.request('POST', url, post('reddit', { subreddit: '!!' }), french);
    expect(inFrench.status).toBe(400);
    expect(inFrench.body.error.details.issues).toEqual([{ field: 'channels.0.settings.subreddit', message: 'doit être un nom de subreddit (lettres, chiffres et _, de 3 à 21 caractères)' }]);
    expect(inFrench.body.error.message).toBe(`channels.0.settings.subreddit${nbsp}: doit être un nom de subreddit (lettres, chiffres et _, de 3 à 21 caractères)`);
  });

  it('says zod’s own words in French sentences and keeps the network’s values as given', async () => {
    const url = `/api/v1/workspaces/${workspaceId}/posts`;
    const say = async (network: string, settings: Record<string, unknown>) => {
      const [english, inFrench] = await Promise.all([owner.client.post(url, post(network, settings)), owner.client.request('POST', url, post(network, settings), french)]);
      return [english.body.error.details.issues[0].message, inFrench.body.error.details.issues[0].message];
    };
    expect(await say('facebook', { format: 'story' })).toEqual(['Facebook: Invalid option: expected one of "post"|"reel"', `Facebook${nbsp}: valeur inconnue, choisissez parmi "post"|"reel"`]);
    expect(await say('instagram', { shareToFeed: 'yes' })).toEqual(['Instagram: Invalid input: expected boolean, received string', `Instagram${nbsp}: ce paramètre attend true ou false, pas du texte`]);
    expect(await say('mastodon', { spoilerText: null })).toEqual(['Mastodon: Invalid input: expected string, received null', `Mastodon${nbsp}: ce paramètre attend du texte, pas null`]);
    expect(await say('tiktok', { title: 'x'.repeat(91) })).toEqual(['TikTok: Too big: expected string to have <=90 characters', `TikTok${nbsp}: 90 caractères au plus`]);
    expect(await say('linkedin', { documentTitle: ' ' })).toEqual(['LinkedIn: Too small: expected string to have >=1 characters', `LinkedIn${nbsp}: au moins 1 caractère`]);
    expect(await say('facebook', { colour: 'red', size: 2 })).toEqual(['Facebook: Unrecognized keys: "colour", "size"', `Facebook${nbsp}: les paramètres "colour", "size" n’existent pas`]);
    expect(await say('youtube', { title: '<b>' })).toEqual(['YouTube: YouTube titles cannot contain < or >', `YouTube${nbsp}: un titre YouTube ne peut contenir ni < ni >`]);
  });
});
