// Reddit in the web app: the subreddit (the person's own first, then search), its flairs and post
// requirements, title, kind and markers, and the post card as it shows in the subreddit.
import { siReddit } from 'simple-icons';
import { preflightKey, readPreflight } from '../../../web/modules/posts/use-network-action.ts';
import type { NetworkWeb } from '../../web-types.ts';
import { RedditOptions } from './options-panel.tsx';
import { RedditPreview } from './preview.tsx';
import type { RedditPreflight } from './subreddits.ts';

export const web: NetworkWeb = {
  mark: { title: siReddit.title, hex: siReddit.hex, path: siReddit.path },
  textNoun: 'body',
  OptionsPanel: RedditOptions,
  Preview: RedditPreview,
  preflight: {
    query: ({ channel }) => ({
      queryKey: preflightKey(channel),
      queryFn: () => readPreflight<RedditPreflight>(channel),
      enabled: channel.scopesGranted.includes('mysubreddits'),
    }),
    // The subreddits are not limits: a chosen subreddit's rules are kept by its own action.
    limits: (stored) => stored,
    waiting: () => null,
  },
};
