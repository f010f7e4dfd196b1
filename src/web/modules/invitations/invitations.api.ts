import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { meKey } from '../auth/auth.api.ts';

export type PublicInvitation = {
  id: string;
  workspaceName: string;
  inviterName: string;
  email: string;
  role: string | null;
  status: 'pending' | 'accepted' | 'rejected' | 'canceled' | 'expired';
  expiresAt: string;
};

type InvitationAnswer = { workspaceId: string; workspaceName: string; role: string; status: string };

const invitationKey = (id: string) => ['invitation', id] as const;

export function useInvitation(invitationId: string) {
  return useQuery({ queryKey: invitationKey(invitationId), queryFn: () => api.get<PublicInvitation>(`/api/v1/invitations/${invitationId}`), retry: false });
}

export function useRespondToInvitation(invitationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: 'accept' | 'reject') => api.post<InvitationAnswer>(`/api/v1/invitations/${invitationId}/${answer}`),
    // Accepting adds a workspace to /me; either answer changes the invitation's status.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: meKey }), queryClient.invalidateQueries({ queryKey: invitationKey(invitationId) })]),
  });
}
