import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { herald, heraldCall } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

export type ApiKey = ApiAnswer<'/api/v1/me/api-keys', 'get'>['items'][number];
export type CreatedApiKey = ApiAnswer<'/api/v1/me/api-keys', 'post'>;
export type NewApiKey = ApiBody<'/api/v1/me/api-keys', 'post'>;

/** A workspace's keys (workspaceId) or the signed-in person's own (null). */
const keysKey = (workspaceId: string | null) => ['api-keys', workspaceId ?? 'personal'] as const;

const listKeys = (workspaceId: string | null) =>
  workspaceId
    ? heraldCall(herald.GET('/api/v1/workspaces/{workspaceId}/api-keys', { params: { path: { workspaceId } } }))
    : heraldCall(herald.GET('/api/v1/me/api-keys'));

const createKey = (workspaceId: string | null, body: NewApiKey) =>
  workspaceId
    ? heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/api-keys', { params: { path: { workspaceId } }, body }))
    : heraldCall(herald.POST('/api/v1/me/api-keys', { body }));

const revokeKey = (workspaceId: string | null, keyId: string) =>
  workspaceId
    ? heraldCall(herald.DELETE('/api/v1/workspaces/{workspaceId}/api-keys/{keyId}', { params: { path: { workspaceId, keyId } } }))
    : heraldCall(herald.DELETE('/api/v1/me/api-keys/{keyId}', { params: { path: { keyId } } }));

export function useApiKeys(workspaceId: string | null) {
  return useQuery({ queryKey: keysKey(workspaceId), queryFn: () => listKeys(workspaceId) });
}

export function useCreateApiKey(workspaceId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewApiKey) => createKey(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKey(workspaceId) }),
  });
}

export function useRevokeApiKey(workspaceId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeKey(workspaceId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysKey(workspaceId) }),
  });
}
