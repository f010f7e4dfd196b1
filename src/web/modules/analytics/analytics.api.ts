import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

export type AnalyticsSettings = ApiAnswer<'/api/v1/workspaces/{workspaceId}/analytics/settings', 'get'>;
type Deleted = ApiAnswer<'/api/v1/workspaces/{workspaceId}/analytics/settings', 'put'>;

const settingsKey = (workspaceId: string) => ['workspaces', workspaceId, 'analytics'] as const;

export function useAnalyticsSettings(workspaceId: string) {
  return useQuery({ queryKey: settingsKey(workspaceId), queryFn: () => api.get<AnalyticsSettings>(`/api/v1/workspaces/${workspaceId}/analytics/settings`) });
}

type Toggle = ApiBody<'/api/v1/workspaces/{workspaceId}/analytics/settings', 'put'>;

/** After any change the counts and the posts' counters are read again. */
function useRefresh(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'workspaces' && q.queryKey[1] === workspaceId });
}

export function useSetWorkspaceAnalytics(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (toggle: Toggle) => api.put<Deleted>(`/api/v1/workspaces/${workspaceId}/analytics/settings`, toggle),
    onSettled: refresh,
  });
}

export function useSetChannelAnalytics(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: ({ channelId, ...toggle }: Toggle & { channelId: string }) => api.put<Deleted>(`/api/v1/workspaces/${workspaceId}/channels/${channelId}/analytics`, toggle),
    onSettled: refresh,
  });
}

export function useDeleteMetrics(workspaceId: string) {
  const refresh = useRefresh(workspaceId);
  return useMutation({
    mutationFn: (channelId?: string) => api.delete<Deleted>(`/api/v1/workspaces/${workspaceId}/analytics/metrics${channelId ? `?channelId=${encodeURIComponent(channelId)}` : ''}`),
    onSettled: refresh,
  });
}
