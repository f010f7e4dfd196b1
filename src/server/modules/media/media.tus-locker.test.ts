import { MemoryLocker, type Locker } from '@tus/server';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresUploadLocker, type UploadLocker } from './media.tus-locker.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const logger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const running = () => new AbortController().signal;

/**
 * Two lockers stand for two Herald processes: `a` holds an upload, `b` wants it. Answers what
 * happened in order: a shared lock makes `b` wait until `a` was asked to let go and did.
 */
async function contend(a: Locker, b: Locker, id: string): Promise<string[]> {
  const events: string[] = [];
  const held = a.newLock(id);
  let askedToRelease!: () => void;
  const asked = new Promise<void>((resolve) => (askedToRelease = resolve));
  await held.lock(running(), () => {
    events.push('a asked to release');
    askedToRelease();
  });
  const wanted = b.newLock(id);
  const taken = wanted.lock(running(), () => {}).then(() => events.push('b locked'));
  await Promise.race([asked, taken]);
  events.push('a unlocks');
  await held.unlock();
  await taken;
  await wanted.unlock();
  return events;
}

describe.skipIf(!databaseUrl)('resumable upload locks shared on PostgreSQL', () => {
  const lockers: UploadLocker[] = [];
  const locker = () => {
    const made = createPostgresUploadLocker(databaseUrl!, logger, { poolSize: 3 });
    lockers.push(made);
    return made;
  };
  afterAll(async () => {
    for (const l of lockers) await l.close();
  });

  it('makes a request in another process wait for the holder, whom it asks to let go', async () => {
    expect(await contend(locker(), locker(), 'upload-1')).toEqual(['a asked to release', 'a unlocks', 'b locked']);
  });

  it('excludes within one process too', async () => {
    const one = locker();
    expect(await contend(one, one, 'upload-2')).toEqual(['a asked to release', 'a unlocks', 'b locked']);
  });

  it('what the in-memory locker of the embedded mode would do across processes: no exclusion at all', async () => {
    expect(await contend(new MemoryLocker(), new MemoryLocker(), 'upload-3')).toEqual(['b locked', 'a unlocks']);
  });

  it('locks each upload on its own, and gives up when the request ends', async () => {
    const a = locker();
    const b = locker();
    const held = a.newLock('upload-4');
    await held.lock(running(), () => {});
    const other = b.newLock('upload-5');
    await other.lock(running(), () => {});
    await other.unlock();

    const ended = new AbortController();
    const waiting = b.newLock('upload-4').lock(ended.signal, () => {});
    ended.abort();
    await expect(waiting).rejects.toMatchObject({ status_code: 500, body: expect.stringContaining('lock') });
    await held.unlock();
    // Released: the same upload can be locked again, from either side.
    const again = b.newLock('upload-4');
    await again.lock(running(), () => {});
    await again.unlock();
  });
});
