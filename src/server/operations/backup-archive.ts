import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Header, Pack, ReadEntry } from 'tar';
import type { InstanceCounts } from './database-snapshot.ts';

// The archive's layout, shared by backup and restore. Entries, in this order:
//   database.tar       PGlite's dump of the data folder's database (its own tarball format)
//   encryption.keys    the token keys file, when the instance uses one (not HERALD_ENCRYPTION_KEYS)
//   secret.key         the signing secret file, when the instance uses one (not HERALD_SECRET)
//   media/<key>        every stored file, under its storage key
//   manifest.json      last, because it carries every other entry's checksum
// The whole is gzip-compressed.

export const MANIFEST_FORMAT = 'herald-backup';
export const MANIFEST_VERSION = 1;
export const DATABASE_ENTRY = 'database.tar';
export const MANIFEST_ENTRY = 'manifest.json';
export const KEY_ENTRIES = ['encryption.keys', 'secret.key'] as const;
export type KeySource = 'archive' | 'environment' | 'none';

export type ManifestFile = { path: string; size: number; sha256: string };
export type BackupManifest = {
  format: typeof MANIFEST_FORMAT;
  version: number;
  createdAt: string;
  /** True when the snapshot was taken from a running Herald. */
  online: boolean;
  /** Database migrations applied in the snapshot (a newer Herald's backup is refused). */
  migrations: number;
  counts: InstanceCounts;
  mediaFiles: number;
  keys: { encryptionKeys: KeySource; secret: KeySource };
  files: ManifestFile[];
};

/** Media storage keys as the disk driver writes them: `<workspaceId>/<mediaId>`, nothing that climbs out. */
export const mediaEntryPattern = /^media\/[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export type ArchiveWriter = {
  addBuffer(entryPath: string, data: Buffer): Promise<void>;
  /** Adds a file, hashing what it reads; a file gone before it was opened answers false. */
  addFile(entryPath: string, filePath: string, onBytes: (n: number) => void): Promise<boolean>;
  /** Writes the manifest (with every entry's checksum) and finishes the archive. */
  finish(manifest: Omit<BackupManifest, 'files'>): Promise<BackupManifest>;
};

/** A gzipped tar written to `output` (owner-only: it holds the keys). */
export function createArchiveWriter(output: string): ArchiveWriter {
  const pack = new Pack({ gzip: true, portable: true });
  const file = fs.createWriteStream(output, { mode: 0o600, flags: 'wx' });
  pack.pipe(file);
  const written = once(file, 'close');
  const failure = new Promise<never>((_, reject) => {
    pack.on('error', reject);
    file.on('error', reject);
  });
  failure.catch(() => undefined);
  const files: ManifestFile[] = [];
  const mtime = new Date();

  async function add(entryPath: string, size: number, chunks: AsyncIterable<Buffer> | Iterable<Buffer>, onBytes?: (n: number) => void) {
    const entry = new ReadEntry(new Header({ path: entryPath, size, mode: 0o600, type: 'File', mtime }));
    pack.add(entry);
    const hash = crypto.createHash('sha256');
    let seen = 0;
    for await (const chunk of chunks) {
      seen += chunk.length;
      // A file that grew after it was measured would overrun its header; media files never change.
      if (seen > size) throw new Error(`${entryPath} changed while it was archived`);
      hash.update(chunk);
      onBytes?.(chunk.length);
      if (!entry.write(chunk)) await Promise.race([once(entry, 'drain'), failure]);
    }
    if (seen !== size) throw new Error(`${entryPath} changed while it was archived`);
    entry.end();
    files.push({ path: entryPath, size, sha256: hash.digest('hex') });
  }

  return {
    async addBuffer(entryPath, data) {
      await add(entryPath, data.length, [data]);
    },
    async addFile(entryPath, filePath, onBytes) {
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(filePath, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
      try {
        // Once open, the file's bytes stay readable even if the purge deletes it meanwhile.
        const { size } = await handle.stat();
        await add(entryPath, size, handle.createReadStream({ autoClose: false }), onBytes);
        return true;
      } finally {
        await handle.close();
      }
    },
    async finish(partial) {
      const manifest: BackupManifest = { ...partial, files: [...files] };
      await add(MANIFEST_ENTRY, Buffer.byteLength(JSON.stringify(manifest, null, 2)), [Buffer.from(JSON.stringify(manifest, null, 2))]);
      pack.end();
      await Promise.race([written, failure]);
      return manifest;
    },
  };
}
