import type { Config } from '../config/config.ts';
import { probeStorage } from '../modules/health/instance-health.ts';
import type { MediaStorage } from '../modules/media/media.storage.ts';
import { OperationError } from './backup.ts';

/** The S3 settings a scaled Herald needs to find the bucket, as `NAME=value` lines; secrets by name only. */
export function s3EnvironmentLines(config: Config): string[] {
  return [
    'HERALD_MEDIA_STORAGE=s3',
    `HERALD_S3_BUCKET=${config.s3Bucket}`,
    ...(config.s3Region ? [`HERALD_S3_REGION=${config.s3Region}`] : []),
    ...(config.s3Endpoint ? [`HERALD_S3_ENDPOINT=${config.s3Endpoint}`] : []),
    ...(config.s3ForcePathStyle ? ['HERALD_S3_FORCE_PATH_STYLE=true'] : []),
    ...(config.s3AccessKeyId ? ['HERALD_S3_ACCESS_KEY_ID=… HERALD_S3_SECRET_ACCESS_KEY=… (the ones used for this move)'] : []),
  ];
}

/** Where the bucket is, for messages: the endpoint without any user part, or AWS's region. */
function place(config: Config): string {
  if (!config.s3Endpoint) return `AWS S3 (${config.s3Region ?? process.env.AWS_REGION ?? 'us-east-1'})`;
  const url = new URL(config.s3Endpoint);
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

type SdkError = { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };

/** An S3 failure in words that name the setting to fix (never its value when it is a secret). */
function explain(error: unknown, config: Config, doing: string): OperationError {
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const bucket = `bucket "${config.s3Bucket}" at ${place(config)}`;
  if (status === 404 || e.name === 'NotFound' || e.name === 'NoSuchBucket') {
    return new OperationError(`HERALD_S3_BUCKET: ${bucket} does not exist; create it first (nothing was copied).`);
  }
  if (status === 403 || ['Forbidden', 'AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch'].includes(e.name ?? '')) {
    return new OperationError(
      `HERALD_S3_ACCESS_KEY_ID / HERALD_S3_SECRET_ACCESS_KEY: ${bucket} refused ${doing} (${e.name ?? status}); Herald needs to get, put, delete and list objects in it (nothing was copied).`,
    );
  }
  if (status === 301 || e.name === 'PermanentRedirect' || e.name === 'AuthorizationHeaderMalformed') {
    return new OperationError(`HERALD_S3_REGION: ${bucket} is in another region (${e.name ?? status}); set the bucket's region (nothing was copied).`);
  }
  if (status === undefined) {
    return new OperationError(`HERALD_S3_ENDPOINT: could not reach ${place(config)} for ${doing}: ${e.code ?? e.name ?? 'error'} ${e.message ?? ''}`.trim() + ' (nothing was copied).');
  }
  return new OperationError(`${bucket} answered ${status} ${e.name ?? ''} to ${doing} (nothing was copied).`);
}

/**
 * The bucket `--media-to-s3` copies into, from the same HERALD_S3_* settings the S3 driver reads,
 * checked before anything is copied: the bucket answers, and an object can be written, read back
 * and deleted. The SDK is loaded only here, as the driver does.
 */
export async function openS3MediaTarget(config: Config): Promise<MediaStorage & { close(): void }> {
  if (!config.s3Bucket) throw new OperationError('--media-to-s3 needs HERALD_S3_BUCKET (and HERALD_S3_ENDPOINT, HERALD_S3_REGION, HERALD_S3_ACCESS_KEY_ID… as the S3 driver reads them; see docs/configuration.md).');
  if (config.mediaStorage === 's3') {
    throw new OperationError('HERALD_MEDIA_STORAGE=s3 says the media is already in S3, but --media-to-s3 copies from HERALD_DATA_DIR/media: leave HERALD_MEDIA_STORAGE unset for the move, or leave out --media-to-s3.');
  }
  const [{ HeadBucketCommand }, { createS3Storage }] = await Promise.all([import('@aws-sdk/client-s3'), import('../modules/media/media.s3-storage.ts')]);
  const storage = createS3Storage({ ...config, s3Bucket: config.s3Bucket });
  try {
    await storage.client.send(new HeadBucketCommand({ Bucket: storage.bucket }));
  } catch (error) {
    storage.client.destroy();
    throw explain(error, config, 'a look at the bucket');
  }
  try {
    await probeStorage(storage);
  } catch (error) {
    storage.client.destroy();
    throw explain(error, config, 'writing, reading back and deleting a test object');
  }
  return Object.assign(storage, { close: () => storage.client.destroy() });
}
