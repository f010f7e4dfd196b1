import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type Member = { id: string; userId: string; role: string; name: string; email: string; image: string | null; createdAt: string };

export type Invitation = { id: string; email: string; role: string | null; status: string; expiresAt: string; createdAt: string; inviterName: string };

type NewInvitation = { id: string; email: string; role: string; status: string; expiresAt: string; link: string };

const membersKey = (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const;
const invitationsKey = (workspaceId: string) => ['workspaces', workspaceId, 'invitations'] as const;

export function useMembers(workspaceId: string) {
  return useQuery({ queryKey: membersKey(workspaceId), queryFn: () => api.get<{ items: Member[] }>(`/api/v1/workspaces/${workspaceId}/members`) });
}

export function useInvitations(workspaceId: string) {
  return useQuery({ queryKey: invitationsKey(workspaceId), queryFn: () => api.get<{ items: Invitation[] }>(`/api/v1/workspaces/${workspaceId}/invitations`) });
}

export function useInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: string }) => api.post<NewInvitation>(`/api/v1/workspaces/${workspaceId}/invitations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useCancelInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.delete(`/api/v1/workspaces/${workspaceId}/invitations/${invitationId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useChangeRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, role }: { memberId: string; role: string }) => api.patch(`/api/v1/workspaces/${workspaceId}/members/${memberId}`, { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api.delete(`/api/v1/workspaces/${workspaceId}/members/${memberId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

/** The accept page of an invitation; the list does not carry it, but it is derived from the id alone. */
export const invitationLink = (invitationId: string) => `${window.location.origin}/invite/${invitationId}`;
