import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type Network = { id: string; label: string; connect: 'oauth' | 'oauth-instance' | 'app-password'; scopes: string[]; enabled: boolean };

export type Channel = {
  id: string;
  network: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
  avatar: string | null;
  status: string;
  statusReason: string | null;
  instance: string | null;
  scopesGranted: string[];
  /** The network's limits for this account (Mastodon instance limits, TikTok creator info): what the composer counts against. */
  limits: Record<string, unknown>;
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

type ConnectAnswer = { authorizationUrl?: string; channel?: Channel };

/**
 * Connects an account. OAuth networks answer their consent page: the browser leaves Herald and
 * comes back to ?connected= or ?error=. App-password networks (Bluesky) answer the channel at once.
 */
export function useConnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { network: string; instance?: string; identifier?: string; appPassword?: string }) =>
      api.post<ConnectAnswer>(`/api/v1/workspaces/${workspaceId}/channels/connect`, input),
    onSuccess: ({ authorizationUrl }) => {
      if (authorizationUrl) window.location.assign(authorizationUrl);
      else void queryClient.invalidateQueries({ queryKey: channelsKey(workspaceId) });
    },
  });
}

/** Reads the account's name and avatar again; a rejected token gets one refresh on the server. */
export function useRefreshChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => api.post<{ channel: Channel }>(`/api/v1/workspaces/${workspaceId}/channels/${channelId}/refresh`),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: channelsKey(workspaceId) }), queryClient.invalidateQueries({ queryKey: ['notifications'] })]),
  });
}

export function useDisconnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => api.delete<{ revokedAtNetwork: boolean }>(`/api/v1/workspaces/${workspaceId}/channels/${channelId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelsKey(workspaceId) }),
  });
}
