import { AppError } from '../../../server/modules/shared/errors.ts';
import { missingScopeMessage } from '../../../server/modules/channel-tokens/index.ts';
import type { NetworkServer } from '../../types.ts';
import { endpointsOf } from './pinterest-api.ts';
import { createBoard, createBoardInput, listBoards } from './pinterest.boards.ts';
import { createPinterestProvider } from './pinterest.provider.ts';
import { createPinterestPublisher } from './pinterest.publisher.ts';

/** Boards are read and made with boards:read / boards:write: without them Pinterest is not asked. */
function requireScope(scopesGranted: readonly string[], scope: string, what: string) {
  if (!scopesGranted.includes(scope)) throw new AppError('channel.scope_missing', 409, missingScopeMessage('pinterest', scope, what), { scope, feature: 'publish' });
}

export const server: NetworkServer = {
  createProvider: (config) => createPinterestProvider({ ...endpointsOf(config), clientId: config.pinterestClientId!, clientSecret: config.pinterestClientSecret! }),
  createPublisher: (config) => createPinterestPublisher({ apiUrl: endpointsOf(config).apiUrl }),
  /** The boards (with their sections) a pin can be saved to, for the composer's board picker. */
  async preflight({ config, scopesGranted, withToken }) {
    requireScope(scopesGranted, 'boards:read', 'choosing a board');
    const boards = await withToken((token) => listBoards(endpointsOf(config).apiUrl, token));
    return { limits: {}, answer: { boards } };
  },
  actions: {
    'create-board': {
      summary: 'creates a board { name (≤ 180 characters), description?, privacy?: PUBLIC | PROTECTED | SECRET } and answers { board: { id, name, privacy, description, sections } }',
      input: createBoardInput,
      permission: 'posts.edit',
      async run({ config, input, scopesGranted, withToken }) {
        requireScope(scopesGranted, 'boards:write', 'creating a board');
        const board = await withToken((token) => createBoard(endpointsOf(config).apiUrl, token, createBoardInput.parse(input)));
        return { board };
      },
    },
  },
};
