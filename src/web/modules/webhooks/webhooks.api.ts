import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { herald, heraldCall } from '../../api/client.ts';
import type { ApiAnswer, ApiBody, ApiQuery } from '../../api/types.ts';

export type WebhookEndpoint = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}', 'get'>;
export type WebhookWithSecret = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks', 'post'>;
export type WebhookInput = ApiBody<'/api/v1/workspaces/{workspaceId}/webhooks', 'post'>;
export type WebhookChange = ApiBody<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}', 'patch'>;
export type DeliveryPage = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries', 'get'>;
export type WebhookDelivery = DeliveryPage['items'][number];
type DeliveryStatus = NonNullable<ApiQuery<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries', 'get'>['status']>;
export type DeliveryDetail = ApiAnswer<'/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}', 'get'>;

const endpoint = (workspaceId: string, webhookId: string) => ({ params: { path: { workspaceId, webhookId } } });
const delivery = (workspaceId: string, webhookId: string, deliveryId: string) => ({ params: { path: { workspaceId, webhookId, deliveryId } } });
export const webhooksKey = (workspaceId: string) => ['workspaces', workspaceId, 'webhooks'] as const;
const deliveriesKey = (workspaceId: string, webhookId: string) => [...webhooksKey(workspaceId), webhookId, 'deliveries'] as const;

export const useWebhooks = (workspaceId: string) =>
  useQuery({
    queryKey: webhooksKey(workspaceId),
    queryFn: () => heraldCall(herald.GET('/api/v1/workspaces/{workspaceId}/webhooks', { params: { path: { workspaceId } } })),
  });

/** Every change refreshes the endpoints and their logs afterwards, whatever it answered. */
function useWebhooksMutation<TInput, TAnswer>(workspaceId: string, call: (input: TInput) => Promise<TAnswer>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: webhooksKey(workspaceId) }) });
}

export const useCreateWebhook = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, (body: WebhookInput) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/webhooks', { params: { path: { workspaceId } }, body })));
export const useUpdateWebhook = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, ({ webhookId, ...body }: WebhookChange & { webhookId: string }) =>
    heraldCall(herald.PATCH('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}', { ...endpoint(workspaceId, webhookId), body })),
  );
export const useDeleteWebhook = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, (webhookId: string) => heraldCall(herald.DELETE('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}', endpoint(workspaceId, webhookId))));
export const useRotateWebhookSecret = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, (webhookId: string) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/rotate-secret', endpoint(workspaceId, webhookId))));
export const useSendTestEvent = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, (webhookId: string) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/test', endpoint(workspaceId, webhookId))));
export const useRedeliver = (workspaceId: string) =>
  useWebhooksMutation(workspaceId, ({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) =>
    heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver', delivery(workspaceId, webhookId, deliveryId))),
  );

/** The endpoint's delivery log, newest first, a page at a time; refreshed while something is pending. */
export const useDeliveries = (workspaceId: string, webhookId: string | null, status: string) =>
  useInfiniteQuery({
    queryKey: [...deliveriesKey(workspaceId, webhookId ?? ''), status],
    queryFn: ({ pageParam }) =>
      heraldCall(
        herald.GET('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries', {
          params: {
            path: { workspaceId, webhookId: webhookId ?? '' },
            query: { limit: 20, ...(status ? { status: status as DeliveryStatus } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!webhookId,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 3_000 : false),
  });

export const useDelivery = (workspaceId: string, webhookId: string, deliveryId: string | null) =>
  useQuery({
    queryKey: [...deliveriesKey(workspaceId, webhookId), 'detail', deliveryId],
    queryFn: () => heraldCall(herald.GET('/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}', delivery(workspaceId, webhookId, deliveryId ?? ''))),
    enabled: !!deliveryId,
  });
