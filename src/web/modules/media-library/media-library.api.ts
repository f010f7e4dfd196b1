import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, languageHeader } from '../../api/client.ts';
import type { ApiAnswer, ApiBody, ApiQuery, Refine } from '../../api/types.ts';

type ListPath = '/api/v1/workspaces/{workspaceId}/media';
export type LibraryItem = Refine<ApiAnswer<ListPath, 'get'>['items'][number], { kind: 'image' | 'video' | 'document' }>;
export type LibraryFilter = Omit<ApiQuery<ListPath, 'get'>, 'cursor' | 'limit'>;
export type MediaUsage = ApiAnswer<'/api/v1/workspaces/{workspaceId}/media/{mediaId}/usage', 'get'>['items'][number];
export type MediaDetails = ApiBody<'/api/v1/workspaces/{workspaceId}/media/{mediaId}', 'patch'>;
export type ImageEdit = ApiBody<'/api/v1/workspaces/{workspaceId}/media/{mediaId}/edits', 'post'>;
export type BulkDeleteAnswer = ApiAnswer<'/api/v1/workspaces/{workspaceId}/media/bulk-delete', 'post'>;
type Tags = ApiAnswer<'/api/v1/workspaces/{workspaceId}/media/tags', 'get'>;
type Setting = ApiAnswer<'/api/v1/workspaces/{workspaceId}/media-library', 'get'>;

const PAGE = 48;
export const libraryKey = (workspaceId: string) => ['workspaces', workspaceId, 'media'] as const;
const settingKey = (workspaceId: string) => ['workspaces', workspaceId, 'media-library'] as const;
const base = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/media`;

function queryString(filter: LibraryFilter, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The library with its filters, page after page ("Load more"). */
export function useLibrary(workspaceId: string, filter: LibraryFilter) {
  return useInfiniteQuery({
    queryKey: [...libraryKey(workspaceId), 'list', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<{ items: LibraryItem[]; nextCursor: string | null }>(`${base(workspaceId)}?${queryString(filter, pageParam)}`),
    getNextPageParam: (last) => last.nextCursor,
    // Typing in the search box keeps the grid in place until the new answer arrives.
    placeholderData: keepPreviousData,
  });
}

export const useLibraryTags = (workspaceId: string) => useQuery({ queryKey: [...libraryKey(workspaceId), 'tags'], queryFn: () => api.get<Tags>(`${base(workspaceId)}/tags`) });

export const useMediaUsage = (workspaceId: string, mediaId: string | null) =>
  useQuery({ queryKey: [...libraryKey(workspaceId), 'usage', mediaId], enabled: !!mediaId, queryFn: () => api.get<{ items: MediaUsage[] }>(`${base(workspaceId)}/${mediaId}/usage`) });

/** Every change to the library refreshes its lists (and tag counts) afterwards. */
function useLibraryMutation<TInput, TAnswer>(workspaceId: string, call: (input: TInput) => Promise<TAnswer>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: libraryKey(workspaceId) }) });
}

export const useUpdateMedia = (workspaceId: string) =>
  useLibraryMutation(workspaceId, ({ id, ...body }: MediaDetails & { id: string }) => api.patch<LibraryItem>(`${base(workspaceId)}/${id}`, body));
export const useBulkDelete = (workspaceId: string) => useLibraryMutation(workspaceId, (ids: string[]) => api.post<BulkDeleteAnswer>(`${base(workspaceId)}/bulk-delete`, { ids }));
export const useEditImage = (workspaceId: string) =>
  useLibraryMutation(workspaceId, ({ id, ...body }: ImageEdit & { id: string }) => api.post<LibraryItem>(`${base(workspaceId)}/${id}/edits`, body));

export const useLibrarySetting = (workspaceId: string) => useQuery({ queryKey: settingKey(workspaceId), queryFn: () => api.get<Setting>(`/api/v1/workspaces/${workspaceId}/media-library`) });

export function useSetLibrarySetting(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => api.put<Setting>(`/api/v1/workspaces/${workspaceId}/media-library`, { enabled }),
    onSuccess: (data) => client.setQueryData(settingKey(workspaceId), data),
  });
}

/** Sends a video's poster frame (a JPEG the browser drew); the body is the image itself. */
export async function uploadPosterFrame(workspaceId: string, mediaId: string, frame: Blob): Promise<void> {
  const response = await fetch(`${base(workspaceId)}/${mediaId}/thumbnail`, { method: 'PUT', credentials: 'same-origin', headers: { 'content-type': 'image/jpeg', accept: 'application/json', ...languageHeader() }, body: frame });
  if (!response.ok) throw new Error(`The poster frame was not saved (${response.status})`);
}
