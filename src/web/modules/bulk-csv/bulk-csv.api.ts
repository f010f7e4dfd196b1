import { useMutation, useQueryClient } from '@tanstack/react-query';
import { herald, heraldCall } from '../../api/client.ts';
import type { ApiAnswer } from '../../api/types.ts';
import { postsKey } from '../posts/posts.api.ts';

export type Preview = ApiAnswer<'/api/v1/workspaces/{workspaceId}/bulk-csv/preview', 'post'>;
export type ImportAnswer = ApiAnswer<'/api/v1/workspaces/{workspaceId}/bulk-csv/import', 'post'>;
export type PreviewRow = Preview['rows'][number];

/** What the server accepts (5 million characters); checked here first so a huge file is not sent for nothing. */
export const MAX_FILE_BYTES = 5_000_000;

const base = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/bulk-csv`;
export const templateUrl = (workspaceId: string) => `${base(workspaceId)}/template.csv`;
export const exportUrl = (workspaceId: string) => `${base(workspaceId)}/export.csv`;

export const usePreviewCsv = (workspaceId: string) =>
  useMutation({ mutationFn: (csv: string) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/bulk-csv/preview', { params: { path: { workspaceId } }, body: { csv } })) });

/** The calendar and queues show the new posts once they are imported. */
export function useImportCsv(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/bulk-csv/import', { params: { path: { workspaceId } }, body: { csv } })),
    onSettled: () => client.invalidateQueries({ queryKey: postsKey(workspaceId) }),
  });
}
