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
