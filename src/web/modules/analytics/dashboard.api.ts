import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type DashboardAnswer = ApiAnswer<'/api/v1/workspaces/{workspaceId}/analytics/dashboard', 'get'>;
export type DashboardChannel = DashboardAnswer['channels'][number];
export type ChannelSeries = DashboardAnswer['series'][number];
export type PostRow = DashboardAnswer['topPosts'][number];
type PostsPage = ApiAnswer<'/api/v1/workspaces/{workspaceId}/analytics/posts', 'get'>;
type AnalyticsSettings = ApiAnswer<'/api/v1/workspaces/{workspaceId}/analytics/settings', 'get'>;

/** The workspace's channels for the channel filter (all of them, whatever the filter shows); none for the agency view. */
export function useChannelOptions(workspaceId: string | null) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'analytics'],
    queryFn: () => api.get<AnalyticsSettings>(`/api/v1/workspaces/${workspaceId}/analytics/settings`),
    enabled: workspaceId !== null,
    select: (settings) => settings.channels,
  });
}

/** One workspace's dashboard, or (workspaceId null) the agency's over every workspace the user reads. */
export type DashboardScope = { workspaceId: string | null };
export type DashboardFilter = { from: string; to: string; channelIds: string[]; networks: string[]; workspaceIds: string[]; compare: boolean };

const base = (scope: DashboardScope) => (scope.workspaceId ? `/api/v1/workspaces/${scope.workspaceId}/analytics` : '/api/v1/me/analytics');

function query(filter: DashboardFilter, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.channelIds.length) q.set('channelIds', filter.channelIds.join(','));
  if (filter.networks.length) q.set('networks', filter.networks.join(','));
  if (filter.workspaceIds.length) q.set('workspaceIds', filter.workspaceIds.join(','));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

const scopeKey = (scope: DashboardScope) => (scope.workspaceId ? (['workspaces', scope.workspaceId, 'analytics'] as const) : (['me', 'analytics'] as const));

/**
 * The dashboard's figures. The moment the answer is parsed is marked (`analytics:data`) so the
 * benchmark can time from data arrival to the charts being drawn.
 */
export function useDashboard(scope: DashboardScope, filter: DashboardFilter) {
  return useQuery({
    queryKey: [...scopeKey(scope), 'dashboard', filter],
    queryFn: async () => {
      const compare: Record<string, string> = filter.compare ? { compare: 'true' } : {};
      const answer = await api.get<DashboardAnswer>(`${base(scope)}/dashboard?${query(filter, compare).toString()}`);
      performance.mark('analytics:data');
      return answer;
    },
    placeholderData: keepPreviousData,
  });
}

export type PostsSort = 'publishedAt' | 'views' | 'likes' | 'comments' | 'shares' | 'reach' | 'engagement' | 'engagementRate';

/** The posts table (one workspace's, or the agency's), page after page (cursor pages). */
export function useAnalyticsPosts(scope: DashboardScope, filter: DashboardFilter, sort: PostsSort, dir: 'asc' | 'desc') {
  return useInfiniteQuery({
    queryKey: [...scopeKey(scope), 'posts', filter.from, filter.to, filter.channelIds, filter.networks, filter.workspaceIds, sort, dir],
    queryFn: ({ pageParam }) => api.get<PostsPage>(`${base(scope)}/posts?${query(filter, { sort, dir, limit: '25', ...(pageParam ? { cursor: pageParam } : {}) }).toString()}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export type SeriesMetric = 'posts' | 'views' | 'likes' | 'comments' | 'shares' | 'reach' | 'engagement' | 'engagementRate' | 'followers';

/** Download links: the browser saves what the server sends (with its file name). */
export const seriesCsvUrl = (scope: DashboardScope, filter: DashboardFilter, metric: SeriesMetric) => `${base(scope)}/series.csv?${query(filter, { metric }).toString()}`;
export const postsCsvUrl = (scope: DashboardScope, filter: DashboardFilter, sort: PostsSort = 'publishedAt', dir: 'asc' | 'desc' = 'desc') =>
  `${base(scope)}/posts.csv?${query(filter, { sort, dir }).toString()}`;
