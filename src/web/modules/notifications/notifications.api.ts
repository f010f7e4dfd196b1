import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

type NotificationList = ApiAnswer<'/api/v1/notifications', 'get'>;
export type Notification = NotificationList['items'][number];

/** Newest first, a page at a time; every page carries the same unread count (of all, not of the page). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '30' });
      if (pageParam) q.set('cursor', pageParam);
      return api.get<NotificationList>(`/api/v1/notifications?${q.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The count in the navigation; polled so an incident found by a background job shows up. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: async () => (await api.get<NotificationList>('/api/v1/notifications?unread=true&limit=1')).unreadCount,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) => api.post<ApiAnswer<'/api/v1/notifications/read-all', 'post'>>(id ? `/api/v1/notifications/${id}/read` : '/api/v1/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
