import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, ApiBody, Refine } from '../../api/types.ts';

// The route schema says `connect: string`; the Channels page picks its form by these three kinds.
export type Network = Refine<ApiAnswer<'/api/v1/networks', 'get'>['items'][number], { connect: 'oauth' | 'oauth-instance' | 'app-password' }>;

export type Channel = ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels', 'get'>['items'][number];
// The page passes the id it read from /api/v1/networks, a string there; the server checks it.
type ConnectInput = Refine<ApiBody<'/api/v1/workspaces/{workspaceId}/channels/connect', 'post'>, { network: string }>;

const channelsKey = (workspaceId: string) => ['workspaces', workspaceId, 'channels'] as const;

export function useNetworks() {
  return useQuery({ queryKey: ['networks'], queryFn: () => api.get<{ items: Network[]; mediaByUrl: boolean }>('/api/v1/networks'), staleTime: 5 * 60_000 });
}

export function useChannels(workspaceId: string) {
  return useQuery({ queryKey: channelsKey(workspaceId), queryFn: () => api.get<{ items: Channel[] }>(`/api/v1/workspaces/${workspaceId}/channels`) });
}

type ConnectAnswer = ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels/connect', 'post'>;

/**
 * Connects an account. OAuth networks answer their consent page: the browser leaves Herald and
 * comes back to ?connected= or ?error=. App-password networks (Bluesky) answer the channel at once.
 */
export function useConnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectInput) =>
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
    mutationFn: (channelId: string) => api.post<ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels/{channelId}/refresh', 'post'>>(`/api/v1/workspaces/${workspaceId}/channels/${channelId}/refresh`),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: channelsKey(workspaceId) }), queryClient.invalidateQueries({ queryKey: ['notifications'] })]),
  });
}

export function useDisconnectChannel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string) => api.delete<ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels/{channelId}', 'delete'>>(`/api/v1/workspaces/${workspaceId}/channels/${channelId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelsKey(workspaceId) }),
  });
}

// Written by hand until the lead regenerates src/web/api (the selection routes are newer than it).
export type SelectionAccount = { externalId: string; displayName: string | null; username: string | null; avatarUrl: string | null; avatar: string | null; note: string | null; alreadyConnected: boolean };
export type Selection = { id: string; network: string; networkLabel: string; expiresAt: string; accounts: SelectionAccount[] };

const selectionUrl = (workspaceId: string, selectionId: string) => `/api/v1/workspaces/${workspaceId}/channels/selections/${encodeURIComponent(selectionId)}`;

/** The accounts one consent covers, waiting for the user to pick (see ?choose= on the Channels page). */
export function useSelection(workspaceId: string, selectionId: string | null) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'channel-selections', selectionId],
    queryFn: () => api.get<Selection>(selectionUrl(workspaceId, selectionId!)),
    enabled: !!selectionId,
    // Gone (used, expired, another session's) stays gone: asking again changes nothing.
    retry: false,
    staleTime: Infinity,
  });
}

export function useConnectSelected(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { selectionId: string; externalIds: string[] }) => api.post<{ channels: Channel[] }>(selectionUrl(workspaceId, input.selectionId), { externalIds: input.externalIds }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelsKey(workspaceId) }),
  });
}

/** Cancel: the offered accounts and their tokens are deleted now, not at expiry. */
export function useDiscardSelection(workspaceId: string) {
  return useMutation({ mutationFn: (selectionId: string) => api.delete<null>(selectionUrl(workspaceId, selectionId)) });
}
