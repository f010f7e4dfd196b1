import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}`;

export type ApprovalSettings = {
  approvalRequired: boolean;
  channels: { id: string; network: string; username: string | null; displayName: string | null; approvalRequired: boolean | null; effective: boolean }[];
};
export type Review = { id: string; decision: string; comment: string | null; actorName: string; actorUserId: string | null; viaLink: boolean; createdAt: string };
export type ReviewLink = {
  id: string;
  recipientName: string;
  recipientEmail: string | null;
  postIds: string[] | null;
  rangeFrom: string | null;
  rangeTo: string | null;
  expiresAt: string;
  revokedAt: string | null;
  lastOpenedAt: string | null;
  createdAt: string;
  status: 'active' | 'expired' | 'revoked';
  url?: string;
};

const settingsKey = (workspaceId: string) => ['workspaces', workspaceId, 'approval-settings'] as const;

export function useApprovalSettings(workspaceId: string) {
  return useQuery({ queryKey: settingsKey(workspaceId), queryFn: () => api.get<ApprovalSettings>(`${base(workspaceId)}/approval-settings`) });
}

export function useSetApproval(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { channelId?: string; approvalRequired: boolean | null }) =>
      input.channelId
        ? api.put<ApprovalSettings>(`${base(workspaceId)}/channels/${input.channelId}/approval`, { approvalRequired: input.approvalRequired })
        : api.put<ApprovalSettings>(`${base(workspaceId)}/approval-settings`, { approvalRequired: input.approvalRequired }),
    onSuccess: (data) => queryClient.setQueryData(settingsKey(workspaceId), data),
  });
}

/** Whether a post to these channels needs approval (any channel's own rule, else the workspace's). */
export function needsApproval(settings: ApprovalSettings | undefined, channelIds: string[]): boolean {
  if (!settings) return false;
  return channelIds.some((id) => settings.channels.find((c) => c.id === id)?.effective ?? settings.approvalRequired);
}

const reviewsKey = (workspaceId: string, postId: string) => ['workspaces', workspaceId, 'posts', postId, 'reviews'] as const;

export function useReviews(workspaceId: string, postId: string) {
  return useQuery({ queryKey: reviewsKey(workspaceId, postId), queryFn: () => api.get<{ items: Review[] }>(`${base(workspaceId)}/posts/${postId}/reviews`) });
}

export function useReviewDecision(workspaceId: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: 'approve' | 'request_changes'; comment?: string; publishAt?: string; timeZone?: string }) => api.post(`${base(workspaceId)}/posts/${postId}/review`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId, 'posts'] }),
  });
}

const linksKey = (workspaceId: string) => ['workspaces', workspaceId, 'review-links'] as const;

/** The links about one post (`postId`) or the range links (no `postId`), newest first, ten at a time. */
export function useReviewLinks(workspaceId: string, about: { postId?: string }) {
  return useInfiniteQuery({
    queryKey: [...linksKey(workspaceId), about.postId ?? 'range'],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '10', ...(about.postId ? { postId: about.postId } : { kind: 'range' }) });
      if (pageParam) q.set('cursor', pageParam);
      return api.get<{ items: ReviewLink[]; nextCursor: string | null }>(`${base(workspaceId)}/review-links?${q.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreateReviewLink(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { recipientName: string; recipientEmail?: string; postIds?: string[]; from?: string; to?: string; expiresInDays: number }) =>
      api.post<ReviewLink & { url: string }>(`${base(workspaceId)}/review-links`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: linksKey(workspaceId) }),
  });
}

export function useRevokeReviewLink(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api.post<ReviewLink>(`${base(workspaceId)}/review-links/${linkId}/revoke`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: linksKey(workspaceId) }),
  });
}

/** The composer's question: will scheduling these channels submit the post for review instead? */
export function useSubmitsForReview(workspaceId: string, channelIds: string[], canApprove: boolean): boolean {
  const settings = useApprovalSettings(workspaceId);
  return !canApprove && needsApproval(settings.data, channelIds);
}
