import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';

/** Throws when the database does not answer a trivial query. */
export async function pingDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}
