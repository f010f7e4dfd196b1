import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config/config.ts';
import { acquireDataDirLock, DataDirLockedError } from '../db/data-dir-lock.ts';
import { keysFile } from '../security/encryption-keys.ts';
import { createArchiveWriter, DATABASE_ENTRY, MANIFEST_FORMAT, MANIFEST_VERSION, type BackupManifest, type KeySource } from './backup-archive.ts';
import { snapshotPglite, type DatabaseSnapshot } from './database-snapshot.ts';
import { startProgress } from './progress.ts';
import { requestSnapshot } from './snapshot-socket.ts';

export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}

export const defaultBackupName = (now = new Date()) => `herald-backup-${now.toISOString().replace(/[:.]/g, '-')}.tar.gz`;

/** Files under `root`, relative, skipping dot-entries (uploads in progress: .incoming, .tus). */
async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  await visit('');
  return found;
}

/**
 * The database snapshot: taken here when no Herald runs on the folder (holding its lock until the
 * backup is written, so nothing starts meanwhile), else asked of the running Herald.
 */
async function takeSnapshot(dataPath: string): Promise<{ snapshot: DatabaseSnapshot; online: boolean; release: () => void }> {
  let release: () => void;
  try {
    release = acquireDataDirLock(dataPath);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    return { snapshot: await requestSnapshot(dataPath, error.pid), online: true, release: () => {} };
  }
  try {
    const pglite = await PGlite.create(path.join(dataPath, 'db'));
    try {
      return { snapshot: await snapshotPglite(pglite), online: false, release };
    } finally {
      await pglite.close();
    }
  } catch (error) {
    release();
    throw error;
  }
}

export type BackupResult = { output: string; manifest: BackupManifest; missingMedia: number };

/** `herald backup`: database snapshot, token keys and media of an embedded instance in one archive. */
export async function createBackup(options: { config: Config; output?: string; out?: NodeJS.WriteStream }): Promise<BackupResult> {
  const { config } = options;
  const out = options.out ?? process.stdout;
  if (config.databaseUrl) {
    throw new OperationError('herald backup copies the embedded database; with DATABASE_URL (PostgreSQL) use pg_dump, as the README\'s "Backup and restore" section shows.');
  }
  const dataPath = config.dataPath;
  if (!fs.existsSync(path.join(dataPath, 'db', 'PG_VERSION'))) throw new OperationError(`No embedded Herald database in ${dataPath} (HERALD_DATA_DIR).`);
  const output = path.resolve(options.output ?? defaultBackupName());
  if (fs.existsSync(output)) throw new OperationError(`${output} already exists; name another file with --output.`);

  out.write(`Taking a snapshot of the database in ${dataPath}…\n`);
  const { snapshot, online, release } = await takeSnapshot(dataPath);
  let done = false;
  try {
    const mediaRoot = path.join(dataPath, 'media');
    const media = await listFiles(mediaRoot);
    const sizes = await Promise.all(media.map((file) => fsp.stat(path.join(mediaRoot, file)).then((s) => s.size, () => 0)));
    const keySources: Record<'encryption.keys' | 'secret.key', KeySource> = {
      'encryption.keys': config.encryptionKeys ? 'environment' : fs.existsSync(keysFile(config)) ? 'archive' : 'none',
      'secret.key': config.secret ? 'environment' : fs.existsSync(path.join(dataPath, 'secret.key')) ? 'archive' : 'none',
    };

    const writer = createArchiveWriter(output);
    const progress = startProgress('backup', snapshot.tarball.length + sizes.reduce((a, b) => a + b, 0), { bytes: true, out });
    await writer.addBuffer(DATABASE_ENTRY, snapshot.tarball);
    progress.advance(snapshot.tarball.length);
    for (const [name, source] of Object.entries(keySources)) {
      if (source === 'archive') await writer.addBuffer(name, await fsp.readFile(path.join(dataPath, name)));
    }
    let missingMedia = 0;
    for (const [i, file] of media.entries()) {
      // Deleted by the media purge since it was listed: not in the snapshot's future either.
      if (!(await writer.addFile(`media/${file}`, path.join(mediaRoot, file), (n) => progress.advance(n)))) {
        missingMedia += 1;
        progress.advance(sizes[i] ?? 0);
      }
    }
    const manifest = await writer.finish({
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      createdAt: new Date().toISOString(),
      online,
      migrations: snapshot.migrations,
      counts: snapshot.counts,
      mediaFiles: media.length - missingMedia,
      keys: { encryptionKeys: keySources['encryption.keys'], secret: keySources['secret.key'] },
    });
    progress.done();
    done = true;
    return { output, manifest, missingMedia };
  } finally {
    release();
    if (!done) fs.rmSync(output, { force: true });
  }
}
