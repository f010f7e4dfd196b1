import pg from 'pg';

/**
 * A node-postgres pool that survives its server going away (a restart, a failover, a terminated
 * backend). pg's pool only listens for errors on idle clients: a client checked out between two
 * queries (inside a transaction, or holding an advisory lock) that hears "terminating connection"
 * emits an 'error' nobody listens to, and Node ends the process. Every client gets a listener of
 * its own; the query in flight still fails, the pool replaces the connection, and callers retry.
 */
export function createPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}
