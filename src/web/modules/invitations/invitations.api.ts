import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, Refine } from '../../api/types.ts';
import { meKey } from '../auth/auth.api.ts';

// The route schema says `status: string`; the invitation page words each of these states.
export type PublicInvitation = Refine<ApiAnswer<'/api/v1/invitations/{invitationId}', 'get'>, { status: 'pending' | 'accepted' | 'rejected' | 'canceled' | 'expired' }>;

type InvitationAnswer = ApiAnswer<'/api/v1/invitations/{invitationId}/accept', 'post'>;

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
