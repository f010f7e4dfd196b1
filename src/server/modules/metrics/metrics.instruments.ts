import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * What this process measures as it works: one registry per process, because the places that
 * observe (the shared network HTTP layer, the engine, the token lifecycle, the analytics collector)
 * are module-level code used by every Herald in the process. Labels are bounded on purpose:
 * network ids, states, outcomes and error codes, never ids of posts, channels or people.
 */
export const processRegistry = new Registry();
// herald_process_cpu_seconds_total, herald_process_resident_memory_bytes, herald_nodejs_eventloop_lag_seconds…
collectDefaultMetrics({ register: processRegistry, prefix: 'herald_' });

const networkCallDuration = new Histogram({
  name: 'herald_network_request_duration_seconds',
  help: "Time until a social network's answer headers arrived (or the call failed), by network and outcome code",
  labelNames: ['network', 'code'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [processRegistry],
});

const networkErrors = new Counter({
  name: 'herald_network_errors_total',
  help: 'Calls to social networks that failed or answered an HTTP error, by network and code (timeout, unreachable, http_429, http_503…)',
  labelNames: ['network', 'code'] as const,
  registers: [processRegistry],
});

const publishLateness = new Histogram({
  name: 'herald_publish_lateness_seconds',
  help: 'From a delivery\'s due time to its publication, observed by the engine when the network confirmed it, by network',
  labelNames: ['network'] as const,
  buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
  registers: [processRegistry],
});

const tokenRefreshes = new Counter({
  name: 'herald_token_refreshes_total',
  help: 'Channel token refreshes by network and outcome (refreshed, fresh, needs_reauth, retry_later, skipped, error)',
  labelNames: ['network', 'outcome'] as const,
  registers: [processRegistry],
});

const analyticsReadings = new Counter({
  name: 'herald_analytics_readings_total',
  help: 'Readings the analytics collector stored, by network and kind (posts: one per post read, followers: one per account)',
  labelNames: ['network', 'kind'] as const,
  registers: [processRegistry],
});

const analyticsFailures = new Counter({
  name: 'herald_analytics_read_failures_total',
  help: "Channels whose counters the analytics collector could not read in a run, by network",
  labelNames: ['network'] as const,
  registers: [processRegistry],
});

/**
 * An HTTP status becomes `http_<status>`; anything outside 100–599 (a broken proxy) is one label,
 * so a network cannot grow the label set without bound.
 */
export const httpCode = (status: number) => (status >= 100 && status <= 599 ? `http_${status}` : 'http_other');

/** One finished call to a network: its duration, and an error count when it did not succeed. */
export function observeNetworkCall(network: string, code: string, seconds: number, failed: boolean) {
  networkCallDuration.observe({ network, code }, seconds);
  if (failed) networkErrors.inc({ network, code });
}

export function observePublishLateness(network: string, dueAt: Date | null, publishedAt: Date) {
  // A delivery published on demand ("publish now") has no due time to be late against.
  if (!dueAt) return;
  publishLateness.observe({ network }, Math.max(0, (publishedAt.getTime() - dueAt.getTime()) / 1000));
}

export function countTokenRefresh(network: string, outcome: string) {
  tokenRefreshes.inc({ network, outcome });
}

export function countAnalyticsReadings(network: string, kind: 'posts' | 'followers', count: number) {
  if (count > 0) analyticsReadings.inc({ network, kind }, count);
}

export function countAnalyticsFailure(network: string) {
  analyticsFailures.inc({ network });
}
