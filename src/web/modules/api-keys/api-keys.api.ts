import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Permission } from '../../../shared/permissions.ts';

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: Permission[];
  workspaceId: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
};
export type CreatedApiKey = ApiKey & { key: string };
export type NewApiKey = { name: string; scopes: Permission[]; expiresAt: string | null };

/** A workspace's keys (workspaceId) or the signed-in person's own (null). */
const keysUrl = (workspaceId: string | null) => (workspaceId ? `/api/v1/workspaces/${workspaceId}/api-keys` : '/api/v1/me/api-keys');
const keysKey = (workspaceId: string | null) => ['api-keys', workspaceId ?? 'personal'] as const;

export function useApiKeys(workspaceId: string | null) {
  return useQuery({ queryKey: keysKey(workspaceId), queryFn: () => api.get<{ items: ApiKey[] }>(keysUrl(workspaceId)) });
}

export function useCreateApiKey(workspaceId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewApiKey) => api.post<CreatedApiKey>(keysUrl(workspaceId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKey(workspaceId) }),
  });
}

export function useRevokeApiKey(workspaceId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`${keysUrl(workspaceId)}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKey(workspaceId) }),
  });
}
