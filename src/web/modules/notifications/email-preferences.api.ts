import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

export type EmailPreferences = ApiAnswer<'/api/v1/me/notification-preferences', 'get'>;

const preferencesKey = ['me', 'notification-preferences'] as const;

export function useEmailPreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => api.get<EmailPreferences>('/api/v1/me/notification-preferences') });
}

/** Saves one category's choice; the answer holds them all. */
export function useSetEmailPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<EmailPreferences>) => api.put<EmailPreferences>('/api/v1/me/notification-preferences', change),
    onSuccess: (data) => queryClient.setQueryData(preferencesKey, data),
  });
}
