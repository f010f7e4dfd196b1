// Mastodon in the web app: visibility and content warning, and a status as the web client shows it.
import { siMastodon } from 'simple-icons';
import type { NetworkWeb } from '../../web-types.ts';
import { MastodonOptions } from './options-panel.tsx';
import { MastodonPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siMastodon.title, hex: siMastodon.hex, path: siMastodon.path },
  textNoun: 'text',
  OptionsPanel: MastodonOptions,
  Preview: MastodonPreview,
};
