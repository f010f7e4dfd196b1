import { loadMediaFacts } from '../media/media.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { createPost } from './posts.compose.ts';
import { composeView, mediaIdsOf, type ComposeInput, type PostsDeps } from './posts.content.ts';
import { createPostsRepository } from './posts.repository.ts';

type MediaRef = { mediaId: string; altText?: string };

/**
 * What a copy of a post would hold: each channel with exactly what it had. What can no longer be
 * copied is left out and counted: files deleted after publishing (media is kept only until then)
 * and channels since disconnected. Shared by "Duplicate" and evergreen recycling.
 */
export async function copyableContent(ctx: ServiceContext, input: { workspaceId: string; postId: string }) {
  const repo = createPostsRepository(ctx.db);
  const group = await repo.findGroup(input.workspaceId, input.postId);
  if (!group) throw notFound('post');
  const rows = await repo.deliveriesOf(group.id);
  // A channel taken off the post stays on it as a cancelled delivery: not part of the copy,
  // unless the whole post was cancelled.
  const wanted = rows.some((r) => r.state !== 'cancelled') ? rows.filter((r) => r.state !== 'cancelled') : rows;
  const connected = new Set((await repo.channelsIn(input.workspaceId, wanted.map((r) => r.channelId))).filter((c) => c.status !== 'disconnected').map((c) => c.id));
  const kept = wanted.filter((r) => connected.has(r.channelId));

  const ready = await loadMediaFacts(ctx.db, input.workspaceId, mediaIdsOf([group.content, ...kept.map((r) => r.content)]));
  const missing = new Set<string>();
  const present = (refs: MediaRef[]) =>
    refs.filter((m) => {
      if (ready.has(m.mediaId)) return true;
      missing.add(m.mediaId);
      return false;
    });
  const parts = (list: { text: string; media: MediaRef[] }[]) => list.map((p) => ({ text: p.text, media: present(p.media) }));

  const shared = composeView(group.content);
  const compose: ComposeInput = {
    content: { text: shared.text, media: present(shared.media), threadParts: parts(shared.threadParts), firstComment: shared.firstComment, linkCard: shared.linkCard },
    channels: kept.map((r) => {
      const own = composeView(r.content);
      return { channelId: r.channelId, text: own.text, media: present(own.media), threadParts: parts(own.threadParts), firstComment: own.firstComment, settings: r.content.settings, utm: own.utm };
    }),
  };
  return { group, compose, left: { media: missing.size, channels: wanted.length - kept.length } };
}

/** A copy of any post (draft, scheduled, published, failed…) as a new draft without a time. */
export async function duplicatePost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string; role: string }) {
  const { compose, left } = await copyableContent(ctx, input);
  if (!compose.channels.length) throw conflict('post.no_channels', 'None of this post’s channels is connected any more: connect one again, then duplicate the post');
  const post = await createPost(ctx, deps, { workspaceId: input.workspaceId, role: input.role, compose, schedule: { mode: 'draft' } });
  return { post, left };
}
