import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, Refine } from '../../api/types.ts';

type ExportList = ApiAnswer<'/api/v1/me/exports', 'get'>;
// The route schema says `status: string`; the Privacy section words each of these states.
export type DataExport = Refine<ExportList['items'][number], { status: 'queued' | 'building' | 'ready' | 'failed' | 'expired' }>;

const exportsKey = ['me', 'exports'] as const;
const inProgress = (items: DataExport[] | undefined) => !!items?.some((e) => e.status === 'queued' || e.status === 'building');

/** My exports; polled every two seconds while one is being built. */
export function useDataExports() {
  return useQuery({
    queryKey: exportsKey,
    queryFn: async () => (await api.get<{ items: DataExport[] }>('/api/v1/me/exports')).items,
    refetchInterval: (query) => (inProgress(query.state.data) ? 2000 : false),
  });
}

export function useRequestDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<DataExport>('/api/v1/me/exports'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportsKey }),
  });
}
