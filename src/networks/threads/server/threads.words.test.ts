import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { PublishContext } from '../../../server/providers/publishing.ts';
import { badAnswer } from './threads-api.ts';
import { createThreadsPublisher, parseSettings, refusals } from './threads.publisher.ts';
import { NB, expectWorded } from '../../expect-worded.ts';

// Threads' own refusals and its missing answers are words whose English is the message the engine
// stores and API clients read: these pin that English to what it was before the words existed (byte
// for byte), check that the words say exactly the message, and that a French reader gets French
// with Threads' and zod's own text kept as written.

/** The ProviderError `run` throws. */
function thrown(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('nothing was thrown');
}

describe('Threads error words', () => {
  it('settings zod refuses, its text kept', () => {
    expectWorded(
      thrown(() => parseSettings({ settings: { linkAttachment: 'ftp://example.com/a' } })),
      'Threads settings are not valid: linkAttachment: must be a web address (http or https)',
      `Les réglages Threads ne sont pas valides${NB}: linkAttachment: must be a web address (http or https)`,
    );
  });

  it('the account’s publishing and reply limits', () => {
    expectWorded(
      refusals.publishingLimit(250, 24, 250),
      "Threads allows this account 250 posts in 24 hours and it has already published 250: Herald did not send this post, so it does not run into Threads' limit. Schedule it for later.",
      `Threads autorise ce compte à publier 250 publications en 24 heures, et il en a déjà publié 250${NB}: Herald n’a pas envoyé cette publication, pour ne pas dépasser la limite de Threads. Programmez-la plus tard.`,
    );
    expect(refusals.publishingLimit(250, 24, 250).code).toBe('publishing_limit');
    expectWorded(
      refusals.replyLimit(1000, 24, 999, 3),
      'Threads allows this account 1000 replies in 24 hours and it has already published 999; this chain needs 3 more. Herald did not send it: schedule it for later or shorten the chain.',
      `Threads autorise ce compte à publier 1000 réponses en 24 heures, et il en a déjà publié 999${NB}; ce fil en demande encore 3. Herald ne l’a pas envoyé${NB}: programmez-le plus tard ou raccourcissez le fil.`,
    );
    expect(refusals.replyLimit(1000, 24, 999, 3).code).toBe('reply_limit');
  });

  it('a container Threads could not prepare, known codes said and others kept', () => {
    const known: [string, string, string][] = [
      ['FAILED_DOWNLOADING_VIDEO', 'Threads could not download the video from Herald', 'Threads n’a pas pu télécharger la vidéo depuis Herald'],
      ['FAILED_PROCESSING_VIDEO', 'Threads could not process the video', 'Threads n’a pas pu traiter la vidéo'],
      ['FAILED_DOWNLOADING_IMAGE', 'Threads could not download the photo from Herald', 'Threads n’a pas pu télécharger la photo depuis Herald'],
      ['FAILED_PROCESSING_IMAGE', 'Threads could not process the photo', 'Threads n’a pas pu traiter la photo'],
      ['UNSUPPORTED_FORMAT', 'Threads does not take this file format', 'Threads n’accepte pas ce format de fichier'],
      ['MEDIA_DOWNLOAD_FAILED', 'Threads could not download the media from Herald', 'Threads n’a pas pu télécharger le média depuis Herald'],
    ];
    for (const [code, english, french] of known) {
      const error = refusals.container(code);
      expectWorded(error, `Threads did not publish: ${english}`, `Threads n’a rien publié${NB}: ${french}`);
      expect(error.code).toBe(`container_${code}`);
    }
    expectWorded(
      refusals.container('SOMETHING_NEW'),
      'Threads did not publish: Threads could not prepare the media (SOMETHING_NEW)',
      `Threads n’a rien publié${NB}: Threads n’a pas pu préparer le média (SOMETHING_NEW)`,
    );
    const unexplained = refusals.container(undefined);
    expectWorded(unexplained, 'Threads did not publish: Threads could not prepare the media (no reason given)', `Threads n’a rien publié${NB}: Threads n’a pas pu préparer le média (aucune raison donnée)`);
    expect(unexplained.code).toBe('container_error');
  });

  it('processing time-out, no public media address, carousel size, empty post', async () => {
    expectWorded(
      refusals.processingTimeout(60 * 60_000),
      'Threads was still preparing the media after 60 minutes; publish the post again',
      `Threads préparait encore le média au bout de 60 minutes${NB}; relancez la publication`,
    );
    expectWorded(
      refusals.noPublicUrl(),
      'Threads downloads photos and videos from a web address, and this Herald has none (its operator must set HERALD_MEDIA_PUBLIC_URL): post text only, or ask them',
      `Threads télécharge les photos et les vidéos depuis une adresse web, et ce Herald n’en a pas (son opérateur doit définir HERALD_MEDIA_PUBLIC_URL)${NB}: publiez uniquement du texte, ou demandez-lui`,
    );
    expect(refusals.noPublicUrl().code).toBe('no_public_url');
    expectWorded(refusals.carouselTooLong(), 'Threads: a carousel holds at most 20 photos and videos', `Threads${NB}: un carrousel contient au plus 20 photos et vidéos`);
    // Refused before any call: the address is never reached.
    const empty = await createThreadsPublisher({ apiUrl: 'http://127.0.0.1:9' })
      .publish({ parts: [] } as unknown as PublishContext)
      .catch((error: unknown) => error);
    expect(empty).toBeInstanceOf(ProviderError);
    expectWorded(empty as ProviderError, 'Threads: the post is empty', `Threads${NB}: la publication est vide`);
  });

  it('answers without what Herald needed', () => {
    const answers: [Parameters<typeof badAnswer>[0], string, string][] = [
      ['longLivedToken', 'the long-lived token', 'le jeton longue durée'],
      ['tokenAndUserId', 'the token and user id', 'le jeton et l’identifiant de l’utilisateur'],
      ['accountId', 'the account id', 'l’identifiant du compte'],
      ['containerId', 'the container id', 'l’identifiant du conteneur'],
      ['postId', 'the post id', 'l’identifiant de la publication'],
    ];
    for (const [what, english, french] of answers) {
      const error = badAnswer(what);
      expectWorded(error, `Threads sent an answer without ${english}`, `Threads a répondu sans ${french}`);
      expect(error.code).toBe('bad_answer');
    }
  });
});
