import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

type CommentList = ApiAnswer<'/api/v1/workspaces/{workspaceId}/posts/{postId}/comments', 'get'>;
export type Comment = CommentList['items'][number];
export type CommentInput = ApiBody<'/api/v1/workspaces/{workspaceId}/posts/{postId}/comments', 'post'>;

const path = (workspaceId: string, postId: string) => `/api/v1/workspaces/${workspaceId}/posts/${postId}/comments`;
const commentsKey = (workspaceId: string, postId: string) => ['workspaces', workspaceId, 'posts', postId, 'comments'] as const;

/** A post's comments, oldest first, a page at a time; a change refetches the pages already shown. */
export function useComments(workspaceId: string, postId: string) {
  return useInfiniteQuery({
    queryKey: commentsKey(workspaceId, postId),
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '50' });
      if (pageParam) q.set('cursor', pageParam);
      return api.get<CommentList>(`${path(workspaceId, postId)}?${q.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function useCommentMutation<T>(workspaceId: string, postId: string, send: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(workspaceId, postId) }) });
}

export function useAddComment(workspaceId: string, postId: string) {
  return useCommentMutation(workspaceId, postId, (input: CommentInput) => api.post<Comment>(path(workspaceId, postId), input));
}

export function useEditComment(workspaceId: string, postId: string) {
  return useCommentMutation(workspaceId, postId, ({ id, ...input }: CommentInput & { id: string }) => api.patch<Comment>(`${path(workspaceId, postId)}/${id}`, input));
}

export function useDeleteComment(workspaceId: string, postId: string) {
  return useCommentMutation(workspaceId, postId, (id: string) => api.delete(`${path(workspaceId, postId)}/${id}`));
}
