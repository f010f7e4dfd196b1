import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type DataExport = {
  id: string;
  status: 'queued' | 'building' | 'ready' | 'failed' | 'expired';
  progress: number;
  size: number | null;
  error: string | null;
  createdAt: string;
  readyAt: string | null;
  expiresAt: string | null;
  downloadedAt: string | null;
  downloadUrl: string | null;
};

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
