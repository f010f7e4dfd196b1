import { ensurePgliteTemplate, ensurePostgresTemplate } from './database-template.ts';

/** Vitest's global set-up: the migrated template every test file's database starts from. */
export default async function setup() {
  const base = process.env.TEST_DATABASE_URL;
  if (base) process.env.HERALD_TEST_PG_TEMPLATE = await ensurePostgresTemplate(base);
  else await ensurePgliteTemplate();
}
