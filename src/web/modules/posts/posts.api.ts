import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { PostCounters } from '../../../shared/analytics.ts';

export type MediaRef = { mediaId: string; altText?: string };
export type Part = { text: string; media: MediaRef[] };
export type ComposedContent = { text: string; media: MediaRef[]; threadParts: Part[]; firstComment: string | null };

export type DeliveryState = 'draft' | 'queued' | 'publishing' | 'processing' | 'published' | 'failed' | 'unconfirmed' | 'cancelled';
export type PostState = 'draft' | 'scheduled' | 'publishing' | 'published' | 'partially_failed' | 'failed' | 'cancelled';

export type Delivery = {
  id: string;
  channelId: string;
  network: string;
  channel: { username: string | null; displayName: string | null; status: string; avatar: string | null } | null;
  state: DeliveryState;
  content: ComposedContent;
  settings: Record<string, unknown>;
  dueAt: string | null;
  nextAttemptAt: string | null;
  attemptCount: number;
  late: boolean;
  /** Its channel's connecting user paused processing (GDPR restriction): nothing is sent until resumed. */
  paused: boolean;
  externalId: string | null;
  externalUrl: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** What the engine allows a person to do now: retry, check, retry_confirmed_absent, mark_published, cancel. */
  actions: string[];
  /** The network's latest counters (post detail only); a counter the network does not report is null. */
  metrics?: DeliveryMetrics | null;
};

export type DeliveryMetrics = PostCounters & { fetchedAt: string };

export type Post = {
  id: string;
  workspaceId: string;
  state: PostState;
  content: ComposedContent;
  publishAt: string | null;
  timeZone: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deliveries: Delivery[];
};

export type Attempt = {
  id: string;
  number: number;
  kind: 'publish' | 'check' | 'resolve' | 'manual';
  startedAt: string;
  finishedAt: string | null;
  outcome: string | null;
  steps: { at: string; step: string; request?: unknown; response?: unknown }[];
  errorCode: string | null;
  errorMessage: string | null;
  retryAt: string | null;
};

export type ChannelVariant = { channelId: string; text?: string; media?: MediaRef[]; threadParts?: Part[]; firstComment?: string | null; settings?: Record<string, unknown> };
export type Schedule = { mode: 'draft'; publishAt?: string; timeZone?: string } | { mode: 'now' } | { mode: 'at'; publishAt: string; timeZone: string } | { mode: 'queue'; timeZone?: string };
export type ComposeInput = { content: ComposedContent; channels: ChannelVariant[] };

export type CreatorInfo = {
  nickname: string;
  username: string;
  avatar: string | null;
  privacyLevelOptions: string[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
};

export type Media = {
  id: string;
  kind: 'image' | 'video';
  mimeType: string;
  fileName: string | null;
  size: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  videoCodec: string | null;
  frameRate: number | null;
  status: string;
  url: string;
};

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
export const useDeletePost = (workspaceId: string) => usePostMutation(workspaceId, (postId: string) => api.delete<null>(`${base(workspaceId)}/posts/${postId}`));
export const useRetryDelivery = (workspaceId: string) =>
  usePostMutation(workspaceId, ({ postId, deliveryId, confirmedAbsent }: { postId: string; deliveryId: string; confirmedAbsent?: boolean }) =>
    api.post<Post>(`${base(workspaceId)}/posts/${postId}/deliveries/${deliveryId}/retry`, confirmedAbsent ? { confirmedAbsent } : {}),
  );
export const useMarkPublished = (workspaceId: string) =>
  usePostMutation(workspaceId, ({ postId, deliveryId, url }: { postId: string; deliveryId: string; url?: string }) =>
    api.post<Post>(`${base(workspaceId)}/posts/${postId}/deliveries/${deliveryId}/mark-published`, url ? { url } : {}),
  );
