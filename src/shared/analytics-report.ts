import type { ChannelSeries, CounterName, SummaryFigure, SummaryMetric } from './analytics.ts';

// How the client report writes its figures, the same on the printable page and in the PDF.

/** The summary figures a report shows, in order. */
export const reportMetrics: { key: SummaryMetric; label: string }[] = [
  { key: 'posts', label: 'Posts' },
  { key: 'views', label: 'Views' },
  { key: 'reach', label: 'Reach' },
  { key: 'engagement', label: 'Engagement' },
  { key: 'engagementRate', label: 'Engagement rate' },
  { key: 'likes', label: 'Likes' },
  { key: 'comments', label: 'Comments' },
  { key: 'shares', label: 'Shares' },
  { key: 'followers', label: 'Followers' },
  { key: 'followersGrowth', label: 'Follower growth' },
];

/** What a null figure means: the network does not report it. It is never shown as 0. */
export const NOT_REPORTED = 'not reported by this network';
export const NOT_REPORTED_ANY = 'not reported by these networks';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatCount = (n: number) => integer.format(n);

/** A figure's value as the report writes it, or null when it is not reported. */
export function formatFigure(metric: SummaryMetric, value: number | null): string | null {
  if (value === null) return null;
  if (metric === 'engagementRate') return percent.format(value);
  if (metric === 'followersGrowth') return `${value > 0 ? '+' : value < 0 ? '−' : ''}${integer.format(Math.abs(value))}`;
  return integer.format(value);
}

export type Change = { direction: 'up' | 'down' | 'flat'; text: string };

/** The change against the previous period (▲ +12.5%), or null when there is nothing to compare with. */
export function formatChange(figure: SummaryFigure): Change | null {
  if (figure.change === null) return null;
  const direction = figure.change > 0 ? 'up' : figure.change < 0 ? 'down' : 'flat';
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : '';
  return { direction, text: `${sign}${percent.format(Math.abs(figure.change))}` };
}

export const changeArrow = (direction: Change['direction']) => (direction === 'up' ? '▲' : direction === 'down' ? '▼' : '=');

export type SeriesKey = CounterName | 'engagement' | 'posts';

/** One daily value for all channels together: the sum of those that have one, null when none has. */
export function dailyTotals(series: ChannelSeries[], key: SeriesKey, days: number): (number | null)[] {
  return Array.from({ length: days }, (_, i) => {
    let total: number | null = null;
    for (const s of series) {
      const value = s[key][i];
      if (value !== null && value !== undefined) total = (total ?? 0) + value;
    }
    return total;
  });
}

/** "1 Nov 2026 – 30 Nov 2026" for a range of calendar days (YYYY-MM-DD, no time zone involved). */
export function formatPeriod(from: string, to: string, locale = 'en-GB'): string {
  const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return from === to ? day(from) : `${day(from)} – ${day(to)}`;
}
