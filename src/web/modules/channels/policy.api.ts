import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The part of /api/v1/policy the app shows: this instance's retention settings. */
export type PolicyFacts = { retention: { accessLogDays: number; disconnectedRetentionDays: number; sessionIdleDays: number; mediaDeleteAfterPublish: boolean } };

export function usePolicyFacts() {
  return useQuery({ queryKey: ['policy'], queryFn: () => api.get<PolicyFacts>('/api/v1/policy'), staleTime: 60 * 60_000 });
}
