import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type DeletionPreview = {
  graceDays: number;
  deletionRequestedAt: string | null;
  deletedWorkspaces: { id: string; name: string; channels: number; posts: number; members: number }[];
  sharedWorkspaces: { id: string; name: string; role: string; yourPosts: number }[];
  connectedChannels: { id: string; workspaceId: string; workspaceName: string; network: string; username: string | null; displayName: string | null; workspaceDeleted: boolean }[];
};

export type DeletionOutcome = { status: 'deleted' | 'scheduled'; deleteAfter: string | null };

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
