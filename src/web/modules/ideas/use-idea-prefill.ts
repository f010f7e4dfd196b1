// "Turn into a post": the composer opened with ?idea=<id> starts from the card's text and files,
// and the post it saves is recorded on the card. The composer only calls this hook.
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../api/client.ts';
import type { Draft } from '../posts/composer-model.ts';
import type { Media } from '../posts/posts.api.ts';
import { useIdea, useLinkIdea } from './ideas.api.ts';

export function useIdeaPrefill({ workspaceId, ideaId, edit, adopt }: { workspaceId: string; ideaId: string | null; edit: (change: (d: Draft) => Draft) => void; adopt: (media: Media[]) => void }) {
  const idea = useIdea(workspaceId, ideaId);
  const link = useLinkIdea(workspaceId);
  const applied = useRef(false);

  useEffect(() => {
    const card = idea.data;
    if (!card || applied.current) return;
    applied.current = true;
    // Only files still there: one deleted since it was put on the card is left out.
    void Promise.all(card.media.map((m) => api.get<Media>(`/api/v1/workspaces/${workspaceId}/media/${m.mediaId}`).catch(() => null))).then((found) => {
      const ready = found.filter((m): m is Media => m?.status === 'ready');
      adopt(ready);
      const usable = new Set(ready.map((m) => m.id));
      edit((d) => ({
        ...d,
        text: d.text || card.body || card.title,
        media: d.media.length ? d.media : card.media.filter((m) => usable.has(m.mediaId)).map((m) => ({ key: m.mediaId, altText: m.altText ?? '' })),
      }));
    });
  }, [idea.data, workspaceId, edit, adopt]);

  /** After the post is saved; the post stays saved even if the card cannot be updated. */
  const linkPost = useCallback(
    async (postId: string) => {
      if (ideaId) await link.mutateAsync({ ideaId, postId }).catch(() => undefined);
    },
    [ideaId, link],
  );

  return { idea: idea.data, linkPost };
}
