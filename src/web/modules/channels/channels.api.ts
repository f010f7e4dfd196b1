import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type Network = { id: string; label: string; connect: 'oauth' | 'oauth-instance' | 'app-password'; scopes: string[]; enabled: boolean };

export type Channel = {
  id: string;
  network: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
  status: string;
  statusReason: string | null;
  scopesGranted: string[];
  missingFeatures: string[];
  connectedAt: string;
  disconnectedAt: string | null;
  purgeAfter: string | null;
};

const channelsKey = (workspaceId: string) => ['workspaces', workspaceId, 'channels'] as const;

export function useNetworks() {
  return useQuery({ queryKey: ['networks'], queryFn: () => api.get<{ items: Network[] }>('/api/v1/networks'), staleTime: 5 * 60_000 });
}

export function useChannels(workspaceId: string) {
  return useQuery({ queryKey: channelsKey(workspaceId), queryFn: () => api.get<{ items: Channel[] }>(`/api/v1/workspaces/${workspaceId}/channels`) });
}

/** Starts the network's consent flow; the browser leaves Herald and comes back to ?connected= or ?error=. */
export function useConnectChannel(workspaceId: string) {
  return useMutation({
    mutationFn: (input: { network: string; instance?: string }) => api.post<{ authorizationUrl: string }>(`/api/v1/workspaces/${workspaceId}/channels/connect`, input),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  });
}

export function useDisconnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => api.delete<{ revokedAtNetwork: boolean }>(`/api/v1/workspaces/${workspaceId}/channels/${channelId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelsKey(workspaceId) }),
  });
}
