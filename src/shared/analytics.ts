// The shapes analytics has on both sides of the API.

/**
 * The counters a network shows for one published post. Networks differ (Mastodon and Bluesky have
 * no views or reach; TikTok's Display API has no reach): what a network does not report is null.
 */
export type PostCounters = {
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  reach: number | null;
  /** Counters only this network has, by the network's own name (quotes…). */
  extra: Record<string, number>;
};

/** Whether a workspace and each of its channels collect counters, and how many posts have some. */
export type AnalyticsSettings = {
  enabled: boolean;
  /** False when the operator turned collection off for the whole instance (HERALD_ANALYTICS_INTERVAL_MINUTES=0). */
  instanceEnabled: boolean;
  intervalMinutes: number;
  windowDays: number;
  collected: number;
  channels: { id: string; network: string; name: string; enabled: boolean; collected: number; status: string }[];
};

/** The counters every network may report for a post, in the order the app shows them. */
export const counterNames = ['views', 'likes', 'comments', 'shares', 'reach'] as const;
export type CounterName = (typeof counterNames)[number];

/** What a network's analytics reader reports (its descriptor's `analytics`): the rest is "not reported by this network", never 0. */
export type NetworkAnalytics = { counters: readonly CounterName[]; followers: boolean };

// ---- Dashboard and reports: the answers of /workspaces/:id/analytics/dashboard (and the agency's
// across workspaces). Days are calendar days (YYYY-MM-DD) in the workspace's time zone; ranges are
// inclusive of both ends.

export type DayRange = { from: string; to: string };

/** The figures the summary shows; `engagement` = likes + comments + shares, `engagementRate` = engagement / reach (views when no reach). */
export type SummaryMetric = 'posts' | CounterName | 'engagement' | 'engagementRate' | 'followers' | 'followersGrowth';

export type SummaryFigure = {
  /** null: no selected channel's network reports it. */
  value: number | null;
  /** The same figure over the previous period of equal length; null when not compared or not reported. */
  previous: number | null;
  /** (value - previous) / previous; null when either is null or previous is 0. */
  change: number | null;
};

export type DashboardChannel = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  network: string;
  name: string;
  avatarUrl: string | null;
  supports: NetworkAnalytics;
};

/** One channel's daily values over the range: arrays aligned with `DashboardAnswer.days` (null: not reported or no data that day). */
export type ChannelSeries = {
  channelId: string;
  posts: number[];
  followers: (number | null)[];
} & Record<CounterName, (number | null)[]> & { engagement: (number | null)[] };

/** One published post (delivery) with its newest counters, for the posts table and top posts. */
export type AnalyticsPostRow = {
  deliveryId: string;
  postId: string;
  channelId: string;
  network: string;
  publishedAt: string;
  /** The first 280 characters of the post's text. */
  text: string;
  thumbnailUrl: string | null;
  /** The post at the network. */
  url: string | null;
  engagement: number | null;
  engagementRate: number | null;
} & Record<CounterName, number | null>;

export type DashboardAnswer = {
  range: DayRange;
  /** The period of equal length just before `range` (when compare was asked). */
  previous: DayRange | null;
  timeZone: string;
  days: string[];
  channels: DashboardChannel[];
  summary: Record<SummaryMetric, SummaryFigure>;
  series: ChannelSeries[];
  topPosts: AnalyticsPostRow[];
};

export type PostsSort = 'publishedAt' | CounterName | 'engagement' | 'engagementRate';

/** A client report: the dashboard's figures for a range, with the workspace's branding and a section per network. */
export type ReportAnswer = {
  workspace: { id: string; name: string; logoUrl: string | null };
  generatedAt: string;
  dashboard: DashboardAnswer;
  networks: { network: string; channels: string[]; summary: Record<SummaryMetric, SummaryFigure>; topPosts: AnalyticsPostRow[] }[];
};

/** Best times to post, from the workspace's own history: engagement by weekday and hour in the workspace's zone. */
export type BestTimesAnswer = {
  timeZone: string;
  channelId: string | null;
  /** Published posts with counters the suggestion rests on, and over how many weeks. */
  basedOn: { posts: number; weeks: number };
  /** False when there is too little data to suggest anything: the app says so instead of guessing. */
  enough: boolean;
  /** The least data a suggestion needs (posts), so the app can say how much more is needed. */
  minimumPosts: number;
  /** …spread over at least this many distinct weeks: one busy week says little about weekdays. */
  minimumWeeks: number;
  /** Best slots first: weekday 1 = Monday … 7 = Sunday (ISO), hour 0–23 local. */
  suggestions: { weekday: number; hour: number; score: number; posts: number }[];
  /**
   * Every weekday × hour that has posts: mean engagement per post, and the slot's score (engagement
   * relative to each post's channel average, 1 = average, shrunk toward 1 when there are few posts).
   */
  grid: { weekday: number; hour: number; posts: number; meanEngagement: number; score: number }[];
};
