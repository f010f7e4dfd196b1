import { z } from 'zod';
import { networkLabel } from '../../../../networks/index.ts';
import { channelTotals, counterNames } from '../../analytics/analytics.readings.ts';
import { bestTimes } from '../../analytics/best-times.service.ts';
import { getPost } from '../../posts/posts.query.ts';
import { isInstantInRange } from '../../shared/instants.ts';
import { workspaceAccess } from '../mcp.access.ts';
import { workspaceIdInput, type ToolKit } from '../mcp.tool-kit.ts';

// A counter a network does not report is null in Herald's readings: the answer says so in words,
// never as 0, so an assistant does not read "no views" into a network that has no view count.
const NOT_REPORTED = 'not reported by this network';

type Counters = Record<(typeof counterNames)[number], number | null>;

const counterWords = (counters: Counters, extra: Record<string, number>) =>
  [...counterNames.map((name) => `${name} ${counters[name] ?? NOT_REPORTED}`), ...Object.entries(extra).map(([name, value]) => `${name} ${value}`)].join(', ');

const notReported = (counters: Counters) => counterNames.filter((name) => counters[name] === null);

const dateInput = (what: string) =>
  z
    .string()
    .max(64)
    .refine((value) => !Number.isNaN(Date.parse(value)) && isInstantInRange(new Date(value)), 'must be a date such as 2026-05-01 or 2026-05-01T09:00:00Z')
    .optional()
    .describe(what);

export function registerAnalyticsTools({ caller, tool }: ToolKit) {
  tool(
    'get_post_analytics',
    {
      title: 'Get post analytics',
      description:
        "The latest counters (views, likes, comments, shares, reach, and the network's own) Herald read for each channel a post was published on. A counter the network does not have is given as \"not reported by this network\" (null in the JSON), never 0.",
      input: { workspaceId: workspaceIdInput, postId: z.string().min(1).max(100).describe('The post id') },
      annotations: { readOnlyHint: true },
    },
    async ({ workspaceId, postId }) => {
      const access = await workspaceAccess(caller, workspaceId, ['posts.read']);
      const post = await getPost(caller.ctx, access.workspaceId, postId);
      const items = post.deliveries.map((d) => {
        const name = `${d.channel?.displayName ?? d.channel?.username ?? d.network} on ${networkLabel(d.network)}`;
        if (d.state !== 'published') return { channelId: d.channelId, network: d.network, name, state: d.state, reading: null, note: 'not published yet' };
        if (!d.metrics) return { channelId: d.channelId, network: d.network, name, state: d.state, reading: null, note: 'no reading yet (Herald reads counters periodically), or analytics are off for this channel' };
        const counters: Counters = { views: d.metrics.views, likes: d.metrics.likes, comments: d.metrics.comments, shares: d.metrics.shares, reach: d.metrics.reach };
        return { channelId: d.channelId, network: d.network, name, state: d.state, externalUrl: d.externalUrl, reading: { ...counters, extra: d.metrics.extra, readAt: d.metrics.fetchedAt }, notReportedByNetwork: notReported(counters), note: null };
      });
      const lines = items.map((i) => `- ${i.name}: ${i.reading ? `${counterWords(i.reading, i.reading.extra)} (read ${new Date(i.reading.readAt).toISOString()})` : i.note}`);
      return { text: `Post ${post.id} (${post.state}):\n${lines.join('\n')}`, data: { postId: post.id, state: post.state, items } };
    },
  );

  tool(
    'get_channel_analytics',
    {
      title: 'Get channel analytics',
      description:
        "A channel's counters summed over its published posts Herald has readings for, optionally only posts published between from and to. A counter the network does not report is given as \"not reported by this network\" (null in the JSON), never 0.",
      input: {
        workspaceId: workspaceIdInput,
        channelId: z.string().min(1).max(100).describe('The channel id (list_channels)'),
        from: dateInput('Only posts published on or after this date, e.g. 2026-05-01'),
        to: dateInput('Only posts published before this date'),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ workspaceId, channelId, from, to }) => {
      const access = await workspaceAccess(caller, workspaceId, ['posts.read']);
      const totals = await channelTotals(caller.ctx, access.workspaceId, channelId, { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
      const label = networkLabel(totals.network);
      let text: string;
      if (!totals.postsWithReadings) text = `No readings for this ${label} channel${from || to ? ' in that range' : ''} yet${totals.analyticsEnabled ? '' : ' (analytics are off for this channel)'}.`;
      else text = `${label} channel, ${totals.postsWithReadings} post(s) with readings: ${counterWords(totals.counters, totals.extra)}.`;
      return { text, data: { ...totals, notReportedByNetwork: totals.postsWithReadings ? notReported(totals.counters) : [] } };
    },
  );

  tool(
    'get_best_times',
    {
      title: 'Get best times to post',
      description:
        "Posting times suggested from the workspace's own results: engagement by weekday and hour in the workspace's time zone over the last 90 days, for one channel or the whole workspace, with how many posts and weeks they rest on. With too little data there is no suggestion, and the answer says how much more is needed.",
      input: { workspaceId: workspaceIdInput, channelId: z.string().min(1).max(100).optional().describe('One channel (list_channels); leave out for the whole workspace') },
      annotations: { readOnlyHint: true },
    },
    async ({ workspaceId, channelId }) => {
      const access = await workspaceAccess(caller, workspaceId, ['posts.read']);
      const answer = await bestTimes(caller.ctx, access.workspaceId, { channelId: channelId ?? null });
      const based = `based on ${answer.basedOn.posts} post(s) over ${answer.basedOn.weeks} week(s)`;
      const text = answer.enough
        ? `Best times (${answer.timeZone}, ${based}):\n${answer.suggestions.map((s) => `- ${weekdayNames[s.weekday - 1]} ${String(s.hour).padStart(2, '0')}:00, ${s.score.toFixed(1)}× the average post (${s.posts} posts)`).join('\n') || '- no time stands out yet'}`
        : `Not enough data to suggest times yet (${based}; suggestions need ${answer.minimumPosts} posts with counters over ${answer.minimumWeeks} weeks).`;
      return { text, data: answer };
    },
  );
}

const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
