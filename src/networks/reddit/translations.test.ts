import { describe, expect, it } from 'vitest';
import { translator } from '../../server/i18n/i18n.ts';
import { checkVariant } from '../../shared/publishing-rules.ts';
import type { RuleIssue } from '../rules.ts';
import { keepSubredditRules, type SubredditRules } from './requirements.ts';
import { askHeraldRules } from './subreddit-rules.fixture.ts';

// Reddit's refusals in French, through their keys, as the composer (ruleMessage) and the server
// (translator) read them: the same i18next and the same files. English stays each rule's message.
const inFrench = (issue: RuleIssue) => translator('fr', 'network-reddit')(issue.key!, { ...issue.values, defaultValue: issue.message });

const askHerald = (guidelines: string | null) => askHeraldRules({ is_flair_required: true, guidelines_text: guidelines });

function issuesFor(rules: SubredditRules) {
  const variant = { parts: [{ text: 'How do you plan a week?', media: [] }], settings: { subreddit: 'AskHerald' } };
  return checkVariant('reddit', variant, new Map(), keepSubredditRules({}, rules), { forPublishing: true });
}

describe('Reddit’s rules in French', () => {
  it('says a rule of its own in French, and keeps the English as the message', () => {
    const title = issuesFor(askHerald(null)).find((i) => i.field === 'settings.title')!;
    expect(title.message).toBe('Reddit: every post needs a title');
    expect(inFrench(title)).toBe('Reddit\u00a0: chaque publication a besoin d’un titre');
  });

  it('says a subreddit’s requirement in French, with its guidelines quoted when it wrote some', () => {
    const plain = issuesFor(askHerald(null)).find((i) => i.field === 'settings.flairId')!;
    expect(inFrench(plain)).toBe('Reddit\u00a0: r/AskHerald exige un flair sur chaque publication\u00a0; choisissez-en un parmi "Question" (post_requirements.is_flair_required).');
    const quoted = issuesFor(askHerald('Flair your post (see the sidebar).')).find((i) => i.field === 'settings.flairId')!;
    expect(quoted.message).toContain('r/AskHerald says: “Flair your post (see the sidebar).”');
    expect(inFrench(quoted)).toBe(
      'Reddit\u00a0: r/AskHerald exige un flair sur chaque publication\u00a0; choisissez-en un parmi "Question" (post_requirements.is_flair_required). r/AskHerald indique\u00a0: «\u00a0Flair your post (see the sidebar).\u00a0»',
    );
  });

  it('keeps a moderator’s "$t(" as text, not as a translation to nest', () => {
    const odd = issuesFor(askHerald('Write $t(common:x) in the title')).find((i) => i.field === 'settings.flairId')!;
    expect(inFrench(odd)).toContain('exige un flair sur chaque publication');
    expect(inFrench(odd)).toContain('Write $\u2060t(common:x) in the title');
  });
});
