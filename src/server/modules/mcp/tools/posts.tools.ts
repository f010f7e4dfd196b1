import { z } from 'zod';
import { networkLabel } from '../../../../networks/index.ts';
import { isoInstant } from '../../../http/schemas.ts';
import { isInstantInRange } from '../../shared/instants.ts';
import { createPost, deletePost } from '../../posts/posts.compose.ts';
import { cancelPost } from '../../posts/deliveries.service.ts';
import { runBeforeSaveActions } from '../../posts/network-actions.ts';
import type { ComposeInput, ScheduleInput } from '../../posts/posts.content.ts';
import { getPost, listPosts } from '../../posts/posts.query.ts';
import { schedulePost } from '../../posts/posts.schedule.ts';
import { getQueue } from '../../posts/queue.service.ts';
import { workspaceTimeZone } from '../../posts/time-slots.service.ts';
import { listChannels } from '../../channels/channels.service.ts';
import { invalid } from '../../shared/errors.ts';
import { workspaceAccess, type WorkspaceAccess } from '../mcp.access.ts';
import { workspaceIdInput, type ToolKit } from '../mcp.tool-kit.ts';

type Post = Awaited<ReturnType<typeof getPost>>;

const postStates = ['draft', 'in_review', 'changes_requested', 'scheduled', 'publishing', 'published', 'partially_failed', 'failed', 'cancelled'] as const;

const id = (what: string) => z.string().min(1).max(100).describe(what);
const mediaInput = z
  .array(z.object({ mediaId: id('A media id'), altText: z.string().max(2000).optional().describe('Description of the image for people who cannot see it') }))
  .max(35)
  .describe('Files uploaded to Herald beforehand (POST /api/v1/workspaces/{workspaceId}/media with the same key), by id');
const dateInput = (what: string) =>
  z
    .string()
    .max(64)
    .refine((value) => !Number.isNaN(Date.parse(value)) && isInstantInRange(new Date(value)), 'must be a date such as 2026-05-01 or 2026-05-01T09:00:00Z')
    .describe(what);
const publishAtInput = isoInstant('must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T09:00:00+01:00').describe('When it goes out: ISO 8601 with an offset, e.g. 2026-12-01T09:00:00+01:00');
const timeZoneInput = z.string().min(1).max(64).optional().describe('The IANA zone the time was meant in, e.g. Europe/Berlin (default: the workspace zone)');
const postIdInput = id('The post id (list_posts, create_draft)');

/** What a new post says: the same for every channel unless an override says otherwise. */
const contentInput = {
  text: z.string().max(50_000).describe('The post text; check get_network_rules for each channel’s limit'),
  channelIds: z.array(id('A channel id')).min(1, 'choose at least one channel').max(50).describe('The channels to post to (list_channels)'),
  media: mediaInput.optional(),
  threadParts: z
    .array(z.object({ text: z.string().max(50_000), media: mediaInput.optional() }))
    .max(25)
    .optional()
    .describe('Further posts of a thread, after the first (only on networks whose rules say supportsThreads: true)'),
  firstComment: z.string().max(10_000).optional().describe('A comment posted under the post right after it (networks whose rules say firstComment: true)'),
  channelOverrides: z
    .array(
      z.object({
        channelId: id('One of channelIds'),
        text: z.string().max(50_000).optional().describe('This channel’s own text'),
        settings: z.record(z.string(), z.unknown()).optional().describe('Network settings for this channel (see get_network_rules: settings), e.g. Mastodon visibility, TikTok privacyLevel'),
      }),
    )
    .max(50)
    .optional()
    .describe('Per-channel text or network settings'),
};
const optionalContent = {
  text: contentInput.text.optional(),
  channelIds: contentInput.channelIds.optional(),
  media: contentInput.media,
  threadParts: contentInput.threadParts,
  firstComment: contentInput.firstComment,
  channelOverrides: contentInput.channelOverrides,
};
type ContentArgs = { text: string; channelIds: string[]; media?: z.output<typeof mediaInput>; threadParts?: { text: string; media?: z.output<typeof mediaInput> }[]; firstComment?: string; channelOverrides?: { channelId: string; text?: string; settings?: Record<string, unknown> }[] };

function composeFrom(args: ContentArgs): ComposeInput {
  const overrides = new Map((args.channelOverrides ?? []).map((o) => [o.channelId, o]));
  const stray = [...overrides.keys()].find((channelId) => !args.channelIds.includes(channelId));
  if (stray) throw invalid('validation_failed', `channelOverrides: ${stray} is not one of channelIds`, { issues: [{ field: 'channelOverrides', message: `${stray} is not one of channelIds` }] });
  return {
    content: {
      text: args.text,
      media: args.media ?? [],
      threadParts: (args.threadParts ?? []).map((p) => ({ text: p.text, media: p.media ?? [] })),
      firstComment: args.firstComment ?? null,
    },
    channels: args.channelIds.map((channelId) => {
      const override = overrides.get(channelId);
      return { channelId, ...(override?.text !== undefined ? { text: override.text } : {}), ...(override?.settings ? { settings: override.settings } : {}) };
    }),
  };
}

/** A post as an assistant reads it: its text, time, state and where each channel stands. */
export function postView(post: Post) {
  return {
    id: post.id,
    workspaceId: post.workspaceId,
    state: post.state,
    publishAt: post.publishAt,
    timeZone: post.timeZone,
    content: post.content,
    review: post.review,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
    channels: post.deliveries.map((d) => ({
      deliveryId: d.id,
      channelId: d.channelId,
      network: d.network,
      name: d.channel?.displayName ?? d.channel?.username ?? networkLabel(d.network),
      state: d.state,
      ...(d.content.text !== (post.content as { text?: string }).text ? { text: d.content.text } : {}),
      settings: d.settings,
      dueAt: d.dueAt,
      publishedAt: d.publishedAt,
      externalUrl: d.externalUrl,
      error: d.errorCode ? { code: d.errorCode, message: d.errorMessage } : null,
    })),
  };
}

const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
};
const when = (post: Post) => (post.publishAt ? `${new Date(post.publishAt).toISOString()} (${post.timeZone})` : 'no time');
const channelsOf = (post: Post) => post.deliveries.map((d) => `${d.channel?.displayName ?? d.channel?.username ?? d.network} on ${networkLabel(d.network)}: ${d.state}`).join(', ');
export const postLine = (post: Post) => `Post ${post.id} [${post.state}] at ${when(post)} — "${excerpt((post.content as { text: string }).text)}" — ${channelsOf(post)}`;

/** What scheduling did, in words: scheduled, or waiting for an approver. */
function scheduledSentence(post: Post): string {
  if (post.state === 'in_review') return `This workspace needs approval for this post: it was sent to review and goes out at ${when(post)} only once an approver approves it.`;
  if (post.state === 'scheduled') return `Scheduled for ${when(post)}${post.review.approvedByName ? ' (approved by scheduling, as the key-holder can approve)' : ''}.`;
  return `The post is now ${post.state}${post.publishAt ? ` at ${when(post)}` : ''}.`;
}

export function registerPostTools({ caller, deps, tool }: ToolKit) {
  const ctx = caller.ctx;
  const postsDeps = deps.posts;
  const beforeSave = (access: WorkspaceAccess, compose: ComposeInput) =>
    runBeforeSaveActions(ctx, { ...deps.channels, config: deps.config }, { workspaceId: access.workspaceId, role: access.role, channels: compose.channels });
  const atSchedule = async (access: WorkspaceAccess, publishAt: string, timeZone: string | undefined): Promise<ScheduleInput> => ({
    mode: 'at',
    publishAt,
    timeZone: timeZone ?? (await workspaceTimeZone(ctx.db, access.workspaceId)),
  });
  const answer = (post: Post, sentence: string) => ({ text: `${sentence}\n${postLine(post)}`, data: { post: postView(post) } });

  tool(
    'list_posts',
    {
      title: 'List posts',
      description:
        'Posts of the workspace by publish time (oldest first): the calendar between from and to, optionally only some states or one channel. Drafts without a time are listed by when they were written. Pages: pass nextCursor back as cursor.',
      input: {
        workspaceId: workspaceIdInput,
        from: dateInput('Start of the range (inclusive), e.g. 2026-05-01').optional(),
        to: dateInput('End of the range (exclusive), e.g. 2026-06-01').optional(),
        states: z.array(z.enum(postStates)).max(postStates.length).optional().describe('Only posts in these states'),
        channelId: id('Only posts to this channel').optional(),
        cursor: z.string().max(300).optional().describe('nextCursor of the previous page'),
        limit: z.number().int().min(1).max(200).default(50).describe('Posts per page (default 50)'),
      },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const access = await workspaceAccess(caller, args.workspaceId, ['posts.read']);
      const page = await listPosts(ctx, access.workspaceId, {
        from: args.from ? new Date(args.from) : undefined,
        to: args.to ? new Date(args.to) : undefined,
        states: args.states,
        channelId: args.channelId,
        cursor: args.cursor,
        limit: args.limit,
      });
      const lines = page.items.map((p) => `- ${postLine(p)}`);
      const more = page.nextCursor ? `\nMore: pass cursor "${page.nextCursor}".` : '';
      return { text: page.items.length ? `${page.items.length} post(s):\n${lines.join('\n')}${more}` : 'No posts match.', data: { items: page.items.map(postView), nextCursor: page.nextCursor } };
    },
  );

  tool(
    'get_post',
    {
      title: 'Get a post',
      description: 'One post with its text, time, review state and, per channel, its delivery state, link once published and error if it failed.',
      input: { workspaceId: workspaceIdInput, postId: postIdInput },
      annotations: { readOnlyHint: true },
    },
    async ({ workspaceId, postId }) => {
      const access = await workspaceAccess(caller, workspaceId, ['posts.read']);
      const post = await getPost(ctx, access.workspaceId, postId);
      return answer(post, `Post ${post.id} is ${post.state}.`);
    },
  );

  tool(
    'create_draft',
    {
      title: 'Create a draft',
      description:
        'Write a new draft for one or more channels. Nothing is sent: a draft with publishAt shows on the calendar at that time until it is scheduled (schedule_post). Saved drafts are checked against each network’s rules (validation_failed lists every problem).',
      input: { workspaceId: workspaceIdInput, ...contentInput, publishAt: publishAtInput.optional(), timeZone: timeZoneInput },
    },
    async (args) => {
      const access = await workspaceAccess(caller, args.workspaceId, ['posts.edit']);
      const compose = composeFrom(args);
      await beforeSave(access, compose);
      const schedule: ScheduleInput = { mode: 'draft', ...(args.publishAt ? { publishAt: args.publishAt, timeZone: args.timeZone ?? (await workspaceTimeZone(ctx.db, access.workspaceId)) } : {}) };
      const post = await createPost(ctx, postsDeps, { workspaceId: access.workspaceId, role: access.role, compose, schedule });
      return answer(post, `Draft ${post.id} saved${post.publishAt ? ` for ${when(post)}` : ''}; nothing is sent until it is scheduled.`);
    },
  );

  tool(
    'schedule_post',
    {
      title: 'Schedule a post',
      description:
        'Schedule a post to go out at publishAt: either an existing post (postId: a draft, or one sent back for changes) or a new one (text and channelIds). In workspaces that need approval the post goes to review instead and is published only once an approver approves it; the answer says which happened.',
      input: { workspaceId: workspaceIdInput, postId: postIdInput.optional(), ...optionalContent, publishAt: publishAtInput, timeZone: timeZoneInput },
    },
    async (args) => {
      const access = await workspaceAccess(caller, args.workspaceId, ['posts.edit', 'posts.schedule']);
      const schedule = await atSchedule(access, args.publishAt, args.timeZone);
      if (args.postId) {
        if (args.text !== undefined || args.channelIds !== undefined) throw invalid('validation_failed', 'Give either postId (an existing post) or text and channelIds (a new post), not both', { issues: [{ field: 'postId', message: 'give either postId or text and channelIds' }] });
        const post = await schedulePost(ctx, postsDeps, { workspaceId: access.workspaceId, postId: args.postId, role: access.role, schedule });
        return answer(post, scheduledSentence(post));
      }
      if (args.text === undefined || !args.channelIds) throw invalid('validation_failed', 'Give postId (an existing post), or text and channelIds for a new one', { issues: [{ field: 'postId', message: 'give postId, or text and channelIds' }] });
      const compose = composeFrom({ ...args, text: args.text, channelIds: args.channelIds });
      await beforeSave(access, compose);
      const post = await createPost(ctx, postsDeps, { workspaceId: access.workspaceId, role: access.role, compose, schedule });
      return answer(post, scheduledSentence(post));
    },
  );

  tool(
    'reschedule_post',
    {
      title: 'Reschedule a post',
      description: 'Move a scheduled post (or one waiting in review) to a new time; what has already gone out stays out. In workspaces that need approval a move may send it back to review; the answer says so.',
      input: { workspaceId: workspaceIdInput, postId: postIdInput, publishAt: publishAtInput, timeZone: timeZoneInput },
      annotations: { idempotentHint: true },
    },
    async (args) => {
      const access = await workspaceAccess(caller, args.workspaceId, ['posts.edit', 'posts.schedule']);
      const post = await schedulePost(ctx, postsDeps, { workspaceId: access.workspaceId, postId: args.postId, role: access.role, schedule: await atSchedule(access, args.publishAt, args.timeZone) });
      return answer(post, scheduledSentence(post));
    },
  );

  tool(
    'cancel_post',
    {
      title: 'Cancel a post',
      description: 'Stop a scheduled post from going out on every channel it has not reached yet. What was published stays published; the post stays in Herald as cancelled (delete_post removes it).',
      input: { workspaceId: workspaceIdInput, postId: postIdInput },
      annotations: { destructiveHint: true, idempotentHint: true },
    },
    async ({ workspaceId, postId }) => {
      const access = await workspaceAccess(caller, workspaceId, ['posts.schedule']);
      const post = await cancelPost(ctx, postsDeps, { workspaceId: access.workspaceId, postId });
      return answer(post, `Post ${post.id} cancelled: it is now ${post.state}.`);
    },
  );

  tool(
    'delete_post',
    {
      title: 'Delete a post',
      description: 'Delete a post from Herald (refused while it is being published). It is not deleted from the networks it was already published on.',
      input: { workspaceId: workspaceIdInput, postId: postIdInput },
      annotations: { destructiveHint: true },
    },
    async ({ workspaceId, postId }) => {
      const access = await workspaceAccess(caller, workspaceId, ['posts.edit']);
      await deletePost(ctx, postsDeps, { workspaceId: access.workspaceId, postId });
      return { text: `Post ${postId} deleted.`, data: { deleted: true, postId } };
    },
  );

  tool(
    'list_queue_slots',
    {
      title: 'List queue slots',
      description:
        "A channel's queue: its upcoming posts in time order and the free posting times (the channel's weekly time slots no post takes yet). add_to_queue takes the next free one. Without channelId: every connected channel.",
      input: {
        workspaceId: workspaceIdInput,
        channelId: id('One channel').optional(),
        count: z.number().int().min(1).max(200).default(10).describe('Free times per channel (default 10)'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ workspaceId, channelId, count }) => {
      const access = await workspaceAccess(caller, workspaceId, ['posts.read']);
      const ids = channelId ? [channelId] : (await listChannels(ctx, access.workspaceId)).filter((c) => c.status !== 'disconnected').map((c) => c.id);
      const items = [];
      for (const id of ids) {
        const queue = await getQueue(ctx, access.workspaceId, id);
        items.push({ channelId: id, timeZone: queue.timeZone, hasPostingTimes: queue.hasPostingTimes, freeSlots: queue.freeSlots.slice(0, count), upcoming: queue.posts.map((p) => ({ postId: p.postId, at: p.at, state: p.state, text: p.text })) });
      }
      const lines = items.map((q) =>
        q.hasPostingTimes
          ? `- ${q.channelId}: ${q.upcoming.length} upcoming; next free: ${q.freeSlots.slice(0, 3).map((d) => d.toISOString()).join(', ') || 'none within a week'}`
          : `- ${q.channelId}: no posting times set (add them on the Channels page)`,
      );
      return { text: lines.join('\n') || 'No connected channels.', data: { items } };
    },
  );

  tool(
    'add_to_queue',
    {
      title: 'Add to queue',
      description:
        'Schedule a post at the next free time slot its channels share (see list_queue_slots): an existing post (postId) or a new one (text and channelIds). Approval rules apply as in schedule_post.',
      input: { workspaceId: workspaceIdInput, postId: postIdInput.optional(), ...optionalContent },
    },
    async (args) => {
      const access = await workspaceAccess(caller, args.workspaceId, ['posts.edit', 'posts.schedule']);
      const schedule: ScheduleInput = { mode: 'queue' };
      if (args.postId) {
        const post = await schedulePost(ctx, postsDeps, { workspaceId: access.workspaceId, postId: args.postId, role: access.role, schedule });
        return answer(post, `Added to the queue. ${scheduledSentence(post)}`);
      }
      if (args.text === undefined || !args.channelIds) throw invalid('validation_failed', 'Give postId (an existing post), or text and channelIds for a new one', { issues: [{ field: 'postId', message: 'give postId, or text and channelIds' }] });
      const compose = composeFrom({ ...args, text: args.text, channelIds: args.channelIds });
      await beforeSave(access, compose);
      const post = await createPost(ctx, postsDeps, { workspaceId: access.workspaceId, role: access.role, compose, schedule });
      return answer(post, `Added to the queue. ${scheduledSentence(post)}`);
    },
  );
}
