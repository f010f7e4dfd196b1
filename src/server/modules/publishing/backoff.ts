const HOUR_MS = 60 * 60 * 1000;

/**
 * How long to wait before attempt `attempt + 1`: exponential from `baseMs`, capped at an hour,
 * with ±50 % jitter so a burst of failures does not come back as a burst. A network's own
 * Retry-After wins when it asks for longer.
 */
export function retryDelayMs(attempt: number, baseMs: number, retryAfterMs?: number | null, random = Math.random): number {
  const exponential = Math.min(HOUR_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential * (0.5 + random());
  return Math.round(retryAfterMs != null ? Math.max(retryAfterMs, jittered / 4) : jittered);
}
