import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, Refine } from '../../api/types.ts';

export type DeletionPreview = ApiAnswer<'/api/v1/me/deletion-preview', 'get'>;

// The route schema says `status: string`; the danger zone words the two outcomes.
export type DeletionOutcome = Refine<ApiAnswer<'/api/v1/me/delete', 'post'>, { status: 'deleted' | 'scheduled' }>;

/** Loaded only once the user opens the danger zone: it counts posts in every workspace. */
export function useDeletionPreview(enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'deletion-preview'],
    queryFn: () => api.get<DeletionPreview>('/api/v1/me/deletion-preview'),
    enabled,
  });
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: (input: { password: string; code?: string }) => api.post<DeletionOutcome>('/api/v1/me/delete', { ...input, confirm: true }),
  });
}
