import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { meKey } from '../auth/auth.api.ts';
import type { Language } from '../../i18n/languages.ts';

// better-auth's routes are not in docs/openapi.json (the bridge passes them on): written by hand.
type SessionInfo = { id: string; createdAt: string; updatedAt: string; expiresAt: string; ipAddress?: string | null; userAgent?: string | null };
export type TwoFactorSetup = { totpURI: string; backupCodes: string[] };

const sessionsKey = ['sessions'] as const;
const currentSessionKey = ['sessions', 'current'] as const;

function useMeMutation<TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }) });
}

export const useUpdateName = () => useMeMutation((name: string) => api.post('/api/auth/update-user', { name }));

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean }) => api.post('/api/auth/change-password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Step one of two: the server creates a secret, but two-factor is on only once a code confirms it. */
export const useStartTwoFactor = () => useMutation({ mutationFn: (password: string) => api.post<TwoFactorSetup>('/api/auth/two-factor/enable', { password }) });

export const useConfirmTwoFactor = () => useMeMutation((code: string) => api.post('/api/auth/two-factor/verify-totp', { code }));

export const useDisableTwoFactor = () => useMeMutation((password: string) => api.post('/api/auth/two-factor/disable', { password }));

export const useNewBackupCodes = () =>
  useMutation({ mutationFn: (password: string) => api.post<{ backupCodes: string[] }>('/api/auth/two-factor/generate-backup-codes', { password }) });

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api.get<SessionInfo[]>('/api/auth/list-sessions') });
}

export function useCurrentSessionId() {
  return useQuery({
    queryKey: currentSessionKey,
    queryFn: () => api.get<{ session: { id: string } } | null>('/api/auth/get-session'),
    select: (data) => data?.session.id ?? null,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    // By id: session tokens stay in the httpOnly cookie and are never sent to the page.
    mutationFn: (sessionId: string) => api.delete(`/api/v1/me/sessions/${encodeURIComponent(sessionId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/revoke-other-sessions'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Where the confirmation link in the new address's mail lands; the Profile page reads the query. */
const EMAIL_CHANGED_CALLBACK = '/profile?email=changed';

/** Sends a link to the new address; the account switches to it only when the link is opened. */
export const useChangeEmail = () =>
  useMutation({ mutationFn: (newEmail: string) => api.post<{ status: boolean }>('/api/auth/change-email', { newEmail, callbackURL: EMAIL_CHANGED_CALLBACK }) });

/** The user's language (null: follow the browser); /me carries it, and the app switches to it. */
export const useSetLanguage = () => useMeMutation((language: Language | null) => api.put<{ language: Language | null }>('/api/v1/me/language', { language }));
