import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

// What a network's daily (or other windowed) allowance has used so far, shared by every Herald
// process: YouTube's quota units per Google project, one row per network, bucket and window.
export const networkUsage = pgTable(
  'network_usage',
  {
    network: text('network').notNull(),
    /** The allowance within the network (YouTube: `units`, `uploads`). */
    bucket: text('bucket').notNull(),
    /** When the window began (YouTube: midnight Pacific time). */
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    used: integer('used').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.network, t.bucket, t.windowStart] })],
);
