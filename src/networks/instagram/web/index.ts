// Instagram in the web app: the format panel (post or carousel, Reel, story) and a preview as the app shows it.
import { siInstagram } from 'simple-icons';
import type { NetworkWeb } from '../../web-types.ts';
import { InstagramOptions } from './options-panel.tsx';
import { InstagramPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siInstagram.title, hex: siInstagram.hex, path: siInstagram.path },
  textNoun: 'caption',
  OptionsPanel: InstagramOptions,
  Preview: InstagramPreview,
};
