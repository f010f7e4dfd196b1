import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import * as tar from 'tar';
import type { ReadEntry } from 'tar';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import { createDataDir, restrictToOwner } from '../db/data-dir-modes.ts';
import { expectedMigrationCount } from '../db/database.ts';
import { DATABASE_ENTRY, KEY_ENTRIES, MANIFEST_ENTRY, MANIFEST_FORMAT, MANIFEST_VERSION, mediaEntryPattern, type BackupManifest } from './backup-archive.ts';
import { OperationError } from './backup.ts';
import { countInstance, type InstanceCounts } from './database-snapshot.ts';
import { startProgress, type Progress } from './progress.ts';

/** Reads the gzipped archive once, handing each entry to `onEntry`; a damaged archive rejects. */
async function readArchive(file: string, progress: Progress, onEntry: (entry: ReadEntry) => Promise<void>) {
  const pending: Promise<void>[] = [];
  const parser = tar.t({
    strict: true,
    // Each entry flows only when its reader asks, so nothing is dropped while a write waits.
    noResume: true,
    onReadEntry: (entry) => {
      const handled = entry.type === 'File' ? onEntry(entry) : Promise.reject(new OperationError(`Not a Herald backup: unexpected entry ${entry.path} (${entry.type})`));
      handled.catch(() => entry.resume());
      pending.push(handled);
    },
  });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      progress.advance(chunk.length);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(file), counter, parser as unknown as NodeJS.WritableStream);
  } catch (error) {
    // Readers of the entry that was cut short never finish; the archive is refused without them.
    if (error instanceof OperationError) throw error;
    throw new OperationError(`The archive is damaged and was not restored: ${(error as Error).message}`);
  }
  await Promise.all(pending);
}

/** An entry's bytes, hashed as they pass; `sink` (optional) receives them too. */
async function consume(entry: ReadEntry, sink?: (chunk: Buffer) => Promise<void> | void): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    await sink?.(chunk);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * First pass: every entry read and hashed, compared with the manifest (which comes last). Nothing
 * is written before the whole archive has proven intact.
 */
async function verifyArchive(file: string, out: NodeJS.WriteStream): Promise<BackupManifest> {
  const seen = new Map<string, { sha256: string; size: number }>();
  let manifestText: string | undefined;
  const progress = startProgress('verify', fs.statSync(file).size, { bytes: true, out });
  await readArchive(file, progress, async (entry) => {
    if (entry.path === MANIFEST_ENTRY) {
      const chunks: Buffer[] = [];
      await consume(entry, (c) => void chunks.push(c));
      manifestText = Buffer.concat(chunks).toString('utf8');
      return;
    }
    if (seen.has(entry.path)) throw new OperationError(`Not a Herald backup: ${entry.path} appears twice`);
    seen.set(entry.path, await consume(entry));
  });
  progress.done();
  if (!manifestText) throw new OperationError('Not a Herald backup (no manifest.json), or the archive is cut short.');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(manifestText) as BackupManifest;
  } catch {
    throw new OperationError('The backup\'s manifest is damaged.');
  }
  if (manifest.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files)) throw new OperationError('Not a Herald backup (unknown manifest).');
  if (manifest.version > MANIFEST_VERSION) throw new OperationError(`This backup was written by a newer Herald (format ${manifest.version}); restore it with that version.`);
  if (manifest.migrations > expectedMigrationCount()) throw new OperationError('This backup holds a database from a newer Herald; restore it with that version or a later one.');
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const expected of manifest.files) {
    const found = seen.get(expected.path);
    if (!found) throw new OperationError(`The archive is damaged: ${expected.path} is missing.`);
    if (found.size !== expected.size || found.sha256 !== expected.sha256) throw new OperationError(`The archive is damaged: ${expected.path} does not match its checksum.`);
    if (expected.path !== DATABASE_ENTRY && !(KEY_ENTRIES as readonly string[]).includes(expected.path) && !mediaEntryPattern.test(expected.path)) {
      throw new OperationError(`Not a Herald backup: unexpected entry ${expected.path}`);
    }
  }
  for (const name of seen.keys()) if (!listed.has(name)) throw new OperationError(`The archive is damaged: ${name} is not in its manifest.`);
  if (!listed.has(DATABASE_ENTRY)) throw new OperationError('Not a Herald backup (no database).');
  return manifest;
}

/** Second pass: media and key files written owner-only, the database dump kept for PGlite. */
async function extractArchive(file: string, manifest: BackupManifest, dataDir: string, out: NodeJS.WriteStream): Promise<Buffer> {
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  let database: Buffer | undefined;
  const progress = startProgress('restore', fs.statSync(file).size, { bytes: true, out });
  await readArchive(file, progress, async (entry) => {
    const listed = expected.get(entry.path);
    if (!listed) return void (await consume(entry));
    let got: { sha256: string; size: number };
    if (entry.path === DATABASE_ENTRY) {
      const chunks: Buffer[] = [];
      got = await consume(entry, (c) => void chunks.push(c));
      database = Buffer.concat(chunks);
    } else {
      const target = path.join(dataDir, ...entry.path.split('/'));
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const handle = await fsp.open(target, 'wx', 0o600);
      try {
        got = await consume(entry, async (c) => void (await handle.write(c)));
      } finally {
        await handle.close();
      }
    }
    // The archive could have changed since it was verified.
    if (got.sha256 !== listed.sha256) throw new OperationError(`The archive changed while it was restored: ${entry.path} does not match its checksum.`);
  });
  progress.done();
  return database!;
}

export type RestoreResult = { dataDir: string; manifest: BackupManifest; counts: InstanceCounts };

/** `herald restore`: an archive of `herald backup` into an empty data folder (or any, with force). */
export async function restoreBackup(options: { archive: string; dataDir: string; force?: boolean; out?: NodeJS.WriteStream }): Promise<RestoreResult> {
  const out = options.out ?? process.stdout;
  const archive = path.resolve(options.archive);
  const dataDir = path.resolve(options.dataDir);
  if (!fs.existsSync(archive)) throw new OperationError(`No file ${archive}.`);
  const existing = fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : [];
  if (existing.length && !options.force) {
    throw new OperationError(`${dataDir} is not empty. Restore into an empty folder (--data-dir), or pass --force to replace its database, media and keys.`);
  }
  const manifest = await verifyArchive(archive, out);

  createDataDir(dataDir);
  const release = acquireDataDirLock(dataDir);
  try {
    if (existing.length) {
      for (const name of ['db', 'media', 'exports', ...KEY_ENTRIES]) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    }
    const database = await extractArchive(archive, manifest, dataDir, out);
    out.write('Opening the restored database…\n');
    const pglite = await PGlite.create(path.join(dataDir, 'db'), { loadDataDir: new Blob([new Uint8Array(database)]) });
    let counts: InstanceCounts;
    try {
      ({ counts } = await countInstance(pglite));
    } finally {
      await pglite.close();
    }
    restrictToOwner(dataDir);
    for (const [name, value] of Object.entries(manifest.counts) as [keyof InstanceCounts, number][]) {
      if (counts[name] !== value) throw new OperationError(`The restored database has ${counts[name]} ${name}, the backup says ${value}.`);
    }
    return { dataDir, manifest, counts };
  } finally {
    release();
  }
}
