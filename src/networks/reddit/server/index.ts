import { AppError } from '../../../server/modules/shared/errors.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import { missingScopeMessage } from '../../../server/modules/channel-tokens/index.ts';
import type { NetworkServer } from '../../types.ts';
import { hasSubredditRules, keepSubredditRules, type SubredditRules } from '../requirements.ts';
import { endpointsOf } from './reddit-api.ts';
import { mySubreddits, readSubredditRules, searchInput, searchSubreddits, subredditInput } from './reddit.subreddits.ts';
import { createRedditProvider } from './reddit.provider.ts';
import { createRedditPublisher } from './reddit.publisher.ts';

/** Without the scope a read needs, Reddit is not asked: the person is told which permission to allow. */
function requireScope(scopesGranted: readonly string[], scope: string, what: string) {
  if (!scopesGranted.includes(scope)) throw new AppError('channel.scope_missing', 409, missingScopeMessage('reddit', scope, what), { scope, feature: 'publish' });
}

export const server: NetworkServer = {
  createProvider: (config) => createRedditProvider(endpointsOf(config)),
  createPublisher: (config) => createRedditPublisher({ endpoints: endpointsOf(config) }),
  /** The subreddits the person moderates, then the ones they joined, for the composer's subreddit picker. */
  async preflight({ config, scopesGranted, withToken }) {
    const subreddits = scopesGranted.includes('mysubreddits') ? await withToken((token) => mySubreddits(endpointsOf(config), token)) : [];
    return { limits: {}, answer: { subreddits } };
  },
  actions: {
    'search-subreddits': {
      summary: 'subreddits for the composer’s autocomplete { query? (≤ 50 characters) }: the person’s own that match first (moderated, then joined), then Reddit’s search; answers { subreddits: [{ name, title, subscribers, over18, icon, relation }] }',
      input: searchInput,
      permission: 'posts.edit',
      async run({ config, input, scopesGranted, withToken }) {
        requireScope(scopesGranted, 'read', 'searching subreddits');
        const { query } = searchInput.parse(input);
        return { subreddits: await withToken((token) => searchSubreddits(endpointsOf(config), token, query, scopesGranted)) };
      },
    },
    subreddit: {
      summary: "a subreddit's rules for posts { name }: what it allows (about), its post requirements and its link flairs; answers { subreddit } and keeps them on the channel, so a post to it is checked against them when saved",
      input: subredditInput,
      permission: 'posts.edit',
      async run({ config, input, scopesGranted, withToken }) {
        requireScope(scopesGranted, 'read', "reading a subreddit's post requirements");
        const { name } = subredditInput.parse(input);
        try {
          return { subreddit: await withToken((token) => readSubredditRules(endpointsOf(config), token, name)) };
        } catch (error) {
          // A name that is no subreddit is the person's input to fix, named as such.
          if (error instanceof ProviderError && error.code === 'subreddit_noexist') throw new AppError('validation_failed', 400, `body.name: ${error.message}`, { issues: [{ field: 'body.name', message: error.message }] });
          throw error;
        }
      },
      keep: (answer, stored) => keepSubredditRules(stored, answer.subreddit as SubredditRules),
      // A post to a subreddit whose rules this channel never read (saved through the API, not
      // picked in the composer) reads them first, so the save refuses what Reddit would.
      beforeSave: (settings, stored) => (typeof settings.subreddit === 'string' && settings.subreddit && !hasSubredditRules(stored, settings.subreddit) ? { input: { name: settings.subreddit }, field: 'subreddit' } : null),
    },
  },
};
