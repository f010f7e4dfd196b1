// Threads in the web app: who may reply, a topic, a link preview, and the post (or chain) as the
// Threads app shows it.
import { siThreads } from 'simple-icons';
import type { NetworkWeb } from '../../web-types.ts';
import { ThreadsOptions } from './options-panel.tsx';
import { ThreadsPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siThreads.title, hex: siThreads.hex, path: siThreads.path },
  textNoun: 'text',
  OptionsPanel: ThreadsOptions,
  Preview: ThreadsPreview,
};
