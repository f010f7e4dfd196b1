import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type PreflightSettings = ApiAnswer<'/api/v1/workspaces/{workspaceId}/preflight-settings', 'get'>;

const preflightKey = (workspaceId: string) => ['workspaces', workspaceId, 'preflight-settings'] as const;

export function usePreflightSettings(workspaceId: string) {
  return useQuery({ queryKey: preflightKey(workspaceId), queryFn: () => api.get<PreflightSettings>(`/api/v1/workspaces/${workspaceId}/preflight-settings`) });
}

export function useSetPreflightMinutes(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preflightMinutes: number) => api.put<PreflightSettings>(`/api/v1/workspaces/${workspaceId}/preflight-settings`, { preflightMinutes }),
    onSuccess: (data) => queryClient.setQueryData(preflightKey(workspaceId), data),
  });
}
