import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { herald, heraldCall } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

export type Feed = ApiAnswer<'/api/v1/workspaces/{workspaceId}/feeds', 'get'>['feeds'][number];
export type FeedDetail = ApiAnswer<'/api/v1/workspaces/{workspaceId}/feeds/{feedId}', 'get'>;
export type FeedInput = ApiBody<'/api/v1/workspaces/{workspaceId}/feeds', 'post'>;
export type FeedChange = ApiBody<'/api/v1/workspaces/{workspaceId}/feeds/{feedId}', 'patch'>;
export type CheckAnswer = ApiAnswer<'/api/v1/workspaces/{workspaceId}/feeds/{feedId}/check', 'post'>;

export const feedsKey = (workspaceId: string) => ['workspaces', workspaceId, 'feeds'] as const;
const one = (workspaceId: string, feedId: string) => ({ params: { path: { workspaceId, feedId } } });

export const useFeeds = (workspaceId: string) =>
  useQuery({ queryKey: feedsKey(workspaceId), queryFn: () => heraldCall(herald.GET('/api/v1/workspaces/{workspaceId}/feeds', { params: { path: { workspaceId } } })) });

export const useFeed = (workspaceId: string, feedId: string | null) =>
  useQuery({
    queryKey: [...feedsKey(workspaceId), feedId],
    enabled: !!feedId,
    queryFn: () => heraldCall(herald.GET('/api/v1/workspaces/{workspaceId}/feeds/{feedId}', one(workspaceId, feedId!))),
  });

/** Every change refreshes the list afterwards (and the posts a check may have made). */
function useFeedsMutation<TInput, TAnswer>(workspaceId: string, call: (input: TInput) => Promise<TAnswer>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: feedsKey(workspaceId) });
      await client.invalidateQueries({ queryKey: ['workspaces', workspaceId, 'posts'] });
    },
  });
}

export const useCreateFeed = (workspaceId: string) =>
  useFeedsMutation(workspaceId, (body: FeedInput) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/feeds', { params: { path: { workspaceId } }, body })));
export const useUpdateFeed = (workspaceId: string) =>
  useFeedsMutation(workspaceId, ({ feedId, ...body }: FeedChange & { feedId: string }) => heraldCall(herald.PATCH('/api/v1/workspaces/{workspaceId}/feeds/{feedId}', { ...one(workspaceId, feedId), body })));
export const useDeleteFeed = (workspaceId: string) =>
  useFeedsMutation(workspaceId, (feedId: string) => heraldCall(herald.DELETE('/api/v1/workspaces/{workspaceId}/feeds/{feedId}', one(workspaceId, feedId))));
export const useCheckFeed = (workspaceId: string) =>
  useFeedsMutation(workspaceId, (feedId: string) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/feeds/{feedId}/check', one(workspaceId, feedId))));
