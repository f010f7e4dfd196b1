import { and, eq, inArray } from 'drizzle-orm';
import { postExcerpt } from '../../../shared/post-excerpt.ts';
import type { Db } from '../../db/database.ts';
import { channels, deliveries, postGroups, users, workspaces } from '../../db/schema/index.ts';

type Row = { entityType: string; entityId: string | null; changes: Record<string, unknown> | null };

/** What an audit row is about, as people name it: a post by its first words, a channel by @username. */
export type NamedEntity = {
  type: string;
  id: string;
  name: string;
  /** The page to open in the web app; null when it is gone or has no page. */
  link: string | null;
  network: string | null;
  /** True when it no longer exists (the name is then a description, not the thing's own). */
  gone: boolean;
};

const stringAt = (changes: Row['changes'], key: string) => (typeof changes?.[key] === 'string' ? (changes[key] as string) : null);
/** Keys of `changes` that hold ids (`authorId`, `channelIds`, a post's `channels`): the page shows names instead. */
const holdsIds = (key: string) => /Ids?$/.test(key) || key === 'channels';
const idsIn = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []).filter((v) => v.length <= 100);
const idsInChanges = (changes: Row['changes']) => Object.entries(changes ?? {}).flatMap(([key, value]) => (holdsIds(key) ? idsIn(value) : []));

/**
 * Names the entities of a page of audit rows for the workspace, with one query per kind of entity
 * (deliveries, posts, channels, people, the workspace), whatever the number of rows. Only this
 * workspace's posts and channels are looked up, so a row can never reveal another's.
 */
export async function nameAuditEntities(db: Db, workspaceId: string, rows: Row[]) {
  const ofType = (...types: string[]) => [...new Set(rows.filter((r) => types.includes(r.entityType) && r.entityId).map((r) => r.entityId!))];

  const deliveryIds = ofType('delivery');
  const deliveryRows = deliveryIds.length
    ? await db
        .select({ id: deliveries.id, postId: deliveries.postGroupId, channelId: deliveries.channelId })
        .from(deliveries)
        .where(and(inArray(deliveries.id, deliveryIds), eq(deliveries.workspaceId, workspaceId)))
    : [];
  const deliveryOf = new Map(deliveryRows.map((d) => [d.id, d]));

  const postIds = [...new Set([...ofType('post'), ...rows.flatMap((r) => (r.entityType === 'comment' ? [stringAt(r.changes, 'postId')] : [])).filter((id): id is string => !!id), ...deliveryRows.map((d) => d.postId)])];
  const postRows = postIds.length
    ? await db.select({ id: postGroups.id, content: postGroups.content }).from(postGroups).where(and(inArray(postGroups.id, postIds), eq(postGroups.workspaceId, workspaceId)))
    : [];
  const postName = new Map(postRows.map((p) => [p.id, postExcerpt(p.content)]));

  const channelIds = [...new Set([...ofType('channel'), ...deliveryRows.map((d) => d.channelId), ...rows.flatMap((r) => idsInChanges(r.changes))])];
  const channelRows = channelIds.length
    ? await db
        .select({ id: channels.id, username: channels.username, displayName: channels.displayName, network: channels.network })
        .from(channels)
        .where(and(inArray(channels.id, channelIds), eq(channels.workspaceId, workspaceId)))
    : [];
  const channelOf = new Map(channelRows.map((c) => [c.id, c]));

  const userIds = [...new Set([...ofType('member', 'user'), ...rows.flatMap((r) => idsInChanges(r.changes))])];
  const userRows = userIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [];
  const userName = new Map(userRows.map((u) => [u.id, u.name]));

  const [workspace] = rows.some((r) => r.entityType === 'workspace') ? await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId)) : [];

  const base = `/w/${workspaceId}`;
  const post = (id: string, type = 'post'): NamedEntity =>
    postName.has(id)
      ? { type, id, name: postName.get(id)!, link: `${base}/posts/${id}`, network: null, gone: false }
      : { type, id, name: 'a deleted post', link: null, network: null, gone: true };
  const channel = (id: string): NamedEntity => {
    const c = channelOf.get(id);
    if (!c) return { type: 'channel', id, name: 'a removed channel', link: null, network: null, gone: true };
    return { type: 'channel', id, name: c.username ? `@${c.username.replace(/^@/, '')}` : (c.displayName ?? 'a channel'), link: `${base}/channels`, network: c.network, gone: false };
  };

  function entityOf(row: Row): NamedEntity | null {
    const id = row.entityId;
    switch (row.entityType) {
      case 'post':
        return id ? post(id) : null;
      case 'comment': {
        const postId = stringAt(row.changes, 'postId');
        return postId ? { ...post(postId, 'comment'), id: id ?? postId } : null;
      }
      case 'delivery': {
        const d = id ? deliveryOf.get(id) : undefined;
        if (!d) return id ? { type: 'delivery', id, name: 'a deleted post', link: null, network: null, gone: true } : null;
        const c = channelOf.get(d.channelId);
        return { ...post(d.postId, 'delivery'), id: id!, network: c?.network ?? null };
      }
      case 'channel':
        return id ? channel(id) : null;
      case 'member':
      case 'user':
        if (!id) return null;
        return userName.has(id) ? { type: row.entityType, id, name: userName.get(id)!, link: `${base}/members`, network: null, gone: false } : { type: row.entityType, id, name: 'a former member', link: null, network: null, gone: true };
      case 'invitation': {
        const email = (row.changes?.email as { to?: unknown } | undefined)?.to;
        return id ? { type: 'invitation', id, name: typeof email === 'string' ? email : 'an invitation', link: `${base}/members`, network: null, gone: false } : null;
      }
      case 'media': {
        const fileName = stringAt(row.changes, 'fileName');
        return id ? { type: 'media', id, name: fileName ?? 'a file', link: null, network: null, gone: false } : null;
      }
      case 'workspace':
        return id ? { type: 'workspace', id, name: workspace?.name ?? 'the workspace', link: `${base}/settings`, network: null, gone: !workspace } : null;
      default:
        return null;
    }
  }

  // Ids in `changes` answered with names; an id no longer found reads "a former member" for a
  // person's key (authorId, userId…) and "since deleted" otherwise.
  function namesIn(row: Row): Record<string, string> {
    const named: Record<string, string> = {};
    for (const [key, value] of Object.entries(row.changes ?? {})) {
      if (!holdsIds(key)) continue;
      for (const id of idsIn(value)) {
        if (userName.has(id)) named[id] = userName.get(id)!;
        else if (postName.has(id)) named[id] = postName.get(id)!;
        else if (channelOf.has(id)) named[id] = channel(id).name;
        else named[id] = /user|author|owner|member/i.test(key) || id.startsWith('deleted-user:') ? 'a former member' : 'since deleted';
      }
    }
    return named;
  }

  return rows.map((row) => ({ entity: entityOf(row), names: namesIn(row) }));
}
