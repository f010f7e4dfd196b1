import { buildServerBundle, serverBundleIsFresh } from '../../bin/server-bundle.js';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './database-template.ts';

/**
 * Vitest's global set-up: the migrated template every test file's database starts from, and the
 * compiled server the CLI tests run (`npm ci` builds it, but sources edited since make it stale, and
 * the first CLI test would then build it and say so on its stderr).
 */
export default async function setup() {
  if (!serverBundleIsFresh()) await buildServerBundle();
  const base = process.env.TEST_DATABASE_URL;
  if (base) process.env.HERALD_TEST_PG_TEMPLATE = await ensurePostgresTemplate(base);
  else await ensurePgliteTemplate();
}
