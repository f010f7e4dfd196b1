import type { MediaStorage } from '../modules/media/media.storage.ts';
import { OperationError } from './backup.ts';
import { startProgress } from './progress.ts';

/**
 * Copies stored files from one storage to another under the same keys (disk → S3 when an instance
 * moves), checking each size on arrival. A key the source no longer holds is an error: the row
 * that names it would point at nothing.
 */
export async function copyMedia(source: MediaStorage, target: MediaStorage, keys: string[], out: NodeJS.WriteStream): Promise<{ files: number; bytes: number }> {
  const sizes = await Promise.all(
    keys.map((key) =>
      source.size(key).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new OperationError(`Media file ${key} is missing from the source storage`);
        throw error;
      }),
    ),
  );
  const progress = startProgress('copy media', sizes.reduce((a, b) => a + b, 0), { bytes: true, out });
  let bytes = 0;
  for (const [i, key] of keys.entries()) {
    const stored = await target.put(key, source.open(key));
    if (stored.size !== sizes[i]) throw new OperationError(`Media file ${key} arrived with ${stored.size} of ${sizes[i]} bytes`);
    bytes += stored.size;
    progress.advance(stored.size);
  }
  progress.done();
  return { files: keys.length, bytes };
}
