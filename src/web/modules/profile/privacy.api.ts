import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, Refine } from '../../api/types.ts';

type ExportList = ApiAnswer<'/api/v1/me/exports', 'get'>;
// The route schema says `status: string`; the Privacy section words each of these states.
export type DataExport = Refine<ExportList['items'][number], { status: 'queued' | 'building' | 'ready' | 'failed' | 'expired' }>;

const exportsKey = ['me', 'exports'] as const;
const inProgress = (items: DataExport[] | undefined) => !!items?.some((e) => e.status === 'queued' || e.status === 'building');

/** My exports, newest first a page at a time; polled every two seconds while one is being built (it is always on the first page). */
export function useDataExports() {
  return useInfiniteQuery({
    queryKey: exportsKey,
    queryFn: async ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '20' });
      if (pageParam) q.set('cursor', pageParam);
      const page = await api.get<ExportList>(`/api/v1/me/exports?${q.toString()}`);
      return { items: page.items as DataExport[], nextCursor: page.nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) => (inProgress(query.state.data?.pages[0]?.items) ? 2000 : false),
  });
}

export function useRequestDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<DataExport>('/api/v1/me/exports'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportsKey }),
  });
}
