import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type AgencyCalendar = ApiAnswer<'/api/v1/me/calendar', 'get'>;
export type AgencyCalendarItem = AgencyCalendar['items'][number];
export type AgencyWorkspace = AgencyCalendar['workspaces'][number];
export type AgencyAttention = ApiAnswer<'/api/v1/me/attention', 'get'>;
export type AttentionGroup = AgencyAttention['workspaces'][number];
export type AttentionItem = AttentionGroup['items'][number];

export const agencyKey = ['me', 'agency'] as const;

/** Posts due in [from, to) across every workspace of the user; filtering by workspace happens in the page. */
export function useAgencyCalendar(from: Date, to: Date) {
  return useQuery({
    queryKey: [...agencyKey, 'calendar', from.toISOString(), to.toISOString()],
    queryFn: () => api.get<AgencyCalendar>(`/api/v1/me/calendar?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString() }).toString()}`),
    placeholderData: (previous) => previous,
  });
}

export function useAgencyAttention() {
  return useQuery({
    queryKey: [...agencyKey, 'attention'],
    queryFn: () => api.get<AgencyAttention>('/api/v1/me/attention'),
  });
}
