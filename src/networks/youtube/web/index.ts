// YouTube in the web app: the upload's details (title, made for kids with no preselection,
// privacy, category, tags, disclosure, playlist chosen from the channel's own, Shorts), what the
// project's daily quota has left, and previews of the watch page and of a Short.
import { siYoutube } from 'simple-icons';
import { preflightKey, readPreflight } from '../../../web/modules/posts/use-network-action.ts';
import type { NetworkWeb } from '../../web-types.ts';
import { YouTubePanel, type YouTubePreflight } from './options-panel.tsx';
import { YouTubePreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siYoutube.title, hex: siYoutube.hex, path: siYoutube.path },
  textNoun: 'description',
  OptionsPanel: YouTubePanel,
  Preview: YouTubePreview,
  preflight: {
    query: ({ channel }) => ({
      queryKey: preflightKey(channel),
      queryFn: () => readPreflight<YouTubePreflight>(channel),
      enabled: !channel.missingFeatures.includes('publish'),
    }),
    // Playlists and the quota are not limits: YouTube itself refuses an unknown playlist.
    limits: (stored) => stored,
    waiting: () => null,
  },
};
