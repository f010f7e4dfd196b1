import { z } from 'zod';
import { counterNames, type SummaryMetric } from '../../../shared/analytics.ts';

// The answer schemas of the dashboard (src/shared/analytics.ts has their types), shared by the
// dashboard's routes and the client report's, which is made of the same figures.

const summaryMetrics: SummaryMetric[] = ['posts', ...counterNames, 'engagement', 'engagementRate', 'followers', 'followersGrowth'];

const nullableNumber = z.number().nullable();
const counters = Object.fromEntries(counterNames.map((n) => [n, nullableNumber])) as Record<(typeof counterNames)[number], typeof nullableNumber>;
const series = z.array(nullableNumber);
const figure = z.object({
  value: nullableNumber.describe('null: no selected channel’s network reports it'),
  previous: nullableNumber.describe('The previous period’s value; null when not compared or not reported'),
  change: nullableNumber.describe('(value - previous) / previous; null when either is null or previous is 0'),
});
export const postRow = z.object({
  deliveryId: z.string(),
  postId: z.string(),
  channelId: z.string(),
  network: z.string(),
  publishedAt: z.string(),
  text: z.string().describe('The first 280 characters of the text'),
  thumbnailUrl: z.string().nullable().describe('The first picture, when the post has one'),
  url: z.string().nullable().describe('The post at the network'),
  ...counters,
  engagement: nullableNumber.describe('likes + comments + shares; null when the network reports none of them'),
  engagementRate: nullableNumber.describe('engagement / reach (views where the network has no reach)'),
});
export const dayRange = z.object({ from: z.string(), to: z.string() });
export const summary = z.object(Object.fromEntries(summaryMetrics.map((m) => [m, figure]))) as z.ZodObject<Record<SummaryMetric, typeof figure>>;
export const dashboardAnswer = z.object({
  range: dayRange,
  previous: dayRange.nullable(),
  timeZone: z.string().describe('The zone the days are counted in (several, comma-separated, for an agency over several zones)'),
  days: z.array(z.string()),
  channels: z.array(
    z.object({
      id: z.string(),
      workspaceId: z.string(),
      workspaceName: z.string(),
      network: z.string(),
      name: z.string(),
      avatarUrl: z.string().nullable(),
      supports: z.object({ counters: z.array(z.enum(counterNames)).readonly(), followers: z.boolean() }).describe('What the network reports; the rest is "not reported", never 0'),
    }),
  ),
  summary,
  series: z
    .array(z.object({ channelId: z.string(), posts: z.array(z.number()), followers: series, ...Object.fromEntries(counterNames.map((n) => [n, series])), engagement: series }))
    .describe('Per channel, values aligned with days (null: not reported or no data that day)'),
  topPosts: z.array(postRow),
});
