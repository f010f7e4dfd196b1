import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

type AuditPage = ApiAnswer<'/api/v1/workspaces/{workspaceId}/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];

export type AuditFilters = { action?: string; kind?: string; actorUserId?: string; from?: string; to?: string };

/** The workspace's audit log, newest first, 50 rows a page; `action` filters by prefix, `from`/`to` are instants. */
export function useAuditLog(workspaceId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['workspaces', workspaceId, 'audit', filters],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '50' });
      if (pageParam) query.set('cursor', pageParam);
      for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
      return api.get<AuditPage>(`/api/v1/workspaces/${workspaceId}/audit?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
