import * as tus from 'tus-js-client';
import type { Client } from './test-herald.ts';

/**
 * Sends `bytes` to a Herald upload URL with tus-js-client (the client the composer uses), in
 * `chunkSize` PATCHes, as `client`'s session from `origin`; answers the upload id.
 */
export function tusUpload(url: string, client: Client, bytes: Buffer, options: { chunkSize: number; origin: string; fileName?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(bytes, {
      endpoint: url,
      chunkSize: options.chunkSize,
      metadata: { filename: options.fileName ?? 'clip.mp4' },
      headers: { origin: options.origin, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      // A failure must fail the test, not be retried into a pass.
      retryDelays: [],
      onError: reject,
      onSuccess: () => resolve(upload.url!.split('/').at(-1)!),
    });
    upload.start();
  });
}
