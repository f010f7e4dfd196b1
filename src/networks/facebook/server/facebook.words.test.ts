import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PublishContext, PublishMedia } from '../../../server/providers/publishing.ts';
import { memoryJournal, memoryMedia } from '../../../../test/helpers/publishing.ts';
import type { FacebookEndpoints } from './facebook.graph.ts';
import { createFacebookProvider } from './facebook.provider.ts';
import { createFacebookPublisher } from './facebook.publisher.ts';
import { NB, expectWorded } from '../../expect-worded.ts';

// Facebook's own error sentences are words: their English is the message Herald stored before the
// words existed (written here literally, byte for byte), the words say exactly that message, and a
// French reader gets French, with Facebook's own text kept as Facebook wrote it. Each sentence is
// reached through the provider or the publisher, against a Graph fake that answers as scripted.

type Answer = { status?: number; body: unknown };
/** Scripted answers by `METHOD /path`; a call nobody scripted is a test mistake (HTTP 404, no JSON). */
let script: Record<string, Answer | ((body: string) => Answer)> = {};
let server: http.Server;
let endpoints: FacebookEndpoints;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = script[`${req.method} ${new URL(req.url!, 'http://fake').pathname}`];
      const answer = typeof entry === 'function' ? entry(Buffer.concat(chunks).toString()) : entry;
      res.writeHead(answer?.status ?? (answer ? 200 : 404), { 'content-type': 'application/json' });
      res.end(answer ? JSON.stringify(answer.body) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoints = { appId: 'app1', appSecret: 'secret', version: 'v23.0', dialogUrl: url, graphUrl: url, graphVideoUrl: url, ruploadUrl: url };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = {};
});

const bytes = Buffer.from('not really a file');
/** A file of the post; each call a new one, as two photos of one post are. */
const media = (kind: 'image' | 'video') => memoryMedia(kind, bytes, { id: crypto.randomUUID(), durationSeconds: kind === 'video' ? 8 : null });

const page = '104938128492011';
function ctxFor(text: string, files: PublishMedia[] = [], extra: Partial<PublishContext> = {}, progress: Record<string, unknown> = {}): PublishContext {
  return {
    deliveryId: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    accessToken: 'page-token',
    grantToken: 'user-token',
    instance: null,
    externalAccountId: page,
    username: 'heraldbakery',
    limits: {},
    parts: [{ text, media: files }],
    firstComment: null,
    settings: {},
    journal: memoryJournal(progress),
    ...extra,
  };
}

const publisher = () => createFacebookPublisher(endpoints, { pollMs: 10, listingDelayMs: 10 });
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a ProviderError'), (error: unknown) => error);
const reelSettings = { format: 'reel' };

describe('Facebook’s connect sentences', () => {
  it('a token answer without a token', async () => {
    script['GET /v23.0/oauth/access_token'] = { body: { token_type: 'bearer' } };
    const error = await failure(createFacebookProvider(endpoints).exchangeCode({ code: 'c', state: 's', redirectUri: 'https://herald.example/cb', codeVerifier: 'unused', instance: null }));
    expectWorded(error, 'Facebook sent a token answer without a token', 'Facebook a répondu à la demande de jeton sans fournir de jeton');
  });
  it('a profile without an id', async () => {
    script['GET /v23.0/me'] = { body: { name: 'Bakery' } };
    const error = await failure(createFacebookProvider(endpoints).profile('page-token', null));
    expectWorded(error, 'Facebook sent a profile without an id', 'Facebook a envoyé un profil sans identifiant');
  });
});

describe('Facebook’s publishing sentences', () => {
  it('settings that are not valid, with zod’s own text kept', async () => {
    const error = await failure(publisher().publish(ctxFor('Hello', [], { settings: { format: 'story' } })));
    expectWorded(
      error,
      'Facebook settings are not valid: format: Invalid option: expected one of "post"|"reel"',
      `Les réglages Facebook ne sont pas valides${NB}: format: Invalid option: expected one of "post"|"reel"`,
    );
  });
  it('the post’s shape: a Reel of one video, photos or a video, something to post', async () => {
    expectWorded(
      await failure(publisher().publish(ctxFor('Hello', [media('image')], { settings: reelSettings }))),
      'Facebook: a Reel is one video and nothing else',
      `Facebook${NB}: un Reel se compose d’une seule vidéo, et de rien d’autre`,
    );
    expectWorded(
      await failure(publisher().publish(ctxFor('Hello', [media('image'), media('video')]))),
      'Facebook: a post is photos or one video, not both',
      `Facebook${NB}: une publication contient des photos ou une vidéo, pas les deux`,
    );
    expectWorded(await failure(publisher().publish(ctxFor('  '))), 'Facebook: a post needs text, a link, photos or a video', `Facebook${NB}: une publication doit contenir un texte, un lien, des photos ou une vidéo`);
  });
  it('a duplicate that is not this delivery’s own post', async () => {
    script[`POST /v23.0/${page}/feed`] = { status: 400, body: { error: { code: 506, message: 'Duplicate status message' } } };
    script[`GET /v23.0/${page}/published_posts`] = { body: { data: [] } };
    expectWorded(
      await failure(publisher().publish(ctxFor('Fresh bread at 7'))),
      'Facebook refused this post as a duplicate of a recent post on the Page; change the text or wait before posting it again',
      `Facebook a refusé cette publication comme doublon d’une publication récente de la Page${NB}; modifiez le texte ou patientez avant de la publier de nouveau`,
    );
  });
  it('a post, a photo, a photo of several, a video or a first comment accepted without an id', async () => {
    script[`POST /v23.0/${page}/feed`] = { body: {} };
    expectWorded(await failure(publisher().publish(ctxFor('Fresh bread at 7'))), 'Facebook accepted the post but sent no id', 'Facebook a accepté la publication mais n’a envoyé aucun identifiant');

    script[`POST /v23.0/${page}/photos`] = { body: {} };
    expectWorded(await failure(publisher().publish(ctxFor('A loaf', [media('image')]))), 'Facebook accepted the photo but sent no id', 'Facebook a accepté la photo mais n’a envoyé aucun identifiant');
    expectWorded(await failure(publisher().publish(ctxFor('Loaves', [media('image'), media('image')]))), 'Facebook accepted a photo but sent no id', 'Facebook a accepté une photo mais n’a envoyé aucun identifiant');

    // The photos uploaded, the post that attaches them answered without an id.
    script[`POST /v23.0/${page}/photos`] = { body: { id: '555' } };
    expectWorded(await failure(publisher().publish(ctxFor('Loaves', [media('image'), media('image')]))), 'Facebook accepted the post but sent no id', 'Facebook a accepté la publication mais n’a envoyé aucun identifiant');

    script[`POST /v23.0/${page}/videos`] = { body: {} };
    const uploaded = { kind: 'video', uploadSession: 'upload:1', uploadHandle: 'handle' };
    expectWorded(await failure(publisher().publish(ctxFor('A video', [media('video')], {}, uploaded))), 'Facebook accepted the video but sent no id', 'Facebook a accepté la vidéo mais n’a envoyé aucun identifiant');

    script['POST /v23.0/777_1/comments'] = { body: {} };
    const published = { kind: 'text', postId: '777_1', url: 'https://www.facebook.com/777_1' };
    expectWorded(
      await failure(publisher().publish(ctxFor('Fresh bread at 7', [], { firstComment: 'Order online' }, published))),
      'Facebook accepted the first comment but sent no id',
      'Facebook a accepté le premier commentaire mais n’a envoyé aucun identifiant',
    );
  });
  it('video uploads: no grant token, no session, an offset beyond the video, no file handle', async () => {
    expectWorded(
      await failure(publisher().publish(ctxFor('A video', [media('video')], { grantToken: null }))),
      'Facebook: this Page was connected without the person’s token that video uploads need; connect the Page again',
      `Facebook${NB}: cette Page a été connectée sans le jeton personnel dont l’envoi de vidéos a besoin${NB}; connectez de nouveau la Page`,
    );

    script['POST /v23.0/app1/uploads'] = { body: { id: 'not-a-session' } };
    expectWorded(await failure(publisher().publish(ctxFor('A video', [media('video')]))), 'Facebook did not open an upload session for the video', 'Facebook n’a pas ouvert de session d’envoi pour la vidéo');

    script['POST /v23.0/app1/uploads'] = { body: { id: 'upload:1' } };
    script['GET /v23.0/upload:1'] = { body: { file_offset: bytes.length + 1 } };
    expectWorded(
      await failure(publisher().publish(ctxFor('A video', [media('video')]))),
      'Facebook reports an upload offset beyond the video; publish the post again',
      `Facebook indique une position d’envoi au-delà de la fin de la vidéo${NB}; relancez la publication`,
    );

    script['GET /v23.0/upload:1'] = { body: { file_offset: 0 } };
    script['POST /v23.0/upload:1'] = { body: {} };
    expectWorded(await failure(publisher().publish(ctxFor('A video', [media('video')]))), 'Facebook took the video but sent no file handle', 'Facebook a reçu la vidéo mais n’a envoyé aucun identifiant de fichier');
  });
  it('Reels: no upload opened, an upload that failed, a finish not confirmed', async () => {
    const reel = () => ctxFor('A Reel', [media('video')], { settings: reelSettings });
    script[`POST /v23.0/${page}/video_reels`] = { body: {} };
    expectWorded(await failure(publisher().publish(reel())), 'Facebook did not open a Reel upload', 'Facebook n’a pas ouvert d’envoi pour le Reel');

    script[`POST /v23.0/${page}/video_reels`] = (form) => ({ body: form.includes('upload_phase=start') ? { video_id: '900' } : {} });
    script['GET /v23.0/900'] = { body: { status: { uploading_phase: { bytes_transferred: 0 } } } };
    script['POST /video-upload/v23.0/900'] = { body: {} };
    const notUploaded = await failure(publisher().publish(reel()));
    expectWorded(notUploaded, 'Facebook: the Reel upload failed (HTTP 200)', `Facebook${NB}: l’envoi du Reel a échoué (HTTP 200)`);
    expect(notUploaded).toMatchObject({ kind: 'invalid', code: 'graph_200' });
    script['POST /video-upload/v23.0/900'] = { status: 400, body: {} };
    expectWorded(await failure(publisher().publish(reel())), 'Facebook: the Reel upload failed (HTTP 400)', `Facebook${NB}: l’envoi du Reel a échoué (HTTP 400)`);

    script['POST /video-upload/v23.0/900'] = { body: { success: true } };
    expectWorded(await failure(publisher().publish(reel())), 'Facebook did not confirm the Reel', 'Facebook n’a pas confirmé le Reel');
  });
  it('a video Facebook could not process, with its reason or none', async () => {
    const processing = { kind: 'video', uploadSession: 'upload:1', uploadHandle: 'handle', videoId: '901', postId: '901', url: null };
    script['GET /v23.0/901'] = { body: { status: { video_status: 'error', processing_phase: { status: 'error', errors: [{ message: 'The video file is corrupt.' }] } } } };
    expectWorded(
      await failure(publisher().publish(ctxFor('A video', [media('video')], {}, processing))),
      'Facebook could not process the video: The video file is corrupt.',
      `Facebook n’a pas pu traiter la vidéo${NB}: The video file is corrupt.`,
    );
    script['GET /v23.0/901'] = { body: { status: { video_status: 'error' } } };
    expectWorded(
      await failure(publisher().publish(ctxFor('A video', [media('video')], {}, processing))),
      'Facebook could not process the video: no reason given',
      `Facebook n’a pas pu traiter la vidéo${NB}: aucune raison donnée`,
    );
  });
});
