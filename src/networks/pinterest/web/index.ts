// Pinterest in the web app: the board picker (its boards read before a pin is written, and a new
// board made on the spot), title, link and cover, and the pin card as Pinterest shows it.
import { siPinterest } from 'simple-icons';
import { preflightKey, readPreflight } from '../../../web/modules/posts/use-network-action.ts';
import type { NetworkWeb } from '../../web-types.ts';
import type { PinterestBoards } from './boards.ts';
import { PinterestOptions } from './options-panel.tsx';
import { PinterestPreview } from './preview.tsx';

export const web: NetworkWeb = {
  mark: { title: siPinterest.title, hex: siPinterest.hex, path: siPinterest.path },
  textNoun: 'description',
  OptionsPanel: PinterestOptions,
  Preview: PinterestPreview,
  preflight: {
    query: ({ channel }) => ({
      queryKey: preflightKey(channel),
      queryFn: () => readPreflight<PinterestBoards>(channel),
      // Boards are listed with boards:read, which publishing needs anyway.
      enabled: !channel.missingFeatures.includes('publish'),
    }),
    // The boards are not limits: the server learns a wrong board from Pinterest itself.
    limits: (stored) => stored,
    waiting: () => null,
  },
};
