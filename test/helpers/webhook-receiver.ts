import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { path: string; headers: Record<string, string>; body: string; at: number };

/**
 * A webhook receiver on loopback: records every request (raw body, headers, arrival time) and
 * answers each path with the statuses it was told, in order (the last one repeats; 200 by default).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<string, number[]>();
  const waiting: { check: () => boolean; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const queue = answers.get(path) ?? [];
      const status = queue.length > 1 ? queue.shift()! : (queue[0] ?? 200);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : 'receiver is down');
      for (const w of [...waiting]) {
        if (w.check()) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    answer(path: string, statuses: number[]) {
      answers.set(path, [...statuses]);
    },
    /** Resolves once `count` requests have come to `path` (already there counts). */
    waitFor(path: string, count: number, timeoutMs = 20_000): Promise<ReceivedWebhook[]> {
      const done = () => received.filter((r) => r.path === path).length >= count;
      return new Promise((resolve, reject) => {
        if (done()) return resolve(received.filter((r) => r.path === path));
        const timer = setTimeout(() => reject(new Error(`only ${received.filter((r) => r.path === path).length} of ${count} webhooks came to ${path}`)), timeoutMs);
        waiting.push({ check: done, resolve: () => (clearTimeout(timer), resolve(received.filter((r) => r.path === path))) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
