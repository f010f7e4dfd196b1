// The boards a pin can be saved to (shared/providers.md §10): GET /v5/boards and each board's
// sections, read for the composer; POST /v5/boards when a person makes a new board there.
import { z } from 'zod';
import { PINTEREST_BOARD_NAME_MAX, pinterestBoardPrivacies } from '../descriptor.ts';
import { apiUrlOf, badAnswer, idOf, needs, pinterestCall, pinterestWords } from './pinterest-api.ts';

export type BoardSection = { id: string; name: string };
export type Board = { id: string; name: string; privacy: string; description: string | null; sections: BoardSection[] };

type Page<T> = { items?: T[]; bookmark?: string | null };
type BoardItem = { id?: unknown; name?: unknown; privacy?: unknown; description?: unknown };

/** Pages a bookmark-paginated list, up to `maxPages` pages of 250. */
async function listAll<T>(apiUrl: string, path: string, accessToken: string, need: typeof needs.boards, maxPages = 4): Promise<T[]> {
  const items: T[] = [];
  let bookmark: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await pinterestCall<Page<T>>(apiUrlOf(apiUrl, path, { page_size: '250', bookmark }), accessToken, { need });
    items.push(...(answer.items ?? []));
    if (!answer.bookmark) break;
    bookmark = answer.bookmark;
  }
  return items;
}

const boardOf = (item: BoardItem, sections: BoardSection[]): Board | null => {
  const id = idOf(item.id);
  if (!id) return null;
  return {
    id,
    name: typeof item.name === 'string' ? item.name : id,
    privacy: typeof item.privacy === 'string' ? item.privacy : 'PUBLIC',
    description: typeof item.description === 'string' && item.description ? item.description : null,
    sections,
  };
};

/** Boards whose sections are read for the composer: an account with more shows the rest without sections. */
const SECTION_READS = 100;
/** Section reads in flight at once (org_read allows 1,000 calls a minute). */
const PARALLEL = 5;

/** The account's boards, each with its sections, in Pinterest's order. */
export async function listBoards(apiUrl: string, accessToken: string): Promise<Board[]> {
  const items = (await listAll<BoardItem>(apiUrl, '/boards', accessToken, needs.boards)).filter((item) => idOf(item.id));
  const sections: BoardSection[][] = items.map(() => []);
  const sectionsOf = async (index: number) => {
    const listed = await listAll<{ id?: unknown; name?: unknown }>(apiUrl, `/boards/${idOf(items[index]!.id)}/sections`, accessToken, needs.boards, 2);
    sections[index] = listed.flatMap((s) => {
      const sectionId = idOf(s.id);
      return sectionId ? [{ id: sectionId, name: typeof s.name === 'string' ? s.name : sectionId }] : [];
    });
  };
  const toRead = Math.min(items.length, SECTION_READS);
  for (let start = 0; start < toRead; start += PARALLEL) {
    await Promise.all(Array.from({ length: Math.min(PARALLEL, toRead - start) }, (_, i) => sectionsOf(start + i)));
  }
  return items.flatMap((item, index) => boardOf(item, sections[index]!) ?? []);
}

export const createBoardInput = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(PINTEREST_BOARD_NAME_MAX, `must be at most ${PINTEREST_BOARD_NAME_MAX} characters`),
    description: z.string().trim().max(500, 'must be at most 500 characters').optional(),
    privacy: z.enum(pinterestBoardPrivacies).default('PUBLIC'),
  })
  .strict();

/** Creates a board for the account; answers it (with no sections yet). */
export async function createBoard(apiUrl: string, accessToken: string, input: z.output<typeof createBoardInput>): Promise<Board> {
  const created = await pinterestCall<BoardItem>(apiUrlOf(apiUrl, '/boards'), accessToken, {
    method: 'POST',
    json: { name: input.name, privacy: input.privacy, ...(input.description ? { description: input.description } : {}) },
    need: needs.createBoard,
  });
  const board = boardOf(created, []);
  if (!board) throw badAnswer(pinterestWords('answer.newBoardId'));
  return board;
}
