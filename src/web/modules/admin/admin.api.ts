import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type AdminOverview = ApiAnswer<'/api/v1/admin/overview', 'get'>;
type UsersPage = ApiAnswer<'/api/v1/admin/users', 'get'>;
type WorkspacesPage = ApiAnswer<'/api/v1/admin/workspaces', 'get'>;
type AuditPage = ApiAnswer<'/api/v1/admin/audit', 'get'>;
export type AdminUser = UsersPage['items'][number];
export type AdminWorkspace = WorkspacesPage['items'][number];
export type AdminAuditEntry = AuditPage['items'][number];

const adminKey = ['admin'] as const;

export function useAdminOverview() {
  return useQuery({ queryKey: [...adminKey, 'overview'], queryFn: () => api.get<AdminOverview>('/api/v1/admin/overview'), refetchInterval: 30_000 });
}

/** One paged admin list (users, workspaces, audit), 50 rows a page; `filters` join the query. */
function usePagedList<T extends { nextCursor: string | null }>(list: 'users' | 'workspaces' | 'audit', filters: Record<string, string> = {}) {
  return useInfiniteQuery({
    queryKey: [...adminKey, list, filters],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '50' });
      if (pageParam) query.set('cursor', pageParam);
      for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
      return api.get<T>(`/api/v1/admin/${list}?${query}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useAdminUsers = () => usePagedList<UsersPage>('users');
export const useAdminWorkspaces = () => usePagedList<WorkspacesPage>('workspaces');
export const useAdminAudit = (action: string) => usePagedList<AuditPage>('audit', { action });
