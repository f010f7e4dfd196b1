import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../index.ts';
import { reddit, redditSettings } from './descriptor.ts';
import { subredditIssues } from './requirements.ts';
import { askHeraldRules } from './subreddit-rules.fixture.ts';
import { delayOf, jsonErrorsOf, submissionError, userAgentOf } from './server/reddit-api.ts';

const rules = askHeraldRules;
const self = (title: string, body = '', flairId: string | null = null) => ({ kind: 'self' as const, title, body, link: null, flairId, galleryItems: 0 });

describe('Reddit descriptor', () => {
  it('starts posts as text posts that send replies, and takes r/ in a subreddit name', () => {
    expect(defaultSettings('reddit')).toEqual({ kind: 'text', nsfw: false, spoiler: false, sendReplies: true });
    expect(redditSettings.parse({ subreddit: 'r/AskHerald' }).subreddit).toBe('AskHerald');
    expect(redditSettings.safeParse({ subreddit: 'no spaces allowed' }).success).toBe(false);
    expect(redditSettings.safeParse({ title: 't'.repeat(301) }).success).toBe(false);
  });

  it('takes only a User-Agent of Reddit’s form, and builds one from the operator’s username', () => {
    const schema = reddit.settings.redditUserAgent.schema;
    expect(schema.safeParse('web:acme-herald:1.4.0 (by /u/acme_ops)').success).toBe(true);
    expect(schema.safeParse('Mozilla/5.0').success).toBe(false);
    expect(schema.safeParse('web:acme:1.0 (by acme_ops)').success).toBe(false);
    expect(reddit.settings.redditDeveloper.schema.safeParse('u/acme').success).toBe(false);
    expect(userAgentOf({ redditDeveloper: 'acme_ops', redditUserAgent: undefined })).toMatch(/^web:herald:[\w.+-]+ \(by \/u\/acme_ops\)$/);
    expect(userAgentOf({ redditDeveloper: 'acme_ops', redditUserAgent: 'web:x:2 (by /u/other)' })).toBe('web:x:2 (by /u/other)');
    expect(reddit.enabled({ redditClientId: 'id', redditClientSecret: 's', redditDeveloper: undefined, redditUserAgent: undefined, redditApiUrl: '', redditAuthUrl: '' })).toBe(false);
  });

  it('reads the wait out of RATELIMIT and keeps other json.errors final', () => {
    expect(delayOf('you are doing that too much. try again in 3 minutes.')).toBe(180_000);
    expect(delayOf('you are doing that too much. try again in 45 seconds.')).toBe(45_000);
    expect(delayOf('try again in 1 minute.')).toBe(60_000);
    const errors = jsonErrorsOf({ json: { errors: [['RATELIMIT', 'you are doing that too much. try again in 9 minutes.', 'ratelimit']] } });
    expect(submissionError(errors)).toMatchObject({ kind: 'transient', retryAfterMs: 540_000, code: 'ratelimit' });
    const noExist = submissionError(jsonErrorsOf({ json: { errors: [['SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr']] } }));
    expect(noExist).toMatchObject({ kind: 'invalid', code: 'subreddit_noexist' });
    expect(noExist.message).toContain('that subreddit does not exist');
    expect(submissionError(jsonErrorsOf({ json: { errors: [['SUBREDDIT_RATELIMIT', 'you are doing that too much. try again later.', 'ratelimit']] } }))).toMatchObject({ kind: 'transient', retryAfterMs: 3_600_000 });
  });

  it('checks a post against the subreddit’s requirements, naming each field', () => {
    const flair = rules({ is_flair_required: true, guidelines_text: 'Flair your post.' });
    const missing = subredditIssues(flair, self('A fine title'));
    expect(missing).toEqual([
      {
        field: 'settings.flairId',
        message: expect.stringContaining('r/AskHerald requires a flair on every post; choose one of "Question" (post_requirements.is_flair_required). r/AskHerald says: “Flair your post.”'),
        key: 'network-reddit:rules.subreddit',
        values: expect.objectContaining({ reason: 'flairRequiredChoose', sr: 'r/AskHerald', names: '"Question"', context: 'guidelines', guidelines: 'Flair your post.' }),
      },
    ]);
    expect(subredditIssues(flair, self('A fine title', '', 'f1'))).toEqual([]);
    expect(subredditIssues(flair, self('A fine title', '', 'other'))[0]!.message).toContain('link_flair_v2');
    const titles = rules({ title_text_min_length: 10, title_text_max_length: 20, title_required_strings: ['[Q]'], title_blacklisted_strings: ['urgent'] });
    expect(subredditIssues(titles, self('URGENT now')).map((i) => i.message.match(/\((post_requirements\.\w+)\)/)![1])).toEqual([
      'post_requirements.title_required_strings',
      'post_requirements.title_blacklisted_strings',
    ]);
    expect(subredditIssues(titles, self('short')).map((i) => i.field)).toEqual(['settings.title', 'settings.title']);
    expect(subredditIssues(rules({ body_restriction_policy: 'required' }), self('Title here')).map((i) => i.field)).toEqual(['text']);
    expect(subredditIssues(rules({ body_restriction_policy: 'notAllowed' }), self('Title here', 'body'))[0]!.message).toContain('does not allow text in the body');
    expect(subredditIssues(rules({}, { submissionType: 'link' }), self('Title here'))[0]!.message).toContain('about.submission_type = link');
    const links = rules({ link_restriction_policy: 'whitelist', domain_whitelist: ['example.com'] });
    expect(subredditIssues(links, { kind: 'link', title: 'A link', body: '', link: 'https://blog.example.com/x', flairId: null, galleryItems: 0 })).toEqual([]);
    expect(subredditIssues(links, { kind: 'link', title: 'A link', body: '', link: 'https://other.test/x', flairId: null, galleryItems: 0 })[0]!.message).toContain('domain_whitelist');
    expect(subredditIssues(rules({ gallery_min_items: 3 }), { kind: 'gallery', title: 'Pics', body: '', link: null, flairId: null, galleryItems: 2 })[0]!.message).toContain('gallery_min_items');
  });
});
