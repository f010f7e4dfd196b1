import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Config } from '../../config/config.ts';
import { assertSafeKey, type MediaStorage } from './media.storage.ts';

export type S3Settings = Pick<Config, 's3Bucket' | 's3Region' | 's3Endpoint' | 's3ForcePathStyle' | 's3AccessKeyId' | 's3SecretAccessKey'>;

/**
 * The SDK client settings from Herald's. Without HERALD_S3_ACCESS_KEY_ID the SDK's default chain
 * finds the credentials (AWS_* variables, shared files, instance or task roles). The keys live in
 * the client only: nothing here is logged, and SDK errors do not carry them.
 */
export function s3ClientConfig(settings: S3Settings): S3ClientConfig {
  return {
    region: settings.s3Region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
    forcePathStyle: settings.s3ForcePathStyle,
    ...(settings.s3AccessKeyId && settings.s3SecretAccessKey
      ? { credentials: { accessKeyId: settings.s3AccessKeyId, secretAccessKey: settings.s3SecretAccessKey } }
      : {}),
  };
}

/** An S3 answer that means "no such object" (HeadObject has no body, hence the bare NotFound). */
export const isS3NotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/** The disk driver's "nothing there", so callers need not know which driver answered. */
const enoent = (key: string) => Object.assign(new Error(`No media stored under ${key}`), { code: 'ENOENT' });

// Parts of a streamed put: S3's minimum, so a file of a few MB goes up in one request.
const PART_SIZE = 8 * 1024 * 1024;

/**
 * Media as objects in one bucket, under the same keys as the disk driver's files
 * (`<workspaceId>/<mediaId>`). There is no local file: `path` is absent.
 */
export function createS3Storage(settings: S3Settings & { s3Bucket: string }): MediaStorage & { client: S3Client; bucket: string } {
  const client = new S3Client(s3ClientConfig(settings));
  const Bucket = settings.s3Bucket;

  async function upload(key: string, body: Readable): Promise<number> {
    let size = 0;
    const counted = body.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(null, chunk);
        },
      }),
    );
    body.once('error', (error) => counted.destroy(error));
    // lib-storage sends a small body in one PutObject and a large one as a multipart upload.
    await new Upload({ client, params: { Bucket, Key: key, Body: counted }, partSize: PART_SIZE, queueSize: 2 }).done();
    return size;
  }

  return {
    client,
    bucket: Bucket,
    async put(key, source) {
      assertSafeKey(key);
      if (Buffer.isBuffer(source)) {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: source, ContentLength: source.length }));
        return { size: source.length };
      }
      return { size: await upload(key, source) };
    },
    async putFile(key, localPath) {
      assertSafeKey(key);
      const size = await upload(key, fs.createReadStream(localPath));
      await fsp.rm(localPath, { force: true });
      return { size };
    },
    open(key, range) {
      assertSafeKey(key);
      // Nothing is asked of S3 until the stream is read, and a stream destroyed early aborts the
      // request, as closing a file would.
      const abort = new AbortController();
      async function* bytes() {
        try {
          const answer = await client.send(new GetObjectCommand({ Bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }), {
            abortSignal: abort.signal,
          });
          yield* answer.Body as Readable;
        } catch (error) {
          throw isS3NotFound(error) ? enoent(key) : error;
        } finally {
          abort.abort();
        }
      }
      return Readable.from(bytes(), { objectMode: false });
    },
    async size(key) {
      assertSafeKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        throw isS3NotFound(error) ? enoent(key) : error;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      // S3 answers 204 for a key that holds nothing, which is what the interface asks.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
