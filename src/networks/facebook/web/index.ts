// Facebook Pages in the web app: format (feed post or Reel), link preview and video title, and a
// Page post as the Facebook feed shows it.
import { siFacebook } from 'simple-icons';
import type { NetworkWeb } from '../../web-types.ts';
import { FacebookOptions } from './options-panel.tsx';
import { FacebookPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siFacebook.title, hex: siFacebook.hex, path: siFacebook.path },
  textNoun: 'text',
  OptionsPanel: FacebookOptions,
  Preview: FacebookPreview,
};
