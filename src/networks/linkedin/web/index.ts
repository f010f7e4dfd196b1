// LinkedIn in the web app: who sees the post, a document's title, a link card, the mention syntax,
// and the post as the LinkedIn feed shows it. simple-icons no longer carries LinkedIn's mark
// (removed at LinkedIn's request), so the neutral mark is shown.
import type { NetworkWeb } from '../../web-types.ts';
import { LinkedInOptions } from './options-panel.tsx';
import { LinkedInPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: null,
  textNoun: 'text',
  OptionsPanel: LinkedInOptions,
  Preview: LinkedInPreview,
};
