import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import { connectMastodon, fastEngineEnv, runJobNow, waitForPost } from '../helpers/publishing.ts';
import { freePort, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

/** The value of one sample of a Prometheus text answer (0 when the series is not there). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return 0;
}

// /metrics end to end: a scraper with the token, the admin listener without one, counters that
// move when the engine publishes against the Mastodon fake, and nothing secret in what is answered.
describe('Prometheus metrics', () => {
  const token = crypto.randomBytes(24).toString('hex');
  let h: TestHerald;
  let mastodon: MastodonFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const scrape = async () => {
    const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_NETWORK_TIMEOUT_SECONDS: '10', HERALD_METRICS_TOKEN: token, HERALD_METRICS_ADDRESS: `127.0.0.1:${await freePort()}` } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Measured' })).body.id;
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('refuses a scraper without the token, or with another one', async () => {
    const none = await fetch(`${h.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await none.json()).error.code).toBe('metrics.unauthorized');
    const wrong = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${token.slice(1)}x` } });
    expect(wrong.status).toBe(401);
  });

  it('counts a publication: lateness, network calls, deliveries by state, and a 503 as a network error', async () => {
    const before = await scrape();
    mastodon.failNext('/api/v1/statuses', { status: 503, body: { error: 'Service Unavailable' } });
    const created = await owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: 'Measured once' },
      channels: [{ channelId }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 300).toISOString(), timeZone: 'UTC' },
    });
    expect(created.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, (p) => p.deliveries.every((d: any) => d.state === 'published'));
    const after = await scrape();

    const mastodonLabel = { network: 'mastodon' };
    expect(sample(after, 'herald_publish_lateness_seconds_count', mastodonLabel) - sample(before, 'herald_publish_lateness_seconds_count', mastodonLabel)).toBe(1);
    // The retry made it late by at least the backoff; the sum is seconds, never negative.
    expect(sample(after, 'herald_publish_lateness_seconds_sum', mastodonLabel)).toBeGreaterThan(0);
    expect(sample(after, 'herald_network_errors_total', { network: 'mastodon', code: 'http_503' }) - sample(before, 'herald_network_errors_total', { network: 'mastodon', code: 'http_503' })).toBe(1);
    expect(sample(after, 'herald_network_request_duration_seconds_count', { network: 'mastodon', code: 'http_200' })).toBeGreaterThan(sample(before, 'herald_network_request_duration_seconds_count', { network: 'mastodon', code: 'http_200' }));
    expect(sample(after, 'herald_deliveries', { network: 'mastodon', state: 'published' })).toBe(1);
    expect(sample(before, 'herald_deliveries', { network: 'mastodon', state: 'published' })).toBe(0);
    expect(after).toMatch(/^herald_queue_jobs\{queue="[^"]+",state="waiting"\} \d+$/m);
    expect(after).toContain('herald_process_resident_memory_bytes');

    // No secret and no id of a post, channel, delivery or person in any label.
    for (const secret of [token, mastodon.tokens().at(-1)!.token, done.id, done.deliveries[0].id, channelId, workspaceId, owner.id, owner.email]) expect(after).not.toContain(secret);
  });

  it('counts the analytics collector\'s readings', async () => {
    const before = await scrape();
    await runJobNow(h, ANALYTICS_COLLECT_JOB);
    const after = await scrape();
    const labels = { network: 'mastodon', kind: 'posts' };
    expect(sample(after, 'herald_analytics_readings_total', labels) - sample(before, 'herald_analytics_readings_total', labels)).toBe(1);
  });

  it('serves the same figures on the admin address without a token', async () => {
    expect(h.herald.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(h.herald.metricsUrl!);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(sample(text, 'herald_deliveries', { network: 'mastodon', state: 'published' })).toBe(1);
    expect((await fetch(h.herald.metricsUrl!.replace('/metrics', '/readyz'))).status).toBe(404);
  });

  it('a worker-only process, which has no web port, is scraped on its admin address', async () => {
    const worker = await startTestHerald({ mode: 'worker', env: { HERALD_METRICS_ADDRESS: `127.0.0.1:${await freePort()}` } });
    try {
      expect(worker.herald.app).toBeUndefined();
      const text = await (await fetch(worker.herald.metricsUrl!)).text();
      expect(text).toContain('# TYPE herald_deliveries gauge');
      expect(text).toContain('# TYPE herald_token_refreshes_total counter');
    } finally {
      await worker.close();
    }
  });
});
