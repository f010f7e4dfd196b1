import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type AuditEntry = {
  id: number;
  createdAt: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  workspaceId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
};

type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

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
