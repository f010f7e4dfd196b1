import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

type MemberList = ApiAnswer<'/api/v1/workspaces/{workspaceId}/members', 'get'>;
export type Member = MemberList['items'][number];
type InvitationList = ApiAnswer<'/api/v1/workspaces/{workspaceId}/invitations', 'get'>;
export type Invitation = InvitationList['items'][number];
type NewInvitation = ApiAnswer<'/api/v1/workspaces/{workspaceId}/invitations', 'post'>;
type InviteInput = ApiBody<'/api/v1/workspaces/{workspaceId}/invitations', 'post'>;
/** The roles an invitation can carry (ownership is transferred, never given by invitation). */
export type InvitableRole = InviteInput['role'];

const membersKey = (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const;
const invitationsKey = (workspaceId: string) => ['workspaces', workspaceId, 'invitations'] as const;

export function useMembers(workspaceId: string) {
  return useQuery({ queryKey: membersKey(workspaceId), queryFn: () => api.get<MemberList>(`/api/v1/workspaces/${workspaceId}/members`) });
}

export function useInvitations(workspaceId: string) {
  return useQuery({ queryKey: invitationsKey(workspaceId), queryFn: () => api.get<InvitationList>(`/api/v1/workspaces/${workspaceId}/invitations`) });
}

export function useInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteInput) => api.post<NewInvitation>(`/api/v1/workspaces/${workspaceId}/invitations`, input),
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
