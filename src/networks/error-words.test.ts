import { describe, expect, it } from 'vitest';
import { englishOf } from '../server/i18n/stored-words.ts';
import { sayMessage } from '../server/modules/notifications/notification-message.ts';
import { type ProviderError } from '../server/providers/provider.ts';
import { errorWords, scopeMissingWords } from './error-words.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphError } from './meta-graph/graph-errors.ts';
import { graphJson } from './meta-graph/graph-request.ts';
import { assertUsageRoom, forgetUsage, noteUsage } from './meta-graph/usage.ts';
import { badAnswer as xBadAnswer, errorFrom as xErrorFrom, xWords } from './x/server/x-api.ts';
import { errorFrom as linkedinErrorFrom, linkedinWords, type LinkedInEndpoints } from './linkedin/server/linkedin-api.ts';
import { needs as redditNeeds, refusal as redditRefusal, submissionError } from './reddit/server/reddit-api.ts';
import { needs as pinterestNeeds, refusal as pinterestRefusal } from './pinterest/server/pinterest-api.ts';
import { googleFailure, youtubeWords } from './youtube/server/youtube-api.ts';
import { missingScope as tiktokMissingScope } from './tiktok/server/tiktok.publisher.ts';
import { blueskyWords } from './bluesky/server/bluesky.video.ts';

// Each network's error sentences are words whose English is the message the engine stores and API
// clients read: these pin that English to what it was before the words existed (byte for byte),
// check that the words say exactly the message, and that a French reader gets French with the
// network's own text kept as the network wrote it.

describe('X', () => {
  const posting = { scope: 'tweet.write', what: xWords('need.posting') };
  it('token rejected, permission, allowance, refusals with X’s own text', () => {
    expectWorded(xErrorFrom(401, { detail: 'Unauthorized' }, posting), 'X rejected the access token (Unauthorized)', 'X a refusé le jeton d’accès (Unauthorized)');
    expectWorded(xErrorFrom(401, null, posting), 'X rejected the access token', 'X a refusé le jeton d’accès');
    expectWorded(
      xErrorFrom(403, { detail: 'Missing scope tweet.write' }, posting),
      'X did not give Herald the "tweet.write" permission, which posting to X needs. Connect the account again on the Channels page.',
      `X n’a pas accordé à Herald l’autorisation «${NB}tweet.write${NB}», nécessaire à la publication sur X. Reconnectez le compte depuis la page Canaux.`,
    );
    expectWorded(
      xErrorFrom(429, { type: 'https://api.x.com/2/problems/usage-capped', title: 'Usage cap exceeded' }, posting),
      "X says this Herald's app used up its allowance (Usage cap exceeded); Herald tries again in an hour",
      `X indique que l’application de ce Herald a épuisé son quota (Usage cap exceeded)${NB}; Herald réessaiera dans une heure`,
    );
    expectWorded(xErrorFrom(403, { detail: 'You are not allowed to create a Tweet with duplicate content.' }, posting), 'X refused posting to X: You are not allowed to create a Tweet with duplicate content.', `X a refusé la publication sur X${NB}: You are not allowed to create a Tweet with duplicate content.`);
    expectWorded(xErrorFrom(400, null, posting), 'X refused posting to X (HTTP 400)', 'X a refusé la publication sur X (HTTP 400)');
    expectWorded(xBadAnswer(xWords('answer.mediaId')), 'X sent an answer without the media id', 'X a répondu sans l’identifiant du média');
  });
  it('a need written in English (the connect flow’s) stays a value', () => {
    const error = xErrorFrom(403, { detail: 'Forbidden' }, { scope: 'users.read', what: 'reading your name and picture' });
    expect(error.message).toBe('X refused reading your name and picture: Forbidden');
    expect(englishOf('delivery', error.words!)).toBe(error.message);
  });
  it('sentences of the publisher', () => {
    expectWords(xWords('duplicate'), 'X refused the post as duplicate content', 'X a refusé la publication car elle reprend un contenu identique');
    expectWords(xWords('slowDown'), 'X asked Herald to slow down (HTTP 429); Herald tries again when its 15-minute window ends', `X a demandé à Herald de ralentir (HTTP 429)${NB}; Herald réessaiera à la fin de sa fenêtre de 15 minutes`);
    expectWords(
      xWords('replyRefused', { part: 2, reason: 'Reply not allowed', url: 'https://x.com/a/status/1' }),
      'X refused part 2 of the thread as a reply (Reply not allowed). The parts before it are published (https://x.com/a/status/1); post the rest on X yourself.',
      `X a refusé la partie 2 du fil en tant que réponse (Reply not allowed). Les parties précédentes sont publiées (https://x.com/a/status/1)${NB}; publiez la suite vous-même sur X.`,
    );
  });
});

describe('Meta Graph (Facebook, Instagram, Threads)', () => {
  it('token ended, permission, throttle, temporary, duplicate, refused with Meta’s text', () => {
    expectWorded(graphError('instagram', 'Instagram', 400, { code: 190, error_subcode: 460 }), "Instagram refused Herald's access: the account password was changed", `Instagram a refusé l’accès de Herald${NB}: le mot de passe du compte a été changé`);
    expectWorded(graphError('facebook', 'Facebook', 400, { code: 190 }), "Facebook refused Herald's access: the access token is no longer valid", `Facebook a refusé l’accès de Herald${NB}: le jeton d’accès n’est plus valide`);
    expectWorded(
      graphError('facebook', 'Facebook', 403, { code: 200, message: '(#200) Requires pages_manage_posts permission' }),
      'Facebook needs a permission that was not granted (pages_manage_posts): (#200) Requires pages_manage_posts permission',
      `Facebook demande une autorisation qui n’a pas été accordée (pages_manage_posts)${NB}: (#200) Requires pages_manage_posts permission`,
    );
    expectWorded(graphError('threads', 'Threads', 403, { code: 10 }), 'Threads needs a permission that was not granted: no reason given', `Threads demande une autorisation qui n’a pas été accordée${NB}: aucune raison donnée`);
    expectWorded(graphError('instagram', 'Instagram', 400, { code: 4 }), 'Instagram asked Herald to slow down (code 4); Herald waits before calling again', `Instagram a demandé à Herald de ralentir (code 4)${NB}; Herald patiente avant de le solliciter de nouveau`);
    expectWorded(graphError('threads', 'Threads', 500, { code: 2, message: 'Service temporarily unavailable' }), 'Threads had a temporary problem: Service temporarily unavailable', `Threads a rencontré un problème passager${NB}: Service temporarily unavailable`);
    expectWorded(graphError('facebook', 'Facebook', 400, { code: 506 }), 'Facebook says this is a duplicate of a recent post', 'Facebook indique qu’il s’agit du doublon d’une publication récente');
    expectWorded(graphError('instagram', 'Instagram', 400, { code: 100, error_user_msg: 'The caption is too long.' }), 'Instagram: The caption is too long.', `Instagram${NB}: The caption is too long.`);
  });
  it('the permission sentence the three share says what channel-tokens said', () => {
    expectWords(
      scopeMissingWords('Threads', 'threads_content_publish', errorWords('network-threads:errors.what.publish')),
      'Threads did not give Herald the "threads_content_publish" permission, which posting to Threads needs. Connect the account again on the Channels page and allow "threads_content_publish".',
      `Threads n’a pas accordé à Herald l’autorisation «${NB}threads_content_publish${NB}», nécessaire à la publication sur Threads. Reconnectez le compte depuis la page Canaux et autorisez «${NB}threads_content_publish${NB}».`,
    );
    expect(englishOf('delivery', scopeMissingWords('Instagram', 'instagram_business_content_publish', errorWords('network-instagram:errors.what.publishing')))).toBe(
      'Instagram did not give Herald the "instagram_business_content_publish" permission, which publishing to Instagram needs. Connect the account again on the Channels page and allow "instagram_business_content_publish".',
    );
    expect(englishOf('delivery', scopeMissingWords('Facebook', 'pages_manage_posts', errorWords('network-facebook:errors.what.posting')))).toBe(
      'Facebook did not give Herald the "pages_manage_posts" permission, which posting to the Page needs. Connect the account again on the Channels page and allow "pages_manage_posts".',
    );
    expectWords(
      errorWords('network-instagram:errors.publishingLimit', { used: 50, total: 50 }),
      'Instagram: this account published 50 of the 50 posts Instagram allows apps in 24 hours; Herald publishes this one as soon as the limit allows (it tries again in an hour)',
      `Instagram${NB}: ce compte a publié 50 des 50 publications qu’Instagram autorise aux applications en 24 heures${NB}; Herald publiera celle-ci dès que la limite le permettra (nouvel essai dans une heure)`,
    );
  });
  it('a call budget nearly used, and a refusal without Graph’s error envelope', async () => {
    noteUsage('instagram', 'ig-1', new Headers({ 'x-app-usage': JSON.stringify({ call_count: 93.4 }) }));
    const caught = (() => {
      try {
        assertUsageRoom('instagram', 'Instagram', 'ig-1');
      } catch (error) {
        return error as ProviderError;
      }
    })();
    forgetUsage();
    expect(caught?.code).toBe('usage_high');
    expectWorded(caught!, 'Instagram: this account used 93% of its call budget; Herald waits for it to go down before posting', `Instagram${NB}: ce compte a utilisé 93${NB}% de son quota d’appels${NB}; Herald attend qu’il redescende avant de publier`);

    const server = http.createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const refused = await graphJson('threads', `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/me`, { label: 'Threads', allowPrivate: true }).catch((error: ProviderError) => error);
      expect((refused as ProviderError).code).toBe('http_404');
      expectWorded(refused as ProviderError, 'Threads refused the request (HTTP 404)', 'Threads a refusé la requête (HTTP 404)');
    } finally {
      server.close();
    }
  });
});

describe('LinkedIn', () => {
  const e = { version: '202501' } as LinkedInEndpoints;
  const need = { scope: 'w_member_social', what: linkedinWords('need.post') };
  it('token, permission, refusals, version, conflict', () => {
    expectWorded(linkedinErrorFrom(e, 401, { message: 'Invalid access token' }, need), 'LinkedIn rejected the access token (Invalid access token)', 'LinkedIn a refusé le jeton d’accès (Invalid access token)');
    expectWorded(
      linkedinErrorFrom(e, 403, { code: 'ACCESS_DENIED', message: 'Not enough permissions' }, need),
      'LinkedIn did not give Herald the "w_member_social" permission, which posting to LinkedIn needs. Connect the account again on the Channels page and allow it.',
      `LinkedIn n’a pas accordé à Herald l’autorisation «${NB}w_member_social${NB}», nécessaire à la publication sur LinkedIn. Reconnectez le compte depuis la page Canaux et accordez-la.`,
    );
    expectWorded(linkedinErrorFrom(e, 403, { message: 'Member is restricted' }, need), 'LinkedIn refused posting to LinkedIn: Member is restricted', `LinkedIn a refusé la publication sur LinkedIn${NB}: Member is restricted`);
    expectWorded(linkedinErrorFrom(e, 422, null, need), 'LinkedIn refused posting to LinkedIn: HTTP 422', `LinkedIn a refusé la publication sur LinkedIn${NB}: HTTP 422`);
    expect(linkedinErrorFrom(e, 426, null, need).message).toBe('LinkedIn no longer supports API version 202501; the operator of this Herald must set HERALD_LINKEDIN_API_VERSION to a current one');
    expectWorded(linkedinErrorFrom(e, 409, { message: 'Conflict' }, need), 'LinkedIn reported a write conflict (Conflict)', 'LinkedIn a signalé un conflit d’écriture (Conflict)');
    expectWords(
      linkedinWords('slowDown', { seconds: 60 }),
      'LinkedIn asked Herald to slow down (HTTP 429, a daily quota or a short throttle); Herald tries again in 60 s',
      `LinkedIn a demandé à Herald de ralentir (HTTP 429, quota quotidien ou limitation passagère)${NB}; Herald réessaiera dans 60${NB}s`,
    );
  });
});

describe('Reddit', () => {
  it('token, permission, refusal, submission errors joined in each language', () => {
    expectWorded(redditRefusal(401, { message: 'Unauthorized' }, new Headers(), null), 'Reddit rejected the access token (Unauthorized)', 'Reddit a refusé le jeton d’accès (Unauthorized)');
    expectWorded(
      redditRefusal(403, {}, new Headers({ 'www-authenticate': 'Bearer error="insufficient_scope"' }), redditNeeds.submit),
      'Reddit refused: Herald may not have the "submit" permission, which submitting posts to Reddit needs. Connect the account again on the Channels page and allow "submit".',
      `Reddit a refusé${NB}: Herald n’a peut-être pas l’autorisation «${NB}submit${NB}», nécessaire à la soumission de publications sur Reddit. Reconnectez le compte depuis la page Canaux et autorisez «${NB}submit${NB}».`,
    );
    expectWorded(redditRefusal(400, { explanation: 'bad request' }, new Headers(), null), 'Reddit refused: bad request', `Reddit a refusé${NB}: bad request`);
    expectWorded(
      submissionError([
        { code: 'NO_LINKS', message: 'no links here', field: 'sr' },
        { code: 'WEIRD', message: '', field: null },
      ]),
      'Reddit refused the post: that subreddit does not allow links: “no links here” (NO_LINKS on sr); “WEIRD” (WEIRD)',
      `Reddit a refusé la publication${NB}: ce subreddit n’accepte pas les liens${NB}: «${NB}no links here${NB}» (NO_LINKS sur sr)${NB}; «${NB}WEIRD${NB}» (WEIRD)`,
    );
    expectWorded(
      submissionError([{ code: 'RATELIMIT', message: 'Take a break for 2 minutes before trying again.', field: 'ratelimit' }]),
      'Reddit asked Herald to wait: “Take a break for 2 minutes before trying again.” (RATELIMIT); Herald tries again in 600 s',
      `Reddit a demandé à Herald de patienter${NB}: «${NB}Take a break for 2 minutes before trying again.${NB}» (RATELIMIT)${NB}; Herald réessaiera dans 600${NB}s`,
    );
  });
});

describe('Pinterest', () => {
  it('token, permissions (one, two, several), refusal', () => {
    expectWorded(pinterestRefusal(401, { message: 'Authentication failed.' }, null), 'Pinterest rejected the access token (Authentication failed.)', 'Pinterest a refusé le jeton d’accès (Authentication failed.)');
    expectWorded(
      pinterestRefusal(403, {}, pinterestNeeds.boards),
      'Pinterest refused (not permitted): Herald may not have the "boards:read" permission, which listing your boards needs. Connect the account again on the Channels page and allow "boards:read".',
      `Pinterest a refusé (non autorisé)${NB}: Herald n’a peut-être pas l’autorisation "boards:read", nécessaire à la liste de vos tableaux. Reconnectez le compte depuis la page Canaux et autorisez "boards:read".`,
    );
    expect(pinterestRefusal(403, { message: 'Forbidden' }, pinterestNeeds.media).message).toBe(
      'Pinterest refused (Forbidden): Herald may not have one of the permissions "pins:read" and "pins:write", which uploading videos needs. Connect the account again on the Channels page and allow them all.',
    );
    expect(pinterestRefusal(403, {}, pinterestNeeds.pins).message).toBe(
      'Pinterest refused (not permitted): Herald may not have one of the permissions "boards:read", "boards:write", "pins:read", "pins:write", which saving pins to Pinterest needs. Connect the account again on the Channels page and allow them all.',
    );
    expectWorded(pinterestRefusal(400, { message: 'Invalid board' }, null), 'Pinterest refused: Invalid board', `Pinterest a refusé${NB}: Invalid board`);
  });
});

describe('YouTube', () => {
  const needed = { scope: 'https://www.googleapis.com/auth/youtube.upload', what: youtubeWords('need.upload') };
  const google = (reason: string, message?: string) => ({ error: { errors: [{ reason }], message } });
  it('token, permission, slow down, trouble, worded and unknown refusals', () => {
    expectWorded(googleFailure(401, google('authError'), needed), 'YouTube rejected the access token', 'YouTube a refusé le jeton d’accès');
    expect(googleFailure(403, google('insufficientPermissions'), needed).message).toBe(
      'YouTube did not give Herald the "https://www.googleapis.com/auth/youtube.upload" permission, which uploading videos to YouTube needs. Connect the account again on the Channels page and allow "https://www.googleapis.com/auth/youtube.upload".',
    );
    expectWorded(googleFailure(403, google('rateLimitExceeded'), needed), 'YouTube asked Herald to slow down; trying again in a minute', `YouTube a demandé à Herald de ralentir${NB}; nouvel essai dans une minute`);
    expectWorded(googleFailure(503, {}, needed), 'YouTube is having trouble (HTTP 503); try again shortly', `YouTube rencontre des difficultés (HTTP 503)${NB}; réessayez dans un instant`);
    expectWorded(googleFailure(400, google('invalidTitle', 'The title is too long'), needed), 'YouTube refused the title: The title is too long', `YouTube a refusé le titre${NB}: The title is too long`);
    expectWorded(googleFailure(400, google('somethingNew'), needed), 'YouTube refused the request', 'YouTube a refusé la requête');
    expectWorded(
      googleFailure(403, google('uploadLimitExceeded'), needed),
      "YouTube: this YouTube channel reached its daily upload limit; Herald tries again in 24 hours",
      `YouTube${NB}: cette chaîne YouTube a atteint sa limite quotidienne de mises en ligne${NB}; Herald réessaiera dans 24 heures`,
    );
  });
  it('the quota sentence keeps its English moment and says a French date', () => {
    const error = googleFailure(403, google('quotaExceeded'), needed);
    expect(error.message).toMatch(/^YouTube quota: Google says this Herald's project used its daily quota; it resets at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(midnight Pacific time\), when Herald tries again$/);
    expect(englishOf('delivery', error.words!)).toBe(error.message);
    expect(sayMessage('delivery', error.words!, 'fr')).toMatch(/^Quota YouTube\s: Google indique .+ le \d{1,2} \S+ \d{4} à \d\d:\d\d UTC \(minuit, heure du Pacifique\), et Herald réessaiera alors$/u);
  });
});

describe('TikTok', () => {
  it('permission, and the sentences its status and errors are made of', () => {
    expectWorded(
      tiktokMissingScope('scope_not_authorized', { scope: 'video.publish', what: errorWords('network-tiktok:errors.need.directPost') }),
      'TikTok did not give Herald the "video.publish" permission, which posting directly to TikTok needs. Connect the account again on the Channels page and allow "video.publish".',
      `TikTok n’a pas accordé à Herald l’autorisation «${NB}video.publish${NB}», nécessaire à la publication directe sur TikTok. Reconnectez le compte depuis la page Canaux et autorisez «${NB}video.publish${NB}».`,
    );
    const tiktok = (key: string, values?: Record<string, string | ReturnType<typeof errorWords>>) => errorWords(`network-tiktok:errors.${key}`, values);
    expectWords(tiktok('didNotPublish', { reason: tiktok('reason.spam_risk_too_many_posts') }), 'TikTok did not publish: this TikTok account reached its daily posting limit; try again tomorrow', `TikTok n’a pas publié${NB}: ce compte TikTok a atteint sa limite quotidienne de publications${NB}; réessayez demain`);
    expectWords(tiktok('didNotPublish', { reason: tiktok('refusedRequestCodeBecause', { code: 'bad_thing', message: 'Oops' }) }), 'TikTok did not publish: TikTok refused the request (bad_thing: Oops)', `TikTok n’a pas publié${NB}: TikTok a refusé la requête (bad_thing${NB}: Oops)`);
    expectWords(tiktok('didNotPublish', { reason: tiktok('gaveUp', { code: 'mystery' }) }), 'TikTok did not publish: TikTok gave up processing the post (mystery)', `TikTok n’a pas publié${NB}: TikTok a renoncé à traiter la publication (mystery)`);
    expectWords(tiktok('tokenRejected'), 'TikTok rejected the access token', 'TikTok a refusé le jeton d’accès');
  });
});

describe('Bluesky', () => {
  it('session, sizes, refusals with the server’s text, the video service', () => {
    expectWords(blueskyWords('sessionRejected', { reason: 'ExpiredToken' }), 'Bluesky rejected the session (ExpiredToken)', 'Bluesky a refusé la session (ExpiredToken)');
    expectWords(blueskyWords('imageTooLarge'), 'Image too large for this Bluesky server', 'Image trop lourde pour ce serveur Bluesky');
    expectWords(blueskyWords('refused', { what: blueskyWords('what.post'), reason: 'Record/text must not be longer than 300 graphemes' }), 'Bluesky refused the post: Record/text must not be longer than 300 graphemes', `Bluesky a refusé la publication${NB}: Record/text must not be longer than 300 graphemes`);
    expectWords(
      blueskyWords('video.notToday', { reason: blueskyWords('video.bytesLeft', { left: 10, size: 40 }) }),
      'Bluesky will not take this video today: the account may upload 10 MB more today and this video is 40 MB',
      `Bluesky n’acceptera pas cette vidéo aujourd’hui${NB}: le compte peut encore mettre en ligne 10${NB}Mo aujourd’hui et cette vidéo fait 40${NB}Mo`,
    );
    expectWords(blueskyWords('video.unconfirmedEmail'), 'Bluesky only takes videos from accounts with a confirmed e-mail address: confirm it in Bluesky’s settings, then publish again', `Bluesky n’accepte les vidéos que des comptes dont l’adresse e-mail est confirmée${NB}: confirmez-la dans les paramètres de Bluesky, puis publiez de nouveau`);
  });
});

describe('Mastodon', () => {
  it('refusals with the instance’s text, in the words the integration test reads', () => {
    const mastodon = (key: string, values?: Record<string, string | number | ReturnType<typeof errorWords>>) => errorWords(`network-mastodon:errors.${key}`, values);
    expectWords(mastodon('refused', { what: mastodon('what.threadPart', { number: 2 }), reason: 'Validation failed' }), 'Mastodon refused part 2 of the thread: Validation failed', `Mastodon a refusé la partie 2 du fil${NB}: Validation failed`);
    expectWords(mastodon('tokenRejected', { reason: 'The access token is invalid' }), "Mastodon no longer accepts Herald's access to this account (The access token is invalid); reconnect it", `Mastodon n’accepte plus l’accès de Herald à ce compte (The access token is invalid)${NB}; reconnectez-le`);
    expectWords(
      mastodon('mediaFailed', { media: mastodon('what.video', { what: mastodon('what.firstComment') }), reason: mastodon('fileRefused') }),
      'Mastodon could not process a video of the first comment: the file was refused',
      `Mastodon n’a pas pu traiter une vidéo pour le premier commentaire${NB}: le fichier a été refusé`,
    );
  });
});

// Unknown outcomes and Bluesky's video failures: self-contained imports, so other blocks stay apart.
import { unknownBecause } from './error-words.ts';
import { videoFailure, videoTimeout } from './bluesky/server/bluesky.video.ts';
import { NB, expectWorded, expectWords } from './expect-worded.ts';

describe('Unknown outcomes and Bluesky video failures (TikTok, Facebook, Instagram, Threads, Bluesky)', () => {
  // A lost call whose outcome the network cannot tell: the reason a person reads, from words.
  const unknown = (words: Parameters<typeof unknownBecause>[0], english: string, french: string) => {
    const check = unknownBecause(words);
    expect(check.reason).toBe(english);
    expectWords(check.words!, english, french);
  };
  const step = (network: string) => errorWords(`network-${network}:errors.unknown.step`, { step: 'publish:2' });

  it('TikTok', () => {
    unknown(step('tiktok'), 'TikTok cannot tell whether the step "publish:2" happened', `TikTok ne peut pas dire si l’étape «${NB}publish:2${NB}» a eu lieu`);
    unknown(
      errorWords('network-tiktok:errors.unknown.inbox'),
      'TikTok may have sent the draft to the creator’s TikTok inbox, which Herald cannot see: check the inbox in the TikTok app',
      `TikTok a peut-être envoyé le brouillon dans la boîte de réception TikTok du créateur, que Herald ne peut pas consulter${NB}: vérifiez la boîte de réception dans l’application TikTok`,
    );
    expect(unknownBecause(errorWords('network-tiktok:errors.unknown.notPublic')).reason).toBe('TikTok lists only public posts, so Herald cannot see whether this non-public post was created: check the profile in the TikTok app');
    expect(unknownBecause(errorWords('network-tiktok:errors.unknown.noCaption')).reason).toBe('Herald recognises a lost TikTok post by its caption, and this post has none: check the profile in the TikTok app');
    expect(unknownBecause(errorWords('network-tiktok:errors.unknown.cannotList')).reason).toBe('Herald cannot list this account’s TikTok videos (the video.list permission was not granted): check the profile in the TikTok app');
    unknown(errorWords('network-tiktok:errors.unknown.processing'), 'TikTok may still be processing the post; Herald will look again', `TikTok traite peut-être encore la publication${NB}; Herald vérifiera de nouveau`);
  });

  it('Facebook', () => {
    unknown(step('facebook'), 'Facebook cannot tell whether the step "publish:2" happened', `Facebook ne peut pas dire si l’étape «${NB}publish:2${NB}» a eu lieu`);
    const saving = (what: string) => errorWords('network-facebook:errors.unknown.stillSaving', { what: errorWords(`network-facebook:errors.unknown.saving.${what}`) });
    unknown(saving('firstComment'), 'Facebook may still be saving the first comment; Herald will look again', `Facebook enregistre peut-être encore le premier commentaire${NB}; Herald vérifiera de nouveau`);
    expect(unknownBecause(saving('post')).reason).toBe('Facebook may still be saving the post; Herald will look again');
    expect(unknownBecause(saving('video')).reason).toBe('Facebook may still be saving the video; Herald will look again');
    unknown(
      errorWords('network-facebook:errors.unknown.noText'),
      'Herald recognises a lost Facebook post by its text, and this post has none: check the Page on Facebook',
      `Herald retrouve une publication Facebook perdue grâce à son texte, et celle-ci n’en a pas${NB}: vérifiez la Page sur Facebook`,
    );
    expect(unknownBecause(errorWords('network-facebook:errors.unknown.noDescription')).reason).toBe('Herald recognises a lost Facebook video by its description, and this one has none: check the Page on Facebook');
  });

  it('Instagram', () => {
    unknown(step('instagram'), 'Instagram cannot tell whether the step "publish:2" happened', `Instagram ne peut pas dire si l’étape «${NB}publish:2${NB}» a eu lieu`);
    unknown(
      errorWords('network-instagram:errors.unknown.containerState', { state: 'IN_PROGRESS' }),
      'Instagram says the post is IN_PROGRESS; Herald will look again',
      `Instagram indique l’état IN_PROGRESS pour la publication${NB}; Herald vérifiera de nouveau`,
    );
    expect(unknownBecause(errorWords('network-instagram:errors.unknown.containerStateUnknown')).reason).toBe('Instagram says the post is in an unknown state; Herald will look again');
    expect(unknownBecause(errorWords('network-instagram:errors.unknown.notListed')).reason).toBe('Instagram says the post was published, but Herald cannot find it among the recent posts: check the profile');
  });

  it('Threads', () => {
    unknown(step('threads'), 'Threads cannot tell whether the step "publish:2" happened', `Threads ne peut pas dire si l’étape «${NB}publish:2${NB}» a eu lieu`);
    unknown(
      errorWords('network-threads:errors.unknown.repliesUnreadable', { permission: 'threads_read_replies' }),
      "Threads published this part, but Herald may not read the account's replies to learn its id (threads_read_replies was not granted): check the profile in the Threads app",
      `Threads a publié cette partie, mais Herald n’a pas le droit de lire les réponses du compte pour connaître son identifiant (threads_read_replies n’a pas été accordée)${NB}: vérifiez le profil dans l’application Threads`,
    );
    unknown(
      errorWords('network-threads:errors.unknown.postsUnreadable', { permission: errorWords('network-threads:errors.unknown.aPermission') }),
      "Threads published this part, but Herald may not read the account's posts to learn its id (a permission was not granted): check the profile in the Threads app",
      `Threads a publié cette partie, mais Herald n’a pas le droit de lire les publications du compte pour connaître son identifiant (une autorisation n’a pas été accordée)${NB}: vérifiez le profil dans l’application Threads`,
    );
    expect(unknownBecause(errorWords('network-threads:errors.unknown.notListed')).reason).toBe('Threads says the post was published but does not list it yet; Herald will look again');
  });

  it('Bluesky: unknown outcomes', () => {
    unknown(blueskyWords('unknown.noStep', { step: 'video:0' }), 'Herald has no Bluesky step called video:0', 'Herald ne connaît aucune étape Bluesky nommée video:0');
    expect(unknownBecause(blueskyWords('unknown.noRecordKey', { index: '1' })).reason).toBe('No record key was stored for post 1');
    unknown(
      blueskyWords('unknown.notSaid', { rkey: '3kabc', status: '502 UpstreamFailure' }),
      'Bluesky did not say whether post 3kabc exists (HTTP 502 UpstreamFailure)',
      'Bluesky n’a pas indiqué si la publication 3kabc existe (HTTP 502 UpstreamFailure)',
    );
  });

  it('Bluesky: the video service gave up or took too long', () => {
    // The service's own message stays as written; its failure code's meaning is Herald's.
    expectWorded(
      videoFailure({ message: 'Video too long', failureCode: 'validation_failure' }),
      'Bluesky’s video service could not process the video: Video too long (the file is not a video it can read)',
      `Le service vidéo de Bluesky n’a pas pu traiter la vidéo${NB}: Video too long (le fichier n’est pas une vidéo qu’il sait lire)`,
    );
    expectWorded(
      videoFailure({ failureCode: 'encoding_failure' }),
      'Bluesky’s video service could not process the video: it could not convert the video',
      `Le service vidéo de Bluesky n’a pas pu traiter la vidéo${NB}: il n’a pas pu convertir la vidéo`,
    );
    expect(videoFailure({ error: 'Boom', failureCode: 'generic_failure' }).message).toBe('Bluesky’s video service could not process the video: Boom');
    expect(videoFailure({ message: 'odd', failureCode: 'new_code' }).message).toBe('Bluesky’s video service could not process the video: odd');
    expectWorded(videoFailure({}), 'Bluesky’s video service could not process the video: no reason given', `Le service vidéo de Bluesky n’a pas pu traiter la vidéo${NB}: aucune raison donnée`);
    expect(videoFailure({ failureCode: 'pds_upload_failure' }).code).toBe('pds_upload_failure');
    expectWorded(
      videoTimeout('JOB_STATE_ENCODING'),
      'Bluesky’s video service did not finish the video in 30 minutes (last state: JOB_STATE_ENCODING)',
      `Le service vidéo de Bluesky n’a pas terminé la vidéo en 30${NB}minutes (dernier état${NB}: JOB_STATE_ENCODING)`,
    );
    expect(videoTimeout(undefined).message).toBe('Bluesky’s video service did not finish the video in 30 minutes (last state: unknown)');
  });
  it('Bluesky: publishing, session and identity sentences keep their English', () => {
    // Each pair: the words the code throws with, and the English it threw before the words.
    const pinned: [Parameters<typeof blueskyWords>, string][] = [
      [['pdsUnknown'], 'The Bluesky server (PDS) of this channel is unknown'],
      [['badSettings', { issues: 'Too long; Bad lang' }], 'Bluesky settings: Too long; Bad lang'],
      [['tooManyImages', { max: 4 }], 'Bluesky takes at most 4 images per post'],
      [['imagesOrVideo'], 'Bluesky takes images or one video per post'],
      [['oneVideo'], 'Bluesky takes one video per post, without images'],
      [['nothingToPublish'], 'There is nothing to publish'],
      [['imageNoReference'], 'Bluesky accepted an image but sent no reference to it'],
      [['postNoReference'], 'Bluesky created the post but sent no reference to it'],
      [['blobGone'], 'Bluesky no longer has the uploaded media; they will be uploaded again'],
      [['session.noTokens'], 'Bluesky sent a session without tokens'],
      [['session.ended', { reason: 'ExpiredToken' }], 'Bluesky ended the session (ExpiredToken): connect the account again'],
      [['session.notRefreshed', { status: 502 }], 'Bluesky did not refresh the session (HTTP 502)'],
      [['session.notEnded', { status: 500 }], 'Bluesky did not end the session (HTTP 500)'],
      [['sessionRejected', { reason: 401 }], 'Bluesky rejected the session (401)'],
      [['session.noAccount', { status: 500 }], 'Bluesky did not return the account (HTTP 500)'],
      [['connect.notIdentifier', { identifier: 'not a handle' }], 'not a handle is not a Bluesky handle or DID'],
      [['connect.codeAsked'], 'Bluesky asked for a sign-in code: use an app password, which skips it'],
      [['connect.suspended'], 'Bluesky has suspended this account'],
      [['connect.refused'], 'Bluesky did not accept this handle and app password'],
      [['connect.otherAccount'], 'Bluesky signed in a different account than the one named'],
      [['connect.mainPassword'], 'This is the account password: create an app password in Bluesky and use that instead'],
      [['connect.handleFirst'], 'Bluesky needs the handle to connect: Herald asks for it first'],
      [['connect.notStarted'], 'This Bluesky sign-in was not started by Herald; start connecting again'],
      [['identity.noHandle', { handle: 'alice.example.com' }], 'No Bluesky account has the handle @alice.example.com'],
      [['identity.notFound', { did: 'did:plc:abc' }], 'The identity did:plc:abc cannot be found'],
      [['identity.unconfirmed', { handle: 'alice.example.com' }], "@alice.example.com is not confirmed by its account's identity document"],
      [['identity.noPds', { did: 'did:plc:abc' }], 'The account did:plc:abc names no Bluesky server (PDS)'],
      [['identity.insecure', { host: 'pds.example.com' }], "The account's server pds.example.com is not reachable over https"],
      [['video.altTooLong', { max: 1000 }], "Bluesky: a video's alt text can be at most 1000 characters"],
      [['video.noBlob'], 'Bluesky’s video service finished the video but did not say where it stored it'],
    ];
    for (const [args, english] of pinned) expect(englishOf('delivery', blueskyWords(...args))).toBe(english);
    expectWords(blueskyWords('session.ended', { reason: 'ExpiredToken' }), 'Bluesky ended the session (ExpiredToken): connect the account again', `Bluesky a mis fin à la session (ExpiredToken)${NB}: reconnectez le compte`);
    expectWords(blueskyWords('tooManyImages', { max: 4 }), 'Bluesky takes at most 4 images per post', `Bluesky accepte au plus 4${NB}images par publication`);
    expectWords(
      blueskyWords('identity.noHandle', { handle: 'alice.example.com' }),
      'No Bluesky account has the handle @alice.example.com',
      'Aucun compte Bluesky n’a l’identifiant @alice.example.com',
    );
  });
  it('TikTok and Threads sign-in sentences keep their English', () => {
    expect(englishOf('delivery', errorWords('network-tiktok:errors.tokenWithoutAccount'))).toBe('TikTok sent a token answer without the account id');
    expectWords(errorWords('network-tiktok:errors.noProfile', { reason: 'access_token_invalid' }), 'TikTok did not return the profile: access_token_invalid', `TikTok n’a pas renvoyé le profil${NB}: access_token_invalid`);
    expectWords(
      errorWords('network-threads:errors.refreshTooEarly', { minHours: 24, ageHours: 3 }),
      'Threads renews access only for a token at least 24 h old, and this one is 3 h old, so Herald did not ask. Connect the account again on the Channels page.',
      `Threads ne renouvelle l’accès que pour un jeton d’au moins 24${NB}h, et celui-ci n’a que 3${NB}h${NB}: Herald n’a donc pas fait la demande. Reconnectez le compte depuis la page Canaux.`,
    );
  });
  it('Instagram sign-in sentences keep their English', () => {
    const ig = (key: string, values?: Parameters<typeof errorWords>[1]) => errorWords(`network-instagram:errors.${key}`, values);
    expectWords(
      ig('refused', { what: ig('tokenWhat.renew'), reason: 'Session has expired' }),
      'Instagram refused to renew the access: Session has expired',
      `Instagram a refusé de renouveler l’accès${NB}: Session has expired`,
    );
    expect(englishOf('delivery', ig('refused', { what: ig('tokenWhat.code'), reason: 'HTTP 400' }))).toBe('Instagram refused the authorization code: HTTP 400');
    expect(englishOf('delivery', ig('refused', { what: ig('tokenWhat.longLived'), reason: 'HTTP 500' }))).toBe('Instagram refused the long-lived token exchange: HTTP 500');
    expectWords(
      ig('noLinkedAccount', { page: 'Bakery' }),
      "The Facebook Page Bakery has no Instagram professional account linked any more; link one in the Page's settings",
      `La Page Facebook Bakery n’est plus liée à aucun compte professionnel Instagram${NB}; liez-en un dans les paramètres de la Page`,
    );
    expect(englishOf('delivery', ig('noLinkedAccountUnnamed'))).toBe("The Facebook Page has no Instagram professional account linked any more; link one in the Page's settings");
    expect(englishOf('delivery', ig('noShortToken'))).toBe('Facebook sent no access token for the authorization code');
    expect(englishOf('delivery', ig('noLongToken'))).toBe('Facebook sent no long-lived token');
  });
  it('Bluesky sign-in (OAuth) sentences keep their English', () => {
    const pinned: [Parameters<typeof blueskyWords>, string][] = [
      [['oauth.unavailable'], 'This Herald cannot use Bluesky sign-in: connect with an app password'],
      [['oauth.noAuthorizationServer', { host: 'pds.example.com' }], 'The Bluesky server pds.example.com does not say where to sign in (OAuth)'],
      [['oauth.issuerInsecure', { host: 'auth.example.com' }], 'The sign-in server auth.example.com is not reachable over https'],
      [['oauth.badAuthorizationServer', { host: 'auth.example.com' }], 'auth.example.com is not an atproto sign-in server Herald can use'],
      [['oauth.hostInsecure', { host: 'auth.example.com' }], 'auth.example.com is not reachable over https'],
      [['oauth.noSession'], 'The Bluesky sign-in server sent no usable session'],
      [['oauth.notDpop'], 'The Bluesky sign-in server sent a token not bound to Herald’s key (DPoP)'],
      [['oauth.noAtprotoScope'], 'The Bluesky sign-in server did not grant the atproto scope'],
      [['oauth.refused', { what: blueskyWords('oauth.what.request'), reason: 'HTTP 500' }], 'The Bluesky sign-in server refused the sign-in request: HTTP 500'],
      [['oauth.refused', { what: blueskyWords('oauth.what.code'), reason: 'invalid_grant' }], 'The Bluesky sign-in server refused the authorization code: invalid_grant'],
      [['oauth.refused', { what: blueskyWords('oauth.what.refresh'), reason: 'invalid_grant' }], 'The Bluesky sign-in server refused the refresh: invalid_grant'],
      [['oauth.refused', { what: blueskyWords('oauth.what.end'), reason: 'HTTP 400' }], 'The Bluesky sign-in server refused ending the session: HTTP 400'],
      [['oauth.notIdentifier', { identifier: 'x y' }], 'x y is not a Bluesky handle, DID or server address'],
      [['oauth.unsupported', { host: 'pds.example.com' }], 'The Bluesky server pds.example.com does not offer sign-in through its own page; use an app password'],
      [['oauth.otherServer'], 'The sign-in answer came from another server than the one Herald asked'],
      [['oauth.otherAccount'], 'You signed in to Bluesky as another account than the one named; nothing was connected'],
      [['oauth.notForAccount'], 'This sign-in server does not speak for the account it signed in'],
      [['oauth.refreshedOther'], 'The Bluesky sign-in server refreshed a session for another account'],
      [['oauth.noRevocation'], 'The Bluesky sign-in server offers no way to end the session'],
    ];
    for (const [args, english] of pinned) expect(englishOf('delivery', blueskyWords(...args))).toBe(english);
    expectWords(
      blueskyWords('oauth.refused', { what: blueskyWords('oauth.what.code'), reason: 'Code expired' }),
      'The Bluesky sign-in server refused the authorization code: Code expired',
      `Le serveur de connexion Bluesky a refusé le code d’autorisation${NB}: Code expired`,
    );
  });
});

describe('unknown outcomes, sign-in refusals and missing answers (Pinterest, LinkedIn, YouTube, Reddit, X)', () => {
  // Each English below is the literal the network's code stored before these sentences had words.
  const words = (id: string) => (key: string, values?: Parameters<typeof errorWords>[1]) => errorWords(`network-${id}:errors.${key}`, values);
  const pinterest = words('pinterest');
  const linkedin = words('linkedin');
  const youtube = words('youtube');
  const reddit = words('reddit');
  const x = words('x');
  const fr = (text: string) => text.replaceAll(' :', `${NB}:`).replaceAll(' ;', `${NB};`).replaceAll('« ', `«${NB}`).replaceAll(' »', `${NB}»`);

  it('Pinterest: a step it cannot settle, a board it cannot read, a pin it cannot recognise, the sign-in', () => {
    expectWords(pinterest('unknownStep', { step: 'media' }), 'Pinterest cannot tell whether the step "media" happened', fr('Pinterest ne peut pas dire si l’étape « media » a eu lieu'));
    expectWords(pinterest('unknownNoBoard'), 'The post names no Pinterest board, so Herald cannot look for the pin: check the account on Pinterest', fr('La publication n’indique aucun tableau Pinterest, Herald ne peut donc pas y rechercher l’épingle : vérifiez le compte sur Pinterest'));
    expectWords(
      pinterest('unknownPinsScope', { scope: 'pins:read' }),
      "Herald may not read this board's pins (pins:read was not granted), so it cannot tell whether the pin was made: check the board on Pinterest",
      fr('Herald n’a peut-être pas le droit de lire les épingles de ce tableau (l’autorisation pins:read n’a pas été accordée) et ne peut donc pas savoir si l’épingle a été créée : vérifiez le tableau sur Pinterest'),
    );
    expect(englishOf('delivery', pinterest('unknownPinsPermission'))).toBe("Herald may not read this board's pins (a permission was not granted), so it cannot tell whether the pin was made: check the board on Pinterest");
    expectWords(pinterest('unknownPinsUnlisted', { reason: 'Pinterest refused: Board not found' }), "Pinterest did not list the board's pins (Pinterest refused: Board not found): check the board on Pinterest", fr('Pinterest n’a pas listé les épingles du tableau (Pinterest refused: Board not found) : vérifiez le tableau sur Pinterest'));
    expectWords(
      pinterest('unknownUnrecognisable'),
      'The pin has no title, description or link to recognise it by, and pins were saved to the board meanwhile: check the board on Pinterest',
      fr('L’épingle n’a ni titre, ni description, ni lien permettant de la reconnaître, et d’autres épingles ont été enregistrées dans le tableau entre-temps : vérifiez le tableau sur Pinterest'),
    );
    expectWords(pinterest('mediaUnreadable', { sent: 1048576, size: 2097152 }), "Herald could read only 1048576 of the video's 2097152 bytes", 'Herald n’a pu lire que 1048576 octets sur les 2097152 de la vidéo');
    expectWords(pinterest('tokenCallRefused', { what: pinterest('what.tokenRefresh'), reason: 'Invalid refresh token' }), 'Pinterest refused the token refresh: Invalid refresh token', fr('Pinterest a refusé le renouvellement du jeton : Invalid refresh token'));
    expectWords(pinterest('badAnswer', { what: pinterest('answer.newBoardId') }), 'Pinterest sent an answer without the new board’s id', 'Pinterest a répondu sans l’identifiant du nouveau tableau');
    expectWords(pinterest('badAnswer', { what: pinterest('answer.accessToken') }), 'Pinterest sent an answer without the access token', 'Pinterest a répondu sans le jeton d’accès');
  });

  it('LinkedIn: posts it cannot read, a duplicate it cannot find, the first comment, uploads, the sign-in', () => {
    const unreadable = "LinkedIn does not let Herald read this profile's posts, so Herald cannot tell whether the post was published: look at the profile's activity on LinkedIn. If the post is there, mark it as published; if not, publish it again.";
    const unreadableFr = fr('LinkedIn ne permet pas à Herald de lire les publications de ce profil, Herald ne peut donc pas savoir si la publication est partie : consultez l’activité du profil sur LinkedIn. Si la publication y figure, marquez-la comme publiée ; sinon, publiez-la de nouveau.');
    expectWords(linkedin('unknownUnreadable'), unreadable, unreadableFr);
    expectWords(
      linkedin('unknownUnreadableDuplicate'),
      `LinkedIn refused the post as a duplicate of one it already has, so it most likely went out already. ${unreadable}`,
      `${fr('LinkedIn a refusé la publication comme doublon d’une publication existante : elle est donc très probablement déjà partie.')} ${unreadableFr}`,
    );
    expectWords(
      linkedin('duplicateNotFound'),
      "LinkedIn refused the post as a duplicate of one it already has, but the Page's recent posts do not show it: look at the Page on LinkedIn, then mark the post as published or publish it again",
      fr('LinkedIn a refusé la publication comme doublon d’une publication existante, mais celle-ci n’apparaît pas parmi les publications récentes de la Page : vérifiez la Page sur LinkedIn, puis marquez la publication comme publiée ou publiez-la de nouveau'),
    );
    expectWords(linkedin('duplicate'), 'LinkedIn refused the post as a duplicate of one it already has', 'LinkedIn a refusé la publication comme doublon d’une publication existante');
    expectWords(
      linkedin('unknownComment'),
      'The post is on LinkedIn; whether its first comment went out cannot be read by Herald: look under the post, and add the comment there if it is missing',
      fr('La publication est sur LinkedIn, mais Herald ne peut pas savoir si son premier commentaire est parti : regardez sous la publication et ajoutez-y le commentaire s’il manque'),
    );
    expectWords(linkedin('unknownStep', { step: 'publish' }), 'LinkedIn cannot tell whether the step "publish" happened', fr('LinkedIn ne peut pas dire si l’étape « publish » a eu lieu'));
    expectWords(linkedin('fileUnreadable', { read: 10, size: 20 }), 'Herald could read only 10 of 20 bytes of the file', 'Herald n’a pu lire que 10 octets sur 20 du fichier');
    expectWords(linkedin('videoUnreadable', { read: 10, size: 20 }), 'Herald could read only 10 of 20 bytes of the video', 'Herald n’a pu lire que 10 octets sur 20 de la vidéo');
    expectWords(linkedin('tokenCallRefused', { what: linkedin('what.signIn'), reason: 'invalid_grant' }), 'LinkedIn refused the sign-in: invalid_grant', fr('LinkedIn a refusé la connexion : invalid_grant'));
    expectWords(linkedin('revokeRefused', { reason: 'HTTP 500' }), 'LinkedIn did not revoke the token: HTTP 500', fr('LinkedIn n’a pas révoqué le jeton : HTTP 500'));
    const without = (what: ReturnType<typeof errorWords>, english: string, french: string) => expectWords(linkedinWords('badAnswer', { what }), `LinkedIn sent an answer without ${english}`, `LinkedIn a répondu sans ${french}`);
    without(linkedinWords('answer.pageId'), 'a Company Page id', 'identifiant de Page entreprise');
    without(linkedinWords('answer.accessToken'), 'an access token', 'jeton d’accès');
    without(linkedinWords('answer.memberId'), 'the member id', 'l’identifiant du membre');
    without(linkedinWords('answer.newPostId'), 'the new post’s id (x-restli-id)', 'l’identifiant de la nouvelle publication (x-restli-id)');
    without(linkedinWords('answer.uploadInstructions'), 'usable upload instructions for the video', 'd’instructions de mise en ligne utilisables pour la vidéo');
    without(linkedinWords('answer.etag', { part: 3 }), 'the ETag of part 3 of the video', 'l’ETag de la partie 3 de la vidéo');
    for (const kind of ['image', 'video', 'document'] as const) {
      expect(englishOf('delivery', linkedinWords('badAnswer', { what: linkedinWords(`answer.mediaId.${kind}`) }))).toBe(`LinkedIn sent an answer without the ${kind}'s id`);
      expect(englishOf('delivery', linkedinWords('badAnswer', { what: linkedinWords(`answer.uploadAddress.${kind}`) }))).toBe(`LinkedIn sent an answer without the ${kind}'s upload address`);
    }
  });

  it('YouTube: a step it cannot settle, a video not listed yet, a chunk not kept', () => {
    expectWords(youtube('unknownStep', { step: 'upload' }), 'YouTube cannot tell whether the step "upload" happened', fr('YouTube ne peut pas dire si l’étape « upload » a eu lieu'));
    expectWords(youtube('unknownNotListedYet'), 'YouTube may still be adding the video to the channel’s uploads; Herald will look again', fr('YouTube est peut-être encore en train d’ajouter la vidéo aux mises en ligne de la chaîne ; Herald vérifiera de nouveau'));
    expectWords(youtube('chunkNotKept'), 'YouTube did not keep the last chunk of the upload; Herald sends it again', fr('YouTube n’a pas conservé le dernier morceau de la mise en ligne ; Herald le renvoie'));
    expectWords(youtube('videoUnreadable', { read: 5, size: 8 }), 'Herald could read only 5 of 8 bytes of the video', 'Herald n’a pu lire que 5 octets sur 8 de la vidéo');
  });

  it('Reddit: a step it cannot settle, posts it cannot read, a post not listed yet, the grant, subreddits', () => {
    expectWords(reddit('unknownStep', { step: 'upload:0' }), 'Reddit cannot tell whether the step "upload:0" happened', fr('Reddit ne peut pas dire si l’étape « upload:0 » a eu lieu'));
    expectWords(
      reddit('unknownUnreadable', { reason: 'Reddit refused: HTTP 500' }),
      "Herald could not read the account's submitted posts (Reddit refused: HTTP 500), so it cannot tell whether the post was made: check the account on Reddit",
      fr('Herald n’a pas pu lire les publications envoyées par le compte (Reddit refused: HTTP 500) et ne peut donc pas savoir si la publication a été faite : vérifiez le compte sur Reddit'),
    );
    expectWords(reddit('unknownNotListedYet'), 'Reddit has not listed the post yet; an image or video may still be processing', fr('Reddit n’affiche pas encore la publication ; une image ou une vidéo est peut-être encore en cours de traitement'));
    expectWords(reddit('fileUnreadable', { sent: 3, size: 9 }), "Herald could read only 3 of the file's 9 bytes", 'Herald n’a pu lire que 3 octets sur les 9 du fichier');
    expectWords(reddit('tokenCallRefused', { what: reddit('what.signIn'), reason: 'invalid_grant' }), 'Reddit refused the sign-in: invalid_grant', fr('Reddit a refusé la connexion : invalid_grant'));
    expectWords(reddit('notPermanent'), 'Reddit granted no refresh token (the grant is not permanent): connect again', fr('Reddit n’a accordé aucun jeton de renouvellement (l’autorisation n’est pas permanente) : reconnectez le compte'));
    expectWords(reddit('revokeRefused', { reason: 'HTTP 503' }), 'Reddit did not revoke the grant: HTTP 503', fr('Reddit n’a pas révoqué l’autorisation : HTTP 503'));
    expectWords(reddit('noSubreddit', { name: 'pics' }), 'Reddit has no subreddit r/pics', 'Reddit n’a aucun subreddit r/pics');
    expectWords(reddit('noSubredditForAccount', { name: 'pics', reason: 'Reddit refused: HTTP 404' }), 'Reddit has no subreddit r/pics that this account can post to (Reddit refused: HTTP 404)', 'Reddit n’a aucun subreddit r/pics dans lequel ce compte peut publier (Reddit refused: HTTP 404)');
    expectWords(reddit('badAnswer', { what: reddit('answer.accountIdAndName') }), 'Reddit sent an answer without the account id and name', 'Reddit a répondu sans l’identifiant et le nom du compte');
  });

  it('X: the provider’s missing answers, token calls and the post caps', () => {
    expectWorded(xBadAnswer(xWords('answer.accessToken')), 'X sent an answer without an access token', 'X a répondu sans jeton d’accès');
    expectWorded(xBadAnswer(xWords('answer.accountId')), 'X sent an answer without the account id', 'X a répondu sans l’identifiant du compte');
    expectWorded(xBadAnswer(xWords('answer.account')), 'X sent an answer without the account', 'X a répondu sans le compte');
    expectWords(x('tokenCallRefused', { what: x('what.tokenRefresh'), reason: 'Value passed for the token was invalid.' }), 'X refused the token refresh: Value passed for the token was invalid.', fr('X a refusé le renouvellement du jeton : Value passed for the token was invalid.'));
    expectWords(x('revokeRefused', { reason: 'HTTP 500' }), 'X did not revoke the token: HTTP 500', fr('X n’a pas révoqué le jeton : HTTP 500'));
    expectWords(
      x('capApp', { perDay: 17, used: 17, at: '00:00 UTC' }),
      "X cap: this Herald's X app may create 17 posts a day and 17 were created today; Herald posts this at 00:00 UTC, when the count resets",
      fr('Plafond X : l’application X de ce Herald peut créer 17 publications par jour et 17 ont déjà été créées aujourd’hui ; Herald publiera celle-ci à 00:00 UTC, quand le compteur sera remis à zéro'),
    );
    expectWords(
      x('capAccount', { per15Min: 5, used: 5, at: '12:15 UTC' }),
      'X cap: an account may create 5 posts in 15 minutes through this app and this one has created 5; Herald posts this at 12:15 UTC',
      fr('Plafond X : un compte peut créer 5 publications en 15 minutes via cette application et celui-ci en a créé 5 ; Herald publiera celle-ci à 12:15 UTC'),
    );
  });
  it('the publishers’ own refusals: settings, media, processing (Pinterest, LinkedIn, X)', () => {
    expectWords(pinterest('settingsInvalid', { reason: 'title: Too long' }), 'Pinterest settings are not valid: title: Too long', fr('Les réglages Pinterest ne sont pas valides : title: Too long'));
    expectWords(pinterest('boardRequired'), 'Pinterest: choose the board to save the pin to', fr('Pinterest : choisissez le tableau dans lequel enregistrer l’épingle'));
    expectWords(pinterest('imageType', { type: 'image/gif' }), 'Pinterest takes JPEG and PNG images (this one is image/gif)', 'Pinterest accepte les images JPEG et PNG (celle-ci est en image/gif)');
    expect(englishOf('delivery', pinterest('mediaRequired'))).toBe('Pinterest: a pin needs an image or a video');
    expect(englishOf('delivery', pinterest('mediaMixed'))).toBe('Pinterest: a pin is one video (with perhaps a cover image) or 1–5 images, not both');
    expectWords(pinterest('uploadRefused', { status: 403 }), "Pinterest's upload storage refused the video (HTTP 403); publish the post again", fr('Le stockage de Pinterest a refusé la vidéo (HTTP 403) ; relancez la publication'));
    expect(englishOf('delivery', pinterest('uploadRefusedBecause', { status: 403, reason: 'Access Denied' }))).toBe("Pinterest's upload storage refused the video (HTTP 403: Access Denied); publish the post again");
    expect(englishOf('delivery', pinterest('videoFailed'))).toBe('Pinterest could not process the video; check that it is an MP4, MOV or M4V of 4 s to 15 min, then publish the post again');
    expectWords(pinterest('processingTimeout', { minutes: 30 }), 'Pinterest was still processing the video after 30 minutes; publish the post again', fr('Pinterest traitait encore la vidéo au bout de 30 minutes ; relancez la publication'));

    expectWords(linkedin('settingsInvalid', { reason: 'Invalid enum value' }), "LinkedIn: the post's settings are not valid (Invalid enum value)", fr('LinkedIn : les réglages de la publication ne sont pas valides (Invalid enum value)'));
    expect(englishOf('delivery', linkedin('settingsInvalidUnknown'))).toBe("LinkedIn: the post's settings are not valid (unknown reason)");
    for (const kind of ['image', 'video', 'document'] as const) {
      expect(englishOf('delivery', linkedin(`processingFailed.${kind}`))).toBe(`LinkedIn could not process the ${kind}; check the file and publish the post again`);
      expect(englishOf('delivery', linkedin(`processingFailedBecause.${kind}`, { reason: 'BAD' }))).toBe(`LinkedIn could not process the ${kind} (BAD); check the file and publish the post again`);
      expect(englishOf('delivery', linkedin(`processingTimeout.${kind}`, { minutes: 20 }))).toBe(`LinkedIn was still processing the ${kind} after 20 minutes; publish the post again`);
    }
    expectWords(linkedin('processingFailedBecause.video', { reason: 'CODEC' }), 'LinkedIn could not process the video (CODEC); check the file and publish the post again', fr('LinkedIn n’a pas pu traiter la vidéo (CODEC) ; vérifiez le fichier et relancez la publication'));
    expectWords(linkedin('noChains'), 'LinkedIn posts have no replies of their own: publish one post (a first comment can follow it)', fr('Les publications LinkedIn n’ont pas de réponses propres : publiez une seule publication (un premier commentaire peut la suivre)'));
    expectWords(linkedin('mediaChanged'), 'The post’s files changed while it was being published; publish it again', fr('Les fichiers de la publication ont changé pendant sa publication ; publiez-la de nouveau'));

    expectWords(x('settingsInvalid', { reason: 'Required' }), "X: the post's settings are not valid (Required)", fr('X : les réglages de la publication ne sont pas valides (Required)'));
    expect(englishOf('delivery', x('settingsInvalidUnknown'))).toBe("X: the post's settings are not valid (unknown reason)");
    expectWords(x('processingTimeoutGif', { minutes: 10 }), 'X was still processing the GIF after 10 minutes; publish the post again', fr('X traitait encore le GIF au bout de 10 minutes ; relancez la publication'));
    expect(englishOf('delivery', x('processingTimeoutVideo', { minutes: 10 }))).toBe('X was still processing the video after 10 minutes; publish the post again');
    expectWords(x('processingFailedBecause', { reason: 'Unsupported codec' }), 'X could not process the file (Unsupported codec); check it and publish the post again', fr('X n’a pas pu traiter le fichier (Unsupported codec) ; vérifiez-le et relancez la publication'));
    expect(englishOf('delivery', x('processingFailed'))).toBe('X could not process the file; check it and publish the post again');
    expectWords(x('mediaChanged'), 'The post’s files changed while it was being published; publish it again', fr('Les fichiers de la publication ont changé pendant sa publication ; publiez-la de nouveau'));
    expectWords(x('threadChanged'), 'The thread changed while it was being published; publish it again', fr('Le fil a changé pendant sa publication ; publiez-le de nouveau'));
  });
  it('YouTube: its publisher’s refusals, rejections and processing failures', () => {
    expectWords(youtube('settingsInvalid', { reason: 'unknown' }), "YouTube: the post's settings are not valid (unknown)", fr('YouTube : les réglages de la publication ne sont pas valides (unknown)'));
    expectWords(youtube('noVideo'), 'YouTube: a post needs a video', fr('YouTube : une publication a besoin d’une vidéo'));
    expect(englishOf('delivery', youtube('noUploadAddress'))).toBe('YouTube accepted the upload but sent no upload address');
    expect(englishOf('delivery', youtube('noVideoId', { step: 'upload' }))).toBe('YouTube finished the upload (upload) but sent no video id');
    expectWords(
      youtube('sessionGone'),
      'YouTube no longer knows this upload (its upload session expired or was cancelled) and nothing was published; publish the post again',
      fr('YouTube ne connaît plus cette mise en ligne (sa session a expiré ou a été annulée) et rien n’a été publié ; relancez la publication'),
    );
    expect(englishOf('delivery', youtube('fileChanged'))).toBe('YouTube: the video file changed since its upload started; publish the post again');
    expect(englishOf('delivery', youtube('videoGone'))).toBe('YouTube no longer knows the uploaded video (it was deleted before it was processed)');
    const rejections: Record<string, string> = {
      duplicate: 'it is a duplicate of a video already on this channel',
      length: 'it is longer than this channel may upload (15 minutes until the channel is verified)',
      copyright: 'of a copyright claim',
      inappropriate: 'it breaks YouTube’s community guidelines',
      legal: 'of a legal complaint',
      size: 'the file is too large',
      termsOfUse: 'it breaks YouTube’s terms of use',
      trademark: 'of a trademark claim',
      uploaderAccountClosed: 'the channel’s account is closed',
      uploaderAccountSuspended: 'the channel’s account is suspended',
      claim: 'of a content claim',
    };
    for (const [reason, because] of Object.entries(rejections)) expect(englishOf('delivery', youtube(`rejected.${reason}`))).toBe(`YouTube rejected the video because ${because}`);
    expectWords(youtube('rejected.copyright'), 'YouTube rejected the video because of a copyright claim', 'YouTube a refusé la vidéo à la suite d’une réclamation pour atteinte aux droits d’auteur');
    expectWords(youtube('rejectedOther', { reason: 'newReason' }), 'YouTube rejected the video because of "newReason"', fr('YouTube a refusé la vidéo pour le motif « newReason »'));
    expectWords(youtube('failed', { reason: youtube('failure.codec') }), 'YouTube could not process the video: YouTube does not support the video’s codec', fr('YouTube n’a pas pu traiter la vidéo : YouTube ne prend pas en charge le codec de la vidéo'));
    expect(englishOf('delivery', youtube('failed', { reason: 'mystery' }))).toBe('YouTube could not process the video: mystery');
    expect(englishOf('delivery', youtube('failed', { reason: youtube('failure.uploadAborted') }))).toBe('YouTube could not process the video: the upload was aborted');
    expectWords(youtube('deleted'), 'The video was deleted on YouTube before it was processed', 'La vidéo a été supprimée sur YouTube avant d’être traitée');
    expectWords(youtube('madeForKidsMissing'), 'YouTube: choose whether this video is made for kids', fr('YouTube : indiquez si cette vidéo est conçue pour les enfants'));
    expectWords(youtube('titleMissing'), 'YouTube: give the video a title', fr('YouTube : donnez un titre à la vidéo'));
  });
  it('Reddit: its publisher’s own refusals', () => {
    expectWords(reddit('settingsInvalid', { reason: 'Required' }), 'Reddit settings are not valid: Required', fr('Les réglages Reddit ne sont pas valides : Required'));
    expect(englishOf('delivery', reddit('settingsInvalidUnknown'))).toBe('Reddit settings are not valid: unknown problem');
    expectWords(reddit('subredditMissing'), 'Reddit: the post names no subreddit', fr('Reddit : la publication n’indique aucun subreddit'));
    expectWords(reddit('titleMissing'), 'Reddit: the post has no title', fr('Reddit : la publication n’a pas de titre'));
    expect(englishOf('delivery', reddit('mediaMixed'))).toBe('Reddit: a post is one image, a gallery of images, or one video with one poster image, not a mix');
    expect(englishOf('delivery', reddit('linkMissing'))).toBe('Reddit: a link post’s text must be one web address');
    for (const kind of ['image', 'video', 'document'] as const) {
      expect(englishOf('delivery', reddit(`uploadRefused.${kind}`, { status: 403 }))).toBe(`Reddit's upload storage refused the ${kind} (HTTP 403); publish the post again`);
      expect(englishOf('delivery', reddit(`uploadRefusedBecause.${kind}`, { status: 403, reason: 'Denied' }))).toBe(`Reddit's upload storage refused the ${kind} (HTTP 403: Denied); publish the post again`);
    }
    expectWords(reddit('uploadRefusedBecause.video', { status: 403, reason: 'Denied' }), "Reddit's upload storage refused the video (HTTP 403: Denied); publish the post again", fr('Le stockage de Reddit a refusé la vidéo (HTTP 403 : Denied) ; relancez la publication'));
    expectWords(reddit('usernameMissing'), 'Herald does not know this account’s Reddit username; refresh the channel', fr('Herald ne connaît pas le nom d’utilisateur Reddit de ce compte ; actualisez le canal'));
    expectWords(
      reddit('notListed', { minutes: 10, subreddit: 'pics' }),
      "Reddit accepted the post but did not list it after 10 minutes (it may have been removed by r/pics's filters); check the account on Reddit",
      fr('Reddit a accepté la publication mais ne l’affichait toujours pas au bout de 10 minutes (les filtres de r/pics l’ont peut-être retirée) ; vérifiez le compte sur Reddit'),
    );
  });
});
