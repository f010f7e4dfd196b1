import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

export type WebhookEndpoint = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}', 'get'>;
export type WebhookWithSecret = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks', 'post'>;
export type WebhookInput = ApiBody<'/api/v1/workspaces/{workspaceId}/webhooks', 'post'>;
export type WebhookChange = ApiBody<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}', 'patch'>;
export type DeliveryPage = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries', 'get'>;
export type WebhookDelivery = DeliveryPage['items'][number];
export type DeliveryDetail = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}', 'get'>;

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/webhooks`;
export const webhooksKey = (workspaceId: string) => ['workspaces', workspaceId, 'webhooks'] as const;
const deliveriesKey = (workspaceId: string, webhookId: string) => [...webhooksKey(workspaceId), webhookId, 'deliveries'] as const;

export const useWebhooks = (workspaceId: string) =>
  useQuery({ queryKey: webhooksKey(workspaceId), queryFn: () => api.get<{ items: WebhookEndpoint[] }>(base(workspaceId)) });

/** Every change refreshes the endpoints and their logs afterwards, whatever it answered. */
function useWebhooksMutation<TInput, TAnswer>(workspaceId: string, call: (input: TInput) => Promise<TAnswer>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: webhooksKey(workspaceId) }) });
}

export const useCreateWebhook = (workspaceId: string) => useWebhooksMutation(workspaceId, (input: WebhookInput) => api.post<WebhookWithSecret>(base(workspaceId), input));
export const useUpdateWebhook = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, ({ webhookId, ...input }: WebhookChange & { webhookId: string }) => api.patch<WebhookEndpoint>(`${base(workspaceId)}/${webhookId}`, input));
export const useDeleteWebhook = (workspaceId: string) => useWebhooksMutation(workspaceId, (webhookId: string) => api.delete<null>(`${base(workspaceId)}/${webhookId}`));
export const useRotateWebhookSecret = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, (webhookId: string) => api.post<WebhookWithSecret>(`${base(workspaceId)}/${webhookId}/rotate-secret`, {}));
export const useSendTestEvent = (workspaceId: string) => useWebhooksMutation(workspaceId, (webhookId: string) => api.post<DeliveryDetail>(`${base(workspaceId)}/${webhookId}/test`, {}));
export const useRedeliver = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, ({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) =>
    api.post<DeliveryDetail>(`${base(workspaceId)}/${webhookId}/deliveries/${deliveryId}/redeliver`, {}),
  );

/** The endpoint's delivery log, newest first, a page at a time; refreshed while something is pending. */
export const useDeliveries = (workspaceId: string, webhookId: string | null, status: string) =>
  useInfiniteQuery({
    queryKey: [...deliveriesKey(workspaceId, webhookId ?? ''), status],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '20' });
      if (status) query.set('status', status);
      if (pageParam) query.set('cursor', pageParam);
      return api.get<DeliveryPage>(`${base(workspaceId)}/${webhookId}/deliveries?${query.toString()}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!webhookId,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 3_000 : false),
  });

export const useDelivery = (workspaceId: string, webhookId: string, deliveryId: string | null) =>
  useQuery({
    queryKey: [...deliveriesKey(workspaceId, webhookId), 'detail', deliveryId],
    queryFn: () => api.get<DeliveryDetail>(`${base(workspaceId)}/${webhookId}/deliveries/${deliveryId}`),
    enabled: !!deliveryId,
  });
