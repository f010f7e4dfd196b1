import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';
import { meKey } from '../auth/auth.api.ts';
import type { Language } from '../../i18n/languages.ts';

export type Workspace = ApiAnswer<'/api/v1/workspaces', 'post'>;

// The workspace list, names and roles come from /me, so every change here refreshes it.
function useRefreshingMutation<TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }) });
}

// The browser's zone goes with it: posting times then start in the zone the creator lives in.
export const useCreateWorkspace = () =>
  useRefreshingMutation((name: string) => api.post<Workspace>('/api/v1/workspaces', { name, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }));

export const useRenameWorkspace = (workspaceId: string) => useRefreshingMutation((name: string) => api.patch<Workspace>(`/api/v1/workspaces/${workspaceId}`, { name }));

export const useSetWorkspaceLanguage = (workspaceId: string) =>
  useRefreshingMutation((language: Language) => api.patch<Workspace>(`/api/v1/workspaces/${workspaceId}`, { language }));

export function useTransferOwnership(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api.post(`/api/v1/workspaces/${workspaceId}/transfer`, { memberId }),
    // Both roles changed: the member list and the current user's permissions.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: meKey }), queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] })]),
  });
}

export function useDeleteWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/v1/workspaces/${workspaceId}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['workspaces', workspaceId] });
      return queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
