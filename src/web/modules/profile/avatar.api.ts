import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, languageHeader } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';
import { i18n } from '../../i18n/i18n.ts';
import { meKey } from '../auth/auth.api.ts';

// The PUT is multipart and sent without the JSON client; both answers have this shape.
type Picture = ApiAnswer<'/api/v1/me/avatar', 'delete'>;

// The JSON client cannot send files; this is the one multipart call of the profile.
async function uploadAvatar(file: File): Promise<Picture> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch('/api/v1/me/avatar', { method: 'PUT', credentials: 'same-origin', headers: { accept: 'application/json', ...languageHeader() }, body });
  } catch {
    throw new ApiError(0, 'network', i18n.t('profile:avatar.unreachable'));
  }
  const parsed = (await response.json().catch(() => null)) as (Picture & { error?: { code?: string; message?: string; details?: Record<string, unknown> } }) | null;
  if (!response.ok) {
    const error = parsed?.error ?? {};
    throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? i18n.t('profile:avatar.uploadFailed', { status: response.status }), {}, error.details ?? {});
  }
  return parsed as Picture;
}

export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadAvatar, onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }) });
}

export function useRemoveAvatar() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => api.delete<Picture>('/api/v1/me/avatar'), onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }) });
}
