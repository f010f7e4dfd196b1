import { describe, expect, it } from 'vitest';
import { sayMessage } from '../../../server/modules/notifications/notification-message.ts';
import { subredditIssues, type RedditPostShape } from '../requirements.ts';
import { askHeraldRules } from '../subreddit-rules.fixture.ts';
import { subredditRefusal } from './reddit.publisher.ts';
import { NB, expectWorded } from '../../expect-worded.ts';

// A post the subreddit would refuse fails, just before it is submitted, with the issues the
// composer showed: its English is what it always was (the issues' messages, one after the other),
// and a French reader of the delivery's error is told every issue in French.

const textPost: RedditPostShape = { kind: 'self', title: 'Hi', body: '', link: null, flairId: null, galleryItems: 0 };

describe('Reddit: the subreddit’s refusal in the reader’s language', () => {
  it('one issue is said in its own words', () => {
    const error = subredditRefusal(subredditIssues(askHeraldRules({ is_flair_required: true }), textPost));
    expect(error).toMatchObject({ kind: 'invalid', network: 'reddit', code: 'subreddit_requirements' });
    expectWorded(
      error,
      'Reddit: r/AskHerald requires a flair on every post; choose one of "Question" (post_requirements.is_flair_required).',
      `Reddit${NB}: r/AskHerald exige un flair sur chaque publication${NB}; choisissez-en un parmi "Question" (post_requirements.is_flair_required).`,
    );
  });

  it('several issues, each with the subreddit’s guidelines, are said one sentence after the other', () => {
    const rules = askHeraldRules({ is_flair_required: true, title_text_min_length: 10, guidelines_text: 'Be kind.' }, { submissionType: 'link' });
    expectWorded(
      subredditRefusal(subredditIssues(rules, textPost)),
      'Reddit: r/AskHerald does not allow text posts, only links and media (about.submission_type = link). r/AskHerald says: “Be kind.” ' +
        'Reddit: r/AskHerald requires a flair on every post; choose one of "Question" (post_requirements.is_flair_required). r/AskHerald says: “Be kind.” ' +
        'Reddit: r/AskHerald wants titles of at least 10 characters (post_requirements.title_text_min_length). r/AskHerald says: “Be kind.”',
      `Reddit${NB}: r/AskHerald n’accepte pas les publications texte, seulement les liens et les médias (about.submission_type = link). r/AskHerald indique${NB}: «${NB}Be kind.${NB}» ` +
        `Reddit${NB}: r/AskHerald exige un flair sur chaque publication${NB}; choisissez-en un parmi "Question" (post_requirements.is_flair_required). r/AskHerald indique${NB}: «${NB}Be kind.${NB}» ` +
        `Reddit${NB}: r/AskHerald demande des titres d’au moins 10 caractères (post_requirements.title_text_min_length). r/AskHerald indique${NB}: «${NB}Be kind.${NB}»`,
    );
  });

  it('a moderator’s text that looks like a translation’s nesting stays as written in the English', () => {
    const rules = askHeraldRules({ title_text_min_length: 10, guidelines_text: 'Use $t(flair) and {{tags}}.' });
    const error = subredditRefusal(subredditIssues(rules, textPost));
    expect(error.message).toBe('Reddit: r/AskHerald wants titles of at least 10 characters (post_requirements.title_text_min_length). r/AskHerald says: “Use $t(flair) and {{tags}}.”');
    expect(sayMessage('delivery', error.words!, 'fr')).toBe(
      `Reddit${NB}: r/AskHerald demande des titres d’au moins 10 caractères (post_requirements.title_text_min_length). r/AskHerald indique${NB}: «${NB}Use $\u2060t(flair) and {{tags}}.${NB}»`,
    );
  });
});
