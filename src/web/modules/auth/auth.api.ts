import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';
import { switchLanguage } from '../../i18n/i18n.ts';

type Instance = ApiAnswer<'/api/v1/instance', 'get'>;

export type Me = ApiAnswer<'/api/v1/me', 'get'>;
export type MyWorkspace = Me['workspaces'][number];

export const meKey = ['me'] as const;
const instanceKey = ['instance'] as const;

export function useInstance() {
  return useQuery({ queryKey: instanceKey, queryFn: () => api.get<Instance>('/api/v1/instance'), staleTime: 5 * 60_000 });
}

/** Until the instance answers, forms assume Herald's default minimum. */
export function usePasswordMinLength(): number {
  return useInstance().data?.passwordMinLength ?? 10;
}

/** The signed-in user, or null when signed out: a 401 is an answer here, not an error. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    // Coming back to the tab is when a session that ended elsewhere should be noticed.
    refetchOnWindowFocus: true,
    queryFn: async () => {
      try {
        const me = await api.get<Me>('/api/v1/me');
        // The language chosen in the profile goes before the browser's (null: the browser's stays).
        if (me.user.language) await switchLanguage(me.user.language);
        return me;
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
  });
}

// better-auth's routes are not in docs/openapi.json (the bridge passes them on): written by hand.
type SignInAnswer = { twoFactorRedirect?: boolean };

export function useSignIn() {
  return useMutation({
    mutationFn: (input: { email: string; password: string; rememberMe: boolean }) => api.post<SignInAnswer>('/api/auth/sign-in/email', input),
  });
}

export function useVerifySecondFactor() {
  return useMutation({
    mutationFn: ({ method, code, trustDevice }: { method: 'totp' | 'backup'; code: string; trustDevice: boolean }) =>
      method === 'totp' ? api.post('/api/auth/two-factor/verify-totp', { code, trustDevice }) : api.post('/api/auth/two-factor/verify-backup-code', { code, trustDevice }),
  });
}

export function useSignUp() {
  return useMutation({ mutationFn: (input: { name: string; email: string; password: string }) => api.post('/api/auth/sign-up/email', input) });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' }) });
}

export function useResetPassword() {
  return useMutation({ mutationFn: (input: { newPassword: string; token: string }) => api.post('/api/auth/reset-password', input) });
}

/** Signing out forgets every cached answer: the next user of this browser must not see them. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/sign-out'),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** After signing in or up, the user's workspaces must be read again before routing. */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meKey });
}
