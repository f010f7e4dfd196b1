import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type Restriction = ApiAnswer<'/api/v1/me/restriction', 'get'>;

const restrictionKey = ['me', 'restriction'] as const;

export function useRestriction() {
  return useQuery({ queryKey: restrictionKey, queryFn: () => api.get<Restriction>('/api/v1/me/restriction') });
}

/** Pauses or resumes processing; the posts lists change too (deliveries shown as paused). */
export function useSetRestriction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (restricted: boolean) => api.post<Restriction>('/api/v1/me/restriction', { restricted }),
    onSuccess: (data) => queryClient.setQueryData(restrictionKey, data),
    onSettled: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'workspaces' && query.queryKey[2] === 'posts' }),
  });
}
