// X in the web app: who can reply, a quoted post and a poll, and the post (and its thread) as X's
// timeline shows it. The composer's counter is the descriptor's, X's own weighted count.
import { siX } from 'simple-icons';
import type { NetworkWeb } from '../../web-types.ts';
import { XOptions } from './options-panel.tsx';
import { XPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siX.title, hex: siX.hex, path: siX.path },
  textNoun: 'post',
  OptionsPanel: XOptions,
  Preview: XPreview,
};
