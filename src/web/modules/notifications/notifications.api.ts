import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

type NotificationList = ApiAnswer<'/api/v1/notifications', 'get'>;
export type Notification = NotificationList['items'][number];

export function useNotifications() {
  return useQuery({ queryKey: ['notifications', 'list'], queryFn: () => api.get<NotificationList>('/api/v1/notifications?limit=100') });
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
