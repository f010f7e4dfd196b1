import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

export type Board = ApiAnswer<'/api/v1/workspaces/{workspaceId}/ideas', 'get'>;
export type IdeaColumn = Board['columns'][number];
export type Idea = ApiAnswer<'/api/v1/workspaces/{workspaceId}/ideas/{ideaId}', 'get'>;
export type IdeaInput = ApiBody<'/api/v1/workspaces/{workspaceId}/ideas', 'post'>;
export type IdeaMediaRef = Idea['media'][number];

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/ideas`;
export const ideasKey = (workspaceId: string) => ['workspaces', workspaceId, 'ideas'] as const;

export const useBoard = (workspaceId: string) => useQuery({ queryKey: ideasKey(workspaceId), queryFn: () => api.get<Board>(base(workspaceId)) });

export const useIdea = (workspaceId: string, ideaId: string | null) =>
  useQuery({ queryKey: [...ideasKey(workspaceId), 'idea', ideaId], queryFn: () => api.get<Idea>(`${base(workspaceId)}/${ideaId}`), enabled: !!ideaId });

/** Every change refreshes the board afterwards, whatever it answered. */
function useBoardMutation<TInput, TAnswer>(workspaceId: string, call: (input: TInput) => Promise<TAnswer>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: ideasKey(workspaceId) }) });
}

export const useCreateIdea = (workspaceId: string) => useBoardMutation(workspaceId, (input: IdeaInput) => api.post<Idea>(base(workspaceId), input));
export const useUpdateIdea = (workspaceId: string) =>
  useBoardMutation(workspaceId, ({ ideaId, ...input }: Partial<IdeaInput> & { ideaId: string }) => api.patch<Idea>(`${base(workspaceId)}/${ideaId}`, input));
export const useDeleteIdea = (workspaceId: string) => useBoardMutation(workspaceId, (ideaId: string) => api.delete<null>(`${base(workspaceId)}/${ideaId}`));
export const useLinkIdea = (workspaceId: string) => useBoardMutation(workspaceId, ({ ideaId, postId }: { ideaId: string; postId: string }) => api.post<Idea>(`${base(workspaceId)}/${ideaId}/link`, { postId }));

export const useCreateColumn = (workspaceId: string) => useBoardMutation(workspaceId, (name: string) => api.post<IdeaColumn>(`${base(workspaceId)}/columns`, { name }));
export const useUpdateColumn = (workspaceId: string) =>
  useBoardMutation(workspaceId, ({ columnId, ...input }: { columnId: string; name?: string; position?: number }) => api.patch<Board>(`${base(workspaceId)}/columns/${columnId}`, input));
export const useDeleteColumn = (workspaceId: string) =>
  useBoardMutation(workspaceId, ({ columnId, moveTo }: { columnId: string; moveTo?: string }) => api.delete<null>(`${base(workspaceId)}/columns/${columnId}${moveTo ? `?moveTo=${encodeURIComponent(moveTo)}` : ''}`));

export type Move = { ideaId: string; columnId: string; position: number };

/** The board with one card moved, as the server will number it: what the page shows before it answers. */
export function boardAfterMove(board: Board, move: Move): Board {
  const card = board.columns.flatMap((c) => c.ideas).find((i) => i.id === move.ideaId);
  if (!card) return board;
  const columns = board.columns.map((c) => ({ ...c, ideas: c.ideas.filter((i) => i.id !== move.ideaId) }));
  const target = columns.find((c) => c.id === move.columnId);
  if (!target) return board;
  const at = Math.max(0, Math.min(move.position, target.ideas.length));
  target.ideas.splice(at, 0, { ...card, columnId: move.columnId });
  return { columns: columns.map((c) => ({ ...c, ideas: c.ideas.map((i, position) => ({ ...i, position })) })) };
}

/** Moves a card; the board changes at once and goes back if the server refuses. */
export function useMoveIdea(workspaceId: string) {
  const client = useQueryClient();
  const key = ideasKey(workspaceId);
  return useMutation({
    mutationFn: ({ ideaId, columnId, position }: Move) => api.post<Idea>(`${base(workspaceId)}/${ideaId}/move`, { columnId, position }),
    onMutate: async (move) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<Board>(key);
      if (before) client.setQueryData(key, boardAfterMove(before, move));
      return { before };
    },
    onError: (_error, _move, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
