/** The value below which `p` percent of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((sum, v) => sum + v, 0) / sorted.length : null;
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    count: sorted.length,
    min: round(sorted[0] ?? null),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
    mean: round(mean),
  };
}

/** Per second, two decimals. */
export const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round((count / ms) * 100_000) / 100 : null);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An engine rate over the raw rate of the same run, to three places: 1 would mean the engine costs nothing. */
export const rateRatio = (rate: number | null, rawRate: number | null) => (rate && rawRate ? Math.round((rate / rawRate) * 1000) / 1000 : null);
