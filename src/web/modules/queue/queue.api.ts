import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';
import { postsKey } from '../posts/posts.api.ts';

export type ChannelQueue = ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels/{channelId}/queue', 'get'>;
export type QueuedPost = ChannelQueue['posts'][number];

const path = (workspaceId: string, channelId: string) => `/api/v1/workspaces/${workspaceId}/channels/${channelId}/queue`;
// Under the posts key: any scheduling elsewhere changes the queue, and a reorder changes the calendar.
const queueKey = (workspaceId: string, channelId: string) => [...postsKey(workspaceId), 'queue', channelId] as const;

export function useChannelQueue(workspaceId: string, channelId: string | undefined) {
  return useQuery({ queryKey: queueKey(workspaceId, channelId ?? ''), queryFn: () => api.get<ChannelQueue>(path(workspaceId, channelId!)), enabled: !!channelId });
}

/** Reorder (the posts take the same times in the given order) or shuffle; the answer is the new queue. */
export function useQueueChange(workspaceId: string, channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { postIds: string[] } | 'shuffle') =>
      change === 'shuffle' ? api.post<ChannelQueue>(`${path(workspaceId, channelId)}/shuffle`, {}) : api.post<ChannelQueue>(`${path(workspaceId, channelId)}/reorder`, change),
    onSuccess: (queue) => queryClient.setQueryData(queueKey(workspaceId, channelId), queue),
    onSettled: () => queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) }),
  });
}
