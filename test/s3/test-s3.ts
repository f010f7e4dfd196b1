import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

/**
 * A real S3-protocol server on loopback for one test file: moto's `moto_server` (installed by
 * test/s3/setup.sh; docs/adr/0021-media-on-s3.md says why not s3rver). It keeps everything in
 * memory and takes any credentials.
 */
export type TestS3 = {
  endpoint: string;
  /** A fresh, empty bucket made at start. */
  bucket: string;
  region: string;
  /** Herald's settings for storing media in `bucket`. */
  env: Record<string, string>;
  client: S3Client;
  /** Another fresh bucket on the same server. */
  newBucket(): Promise<string>;
  /** Every key in a bucket (`bucket` by default), sorted. */
  keys(bucket?: string): Promise<string[]>;
  stop(): Promise<void>;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const running = new Set<ChildProcess>();
// A test run that ends without stop() (a failed beforeAll) must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startTestS3(options: { startTimeoutMs?: number } = {}): Promise<TestS3> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  let exited: string | null = null;
  child.once('error', (error) => (exited = `could not start moto_server (${error.message}); run bash test/s3/setup.sh`));
  child.once('exit', (code, signal) => {
    running.delete(child);
    exited ??= `moto_server exited (${code ?? signal})`;
  });

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`${exited}\n${output.join('').slice(-2000)}`);
    const up = await fetch(endpoint).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${endpoint}\n${output.join('').slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const region = 'us-east-1';
  const credentials = { accessKeyId: 'test-key', secretAccessKey: 'test-secret' };
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials });
  const newBucket = async () => {
    const name = `herald-test-${crypto.randomBytes(5).toString('hex')}`;
    await client.send(new CreateBucketCommand({ Bucket: name }));
    return name;
  };
  const bucket = await newBucket();
  return {
    endpoint,
    bucket,
    region,
    env: {
      HERALD_MEDIA_STORAGE: 's3',
      HERALD_S3_BUCKET: bucket,
      HERALD_S3_REGION: region,
      HERALD_S3_ENDPOINT: endpoint,
      HERALD_S3_FORCE_PATH_STYLE: 'true',
      HERALD_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      HERALD_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    client,
    newBucket,
    async keys(name = bucket) {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: name, ContinuationToken }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        ContinuationToken = page.NextContinuationToken;
      } while (ContinuationToken);
      return keys.sort();
    },
    async stop() {
      client.destroy();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
