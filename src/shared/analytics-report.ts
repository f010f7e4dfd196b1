import type { ChannelSeries, CounterName, SummaryFigure, SummaryMetric } from './analytics.ts';

// How the client report writes its figures, the same on the printable page and in the PDF.

/**
 * The summary figures a report shows, in order. Their names are words of the web's `analytics`
 * namespace (`metrics.<key>`), which the printable page and the PDF both say.
 */
export const reportMetrics: { key: SummaryMetric }[] = [
  { key: 'posts' },
  { key: 'views' },
  { key: 'reach' },
  { key: 'engagement' },
  { key: 'engagementRate' },
  { key: 'likes' },
  { key: 'comments' },
  { key: 'shares' },
  { key: 'followers' },
  { key: 'followersGrowth' },
];

// Numbers in the reader's locale; British English by default, as the report always wrote them.
const integer = (locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percent = (locale: string) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatCount = (n: number, locale = 'en-GB') => integer(locale).format(n);

/** A figure's value as the report writes it, or null when it is not reported. */
export function formatFigure(metric: SummaryMetric, value: number | null, locale = 'en-GB'): string | null {
  if (value === null) return null;
  if (metric === 'engagementRate') return percent(locale).format(value);
  if (metric === 'followersGrowth') return `${value > 0 ? '+' : value < 0 ? '−' : ''}${integer(locale).format(Math.abs(value))}`;
  return integer(locale).format(value);
}

export type Change = { direction: 'up' | 'down' | 'flat'; text: string };

/** The change against the previous period (▲ +12.5%), or null when there is nothing to compare with. */
export function formatChange(figure: SummaryFigure, locale = 'en-GB'): Change | null {
  if (figure.change === null) return null;
  const direction = figure.change > 0 ? 'up' : figure.change < 0 ? 'down' : 'flat';
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : '';
  return { direction, text: `${sign}${percent(locale).format(Math.abs(figure.change))}` };
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
