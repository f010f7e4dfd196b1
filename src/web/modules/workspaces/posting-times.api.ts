import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';
import { postsKey } from '../posts/posts.api.ts';

export type ScheduleSettings = ApiAnswer<'/api/v1/workspaces/{workspaceId}/schedule-settings', 'get'>;
export type WeeklySlot = ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels/{channelId}/slots', 'get'>['slots'][number];
type Upcoming = ApiAnswer<'/api/v1/workspaces/{workspaceId}/channels/{channelId}/slots/upcoming', 'get'>;

const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}`;
// Under the posts key: scheduling a post takes a slot, so the upcoming list goes stale with it.
const slotsKey = (workspaceId: string) => [...postsKey(workspaceId), 'posting-times'] as const;

export function useScheduleSettings(workspaceId: string) {
  return useQuery({ queryKey: [...slotsKey(workspaceId), 'zone'], queryFn: () => api.get<ScheduleSettings>(`${base(workspaceId)}/schedule-settings`) });
}

export function useSetTimeZone(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: string) => api.put<{ timeZone: string }>(`${base(workspaceId)}/schedule-settings`, { timeZone }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) }),
  });
}

export function useChannelSlots(workspaceId: string, channelId: string) {
  return useQuery({ queryKey: [...slotsKey(workspaceId), channelId, 'slots'], queryFn: () => api.get<{ slots: WeeklySlot[] }>(`${base(workspaceId)}/channels/${channelId}/slots`) });
}

export function useUpcomingSlots(workspaceId: string, channelId: string) {
  return useQuery({ queryKey: [...slotsKey(workspaceId), channelId, 'upcoming'], queryFn: () => api.get<Upcoming>(`${base(workspaceId)}/channels/${channelId}/slots/upcoming?count=5`) });
}

export function useSetChannelSlots(workspaceId: string, channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slots: WeeklySlot[]) => api.put<{ slots: WeeklySlot[] }>(`${base(workspaceId)}/channels/${channelId}/slots`, { slots }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) }),
  });
}
