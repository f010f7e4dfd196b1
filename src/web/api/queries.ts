import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from './client.ts';
import type { Instance, Me } from './types.ts';

export const keys = {
  instance: ['instance'] as const,
  me: ['me'] as const,
  members: (id: string) => ['workspaces', id, 'members'] as const,
  invitations: (id: string) => ['workspaces', id, 'invitations'] as const,
  audit: (id: string, action: string) => ['workspaces', id, 'audit', action] as const,
  sessions: ['sessions'] as const,
};

export function useInstance() {
  return useQuery({ queryKey: keys.instance, queryFn: () => get<Instance>('/api/v1/instance'), staleTime: 60_000 });
}

/** The signed-in user, or null when signed out (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return await get<Me>('/api/v1/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}
