import crypto from 'node:crypto';
import type { IssuedIgAccount } from './instagram-fake.process.ts';
import type { RemoteInstagramFake } from './instagram-fake-client.ts';
import { perSecond, sleep } from './stats.ts';

// The Instagram baseline: the Graph calls instagram.publisher.ts makes for a one-photo feed post,
// straight to a fresh fake, under the rules the engine has to follow as well:
// - at most `concurrency` runs at a time (HERALD_PUBLISH_CONCURRENCY), a run being what one engine
//   attempt sends in a row: publishing limit, container, status read; or, once the container was
//   IN_PROGRESS and the poll interval has passed, status read, media_publish, permalink read;
// - waiting for the poll interval holds no run (the engine gives the worker back and wakes up later);
// - container creations to one account start `spacingMs` apart (the network's accountSpacingMs).
// The engine can at best match this; the ratio of the two is what its bookkeeping costs.

export type RawIgOptions = { posts: number; accounts: number; concurrency: number; pollMs: number; spacingMs: number; imageUrl: string };

/** At most `n` functions running at once; the others wait their turn in order. */
function runSlots(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

export async function rawInstagramCalls(fake: RemoteInstagramFake, options: RawIgOptions) {
  const accounts = await fake.issueTokens(0);
  const prefix = `raw-${crypto.randomBytes(3).toString('hex')}`;
  const slot = runSlots(options.concurrency);
  const seen = { errors: 0, rateLimited: 0, maxUsagePercent: 0, statusReads: 0 };

  /** One Graph call as graph() in instagram.graph.ts sends it: token in the query, fields as a form. */
  async function graph(account: IssuedIgAccount, path: string, init: { query?: Record<string, string>; form?: Record<string, string> } = {}) {
    const url = new URL(`${fake.url}/${fake.version}${path}`);
    url.searchParams.set('access_token', account.token);
    for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
    const response = await fetch(url, init.form ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(init.form).toString() } : {});
    const body = (await response.json()) as Record<string, unknown>;
    const usage = Number((JSON.parse(response.headers.get('x-app-usage') ?? '{}') as { call_count?: number }).call_count ?? 0);
    seen.maxUsagePercent = Math.max(seen.maxUsagePercent, usage);
    if (response.status === 429) seen.rateLimited += 1;
    if (response.status !== 200 || body.error) {
      seen.errors += 1;
      throw new Error(`raw ${path}: HTTP ${response.status} ${JSON.stringify(body)}`);
    }
    return body;
  }
  const statusOf = async (account: IssuedIgAccount, containerId: string) => {
    seen.statusReads += 1;
    return (await graph(account, `/${containerId}`, { query: { fields: 'status_code,status' } })).status_code;
  };

  const nextCreation = new Map<string, number>();
  async function publishOne(i: number) {
    const account = accounts[i % accounts.length]!;
    // The account's next free moment is taken before the wait, so its posts keep their order.
    const at = Math.max(Date.now(), nextCreation.get(account.igId) ?? 0);
    nextCreation.set(account.igId, at + options.spacingMs);
    await sleep(at - Date.now());
    const { containerId, status: first } = await slot(async () => {
      await graph(account, `/${account.igId}/content_publishing_limit`, { query: { fields: 'quota_usage,config' } });
      const created = await graph(account, `/${account.igId}/media`, { form: { image_url: options.imageUrl, caption: `${prefix} #${i}` } });
      const id = String(created.id);
      return { containerId: id, status: await statusOf(account, id) };
    });
    let status = first;
    while (status === 'IN_PROGRESS') {
      await sleep(options.pollMs);
      status = await slot(() => statusOf(account, containerId));
    }
    if (status !== 'FINISHED') throw new Error(`raw: container ${containerId} is ${String(status)}`);
    await slot(async () => {
      const media = await graph(account, `/${account.igId}/media_publish`, { form: { creation_id: containerId } });
      await graph(account, `/${String(media.id)}`, { query: { fields: 'permalink' } });
    });
  }

  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: options.posts }, (_, i) => publishOne(i)));
  const durationMs = Math.round(performance.now() - started);
  const published = await fake.published(prefix);
  const calls = await fake.calls();
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  return {
    posts: options.posts,
    accounts: options.accounts,
    concurrency: options.concurrency,
    pollMs: options.pollMs,
    spacingMs: options.spacingMs,
    durationMs,
    ratePerSecond: perSecond(published.length, durationMs),
    published: published.length,
    failed: failures.length,
    firstFailure: failures[0] ? String(failures[0].reason) : null,
    statusReadsPerPost: published.length ? Math.round((seen.statusReads / published.length) * 100) / 100 : null,
    calls,
    errors: seen.errors,
    rateLimited: seen.rateLimited,
    maxAppUsagePercent: seen.maxUsagePercent,
  };
}
