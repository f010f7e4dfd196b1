import { ensurePostgresTemplate } from './database-template.ts';

/** The PostgreSQL project's global set-up (vitest.config.ts): its migrated template database. */
export default async function setup() {
  const base = process.env.HERALD_TEST_POSTGRES_URL;
  if (!base) throw new Error('HERALD_TEST_POSTGRES_URL is not set');
  process.env.HERALD_TEST_PG_TEMPLATE = await ensurePostgresTemplate(base);
}
