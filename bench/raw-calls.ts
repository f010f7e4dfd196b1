import crypto from 'node:crypto';
import type { RemoteMastodonFake } from './fake-client.ts';
import { perSecond } from './stats.ts';

/**
 * The baseline: the same status creations the engine makes (same body, headers and fetch), sent
 * by `concurrency` loops with nothing else around them. The engine can at best match this rate;
 * the ratio of the two is what the engine's bookkeeping costs.
 */
export async function rawStatusCalls(fake: RemoteMastodonFake, options: { calls: number; concurrency: number; accounts: number }) {
  const accounts = await fake.issueTokens(options.accounts, '1200000');
  const prefix = `raw-${crypto.randomBytes(3).toString('hex')}`;
  let next = 0;
  let errors = 0;
  const loop = async () => {
    for (let i = next++; i < options.calls; i = next++) {
      const account = accounts[i % accounts.length]!;
      const response = await fetch(`${fake.url}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json', 'idempotency-key': `${crypto.randomUUID()}:status:0` },
        body: JSON.stringify({ status: `${prefix} #${i}`, media_ids: [], visibility: 'public' }),
        redirect: 'manual',
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 200 || !body.id) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  const durationMs = Math.round(performance.now() - started);
  const created = (await fake.statuses(prefix)).length;
  return { calls: options.calls, concurrency: options.concurrency, durationMs, ratePerSecond: perSecond(options.calls, durationMs), errors, created };
}
