import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer, ApiBody, Refine } from '../../api/types.ts';
import type { LinkCard, Utm } from '../../../shared/link-cards.ts';

type ServerPost = ApiAnswer<'/api/v1/workspaces/{workspaceId}/posts/{postId}', 'get'>;
type ServerDelivery = ServerPost['deliveries'][number];
type CreateBody = ApiBody<'/api/v1/workspaces/{workspaceId}/posts', 'post'>;

export type MediaRef = NonNullable<CreateBody['content']['media']>[number];
export type Part = { text: string; media: MediaRef[] };
/** What a post says, as the server answers it (defaults filled in). */
export type ComposedContent = { text: string; media: MediaRef[]; threadParts: Part[]; firstComment: string | null; linkCard?: LinkCard | null; utm?: Utm | null };

// The route schemas type these states as plain strings and content as `unknown`: the narrowing
// below is what the server fills in (posts.schema / delivery states), until the schemas say it.
export type DeliveryState = 'draft' | 'queued' | 'publishing' | 'processing' | 'published' | 'failed' | 'unconfirmed' | 'cancelled';
export type PostState = 'draft' | 'in_review' | 'changes_requested' | 'scheduled' | 'publishing' | 'published' | 'partially_failed' | 'failed' | 'cancelled';

export type DeliveryMetrics = NonNullable<ServerDelivery['metrics']>;
/** `metrics` is the network's latest counters, in the post detail only. */
export type Delivery = Refine<ServerDelivery, { state: DeliveryState; content: ComposedContent; metrics?: DeliveryMetrics | null }>;
export type Post = Refine<ServerPost, { state: PostState; content: ComposedContent; deliveries: Delivery[] }>;

type DeliveryLog = ApiAnswer<'/api/v1/workspaces/{workspaceId}/posts/{postId}/deliveries/{deliveryId}/log', 'get'>;
export type Attempt = Refine<DeliveryLog['attempts'][number], { kind: 'publish' | 'check' | 'resolve' | 'manual' }>;

export type ChannelVariant = CreateBody['channels'][number];
export type Schedule = NonNullable<CreateBody['schedule']>;
export type ComposeInput = { content: ComposedContent; channels: ChannelVariant[] };

export type CreatorInfo = ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels/{channelId}/creator-info', 'get'>;

// The media routes answer this on upload (multipart and tus), which the JSON client does not send.
export type Media = Refine<ApiAnswer<'/api/v1/workspaces/{workspaceId}/media/{mediaId}', 'get'>, { kind: 'image' | 'video' | 'document' }>;

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}`;
export const postsKey = (workspaceId: string) => ['workspaces', workspaceId, 'posts'] as const;

/** Posts whose publish time falls in [from, to): every page, for the calendar. */
export function usePostsInRange(workspaceId: string, from: Date, to: Date, filters: { states?: string[]; channelId?: string } = {}) {
  return useQuery({
    queryKey: [...postsKey(workspaceId), 'range', from.toISOString(), to.toISOString(), filters],
    queryFn: async () => {
      const items: Post[] = [];
      let cursor: string | null = null;
      do {
        const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), limit: '500' });
        if (filters.states?.length) q.set('state', filters.states.join(','));
        if (filters.channelId) q.set('channelId', filters.channelId);
        if (cursor) q.set('cursor', cursor);
        const page: { items: Post[]; nextCursor: string | null } = await api.get(`${base(workspaceId)}/posts?${q.toString()}`);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    placeholderData: (previous) => previous,
  });
}

/** Every draft, the last edited first, a page at a time (the Drafts view). */
export function useDrafts(workspaceId: string, filters: { authorId?: string; channelId?: string }) {
  return useInfiniteQuery({
    queryKey: [...postsKey(workspaceId), 'drafts', filters],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '50' });
      if (filters.authorId) q.set('authorId', filters.authorId);
      if (filters.channelId) q.set('channelId', filters.channelId);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<{ items: Post[]; nextCursor: string | null }>(`${base(workspaceId)}/posts/drafts?${q.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
}

export function usePost(workspaceId: string, postId: string | undefined, options: { refetchWhileBusy?: boolean } = {}) {
  return useQuery({
    queryKey: [...postsKey(workspaceId), 'one', postId],
    queryFn: () => api.get<Post>(`${base(workspaceId)}/posts/${postId}`),
    enabled: !!postId,
    // While the engine works on it, the page follows along.
    refetchInterval: (query) =>
      options.refetchWhileBusy && query.state.data?.deliveries.some((d) => ['queued', 'publishing', 'processing', 'unconfirmed'].includes(d.state)) ? 2000 : false,
  });
}

export function useDeliveryLog(workspaceId: string, postId: string, deliveryId: string | undefined) {
  return useQuery({
    queryKey: [...postsKey(workspaceId), 'log', postId, deliveryId],
    queryFn: () => api.get<{ delivery: Delivery; attempts: Attempt[] }>(`${base(workspaceId)}/posts/${postId}/deliveries/${deliveryId}/log`),
    enabled: !!deliveryId,
  });
}

export function useNeedsAttention(workspaceId: string | undefined) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'posts', 'attention'],
    queryFn: () => api.get<{ count: number; items: (Delivery & { postId: string })[] }>(`${base(workspaceId!)}/posts/needs-attention`),
    enabled: !!workspaceId,
    refetchInterval: 30_000,
  });
}

export function useCreatorInfo(workspaceId: string, channelId: string | undefined) {
  return useQuery({
    queryKey: ['workspaces', workspaceId, 'channels', channelId, 'creator-info'],
    queryFn: () => api.get<CreatorInfo>(`${base(workspaceId)}/channels/${channelId}/creator-info`),
    enabled: !!channelId,
    staleTime: 60_000,
  });
}

/** Every change to a post: the calendar, the post and the attention count are read again. */
function usePostMutation<I, O = Post>(workspaceId: string, call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) }) });
}

export const useCreatePost = (workspaceId: string) =>
  usePostMutation(workspaceId, (input: ComposeInput & { schedule: Schedule }) => api.post<Post>(`${base(workspaceId)}/posts`, input));
export const useUpdatePost = (workspaceId: string) =>
  usePostMutation(workspaceId, ({ postId, ...input }: ComposeInput & { postId: string }) => api.patch<Post>(`${base(workspaceId)}/posts/${postId}`, input));
export const useSchedulePost = (workspaceId: string) =>
  usePostMutation(workspaceId, ({ postId, schedule }: { postId: string; schedule: Schedule }) => api.post<Post>(`${base(workspaceId)}/posts/${postId}/schedule`, schedule));
export const useCancelPost = (workspaceId: string) => usePostMutation(workspaceId, (postId: string) => api.post<Post>(`${base(workspaceId)}/posts/${postId}/cancel`));
type Duplicated = ApiAnswer<'/api/v1/workspaces/{workspaceId}/posts/{postId}/duplicate', 'post'>;
export const useDuplicatePost = (workspaceId: string) => usePostMutation(workspaceId, (postId: string) => api.post<Duplicated>(`${base(workspaceId)}/posts/${postId}/duplicate`));
export const useDeletePost = (workspaceId: string) => usePostMutation(workspaceId, (postId: string) => api.delete<null>(`${base(workspaceId)}/posts/${postId}`));
export const useRetryDelivery = (workspaceId: string) =>
  usePostMutation(workspaceId, ({ postId, deliveryId, confirmedAbsent }: { postId: string; deliveryId: string; confirmedAbsent?: boolean }) =>
    api.post<Post>(`${base(workspaceId)}/posts/${postId}/deliveries/${deliveryId}/retry`, confirmedAbsent ? { confirmedAbsent } : {}),
  );
export const useMarkPublished = (workspaceId: string) =>
  usePostMutation(workspaceId, ({ postId, deliveryId, url }: { postId: string; deliveryId: string; url?: string }) =>
    api.post<Post>(`${base(workspaceId)}/posts/${postId}/deliveries/${deliveryId}/mark-published`, url ? { url } : {}),
  );
