// YouTube in the web app: the upload's details (title, made for kids with no preselection,
// privacy, category, tags, disclosure, playlist, Shorts), and previews of the watch page and of
// a Short. (The composer's pre-flight answer is TikTok's creator info, so playlists are an id field.)
import { siYoutube } from 'simple-icons';
import type { NetworkWeb } from '../../web-types.ts';
import { YouTubePanel } from './options-panel.tsx';
import { YouTubePreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siYoutube.title, hex: siYoutube.hex, path: siYoutube.path },
  textNoun: 'description',
  OptionsPanel: YouTubePanel,
  Preview: YouTubePreview,
};
