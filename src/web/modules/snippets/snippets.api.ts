import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { herald, heraldCall } from '../../api/client.ts';
import type { ApiAnswer, ApiBody } from '../../api/types.ts';

export type Snippet = ApiAnswer<'/api/v1/workspaces/{workspaceId}/snippets', 'get'>['snippets'][number];
export type SnippetInput = ApiBody<'/api/v1/workspaces/{workspaceId}/snippets', 'post'>;

const snippetsKey = (workspaceId: string) => ['workspaces', workspaceId, 'snippets'] as const;

export const useSnippets = (workspaceId: string, enabled = true) =>
  useQuery({
    queryKey: snippetsKey(workspaceId),
    enabled,
    queryFn: () => heraldCall(herald.GET('/api/v1/workspaces/{workspaceId}/snippets', { params: { path: { workspaceId } } })),
  });

function useSnippetsMutation<TInput, TAnswer>(workspaceId: string, call: (input: TInput) => Promise<TAnswer>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => client.invalidateQueries({ queryKey: snippetsKey(workspaceId) }) });
}

export const useCreateSnippet = (workspaceId: string) =>
  useSnippetsMutation(workspaceId, (body: SnippetInput) => heraldCall(herald.POST('/api/v1/workspaces/{workspaceId}/snippets', { params: { path: { workspaceId } }, body })));
export const useDeleteSnippet = (workspaceId: string) =>
  useSnippetsMutation(workspaceId, (snippetId: string) =>
    heraldCall(herald.DELETE('/api/v1/workspaces/{workspaceId}/snippets/{snippetId}', { params: { path: { workspaceId, snippetId } } })),
  );
export const useUpdateSnippet = (workspaceId: string) =>
  useSnippetsMutation(workspaceId, ({ snippetId, body }: { snippetId: string; body: Partial<SnippetInput> }) =>
    heraldCall(herald.PATCH('/api/v1/workspaces/{workspaceId}/snippets/{snippetId}', { params: { path: { workspaceId, snippetId } }, body })),
  );
