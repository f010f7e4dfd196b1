import { Gauge, Registry } from 'prom-client';
import type { Database } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';
import { deliveryCounts, queueDepth } from '../health/instance-health.ts';
import { processRegistry } from './metrics.instruments.ts';

export type MetricsExporter = { contentType: string; text(): Promise<string> };

/**
 * What one Herald answers at /metrics: this process's own measurements plus gauges read from the
 * database and the queue at scrape time (every process reports the same instance-wide figures for
 * these; dashboards take max() over processes, not sum()).
 */
export function createMetricsExporter(deps: { database: Database; boss: Queue }): MetricsExporter {
  const instance = new Registry();
  new Gauge({
    name: 'herald_deliveries',
    help: 'Deliveries stored, by network and state (queued, publishing, processing, published, failed, unconfirmed…)',
    labelNames: ['network', 'state'] as const,
    registers: [instance],
    async collect() {
      // A (network, state) pair with no delivery left must disappear, not keep its last value.
      this.reset();
      for (const row of await deliveryCounts(deps.database.db)) this.set({ network: row.network, state: row.state }, row.count);
    },
  });
  new Gauge({
    name: 'herald_queue_jobs',
    help: 'Jobs in each pg-boss queue by state: waiting (ready to run), deferred (waiting for their time), active (running)',
    labelNames: ['queue', 'state'] as const,
    registers: [instance],
    async collect() {
      this.reset();
      for (const q of await queueDepth(deps.boss)) {
        this.set({ queue: q.queue, state: 'waiting' }, q.waiting);
        this.set({ queue: q.queue, state: 'deferred' }, q.deferred);
        this.set({ queue: q.queue, state: 'active' }, q.active);
      }
    },
  });
  const merged = Registry.merge([processRegistry, instance]);
  return { contentType: merged.contentType, text: () => merged.metrics() };
}
