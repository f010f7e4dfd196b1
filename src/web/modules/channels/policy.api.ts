import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';

/** /api/v1/policy: the app shows this instance's retention settings from it. */
export type PolicyFacts = ApiAnswer<'/api/v1/policy', 'get'>;

export function usePolicyFacts() {
  return useQuery({ queryKey: ['policy'], queryFn: () => api.get<PolicyFacts>('/api/v1/policy'), staleTime: 60 * 60_000 });
}
