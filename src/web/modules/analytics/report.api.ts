import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, languageHeader } from '../../api/client.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';
import type { DayRange, ReportAnswer } from '../../../shared/analytics.ts';

// The client report page: the report itself, its monthly e-mail and the workspace's logo.

export type ReportSchedule = ApiAnswer<'/api/v1/workspaces/{workspaceId}/analytics/report-schedule', 'get'>;
type ScheduleBody = ApiBody<'/api/v1/workspaces/{workspaceId}/analytics/report-schedule', 'put'>;
type Logo = ApiAnswer<'/api/v1/workspaces/{workspaceId}/logo', 'delete'>;

const reportKey = (workspaceId: string, range: DayRange) => ['workspaces', workspaceId, 'analytics', 'report', range.from, range.to] as const;
const scheduleKey = (workspaceId: string) => ['workspaces', workspaceId, 'analytics', 'report-schedule'] as const;

export const reportQuery = (range: DayRange) => `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;
export const reportPdfUrl = (workspaceId: string, range: DayRange) => `/api/v1/workspaces/${workspaceId}/analytics/report.pdf?${reportQuery(range)}`;

export function useReport(workspaceId: string, range: DayRange) {
  return useQuery({ queryKey: reportKey(workspaceId, range), queryFn: () => api.get<ReportAnswer>(`/api/v1/workspaces/${workspaceId}/analytics/report?${reportQuery(range)}`) });
}

export function useReportSchedule(workspaceId: string, enabled: boolean) {
  return useQuery({ queryKey: scheduleKey(workspaceId), enabled, queryFn: () => api.get<ReportSchedule>(`/api/v1/workspaces/${workspaceId}/analytics/report-schedule`) });
}

export function useSaveReportSchedule(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleBody) => api.put<ReportSchedule>(`/api/v1/workspaces/${workspaceId}/analytics/report-schedule`, body),
    onSuccess: (saved) => queryClient.setQueryData(scheduleKey(workspaceId), saved),
  });
}

// The JSON client cannot send files: the logo goes as multipart, like the profile picture.
async function uploadLogo(workspaceId: string, file: File): Promise<Logo> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/v1/workspaces/${workspaceId}/logo`, { method: 'PUT', credentials: 'same-origin', headers: { accept: 'application/json', ...languageHeader() }, body });
  } catch {
    throw new ApiError(0, 'network', i18n.t('analytics:report.settings.unreachable'));
  }
  const parsed = (await response.json().catch(() => null)) as (Logo & { error?: { code?: string; message?: string; details?: Record<string, unknown> } }) | null;
  if (!response.ok) {
    const error = parsed?.error ?? {};
    throw new ApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? i18n.t('analytics:report.settings.uploadFailed', { status: response.status }), {}, error.details ?? {});
  }
  return parsed as Logo;
}

/** After a logo change the report and the settings are read again (both show it). */
function useRefreshReport(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'workspaces' && q.queryKey[1] === workspaceId && q.queryKey[2] === 'analytics' });
}

export function useUploadLogo(workspaceId: string) {
  const refresh = useRefreshReport(workspaceId);
  return useMutation({ mutationFn: (file: File) => uploadLogo(workspaceId, file), onSettled: refresh });
}

export function useRemoveLogo(workspaceId: string) {
  const refresh = useRefreshReport(workspaceId);
  return useMutation({ mutationFn: () => api.delete<Logo>(`/api/v1/workspaces/${workspaceId}/logo`), onSettled: refresh });
}
