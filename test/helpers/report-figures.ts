import type { AnalyticsPostRow, DashboardAnswer, SummaryFigure, SummaryMetric } from '../../src/shared/analytics.ts';
import type { DashboardFigures } from '../../src/server/modules/analytics/dashboard.contract.ts';

// A fixed stand-in for the dashboard's figures, for the client report's tests: two Mastodon
// channels and one Bluesky channel whose numbers are chosen so each appears once in a report.

const f = (value: number | null, previous: number | null): SummaryFigure => ({ value, previous, change: value === null || previous === null || previous === 0 ? null : (value - previous) / previous });

type Summary = Record<SummaryMetric, SummaryFigure>;
const summaries: Record<'all' | 'mastodon' | 'bluesky', Summary> = {
  all: {
    posts: f(14, 10),
    views: f(48_213, 40_000),
    likes: f(1_234, 1_500),
    comments: f(87, 60),
    shares: f(45, 45),
    reach: f(null, null),
    engagement: f(1_366, 1_605),
    engagementRate: f(0.0283, 0.0401),
    followers: f(5_120, 5_000),
    followersGrowth: f(120, 80),
  },
  mastodon: {
    posts: f(9, 6),
    views: f(48_213, 40_000),
    likes: f(1_011, 1_200),
    comments: f(70, 50),
    shares: f(31, 30),
    reach: f(null, null),
    engagement: f(1_112, 1_280),
    engagementRate: f(0.0231, 0.032),
    followers: f(3_980, 3_900),
    followersGrowth: f(80, 50),
  },
  bluesky: {
    posts: f(5, 4),
    views: f(null, null),
    likes: f(223, 300),
    comments: f(17, 10),
    shares: f(14, 15),
    reach: f(null, null),
    engagement: f(254, 325),
    engagementRate: f(null, null),
    followers: f(1_140, 1_100),
    followersGrowth: f(40, 30),
  },
};

const post = (over: Partial<AnalyticsPostRow> & Pick<AnalyticsPostRow, 'deliveryId' | 'network' | 'channelId' | 'text'>): AnalyticsPostRow => ({
  postId: `post-${over.deliveryId}`,
  publishedAt: '2026-11-12T09:30:00.000Z',
  thumbnailUrl: null,
  url: null,
  views: null,
  likes: null,
  comments: null,
  shares: null,
  reach: null,
  engagement: null,
  engagementRate: null,
  ...over,
});

export type FakeChannels = { mastodonA: string; mastodonB: string; bluesky: string };

/** The figures function for one workspace's channels; every call is recorded in `calls`. */
export function fakeFigures(workspaceId: string, workspaceName: string, ids: FakeChannels) {
  const calls: Parameters<DashboardFigures>[1][] = [];
  const figures: DashboardFigures = async (_db, scope, query) => {
    calls.push(scope);
    const network = scope.networks?.length === 1 ? (scope.networks[0] as 'mastodon' | 'bluesky') : null;
    const days: string[] = [];
    for (let d = new Date(`${query.from}T00:00:00Z`); d <= new Date(`${query.to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
    const channel = (id: string, net: string, name: string) => ({
      id,
      workspaceId,
      workspaceName,
      network: net,
      name,
      avatarUrl: null,
      supports: net === 'mastodon' ? { counters: ['views', 'likes', 'comments', 'shares'] as const, followers: true } : { counters: ['likes', 'comments', 'shares'] as const, followers: true },
    });
    const channels = [channel(ids.mastodonA, 'mastodon', 'Main account'), channel(ids.mastodonB, 'mastodon', 'Second account'), channel(ids.bluesky, 'bluesky', 'Sky account')].filter(
      (c) => !network || c.network === network,
    );
    const series = channels.map((c, i) => ({
      channelId: c.id,
      posts: days.map((_, d) => (d % 3 === i ? 1 : 0)),
      followers: days.map((_, d) => 1000 + d + i),
      views: days.map((_, d) => (c.network === 'mastodon' ? 100 * (d + 1) + i : null)),
      likes: days.map((_, d) => 10 + d),
      comments: days.map((_, d) => d % 4),
      shares: days.map(() => 1),
      reach: days.map(() => null),
      engagement: days.map((_, d) => 11 + d + (d % 4)),
    }));
    const topPosts = [
      post({ deliveryId: 'd1', network: 'mastodon', channelId: ids.mastodonA, text: 'Our autumn menu is here: pumpkin soup and fresh bread', views: 9_876, likes: 321, comments: 12, shares: 8, engagement: 341, engagementRate: 0.0345 }),
      post({ deliveryId: 'd2', network: 'bluesky', channelId: ids.bluesky, text: 'Open late on Fridays from now on 🍷', likes: 150, comments: 9, shares: 4, engagement: 163 }),
    ].filter((p) => !network || p.network === network);
    const answer: DashboardAnswer = {
      range: { from: query.from, to: query.to },
      previous: query.compare ? { from: '2026-10-01', to: '2026-10-31' } : null,
      timeZone: 'Europe/Berlin',
      days,
      channels,
      summary: summaries[network ?? 'all'],
      series,
      topPosts,
    };
    return answer;
  };
  return { figures, calls };
}
