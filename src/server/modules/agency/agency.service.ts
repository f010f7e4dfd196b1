import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { can, roles, type Permission } from '../../../shared/permissions.ts';
import { translator } from '../../i18n/i18n.ts';
import { needsAttention } from '../posts/posts.query.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { createAgencyRepository, type CalendarChannel } from './agency.repository.ts';
import { workspaceColour } from './workspace-colours.ts';

/** The longest range one calendar request reads: a month view with its neighbouring weeks fits. */
export const MAX_RANGE_DAYS = 62;
/** More posts than this in one range answers the first ones and `truncated: true`. */
export const CALENDAR_LIMIT = 2000;
/** How far ahead a draft with a planned time counts as needing attention. */
const DRAFT_SOON_MS = 48 * 3_600_000;

const rolesWith = (permission: Permission) => roles.filter((role) => can(role, permission));

const postHref = (workspaceId: string, postId: string) => `/w/${workspaceId}/posts/${postId}`;

const rangeError = (field: string, message: string) => new AppError('validation_failed', 400, `${field}: ${message}`, { issues: [{ field, message }] });

/** The user's workspaces where they may read posts, each with its colour. */
async function readableWorkspaces(ctx: ServiceContext) {
  const rows = await createAgencyRepository(ctx.db).workspacesOf(ctx.actor.userId);
  return rows.filter((w) => can(w.role, 'posts.read')).map((w) => ({ id: w.id, name: w.name, role: w.role, colour: workspaceColour(w.id) }));
}

function channelView(workspaceId: string, d: CalendarChannel) {
  return {
    channelId: d.channelId,
    deliveryId: d.deliveryId,
    network: d.network,
    username: d.username,
    displayName: d.displayName,
    state: d.state,
    avatar: d.avatarCachedAt ? `/api/v1/workspaces/${workspaceId}/channels/${d.channelId}/avatar?v=${new Date(d.avatarCachedAt).getTime()}` : null,
  };
}

/** Every post due in [from, to) across the user's workspaces, with each workspace's name and colour. */
export async function agencyCalendar(ctx: ServiceContext, q: { from: Date; to: Date; workspaceIds?: string[]; states?: string[] }) {
  if (q.to <= q.from) throw rangeError('querystring.to', 'must be after from');
  if (q.to.getTime() - q.from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw rangeError('querystring.to', `must be at most ${MAX_RANGE_DAYS} days after from`);
  const shown = await readableWorkspaces(ctx);
  const byId = new Map(shown.map((w) => [w.id, w]));
  const rows = await createAgencyRepository(ctx.db).calendar({
    userId: ctx.actor.userId,
    roles: rolesWith('posts.read'),
    from: q.from,
    to: q.to,
    workspaceIds: q.workspaceIds,
    states: q.states,
    limit: CALENDAR_LIMIT,
  });
  const items = rows.slice(0, CALENDAR_LIMIT).map((row) => {
    const workspace = byId.get(row.workspaceId) ?? { id: row.workspaceId, name: row.workspaceName, colour: workspaceColour(row.workspaceId) };
    return {
      id: row.id,
      workspace: { id: workspace.id, name: workspace.name, colour: workspace.colour },
      state: row.state,
      publishAt: row.publishAt!,
      timeZone: row.timeZone,
      text: row.text,
      mediaCount: row.mediaCount,
      channels: row.deliveries.map((d) => channelView(row.workspaceId, d)),
      href: postHref(row.workspaceId, row.id),
    };
  });
  return { workspaces: shown, items, truncated: rows.length > CALENDAR_LIMIT };
}

type AttentionKind = 'delivery_failed' | 'delivery_unconfirmed' | 'channel_reconnect' | 'channel_expiring' | 'in_review' | 'review_overdue' | 'draft_due_soon';
type AttentionItem = { kind: AttentionKind; title: string; detail: string | null; at: Date | null; href: string; postId: string | null; channelId: string | null };

const accountName = (c: { username: string | null; displayName: string | null } | null, network: string) => c?.displayName ?? (c?.username ? `@${c.username}` : network);

/**
 * What needs someone in each of the user's workspaces: failed and unconfirmed deliveries, channels
 * to reconnect, posts to review (approvers only), reviews whose time passed (approvers and
 * editors), drafts planned within 48 hours (editors). Each item links into its workspace. Herald's
 * own words are in `language` (the request's); a network's error stays as it wrote it.
 */
export async function agencyAttention(ctx: ServiceContext, options: { now?: Date; language?: Language } = {}) {
  const now = options.now ?? new Date();
  const t = translator(options.language ?? defaultLanguage, 'status');
  const firstLine = (text: string) => text.split('\n').find((l) => l.trim())?.trim() || t('attention.noText');
  const shown = await readableWorkspaces(ctx);
  const repo = createAgencyRepository(ctx.db);
  const ids = shown.map((w) => w.id);
  const approvers = shown.filter((w) => can(w.role, 'posts.approve')).map((w) => w.id);
  const authors = shown.filter((w) => can(w.role, 'posts.edit')).map((w) => w.id);
  const [channels, inReview, draftsSoon, deliveries] = await Promise.all([
    repo.channelsNeedingCare(ids),
    repo.postsIn([...new Set([...approvers, ...authors])], ['in_review']),
    repo.postsIn(authors, ['draft', 'changes_requested'], { from: now, to: new Date(now.getTime() + DRAFT_SOON_MS) }),
    // The workspace's own "Needs attention" list, unchanged, so both views always agree.
    Promise.all(ids.map(async (id) => [id, await needsAttention({ ...ctx, language: options.language }, id)] as const)),
  ]);
  const failing = new Map(deliveries);

  const workspaces = shown.map((workspace) => {
    const items: AttentionItem[] = [];
    for (const d of failing.get(workspace.id)?.items ?? []) {
      items.push({
        kind: d.state === 'failed' ? 'delivery_failed' : 'delivery_unconfirmed',
        title: firstLine(d.content.text),
        detail: t('attention.accountProblem', { account: accountName(d.channel, d.network), problem: d.state === 'failed' ? (d.errorMessage ?? t('attention.failed')) : t('attention.unconfirmed') }),
        at: d.dueAt,
        href: postHref(workspace.id, d.postId),
        postId: d.postId,
        channelId: d.channelId,
      });
    }
    for (const c of channels.filter((c) => c.workspaceId === workspace.id)) {
      items.push({
        kind: c.status === 'expiring' ? 'channel_expiring' : 'channel_reconnect',
        title: accountName(c, c.network),
        detail: c.status === 'expiring' ? t('attention.channelExpiring') : t('attention.channelReconnect'),
        at: null,
        href: `/w/${workspace.id}/channels`,
        postId: null,
        channelId: c.id,
      });
    }
    const canApprove = approvers.includes(workspace.id);
    for (const p of inReview.filter((p) => p.workspaceId === workspace.id)) {
      const overdue = !!p.publishAt && p.publishAt <= now;
      // Editors are told when a review holds up a post; the review itself is the approvers' work.
      if (!overdue && !canApprove) continue;
      items.push({ kind: overdue ? 'review_overdue' : 'in_review', title: firstLine(p.text), detail: overdue ? t('attention.reviewOverdue') : t('attention.inReview'), at: p.publishAt, href: postHref(workspace.id, p.id), postId: p.id, channelId: null });
    }
    for (const p of draftsSoon.filter((p) => p.workspaceId === workspace.id)) {
      items.push({ kind: 'draft_due_soon', title: firstLine(p.text), detail: t('attention.draftDueSoon'), at: p.publishAt, href: postHref(workspace.id, p.id), postId: p.id, channelId: null });
    }
    const count = (kind: AttentionKind) => items.filter((i) => i.kind === kind).length;
    return {
      workspace: { id: workspace.id, name: workspace.name, colour: workspace.colour, role: workspace.role },
      counts: {
        failed: count('delivery_failed'),
        unconfirmed: count('delivery_unconfirmed'),
        channels: count('channel_reconnect') + count('channel_expiring'),
        inReview: count('in_review'),
        reviewOverdue: count('review_overdue'),
        draftsDueSoon: count('draft_due_soon'),
        total: items.length,
      },
      items,
    };
  });
  return { total: workspaces.reduce((sum, w) => sum + w.counts.total, 0), workspaces };
}
