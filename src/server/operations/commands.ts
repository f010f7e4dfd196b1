import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Config } from '../config/config.ts';
import { createBackup, OperationError } from './backup.ts';
import type { InstanceCounts } from './database-snapshot.ts';
import { describeTarget, moveToPostgres, type MoveResult } from './move-to-postgres.ts';
import { openS3MediaTarget, s3EnvironmentLines } from './s3-media-target.ts';
import { restoreBackup } from './restore.ts';

export const operationsUsage = `  backup        archive the embedded instance (database snapshot, media, token keys), also while it
                runs: [--output file] (default herald-backup-<time>.tar.gz)
  restore       restore an archive: herald restore <archive> [--data-dir dir] [--force]
  move-to-postgres  copy a stopped embedded instance into an empty PostgreSQL database:
                --to postgres://user@host:5432/database [--media-to-s3] (also copy the media
                into the bucket HERALD_S3_* name, checked before anything is copied)`;

const countsLine = (c: InstanceCounts) =>
  `${c.posts} posts (${c.deliveries} deliveries), ${c.channels} channels, ${c.media} media, ${c.users} users, ${c.workspaces} workspaces`;

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new OperationError((error as Error).message);
  }
}

/** `herald backup | restore | move-to-postgres`, with their arguments. */
export async function runOperation(command: 'backup' | 'restore' | 'move-to-postgres', args: string[], config: Config): Promise<void> {
  if (command === 'backup') {
    const { values } = parse(args, { output: { type: 'string', short: 'o' } });
    const result = await createBackup({ config, output: values.output as string | undefined });
    console.log(`Backup written to ${result.output} (${result.manifest.online ? 'taken from the running Herald' : 'Herald was not running'}).`);
    console.log(`It holds ${countsLine(result.manifest.counts)}; ${result.manifest.mediaFiles} media files.`);
    if (result.missingMedia) console.log(`${result.missingMedia} media file(s) were deleted by the media purge while the backup ran and are not in it.`);
    const { encryptionKeys, secret } = result.manifest.keys;
    if (encryptionKeys === 'archive' || secret === 'archive') console.log('It contains the token encryption key and the signing secret: store it as you would a password.');
    if (encryptionKeys === 'environment') console.log('The token keys come from HERALD_ENCRYPTION_KEYS and are not in the archive: keep them with it.');
    if (secret === 'environment') console.log('The signing secret comes from HERALD_SECRET and is not in the archive: keep it with it.');
    return;
  }
  if (command === 'restore') {
    const { values, positionals } = parse(args, { 'data-dir': { type: 'string' }, force: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new OperationError('restore needs one archive: herald restore <archive> [--data-dir dir] [--force]');
    const result = await restoreBackup({ archive: positionals[0]!, dataDir: (values['data-dir'] as string | undefined) ?? config.dataPath, force: values.force === true });
    console.log(`Restored into ${result.dataDir}: ${countsLine(result.counts)}; ${result.manifest.mediaFiles} media files. Checksums verified.`);
    if (result.manifest.keys.encryptionKeys === 'environment') console.log('Start it with the HERALD_ENCRYPTION_KEYS the instance had: the token keys were not in the archive.');
    if (result.manifest.keys.secret === 'environment') console.log('Start it with the HERALD_SECRET the instance had: the signing secret was not in the archive.');
    console.log(`Start it with HERALD_DATA_DIR=${result.dataDir}.`);
    return;
  }
  const { values } = parse(args, { to: { type: 'string' }, 'media-to-s3': { type: 'boolean' } });
  const toS3 = values['media-to-s3'] === true;
  const result = await moveToPostgres({ config, to: values.to as string, mediaTarget: toS3 ? () => openS3MediaTarget(config) : undefined });
  const width = Math.max(...result.tables.map((t) => t.table.length));
  console.log(`${'table'.padEnd(width)}  source  target`);
  for (const t of result.tables) console.log(`${t.table.padEnd(width)}  ${String(t.source).padStart(6)}  ${String(t.target).padStart(6)}`);
  console.log(`Every table matches. ${result.wakeUps} scheduled wake-up(s) and ${result.exports} pending export(s) queued on PostgreSQL.`);
  if (result.media) printMediaSummary(result.media, config);
  printNextSteps(config, describeTarget(values.to as string), toS3);
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function printMediaSummary(media: NonNullable<MoveResult['media']>, config: Config) {
  console.log(
    `Media: ${media.files} file(s), ${megabytes(media.bytes)}, in bucket ${config.s3Bucket}: ${media.copied} copied, ${media.skipped} already there; ` +
      `${media.verified} of ${media.files} verified (read back: size and SHA-256 match).`,
  );
  if (media.unfinishedUploads) console.log(`${media.unfinishedUploads} unfinished resumable upload(s) were not copied: whoever was uploading sends the file again.`);
}

/** What to set to start on PostgreSQL: secrets by name (and where to find them), never their values. */
function printNextSteps(config: Config, database: string, mediaOnS3: boolean) {
  const keys = config.encryptionKeys ? 'HERALD_ENCRYPTION_KEYS=… (the same as now)' : `HERALD_ENCRYPTION_KEYS=… (the contents of ${config.dataPath}/encryption.keys)`;
  const secret = config.secret ? 'HERALD_SECRET=… (the same as now)' : `HERALD_SECRET=… (the contents of ${config.dataPath}/secret.key)`;
  console.log('The embedded copy is marked as moved and will not start.');
  if (mediaOnS3) {
    console.log('Start Herald on PostgreSQL and S3 (`herald serve` and `herald worker`, or `herald all`) with:');
    for (const line of [`DATABASE_URL=${database} (with its user and password)`, ...s3EnvironmentLines(config), keys, secret]) console.log(`  ${line}`);
    console.log(`The media are now in the bucket; ${config.dataPath}/media is no longer read (keep it until you have checked the new set-up).`);
    return;
  }
  console.log(
    `Media stays in ${config.dataPath}/media. Start Herald with DATABASE_URL and the same HERALD_DATA_DIR (it holds the media and the keys), ` +
      'or set HERALD_ENCRYPTION_KEYS and HERALD_SECRET to the contents of its encryption.keys and secret.key.',
  );
}
