import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { Upload, type DataStore } from '@tus/server';
import type { S3Settings } from './media.s3-storage.ts';

/**
 * Where unfinished resumable uploads live, and the record tus keeps of each (its metadata, which
 * also carries Herald's marks: `heraldMediaId` once it became media, `heraldError` once refused).
 * Every process of one Herald must see the same records: the disk kind in a shared folder, the
 * S3 kind in the bucket.
 */
export type UploadStore = {
  datastore: DataStore;
  read(id: string): Promise<Upload | undefined>;
  save(upload: Upload): Promise<void>;
  /** Bytes received so far. */
  offset(id: string): Promise<number>;
  /** A local file with a finished upload's bytes, taken out of the store; the caller consumes it. */
  takeFinished(id: string): Promise<string>;
  /** Removes unfinished uploads past `keepMs`, and the kept records of finished ones. */
  sweep(): Promise<void>;
};

const uuidName = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.info|\.part)?$/;

/**
 * A finished upload's bytes have moved into media storage, but tus still reads the upload once
 * more after a creation-with-upload POST finished it (for `Upload-Expires`). Its record is kept,
 * marked with the media id, and read as complete; without this that POST answered 404 although
 * the media had been created.
 */
class DiskStore extends FileStore {
  override async getUpload(id: string): Promise<Upload> {
    const info = await this.configstore.get(id);
    if (info?.metadata?.heraldMediaId) return new Upload({ ...info, offset: info.size ?? 0 });
    return super.getUpload(id);
  }
}
// FileStore's constructor creates its folder in the background and throws from the callback when
// that fails (a folder removed meanwhile): an uncaught exception that would end web, API and worker
// together. Herald creates the folder itself, synchronously and owner-only, before the store exists.
(DiskStore.prototype as unknown as { checkOrCreateDirectory: () => void }).checkOrCreateDirectory = () => undefined;

/** Uploads as files in `directory` (`<id>` and `<id>.json`), shared by every process that mounts it. */
export function createDiskUploadStore(directory: string, keepMs: number): UploadStore {
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const store = new DiskStore({ directory, expirationPeriodInMilliseconds: keepMs });
  return {
    datastore: store,
    read: (id) => store.configstore.get(id),
    save: (upload) => store.configstore.set(upload.id, upload),
    offset: (id) => fsp.stat(path.join(directory, id)).then((s) => s.size, () => 0),
    takeFinished: async (id) => path.join(directory, id),
    async sweep() {
      await store.deleteExpired();
      const cutoff = Date.now() - keepMs;
      for (const name of await fsp.readdir(directory).catch(() => [] as string[])) {
        if (!name.endsWith('.json')) continue;
        const file = path.join(directory, name);
        const dataGone = await fsp.stat(file.slice(0, -'.json'.length)).then(() => false, () => true);
        const old = (await fsp.stat(file)).mtimeMs < cutoff;
        if (dataGone && old) await fsp.rm(file, { force: true });
      }
    },
  };
}

/**
 * Uploads in the media bucket through @tus/s3-store: a multipart upload per upload, `<id>.info`
 * holding the record, `<id>.part` the tail shorter than S3's 5 MB part minimum. Finished, the
 * object `<id>` is downloaded into `incomingDir` (the probe reads a local file) and removed.
 */
export async function createS3UploadStore(settings: S3Settings & { s3Bucket: string }, incomingDir: string, keepMs: number): Promise<UploadStore> {
  const [{ S3Store }, { AbortMultipartUploadCommand, DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command }, { s3ClientConfig, isS3NotFound }] = await Promise.all([
    import('@tus/s3-store'),
    import('@aws-sdk/client-s3'),
    import('./media.s3-storage.ts'),
  ]);
  const Bucket = settings.s3Bucket;

  class HeraldS3Store extends S3Store {
    async readRecord(id: string): Promise<Upload | undefined> {
      try {
        return (await this.getMetadata(id)).file;
      } catch (error) {
        if (isS3NotFound(error)) return undefined;
        throw error;
      }
    }
    async saveRecord(upload: Upload): Promise<void> {
      await this.saveMetadata(upload, (await this.getMetadata(upload.id))['upload-id']);
    }
    override async getUpload(id: string): Promise<Upload> {
      const record = await this.readRecord(id);
      if (record?.metadata?.heraldMediaId) return new Upload({ ...record, offset: record.size ?? 0 });
      return super.getUpload(id);
    }
    get s3() {
      return this.client;
    }
  }

  const store = new HeraldS3Store({
    s3ClientConfig: { bucket: Bucket, ...s3ClientConfig(settings) },
    expirationPeriodInMilliseconds: keepMs,
    // Herald sweeps by itself (below); object tags are not offered by every S3-compatible service.
    useTags: false,
    // The store caches each record in memory by default: another process would then miss what
    // this one changed (a declared length, Herald's marks). Every request reads the bucket.
    cache: { get: async () => undefined, set: async () => {}, delete: async () => {} },
  });
  const client = store.s3;

  return {
    datastore: store,
    read: (id) => store.readRecord(id),
    save: (upload) => store.saveRecord(upload),
    offset: async (id) => (await store.getUpload(id)).offset,
    async takeFinished(id) {
      await fsp.mkdir(incomingDir, { recursive: true });
      const file = path.join(incomingDir, `tus-${crypto.randomUUID()}`);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: id }));
        await pipeline(answer.Body as Readable, fs.createWriteStream(file, { flags: 'wx' }));
      } catch (error) {
        await fsp.rm(file, { force: true });
        throw error;
      }
      await client.send(new DeleteObjectCommand({ Bucket, Key: id }));
      return file;
    },
    async sweep() {
      // Multipart uploads are listed before the objects, so one started in between is not taken
      // for abandoned. S3's own `Initiated` alone is not trusted: some services (moto among
      // them) answer a fixed date. An upload is abandoned when S3 says it is old and its record is
      // gone or old too.
      const cutoff = Date.now() - keepMs;
      const multipart: { Key: string; UploadId: string }[] = [];
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      for (;;) {
        const page = await client.send(new ListMultipartUploadsCommand({ Bucket, KeyMarker, UploadIdMarker }));
        for (const u of page.Uploads ?? []) {
          if (u.Key && u.UploadId && uuidName.test(u.Key) && (u.Initiated?.getTime() ?? 0) < cutoff) multipart.push({ Key: u.Key, UploadId: u.UploadId });
        }
        if (!page.IsTruncated) break;
        KeyMarker = page.NextKeyMarker;
        UploadIdMarker = page.NextUploadIdMarker;
      }
      // Everything an upload leaves at the top level, by age. Media (`<workspace>/<id>`) is
      // never at the top level, and only upload-shaped names are touched.
      const young = new Set<string>();
      const old: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', ContinuationToken }));
        for (const o of page.Contents ?? []) {
          if (!o.Key || !uuidName.test(o.Key)) continue;
          if (o.LastModified && o.LastModified.getTime() < cutoff) old.push(o.Key);
          else young.add(o.Key);
        }
        ContinuationToken = page.NextContinuationToken;
      } while (ContinuationToken);
      for (const u of multipart) {
        if (!young.has(`${u.Key}.info`)) await client.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }));
      }
      for (let i = 0; i < old.length; i += 1000) {
        await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: old.slice(i, i + 1000).map((Key) => ({ Key })) } }));
      }
    },
  };
}
