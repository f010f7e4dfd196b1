import type { PGlite, Transaction } from '@electric-sql/pglite';

/** What a backup holds, counted in the snapshot itself (so the numbers and the data agree). */
export type InstanceCounts = {
  users: number;
  workspaces: number;
  channels: number;
  posts: number;
  deliveries: number;
  media: number;
};

const countsSql = `select
  (select count(*) from users)::int as users,
  (select count(*) from workspaces)::int as workspaces,
  (select count(*) from channels)::int as channels,
  (select count(*) from post_groups)::int as posts,
  (select count(*) from deliveries)::int as deliveries,
  (select count(*) from media)::int as media,
  (select count(*) from drizzle.__drizzle_migrations)::int as migrations`;

type Queryable = Pick<Transaction, 'query'> | Pick<PGlite, 'query'>;

export async function countInstance(db: Queryable): Promise<{ counts: InstanceCounts; migrations: number }> {
  const row = (await db.query<InstanceCounts & { migrations: number }>(countsSql)).rows[0]!;
  const { migrations, ...counts } = row;
  return { counts, migrations };
}

export type DatabaseSnapshot = { tarball: Buffer; counts: InstanceCounts; migrations: number };

/**
 * A consistent copy of an open PGlite database: its data folder as PGlite's own tarball (the format
 * `loadDataDir` reads back), taken while this transaction holds PGlite's transaction lock. PGlite
 * runs every query and transaction of the process through that lock, so nothing commits between
 * the counts and the copy, and no other transaction is half done in it. The checkpoint writes
 * what is in memory to the data files first, so opening the copy replays almost no WAL.
 */
export async function snapshotPglite(pglite: PGlite): Promise<DatabaseSnapshot> {
  return pglite.transaction(async (tx) => {
    await tx.exec('checkpoint');
    const { counts, migrations } = await countInstance(tx);
    const blob = await pglite.dumpDataDir('none');
    return { tarball: Buffer.from(await blob.arrayBuffer()), counts, migrations };
  });
}
