import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

type AuditPage = ApiAnswer<'/api/v1/workspaces/{workspaceId}/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];

/** The workspace's audit log, newest first, 50 rows a page; `action` filters by prefix. */
export function useAuditLog(workspaceId: string, action: string) {
  return useInfiniteQuery({
    queryKey: ['workspaces', workspaceId, 'audit', action],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '50' });
      if (pageParam) query.set('cursor', pageParam);
      if (action) query.set('action', action);
      return api.get<AuditPage>(`/api/v1/workspaces/${workspaceId}/audit?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
