import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryJournal, memoryMedia } from '../../../../test/helpers/publishing.ts';
import { type ProviderError } from '../../../server/providers/provider.ts';
import type { PublishContext, PublishMedia } from '../../../server/providers/publishing.ts';
import { createTikTokPublisher } from './tiktok.publisher.ts';
import { NB, expectWorded } from '../../expect-worded.ts';

// The publisher's own sentences (settings, media, privacy, answers, upload and resume) are words
// whose English is the message they had before the words existed, byte for byte; in French they
// are said as written here. Each is reached through `publish`, against a TikTok that answers what
// the test sets.

type Answer = { status: number; body: unknown };
/** What the TikTok stand-in answers, by path (the upload's PUT included). */
let answers: Record<string, Answer>;
let server: http.Server;
let apiUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = answers[new URL(req.url ?? '/', 'http://x').pathname] ?? { status: 404, body: {} };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answers = {};
});

const ok = (data: unknown): Answer => ({ status: 200, body: { data, error: { code: 'ok', message: '' } } });
const creatorInfo = (fields: Record<string, unknown>) => ok({ creator_username: 'creator', privacy_level_options: ['PUBLIC_TO_EVERYONE'], max_video_post_duration_sec: 600, ...fields });

const media = memoryMedia;

const context = (items: PublishMedia[], settings: Record<string, unknown>, progress: Record<string, unknown> = {}): PublishContext => ({
  deliveryId: 'd',
  idempotencyKey: 'k',
  accessToken: 'token',
  instance: null,
  externalAccountId: 'open-id',
  username: 'creator',
  limits: {},
  parts: [{ text: 'A caption', media: items }],
  firstComment: null,
  settings,
  journal: memoryJournal(progress),
});

const publishError = (ctx: PublishContext) =>
  createTikTokPublisher({ apiUrl })
    .publish(ctx)
    .then(
      () => expect.fail('publish should have failed'),
      (caught: unknown) => caught,
    );

const video = media('video', Buffer.alloc(10));
const inbox = { mode: 'inbox' };
/** A FILE_UPLOAD whose init was answered: the next call resumes the upload. */
const uploading = (fields: Record<string, unknown> = {}) => ({
  kind: 'video',
  mode: 'inbox',
  publishId: 'p1',
  source: 'FILE_UPLOAD',
  uploadUrl: `${apiUrl}/upload`,
  uploadExpiresAt: Date.now() + 60_000,
  videoSize: 10,
  chunkSize: 10,
  totalChunkCount: 1,
  uploadedChunks: 0,
  ...fields,
});
const statusHolds = (bytes: number) => ok({ status: 'PROCESSING_UPLOAD', uploaded_bytes: bytes });

describe('TikTok publisher sentences before the post is created', () => {
  it('settings that are not valid', async () => {
    expectWorded(
      await publishError(context([video], { mode: 'inbox', title: 5 })),
      'TikTok settings are not valid: title: Invalid input: expected string, received number',
      `Les réglages TikTok ne sont pas valides${NB}: title: Invalid input: expected string, received number`,
    );
  });
  it('no media, or a video with photos', async () => {
    expectWorded(await publishError(context([], inbox)), 'TikTok posts need a video or photos (text-only posts are not possible)', 'Une publication TikTok demande une vidéo ou des photos (le texte seul n’est pas possible)');
    expectWorded(
      await publishError(context([video, media('image', Buffer.alloc(4))], inbox)),
      'A TikTok post is one video or photos, not both',
      'Une publication TikTok, c’est une vidéo ou des photos, pas les deux',
    );
  });
  it('no privacy level chosen, or one the account does not offer', async () => {
    expectWorded(
      await publishError(context([video], { mode: 'direct' })),
      'TikTok: choose who can see this post (TikTok has no default privacy level)',
      `TikTok${NB}: choisissez qui peut voir cette publication (TikTok n’a pas de niveau de confidentialité par défaut)`,
    );
    answers['/v2/post/publish/creator_info/query/'] = creatorInfo({ privacy_level_options: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY', 'CLOSE_FRIENDS'] });
    const error = await publishError(context([video], { mode: 'direct', privacyLevel: 'PUBLIC_TO_EVERYONE' }));
    expectWorded(
      error,
      'TikTok: this account can post to Followers, Friends, Only me, CLOSE_FRIENDS only, not to "Everyone"; change who can see the post',
      `TikTok${NB}: ce compte ne peut publier que pour Abonnés, Amis, Moi uniquement, CLOSE_FRIENDS, pas pour «${NB}Tout le monde${NB}»${NB}; changez qui peut voir la publication`,
    );
    expect((error as ProviderError).code).toBe('privacy_level_option_mismatch');
    answers['/v2/post/publish/creator_info/query/'] = creatorInfo({ privacy_level_options: ['SELF_ONLY'] });
    expectWorded(
      await publishError(context([video], { mode: 'direct', privacyLevel: 'PUBLIC_TO_EVERYONE' })),
      'TikTok: this account can post to Only me only, not to "Everyone"; change who can see the post',
      `TikTok${NB}: ce compte ne peut publier que pour Moi uniquement, pas pour «${NB}Tout le monde${NB}»${NB}; changez qui peut voir la publication`,
    );
  });
  it('photos without a public URL, a cover beyond the photos', async () => {
    const photo = (n: number) => media('image', Buffer.alloc(n), { publicUrl: `https://media.example/${n}.jpg` });
    const error = await publishError(context([media('image', Buffer.alloc(4))], inbox));
    expectWorded(error, 'TikTok photo posts need HERALD_MEDIA_PUBLIC_URL (a domain verified with TikTok)', 'Les publications photo sur TikTok exigent HERALD_MEDIA_PUBLIC_URL (un domaine vérifié auprès de TikTok)');
    expect((error as ProviderError).code).toBe('no_public_url');
    expectWorded(
      await publishError(context([photo(1), photo(2)], { mode: 'inbox', photoCoverIndex: 2 })),
      'TikTok: the cover photo number 3 is beyond the 2 photos',
      `TikTok${NB}: la photo de couverture numéro 3 dépasse le nombre de photos de la publication (2)`,
    );
  });
  it('a video longer than the account may post', async () => {
    answers['/v2/post/publish/creator_info/query/'] = creatorInfo({ max_video_post_duration_sec: 60 });
    const error = await publishError(context([media('video', Buffer.alloc(10), { durationSeconds: 90.4 })], { mode: 'direct', privacyLevel: 'PUBLIC_TO_EVERYONE' }));
    expectWorded(error, 'TikTok: this account can post videos up to 60 s; this one lasts 90 s', `TikTok${NB}: ce compte peut publier des vidéos de 60${NB}s au plus${NB}; celle-ci dure 90${NB}s`);
    expect((error as ProviderError).code).toBe('duration_check_failed');
  });
  it('an init answer without its publish id', async () => {
    answers['/v2/post/publish/inbox/video/init/'] = ok({ upload_url: `${apiUrl}/upload` });
    const error = await publishError(context([video], inbox));
    expectWorded(error, 'TikTok accepted the post but sent no publish id or upload URL', 'TikTok a accepté la publication, mais n’a renvoyé ni identifiant de publication ni URL d’envoi');
    expect((error as ProviderError).code).toBe('bad_answer');
  });
});

describe('TikTok publisher sentences of the upload and its resumption', () => {
  it('the video gone from the post, or changed', async () => {
    const gone = await publishError(context([media('image', Buffer.alloc(4))], inbox, uploading()));
    expectWorded(gone, 'TikTok: the post no longer holds the video whose upload started; publish the post again', `TikTok${NB}: la publication ne contient plus la vidéo dont l’envoi avait commencé${NB}; publiez-la de nouveau`);
    expect((gone as ProviderError).code).toBe('upload_not_resumable');
    answers['/v2/post/publish/status/fetch/'] = statusHolds(0);
    expectWorded(
      await publishError(context([video], inbox, uploading({ videoSize: 12, chunkSize: 12 }))),
      'TikTok: the video file changed since the upload started; publish the post again',
      `TikTok${NB}: le fichier vidéo a changé depuis le début de l’envoi${NB}; relancez la publication`,
    );
  });
  it('TikTok holding part of a chunk', async () => {
    answers['/v2/post/publish/status/fetch/'] = statusHolds(7);
    expectWorded(
      await publishError(context([video], inbox, uploading())),
      'TikTok holds 7 bytes of the video, which is not a whole number of chunks; the upload cannot be resumed, publish the post again',
      `TikTok a reçu 7 octets de la vidéo, ce qui ne fait pas un nombre entier de segments${NB}: impossible de reprendre l’envoi, relancez la publication`,
    );
  });
  it('the upload link expired, before the upload or at a chunk', async () => {
    const english = 'TikTok: the upload link for this video expired (TikTok keeps it one hour) before every chunk was sent, and TikTok cannot resume it; publish the post again';
    const french = `TikTok${NB}: le lien d’envoi de cette vidéo a expiré (TikTok le conserve une heure) avant que tous les segments soient envoyés, et TikTok ne peut pas reprendre l’envoi${NB}; relancez la publication`;
    answers['/v2/post/publish/status/fetch/'] = statusHolds(0);
    const before = await publishError(context([video], inbox, uploading({ uploadExpiresAt: Date.now() - 1 })));
    expectWorded(before, english, french);
    expect((before as ProviderError).code).toBe('upload_url_expired');
    answers['/upload'] = { status: 403, body: {} };
    expectWorded(await publishError(context([video], inbox, uploading())), english, french);
  });
  it('the video read short', async () => {
    answers['/v2/post/publish/status/fetch/'] = statusHolds(0);
    const short = media('video', Buffer.alloc(10), { open: () => Readable.from([Buffer.alloc(3)]) });
    const error = await publishError(context([short], inbox, uploading()));
    expectWorded(error, 'Herald could read only 3 of 10 bytes of the video', 'Herald n’a pu lire que 3 octets sur 10 de la vidéo');
    expect((error as ProviderError).code).toBe('media_unreadable');
  });
  it('a chunk refused, with TikTok’s text, its code or the HTTP status', async () => {
    answers['/v2/post/publish/status/fetch/'] = statusHolds(0);
    answers['/upload'] = { status: 400, body: { error: { code: 'invalid_file_upload', message: 'Content-Range does not match' } } };
    const refused = await publishError(context([video], inbox, uploading()));
    expectWorded(refused, 'TikTok refused chunk 1 of 1: Content-Range does not match', `TikTok a refusé le segment 1 sur 1${NB}: Content-Range does not match`);
    expect((refused as ProviderError).code).toBe('invalid_file_upload');
    answers['/upload'] = { status: 400, body: { error: { code: 'invalid_file_upload' } } };
    expectWorded(await publishError(context([video], inbox, uploading())), 'TikTok refused chunk 1 of 1: invalid_file_upload', `TikTok a refusé le segment 1 sur 1${NB}: invalid_file_upload`);
    answers['/upload'] = { status: 409, body: {} };
    const http409 = await publishError(context([video], inbox, uploading()));
    expectWorded(http409, 'TikTok refused chunk 1 of 1: HTTP 409', `TikTok a refusé le segment 1 sur 1${NB}: HTTP 409`);
    expect((http409 as ProviderError).code).toBe('upload_refused');
  });
});
