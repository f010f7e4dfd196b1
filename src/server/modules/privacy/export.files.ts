import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { MediaStorage } from '../media/media.storage.ts';

// A finished archive lives in the media storage (the data folder's media/ on disk, the bucket on
// S3), so the `serve` process that answers the download need not be the worker that built it.
// Rows written before this kept an absolute path under <dataPath>/exports: those are still read
// and deleted where they are, until they expire.

/** The storage key of an export's ZIP. */
export const exportStorageKey = (exportId: string) => `exports/${exportId}.zip`;

const isLocalPath = (stored: string) => path.isAbsolute(stored);

/** Size in bytes; rejects (ENOENT) when the archive is gone. */
export async function exportFileSize(storage: MediaStorage, stored: string): Promise<number> {
  return isLocalPath(stored) ? (await fsp.stat(stored)).size : storage.size(stored);
}

export function openExportFile(storage: MediaStorage, stored: string): Readable {
  return isLocalPath(stored) ? fs.createReadStream(stored) : storage.open(stored);
}

/** Deletes the archive; one already gone is not an error. */
export async function removeExportFile(storage: MediaStorage, stored: string): Promise<void> {
  if (isLocalPath(stored)) await fsp.rm(stored, { force: true });
  else await storage.delete(stored);
}
