import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListMultipartUploadsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from '../../../../test/s3/test-s3.ts';
import { loadConfig } from '../../config/config.ts';
import { createS3UploadStore } from './media.tus-stores.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('resumable uploads kept in the media bucket', () => {
  let s3: TestS3;
  let incoming: string;
  beforeAll(async () => {
    s3 = await startTestS3();
    incoming = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-incoming-'));
  });
  afterAll(async () => {
    await s3?.stop();
    if (incoming) fs.rmSync(incoming, { recursive: true, force: true });
  });

  const multipartUploads = async (bucket: string) => ((await s3.client.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).map((u) => u.Key);
  const storeIn = (bucket: string, keepMs: number) =>
    createS3UploadStore({ ...loadConfig({ ...s3.env, HERALD_S3_BUCKET: bucket }), s3Bucket: bucket }, incoming, keepMs);

  /** An unfinished upload (a multipart upload, its .info and a short .part), a finished one, media and a stranger's file. */
  async function fill(bucket: string) {
    const store = await storeIn(bucket, DAY);
    const unfinished = crypto.randomUUID();
    await store.datastore.create(new Upload({ id: unfinished, size: 100, offset: 0, metadata: {} }));
    await store.datastore.write(Readable.from([Buffer.alloc(10, 1)]), unfinished, 0);
    const finished = crypto.randomUUID();
    const bytes = crypto.randomBytes(64);
    await store.datastore.create(new Upload({ id: finished, size: bytes.length, offset: 0, metadata: {} }));
    await store.datastore.write(Readable.from([bytes]), finished, 0);
    const local = await store.takeFinished(finished);
    expect(fs.readFileSync(local).equals(bytes)).toBe(true);
    fs.rmSync(local);
    const record = (await store.read(finished))!;
    record.metadata = { ...record.metadata, heraldMediaId: finished };
    await store.save(record);
    for (const Key of [`ws-1/${crypto.randomUUID()}`, 'notes.txt']) await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'kept' }));
    return { unfinished, finished };
  }

  it('keeps the record of a finished upload, marked, and reads it as complete once its bytes are taken', async () => {
    const bucket = await s3.newBucket();
    const { unfinished, finished } = await fill(bucket);
    const store = await storeIn(bucket, DAY);
    expect(await s3.keys(bucket)).toEqual(expect.arrayContaining([`${unfinished}.info`, `${unfinished}.part`, `${finished}.info`]));
    expect(await s3.keys(bucket)).not.toContain(finished);
    expect((await store.read(finished))?.metadata?.heraldMediaId).toBe(finished);
    expect((await store.datastore.getUpload(finished)).offset).toBe(64);
    expect(await store.offset(unfinished)).toBe(10);
    expect(await store.read(crypto.randomUUID())).toBeUndefined();
  });

  it('sweeps nothing younger than an upload may live', async () => {
    const bucket = await s3.newBucket();
    await fill(bucket);
    const before = await s3.keys(bucket);
    await (await storeIn(bucket, DAY)).sweep();
    expect(await s3.keys(bucket)).toEqual(before);
    expect(await multipartUploads(bucket)).toHaveLength(1);
  });

  it('sweeps what uploads left once past their time, and never media or other objects', async () => {
    const bucket = await s3.newBucket();
    const { unfinished } = await fill(bucket);
    expect(await multipartUploads(bucket)).toEqual([unfinished]);
    // A keep time already over: everything an upload left counts as old.
    await (await storeIn(bucket, -DAY)).sweep();
    const left = await s3.keys(bucket);
    expect(left).toHaveLength(2);
    expect(left).toEqual(expect.arrayContaining(['notes.txt', expect.stringMatching(/^ws-1\//)]));
    expect(await multipartUploads(bucket)).toEqual([]);
  });
});
