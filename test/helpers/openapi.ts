import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/server/db/database.ts';
import * as schema from '../../src/server/db/schema/index.ts';

export type JsonSchema = {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  const?: unknown;
  minimum?: number;
  nullable?: boolean;
};

export type Operation = {
  method: string;
  /** The OpenAPI path, e.g. `/api/v1/workspaces/{workspaceId}` */
  path: string;
  pathParams: string[];
  queryParams: Array<{ name: string; schema: JsonSchema }>;
  body: JsonSchema | null;
};

/** Every operation of the generated `docs/openapi.json`: what the walks send requests to. */
export function readOperations(): Operation[] {
  const file = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

/** Fills `{name}` placeholders; every value is percent-encoded unless `raw` says it already is. */
export function fillPath(path: string, values: Record<string, string>, raw: Set<string> = new Set()): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name] ?? `missing-${name}`;
    return raw.has(name) ? value : encodeURIComponent(value);
  });
}

// The tables whose rows a hostile request must never change. Sessions, logs and one-time tokens are
// left out: reading a session touches it, and every request writes an access-log row.
const guardedTables = {
  users: schema.users,
  accounts: schema.accounts,
  twoFactors: schema.twoFactors,
  workspaces: schema.workspaces,
  members: schema.members,
  invitations: schema.invitations,
  channels: schema.channels,
  channelAvatars: schema.channelAvatars,
  media: schema.media,
  postGroups: schema.postGroups,
  deliveries: schema.deliveries,
  deliveryMetrics: schema.deliveryMetrics,
  timeSlots: schema.timeSlots,
  workspaceSettings: schema.workspaceSettings,
  notifications: schema.notifications,
  dataExports: schema.dataExports,
  userAvatars: schema.userAvatars,
};

/** Row count and content hash of each guarded table, to compare before and after a walk. */
export async function snapshotTables(db: Db): Promise<Record<string, { rows: number; hash: string }>> {
  const snapshot: Record<string, { rows: number; hash: string }> = {};
  for (const [name, table] of Object.entries(guardedTables)) {
    const rows = (await db.select().from(table as typeof schema.users)) as unknown[];
    const lines = rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))).sort();
    snapshot[name] = { rows: rows.length, hash: crypto.createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return snapshot;
}

/** Runs `tasks` with at most `width` in flight (the machine has two cores; the server needs one). */
export async function inPool<T>(items: T[], width: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next]!;
        next += 1;
        await task(item);
      }
    }),
  );
}
