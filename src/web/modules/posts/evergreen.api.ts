import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { herald, heraldCall } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';
import { postsKey } from './posts.api.ts';

type Path = '/api/v1/workspaces/{workspaceId}/posts/{postId}/evergreen';
export type Evergreen = NonNullable<ApiAnswer<Path, 'get'>['evergreen']>;
export type EvergreenInput = ApiBody<Path, 'put'>;

const evergreenKey = (workspaceId: string, postId: string) => [...postsKey(workspaceId), postId, 'evergreen'] as const;

export const useEvergreen = (workspaceId: string, postId: string) =>
  useQuery({
    queryKey: evergreenKey(workspaceId, postId),
    queryFn: () => heraldCall(herald.GET('/api/v1/workspaces/{workspaceId}/posts/{postId}/evergreen', { params: { path: { workspaceId, postId } } })),
  });

function useEvergreenMutation<TInput>(workspaceId: string, postId: string, call: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: evergreenKey(workspaceId, postId) }) });
}

export const useSaveEvergreen = (workspaceId: string, postId: string) =>
  useEvergreenMutation(workspaceId, postId, (body: EvergreenInput) =>
    heraldCall(herald.PUT('/api/v1/workspaces/{workspaceId}/posts/{postId}/evergreen', { params: { path: { workspaceId, postId } }, body })),
  );

export const useStopEvergreen = (workspaceId: string, postId: string) =>
  useEvergreenMutation(workspaceId, postId, () => heraldCall(herald.DELETE('/api/v1/workspaces/{workspaceId}/posts/{postId}/evergreen', { params: { path: { workspaceId, postId } } })));
