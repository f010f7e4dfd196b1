// The composer asking a channel's network to do something (e.g. create a board to pin to), through
// POST …/channels/:channelId/actions/:name. A done action reads the channel's pre-flight again,
// since what it changed (a new board) is what the pre-flight shows.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Channel } from '../channels/channels.api.ts';

/** The pre-flight read's key for a channel, for networks whose pre-flight is served at …/preflight. */
export const preflightKey = (channel: Pick<Channel, 'id' | 'workspaceId'>) => ['workspaces', channel.workspaceId, 'channels', channel.id, 'preflight'] as const;

/** Reads a channel's pre-flight at the network-neutral address (its answer is in the network's own shape). */
export const readPreflight = <T>(channel: Pick<Channel, 'id' | 'workspaceId'>) => api.get<T>(`/api/v1/workspaces/${channel.workspaceId}/channels/${channel.id}/preflight`);

export function useNetworkAction<Input extends Record<string, unknown>, Output = Record<string, unknown>>(channel: Pick<Channel, 'id' | 'workspaceId'>, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => api.post<Output>(`/api/v1/workspaces/${channel.workspaceId}/channels/${channel.id}/actions/${encodeURIComponent(name)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preflightKey(channel) }),
  });
}
