import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type BestTimes = ApiAnswer<'/api/v1/workspaces/{workspaceId}/analytics/best-times', 'get'>;
export type BestTime = BestTimes['suggestions'][number];

/** `channelId` null: the whole workspace. Under the analytics key, so changing collection refreshes it. */
export function useBestTimes(workspaceId: string, channelId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'analytics', 'best-times', channelId ?? 'all'],
    queryFn: () => api.get<BestTimes>(`/api/v1/workspaces/${workspaceId}/analytics/best-times${channelId ? `?channelId=${encodeURIComponent(channelId)}` : ''}`),
    enabled,
    // Results change as counters are collected (hourly at most), not from one minute to the next.
    staleTime: 5 * 60_000,
  });
}
