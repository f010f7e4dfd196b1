import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from '../../../../test/s3/test-s3.ts';
import { loadConfig } from '../../config/config.ts';
import { createMediaStorage, createDiskStorage, type MediaStorage } from './media.storage.ts';
import { createS3Storage } from './media.s3-storage.ts';

const readAll = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: NodeJS.ErrnoException) => error);

let s3: TestS3;
let tempDir: string;
beforeAll(async () => {
  s3 = await startTestS3();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-storage-'));
});
afterAll(async () => {
  await s3?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

// The contract every driver keeps: what media.service, the file routes, publishers and the data
// export rely on, whichever storage HERALD_MEDIA_STORAGE names.
describe.each([
  { driver: 'disk', make: () => createDiskStorage(path.join(tempDir, `media-${crypto.randomUUID()}`)) },
  {
    driver: 's3',
    make: () => createS3Storage({ ...loadConfig({ ...s3.env, HERALD_DATA_DIR: tempDir }), s3Bucket: s3.bucket }),
  },
])('media storage contract: $driver', ({ make }) => {
  let storage: MediaStorage;
  const bytes = crypto.randomBytes(300_000);
  beforeAll(() => {
    storage = make();
  });

  it('puts a buffer and a stream, and reads back every byte and any range', async () => {
    expect(await storage.put('ws-1/buffer', bytes)).toEqual({ size: bytes.length });
    expect(await storage.put('ws-1/stream', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]))).toEqual({ size: bytes.length });
    for (const key of ['ws-1/buffer', 'ws-1/stream']) {
      expect(await storage.size(key)).toBe(bytes.length);
      expect((await readAll(storage.open(key))).equals(bytes)).toBe(true);
      // Inclusive ranges, as HTTP Range counts: the first byte, a middle span, the tail.
      expect((await readAll(storage.open(key, { start: 0, end: 0 }))).equals(bytes.subarray(0, 1))).toBe(true);
      expect((await readAll(storage.open(key, { start: 1234, end: 99_999 }))).equals(bytes.subarray(1234, 100_000))).toBe(true);
      expect((await readAll(storage.open(key, { start: bytes.length - 10, end: bytes.length - 1 }))).equals(bytes.subarray(-10))).toBe(true);
    }
  });

  it('moves a local file in: the file is gone, its bytes are stored', async () => {
    const local = path.join(tempDir, `upload-${crypto.randomUUID()}`);
    fs.writeFileSync(local, bytes);
    expect(await storage.putFile('ws-2/moved', local)).toEqual({ size: bytes.length });
    expect(fs.existsSync(local)).toBe(false);
    expect((await readAll(storage.open('ws-2/moved'))).equals(bytes)).toBe(true);
  });

  it('replaces what a key held', async () => {
    await storage.put('ws-3/again', Buffer.from('first version'));
    await storage.put('ws-3/again', Buffer.from('second'));
    expect((await readAll(storage.open('ws-3/again'))).toString()).toBe('second');
    expect(await storage.size('ws-3/again')).toBe(6);
  });

  it('answers ENOENT for a key that holds nothing, from size and from reading', async () => {
    expect(await failureOf(storage.size('ws-4/never'))).toMatchObject({ code: 'ENOENT' });
    expect(await failureOf(readAll(storage.open('ws-4/never')))).toMatchObject({ code: 'ENOENT' });
  });

  it('deletes, and deleting nothing is not an error', async () => {
    await storage.put('ws-5/doomed', Buffer.from('bye'));
    await storage.delete('ws-5/doomed');
    expect(await failureOf(storage.size('ws-5/doomed'))).toMatchObject({ code: 'ENOENT' });
    await expect(storage.delete('ws-5/doomed')).resolves.toBeUndefined();
    await expect(storage.delete('ws-5/never-was')).resolves.toBeUndefined();
  });

  it('refuses keys that could leave its place', () => {
    for (const key of ['../escape', 'ws/../../x', '/absolute', 'ws//double', '']) {
      expect(() => storage.open(key), key).toThrow(/Invalid media storage key/);
    }
  });
});

describe('createMediaStorage', () => {
  it('makes the driver HERALD_MEDIA_STORAGE names: disk has local files, s3 has none and writes to the bucket', async () => {
    const disk = await createMediaStorage(loadConfig({ HERALD_DATA_DIR: tempDir }));
    expect(disk.path?.('ws/x')).toBe(path.join(tempDir, 'media', 'ws', 'x'));

    const bucket = await s3.newBucket();
    const onS3 = await createMediaStorage(loadConfig({ ...s3.env, HERALD_S3_BUCKET: bucket, HERALD_DATA_DIR: tempDir }));
    expect(onS3.path).toBeUndefined();
    await onS3.put('ws/x', Buffer.from('in the bucket'));
    expect(await s3.keys(bucket)).toEqual(['ws/x']);
  });

  it('refuses s3 without a bucket, and half a pair of keys, naming the settings', () => {
    expect(() => loadConfig({ HERALD_MEDIA_STORAGE: 's3' })).toThrow(/HERALD_S3_BUCKET: required with HERALD_MEDIA_STORAGE=s3/);
    expect(() => loadConfig({ HERALD_MEDIA_STORAGE: 's3', HERALD_S3_BUCKET: 'media', HERALD_S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(/set both, or neither/);
    expect(() => loadConfig({ HERALD_MEDIA_STORAGE: 'ftp' })).toThrow(/HERALD_MEDIA_STORAGE: must be disk or s3/);
  });

  it('never puts the secret key in a configuration error', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const error = (() => {
      try {
        loadConfig({ HERALD_MEDIA_STORAGE: 's3', HERALD_S3_SECRET_ACCESS_KEY: secret });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toMatch(/HERALD_S3_BUCKET/);
    expect(error?.message).not.toContain(secret);
  });
});
