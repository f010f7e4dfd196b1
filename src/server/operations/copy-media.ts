import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import type { MediaStorage } from '../modules/media/media.storage.ts';
import { OperationError } from './backup.ts';
import { startProgress, type Progress } from './progress.ts';

export type MediaCopyResult = {
  files: number;
  bytes: number;
  /** Sent to the target by this run. */
  copied: number;
  /** Already in the target with the same size and SHA-256 (an earlier run that stopped half way). */
  skipped: number;
  /** Read back from the target and found identical to the source: every file, when the copy succeeds. */
  verified: number;
};

// Several objects in flight hide the round trips of a remote store (three per object); more would
// only compete for the same link.
const PARALLEL = 4;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/** SHA-256 of everything `stream` gives, reporting each chunk to `onBytes`. */
async function sha256(stream: Readable, onBytes: (n: number) => void = () => undefined): Promise<{ hash: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    onBytes(chunk.length);
  }
  return { hash: hash.digest('hex'), size };
}

/** `source` as it flows on, hashed and counted on the way. */
function hashing(source: Readable, progress: Progress) {
  const hash = crypto.createHash('sha256');
  const through = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      progress.advance(chunk.length);
      done(null, chunk);
    },
  });
  source.once('error', (error) => through.destroy(error));
  return { stream: source.pipe(through), digest: () => hash.digest('hex') };
}

/** Runs `work` on every item, `limit` at a time; after a failure no new item starts. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(lanes);
}

/**
 * Copies stored files from one storage to another under the same keys (disk → S3 when an instance
 * moves). Each file is verified by reading it back from the target and comparing size and SHA-256
 * with the source: the only check every S3-compatible service allows (an ETag is an MD5 only for
 * single-part uploads without KMS, and not on every service). A file the target already holds
 * with the same size and hash is left alone, so a run that stopped half way can be started again.
 * A key the source no longer holds is an error, found before anything is sent: the row that names
 * it would point at nothing.
 */
export async function copyMedia(source: MediaStorage, target: MediaStorage, keys: string[], out: NodeJS.WriteStream): Promise<MediaCopyResult> {
  const missing: string[] = [];
  const sizes = await Promise.all(
    keys.map((key) =>
      source.size(key).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
        missing.push(key);
        return 0;
      }),
    ),
  );
  if (missing.length) {
    const shown = missing.sort().slice(0, 5).join(', ');
    throw new OperationError(`${missing.length} media file(s) are missing from the source storage (${shown}${missing.length > 5 ? ', …' : ''}); nothing was copied.`);
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  const sizeOf = new Map(keys.map((key, i) => [key, sizes[i]!]));

  // First pass: what the target lacks (or holds differently) is sent, hashed on the way.
  const copying = startProgress('copy media', total, { bytes: true, out });
  const sent = new Map<string, string>();
  let skipped = 0;
  await eachLimited(keys, PARALLEL, async (key) => {
    const size = sizeOf.get(key)!;
    const present = await target.size(key).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (present === size) {
      // Counted in the bar as the target's bytes are read back.
      const [there, here] = await Promise.all([sha256(target.open(key), (n) => copying.advance(n)), sha256(source.open(key))]);
      if (there.hash === here.hash && there.size === size) {
        skipped += 1;
        return;
      }
      copying.advance(-there.size);
    }
    const flow = hashing(source.open(key), copying);
    const stored = await target.put(key, flow.stream);
    if (stored.size !== size) throw new OperationError(`Media file ${key} arrived with ${stored.size} of ${size} bytes`);
    sent.set(key, flow.digest());
  });
  copying.done();

  // Second pass: every file sent is read back and compared.
  const sentKeys = [...sent.keys()];
  const verifying = startProgress('verify media', sentKeys.reduce((sum, key) => sum + sizeOf.get(key)!, 0), { bytes: true, out });
  await eachLimited(sentKeys, PARALLEL, async (key) => {
    const there = await sha256(target.open(key), (n) => verifying.advance(n));
    if (there.size !== sizeOf.get(key) || there.hash !== sent.get(key)) {
      throw new OperationError(`Media file ${key} reads back differently from the target (${there.size} bytes, SHA-256 ${there.hash.slice(0, 12)}…); run the move again: it sends what differs.`);
    }
  });
  verifying.done();
  return { files: keys.length, bytes: total, copied: sent.size, skipped, verified: sent.size + skipped };
}
