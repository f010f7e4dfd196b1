import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config/config.ts';

/** Inclusive byte range, as HTTP Range counts. */
export type ByteRange = { start: number; end: number };

/**
 * Where uploaded bytes live. Keys are `<workspaceId>/<mediaId>`; the disk driver maps them to
 * files, the S3 driver (media.s3-storage.ts) to objects (hence no file handles in the interface,
 * and `path` only where a local file really exists).
 */
export interface MediaStorage {
  put(key: string, source: Readable | Buffer): Promise<{ size: number }>;
  /** Moves a finished local file (an upload in its temp place) under `key`; the local file is gone afterwards. */
  putFile(key: string, localPath: string): Promise<{ size: number }>;
  open(key: string, range?: ByteRange): Readable;
  /** Size in bytes; rejects with code ENOENT when the key holds nothing. */
  size(key: string): Promise<number>;
  /** Removes the bytes; nothing to remove is not an error. */
  delete(key: string): Promise<void>;
  /** The local file behind `key`, for drivers that have one. */
  path?(key: string): string;
}

const safeKey = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Keys are made by Herald, never taken from a request; a strange one is a bug, refused before any I/O. */
export function assertSafeKey(key: string): void {
  if (!safeKey.test(key) || key.split('/').includes('..')) throw new Error(`Invalid media storage key: ${key}`);
}

/**
 * The storage HERALD_MEDIA_STORAGE names. The S3 driver (and the AWS SDK) is loaded only when
 * chosen, so the embedded mode does not pay for it at start.
 */
export async function createMediaStorage(config: Config): Promise<MediaStorage> {
  if (config.mediaStorage === 'disk') return createDiskStorage(path.join(config.dataPath, 'media'));
  const { createS3Storage } = await import('./media.s3-storage.ts');
  // loadConfig refuses s3 without a bucket.
  return createS3Storage({ ...config, s3Bucket: config.s3Bucket! });
}

/** Files under `root` (`<dataPath>/media` in the embedded mode), one folder per workspace. */
export function createDiskStorage(root: string): MediaStorage {
  const resolved = path.resolve(root);
  // Writes land in a temp file next to the others and are renamed into place, so a reader never
  // sees half a file and a crash leaves only temp files behind.
  const tempDir = path.join(resolved, '.incoming');

  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(resolved, ...key.split('/'));
  };
  const tempFile = async () => {
    await fsp.mkdir(tempDir, { recursive: true });
    return path.join(tempDir, `put-${crypto.randomUUID()}`);
  };

  async function moveInto(key: string, from: string): Promise<{ size: number }> {
    const target = fileOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    try {
      await fsp.rename(from, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      // Another file system (a mounted upload folder): copy through a temp file, then rename.
      const temp = await tempFile();
      await fsp.copyFile(from, temp);
      await fsp.rename(temp, target);
      await fsp.rm(from, { force: true });
    }
    return { size: (await fsp.stat(target)).size };
  }

  return {
    async put(key, source) {
      const temp = await tempFile();
      try {
        await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, fs.createWriteStream(temp, { flags: 'wx' }));
        return await moveInto(key, temp);
      } finally {
        await fsp.rm(temp, { force: true });
      }
    },
    putFile: moveInto,
    open(key, range) {
      return fs.createReadStream(fileOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async size(key) {
      return (await fsp.stat(fileOf(key))).size;
    },
    async delete(key) {
      await fsp.rm(fileOf(key), { force: true });
    },
    path: fileOf,
  };
}
