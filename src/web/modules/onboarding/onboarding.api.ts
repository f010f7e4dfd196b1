import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type Onboarding = ApiAnswer<'/api/v1/workspaces/{workspaceId}/onboarding', 'get'>;
export type OnboardingStepId = Onboarding['steps'][number]['id'];

const key = (workspaceId: string) => ['workspaces', workspaceId, 'onboarding'] as const;

// Read fresh on every visit: the steps are done on other pages, often by other people.
export function useOnboarding(workspaceId: string) {
  return useQuery({ queryKey: key(workspaceId), queryFn: () => api.get<Onboarding>(`/api/v1/workspaces/${workspaceId}/onboarding`), staleTime: 0, refetchOnMount: 'always' });
}

export function useDismissOnboarding(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Onboarding>(`/api/v1/workspaces/${workspaceId}/onboarding/dismiss`, {}),
    onSuccess: (answer) => queryClient.setQueryData(key(workspaceId), answer),
  });
}
