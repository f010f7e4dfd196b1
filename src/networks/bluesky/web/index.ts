// Bluesky in the web app: the post's language, and a post (or thread) as the app shows it.
import { siBluesky } from 'simple-icons';
import type { NetworkWeb } from '../../web-types.ts';
import { BlueskyConnectForm } from './connect-form.tsx';
import { BlueskyOptions } from './options-panel.tsx';
import { BlueskyPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siBluesky.title, hex: siBluesky.hex, path: siBluesky.path },
  textNoun: 'text',
  OptionsPanel: BlueskyOptions,
  Preview: BlueskyPreview,
  ConnectForm: BlueskyConnectForm,
};
