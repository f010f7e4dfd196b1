import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { PublishContext, PublishMedia } from '../../../server/providers/publishing.ts';
import { idOf, type AnsweredId, type InstagramEndpoints } from './instagram.graph.ts';
import { createInstagramPublisher } from './instagram.publisher.ts';
import { NB, expectWorded } from '../../expect-worded.ts';

// Instagram's own error sentences (the publisher's refusals, a container's failures, an answer
// without an id) are words whose English is the message stored and read by API clients: each is
// pinned here to the English it had before the words existed, and to the French a reader gets.
// The publisher runs against a small HTTP fake of the Graph API, answering what each case needs.

type Answer = { status?: number; body: unknown };
/** Answers of the fake for this test, by `METHOD /path`; the rest get a happy default. */
let answers: Record<string, Answer> = {};
let nextId = 100;

const defaults = (method: string, path: string): Answer => {
  if (path === '/v1/ig1/content_publishing_limit') return { body: { data: [] } };
  if (method === 'POST' && path === '/v1/ig1/media') return { body: { id: String(nextId++) } };
  if (method === 'GET' && path === '/v1/ig1/media') return { body: { data: [] } };
  if (method === 'GET' && path === '/v1/ig1/stories') return { body: { data: [] } };
  if (path.startsWith('/ig-api-upload/')) return { body: { success: true } };
  if (path === '/v1/ig1/media_publish') return { body: { id: '900' } };
  return { body: { status_code: 'FINISHED' } };
};

let server: http.Server;
let endpoints: InstagramEndpoints;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      const answer = answers[`${request.method} ${path}`] ?? defaults(request.method ?? 'GET', path);
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  endpoints = { login: 'instagram', appId: 'app', appSecret: 'secret', version: 'v1', graph: `${origin}/v1`, graphOrigin: origin, authorizeOrigin: origin, tokenOrigin: origin, uploadOrigin: origin, pollMs: 1000 };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answers = {};
});

function file(kind: 'image' | 'video', options: { publicUrl?: string | null; bytes?: number; size?: number } = {}): PublishMedia {
  const bytes = Buffer.alloc(options.bytes ?? 10);
  return {
    id: `${kind}-${nextId}`,
    kind,
    mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
    size: options.size ?? bytes.length,
    width: 1080,
    height: kind === 'image' ? 1350 : 1920,
    durationSeconds: kind === 'video' ? 10 : null,
    frameRate: kind === 'video' ? 30 : null,
    pageCount: null,
    altText: '',
    open: () => Readable.from([bytes]),
    publicUrl: kind === 'image' ? (options.publicUrl === undefined ? 'https://media.example/signed' : options.publicUrl) : null,
  };
}

function context(media: PublishMedia[], settings: Record<string, unknown> = {}): PublishContext {
  let progress: Record<string, unknown> = {};
  return {
    deliveryId: 'd1',
    idempotencyKey: 'k1',
    accessToken: 'token',
    instance: null,
    externalAccountId: 'ig1',
    username: 'bakery',
    limits: {},
    parts: [{ text: 'Fresh bread', media }],
    firstComment: null,
    settings,
    journal: {
      get progress() {
        return progress;
      },
      beforeCreate: async () => undefined,
      afterCreate: async (_step, _response, next) => {
        progress = next;
      },
      saveProgress: async (next) => {
        progress = next;
      },
      log: () => undefined,
    },
  };
}

/** Publishes until the post fails (a video is uploaded first, then checked on the next run); its first container is 100. */
async function failureOf(ctx: PublishContext): Promise<ProviderError> {
  nextId = 100;
  const publisher = createInstagramPublisher(endpoints);
  try {
    for (let run = 0; run < 3; run += 1) {
      const outcome = await publisher.publish(ctx);
      if (outcome.status !== 'processing') break;
    }
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('the post did not fail');
}

describe('Instagram: the publisher’s refusals', () => {
  it('settings that are not valid (zod’s own text kept as it is)', async () => {
    const error = await failureOf(context([file('video')], { shareToFeed: 'yes' }));
    expectWorded(
      error,
      'Instagram settings are not valid: shareToFeed: Invalid input: expected boolean, received string',
      `Les réglages Instagram ne sont pas valides${NB}: shareToFeed: Invalid input: expected boolean, received string`,
    );
  });

  it('media Instagram cannot take', async () => {
    expectWorded(
      await failureOf(context([])),
      'Instagram posts need a photo or a video (text-only posts are not possible)',
      'Une publication Instagram a besoin d’une photo ou d’une vidéo (le texte seul n’est pas possible)',
    );
    expectWorded(await failureOf(context([file('video'), file('video')], { format: 'reel' })), 'Instagram: a Reel is exactly one video', `Instagram${NB}: un Reel se compose d’une seule vidéo`);
    expectWorded(await failureOf(context([file('image'), file('video')], { format: 'story' })), 'Instagram: a story is one photo or one video', `Instagram${NB}: une story contient une seule photo ou une seule vidéo`);
    expectWorded(await failureOf(context([file('image')], { format: 'reel' })), 'Instagram: a Reel is a video', `Instagram${NB}: un Reel est une vidéo`);
    expectWorded(
      await failureOf(context(Array.from({ length: 11 }, () => file('image')))),
      'Instagram: a carousel holds at most 10 photos and videos',
      `Instagram${NB}: un carrousel contient au plus 10 photos et vidéos`,
    );
    const noAddress = await failureOf(context([file('image', { publicUrl: null })]));
    expect(noAddress.code).toBe('no_public_url');
    expectWorded(
      noAddress,
      'Instagram fetches photos from a web address, and this Herald has none set up (HERALD_MEDIA_PUBLIC_URL): ask its operator, or post a video',
      `Instagram récupère les photos à une adresse web, et aucune n’est configurée pour ce Herald (HERALD_MEDIA_PUBLIC_URL)${NB}: adressez-vous à son opérateur, ou publiez une vidéo`,
    );
  });

  it('a video Herald cannot read whole, and an upload Instagram refuses', async () => {
    const unreadable = await failureOf(context([file('video', { bytes: 6, size: 10 })]));
    expect(unreadable.code).toBe('media_unreadable');
    expectWorded(unreadable, 'Herald could read only 6 of 10 bytes of the video', 'Herald n’a pu lire que 6 octets sur les 10 de la vidéo');

    answers['POST /ig-api-upload/v1/100'] = { body: { success: false, debug_info: { message: 'ProcessingFailedError' } } };
    const refused = await failureOf(context([file('video')]));
    expect(refused.code).toBe('upload_refused');
    expectWorded(refused, 'Instagram refused the video upload: ProcessingFailedError', `Instagram a refusé l’envoi de la vidéo${NB}: ProcessingFailedError`);

    answers['POST /ig-api-upload/v1/100'] = { status: 400, body: {} };
    expectWorded(await failureOf(context([file('video')])), 'Instagram refused the video upload: HTTP 400', `Instagram a refusé l’envoi de la vidéo${NB}: HTTP 400`);
  });
});

describe('Instagram: a container that failed', () => {
  const whats = [
    { media: () => [file('video')], settings: {}, english: 'the post', french: 'la publication' },
    { media: () => [file('video')], settings: { format: 'reel' }, english: 'the Reel', french: 'le Reel' },
    { media: () => [file('image')], settings: { format: 'story' }, english: 'the story', french: 'la story' },
    { media: () => [file('image'), file('image')], settings: {}, english: 'item 1 of the carousel', french: 'l’élément 1 du carrousel' },
  ];

  it('expired, for each thing a container holds', async () => {
    for (const what of whats) {
      answers['GET /v1/100'] = { body: { status_code: 'EXPIRED' } };
      const error = await failureOf(context(what.media(), what.settings));
      expect(error.code).toBe('container_expired');
      expectWorded(
        error,
        `Instagram: ${what.english} expired before it was published (Instagram keeps it 24 hours); publish the post again`,
        `Instagram${NB}: ${what.french} a expiré avant sa mise en ligne (Instagram ne conserve un contenu non publié que 24 heures)${NB}; relancez la publication`,
      );
    }
  });

  it('processing failed, with or without Instagram’s status', async () => {
    for (const what of whats) {
      answers['GET /v1/100'] = { body: { status_code: 'ERROR', status: 'Unknown failure' } };
      const error = await failureOf(context(what.media(), what.settings));
      expect(error.code).toBe('container_error');
      expectWorded(
        error,
        `Instagram did not publish: Instagram could not process ${what.english} (Unknown failure)`,
        `Instagram n’a pas effectué la publication${NB}: Instagram n’a pas pu traiter ${what.french} (Unknown failure)`,
      );
    }
    answers['GET /v1/100'] = { body: { status_code: 'ERROR' } };
    expectWorded(await failureOf(context([file('video')], { format: 'reel' })), 'Instagram did not publish: Instagram could not process the Reel', `Instagram n’a pas effectué la publication${NB}: Instagram n’a pas pu traiter le Reel`);
  });

  it('processing failed with a subcode Instagram explains', async () => {
    const reasons: [number, string, string][] = [
      [2207001, 'Instagram had a problem processing the media; publish it again later', `Instagram a rencontré un problème en traitant le média${NB}; publiez-le de nouveau plus tard`],
      [2207003, 'Instagram took too long to download the media', 'Instagram a mis trop de temps à télécharger le média'],
      [2207004, 'the photo is larger than 8 MB', 'la photo dépasse 8 Mo'],
      [2207005, 'Instagram accepts only JPEG photos', 'Instagram n’accepte que les photos JPEG'],
      [2207009, 'the aspect ratio is not one Instagram accepts', 'Instagram n’accepte pas ces proportions'],
      [2207010, 'the caption is too long', 'la légende est trop longue'],
      [2207020, 'the media expired before it was published (Instagram keeps it 24 hours)', 'le média a expiré avant sa mise en ligne (Instagram ne le conserve que 24 heures)'],
      [
        2207026,
        'the video format is not supported (Instagram needs MP4 or MOV with H.264 or HEVC video and AAC audio)',
        'le format de la vidéo n’est pas pris en charge (Instagram demande un fichier MP4 ou MOV, avec une vidéo H.264 ou HEVC et un son AAC)',
      ],
      [2207028, 'the carousel is not valid (2 to 10 items)', 'le carrousel n’est pas valide (de 2 à 10 éléments)'],
      [2207042, 'the account reached its daily publishing limit', 'le compte a atteint sa limite quotidienne de publications'],
      [2207052, 'Instagram could not fetch the media from its web address', 'Instagram n’a pas pu récupérer le média à son adresse web'],
      [2207057, 'the cover frame is beyond the end of the video', 'l’image de couverture choisie se situe après la fin de la vidéo'],
    ];
    for (const [subcode, english, french] of reasons) {
      answers['GET /v1/100'] = { body: { status_code: 'ERROR', status: `Error: Media upload has failed with error code ${subcode}` } };
      const error = await failureOf(context([file('video')]));
      expect(error.code).toBe(`graph_status_${subcode}`);
      expectWorded(error, `Instagram did not publish: ${english}`, `Instagram n’a pas effectué la publication${NB}: ${french}`);
    }
  });

  it('a state Herald does not know, or none', async () => {
    answers['GET /v1/100'] = { body: { status_code: 'PAUSED' } };
    const unknown = await failureOf(context([file('image')], { format: 'story' }));
    expect(unknown.code).toBe('bad_answer');
    expectWorded(unknown, 'Instagram answered an unknown state for the story: PAUSED', `Instagram a indiqué un état inconnu pour la story${NB}: PAUSED`);
    answers['GET /v1/100'] = { body: {} };
    expectWorded(await failureOf(context([file('image'), file('image')])), 'Instagram answered an unknown state for item 1 of the carousel: none', 'Instagram n’a indiqué aucun état pour l’élément 1 du carrousel');
  });

  it('already published, but not found among the recent posts', async () => {
    answers['GET /v1/100'] = { body: { status_code: 'PUBLISHED' } };
    const error = await failureOf(context([file('image')]));
    expect(error.code).toBe('already_published');
    expectWorded(
      error,
      'Instagram: this post was already published, but Herald cannot find it among the account’s recent posts; check the profile',
      `Instagram${NB}: cette publication est déjà en ligne, mais Herald ne la trouve pas parmi les publications récentes du compte${NB}; vérifiez le profil`,
    );
  });
});

describe('Instagram: an answer without an id', () => {
  const ids: [AnsweredId, string, string][] = [
    ['accountId', 'the account id', 'l’identifiant du compte'],
    ['facebookUserId', 'the Facebook user id', 'l’identifiant de l’utilisateur Facebook'],
    ['containerId', 'the container id', 'l’identifiant du conteneur'],
    ['commentId', 'the comment id', 'l’identifiant du commentaire'],
    ['mediaId', 'the media id', 'l’identifiant du média'],
    ['storyId', 'the story id', 'l’identifiant de la story'],
  ];

  it('names the id it lacked', () => {
    for (const [what, english, french] of ids) {
      let error: unknown;
      try {
        idOf(undefined, what);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe('bad_answer');
      expectWorded(error as ProviderError, `Instagram sent an answer without ${english}`, `Instagram a répondu sans ${french}`);
    }
  });

  it('from the publisher: the container and the published media', async () => {
    answers['POST /v1/ig1/media'] = { body: {} };
    expectWorded(await failureOf(context([file('image')])), 'Instagram sent an answer without the container id', 'Instagram a répondu sans l’identifiant du conteneur');
    answers['POST /v1/ig1/media'] = { body: { id: '100' } };
    answers['POST /v1/ig1/media_publish'] = { body: {} };
    expectWorded(await failureOf(context([file('image')])), 'Instagram sent an answer without the media id', 'Instagram a répondu sans l’identifiant du média');
  });
});
