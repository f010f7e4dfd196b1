import crypto from 'node:crypto';
import { startFakeServer, type FakeRequest, type FakeResponse } from '../http.ts';

// Bluesky's video service (video.bsky.app) on loopback, as shared/providers.md §2 and
// docs.bsky.app "Uploading Video" describe it: uploadVideo takes the mp4 with a service-auth token
// the account's PDS signed (aud = the PDS's did:web, lxm = com.atproto.repo.uploadBlob), the job
// walks through its processing states, and at the end the service stores the video on the
// account's REAL PDS with that same token (com.atproto.repo.uploadBlob), so the blob the job names
// is one the PDS holds and checks when a post refers to it. Nothing is transcoded: the bytes stored
// are the bytes received.
//
// Answers follow the real service, not only the lexicon: uploadVideo answers a bare job status
// (atproto issue #3026), getJobStatus wraps it in `jobStatus`; a video uploaded again by the same
// account answers error `already_exists` with the earlier job (issue #3097) and its blob.
//
// Why the reference PDS takes the service's upload (packages/pds, uploadBlob.ts and
// auth-verifier.ts): uploadBlob is guarded by authorizationOrUserServiceAuth, which treats a
// bearer JWT carrying an `lxm` claim as service auth and checks it with verifyServiceJwt: the
// signature against the `atproto` key of the issuer's DID document (resolved through the PLC
// directory), `lxm` equal to com.atproto.repo.uploadBlob, `exp` not passed, `aud` equal to the
// PDS's own DID (did:web:<hostname>); the blob is then stored for the issuer. No signature is
// checked here: the PDS does it when the token is used.

export type FakeJobState =
  | 'JOB_STATE_CREATED'
  | 'JOB_STATE_ENCODING'
  | 'JOB_STATE_ENCODED'
  | 'JOB_STATE_SCANNING'
  | 'JOB_STATE_SCANNED'
  | 'JOB_STATE_UPLOADING'
  | 'JOB_STATE_COMPLETED'
  | 'JOB_STATE_FAILED';
type Blob = { $type: 'blob'; ref: { $link: string }; mimeType: string; size: number };
export type FakeJob = {
  jobId: string;
  did: string;
  state: FakeJobState;
  progress: number;
  sha256: string;
  size: number;
  blob?: Blob;
  error?: string;
  failureCode?: string;
  message?: string;
  /** The states the job went through, in order. */
  history: FakeJobState[];
};
export type JobFailure = { failureCode: string; message: string; error?: string };
export type UploadLimits = { canUpload?: boolean; message?: string; error?: string; dailyVideos: number; dailyBytes: number };

type Jwt = { header: Record<string, unknown>; payload: { iss?: unknown; aud?: unknown; lxm?: unknown; exp?: unknown; iat?: unknown } };

const xrpcError = (status: number, error: string, message: string): FakeResponse => ({ status, body: { error, message } });

function decodeJwt(token: string): Jwt | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[2]) return null;
  try {
    return { header: JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')), payload: JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) };
  } catch {
    return null;
  }
}

export async function startVideoServiceFake(options: {
  /** The PLC directory the accounts' DIDs resolve in: the service finds each account's PDS there. */
  plcUrl: string;
  /** The service's own DID, the audience of getUploadLimits tokens. */
  did?: string;
  /** How long each processing state lasts. */
  stepMs?: number;
  limits?: Partial<UploadLimits>;
}) {
  const serviceDid = options.did ?? 'did:web:video.test';
  const stepMs = options.stepMs ?? 50;
  let limits: UploadLimits = { dailyVideos: 25, dailyBytes: 10 * 1024 ** 3, ...options.limits };
  const jobs = new Map<string, FakeJob>();
  /** Every upload the service received (a re-sent video counts again here, but gets no second job). */
  const uploads: { did: string; size: number; sha256: string; name: string | null }[] = [];
  /** What the service stored on PDSes: one entry per uploadBlob it made. */
  const pdsUploads: { did: string; pds: string; status: number; cid: string | null }[] = [];
  let nextFailure: JobFailure | null = null;
  const used = new Map<string, { videos: number; bytes: number }>();
  const running = new Set<Promise<void>>();

  /** The account's PDS, from its DID document (as any atproto service finds it). */
  async function pdsOf(did: string): Promise<string | null> {
    const res = await fetch(`${options.plcUrl}/${encodeURIComponent(did)}`);
    if (!res.ok) return null;
    const doc = (await res.json()) as { service?: { id?: string; type?: string; serviceEndpoint?: string }[] };
    return doc.service?.find((s) => s.id === '#atproto_pds' || s.type === 'AtprotoPersonalDataServer')?.serviceEndpoint ?? null;
  }

  /** The service-auth checks a service makes before trusting a token (the PDS checks the signature when the token is used there). */
  function checkToken(req: FakeRequest, expected: { aud: (aud: string) => boolean; lxm: string; iss?: string }): FakeResponse | Jwt['payload'] {
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return xrpcError(401, 'AuthMissing', 'Authentication Required');
    const jwt = decodeJwt(token);
    if (!jwt || typeof jwt.header.alg !== 'string') return xrpcError(401, 'BadJwt', 'poorly formatted jwt');
    // A session's access token (at+jwt) or an OAuth DPoP-bound token is not a service-auth token.
    if (jwt.header.typ === 'at+jwt' || jwt.header.typ === 'refresh+jwt' || jwt.header.typ === 'dpop+jwt') return xrpcError(401, 'BadJwtType', `Invalid jwt type "${String(jwt.header.typ)}"`);
    const { iss, aud, lxm, exp } = jwt.payload;
    if (typeof iss !== 'string' || !iss.startsWith('did:')) return xrpcError(401, 'BadJwtIss', 'jwt iss is not a valid did');
    if (expected.iss && iss !== expected.iss) return xrpcError(401, 'BadJwtIss', 'jwt iss does not match the did of the upload');
    if (typeof aud !== 'string' || !expected.aud(aud)) return xrpcError(401, 'BadJwtAudience', 'jwt audience does not match service did');
    if (lxm !== expected.lxm) return xrpcError(401, 'BadJwtLexiconMethod', `bad jwt lexicon method ("lxm"). must match: ${expected.lxm}`);
    if (typeof exp !== 'number' || exp * 1000 < Date.now()) return xrpcError(401, 'JwtExpired', 'jwt expired');
    return jwt.payload;
  }

  const isTokenPayload = (value: FakeResponse | Jwt['payload']): value is Jwt['payload'] => !('status' in value && typeof (value as FakeResponse).status === 'number');
  const today = (did: string) => used.get(did) ?? { videos: 0, bytes: 0 };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const status = (job: FakeJob) => ({
    jobId: job.jobId,
    did: job.did,
    state: job.state,
    ...(job.state === 'JOB_STATE_COMPLETED' || job.state === 'JOB_STATE_FAILED' ? {} : { progress: job.progress }),
    ...(job.blob ? { blob: job.blob } : {}),
    ...(job.error ? { error: job.error } : {}),
    ...(job.failureCode ? { failureCode: job.failureCode } : {}),
    ...(job.message ? { message: job.message } : {}),
  });

  async function process(job: FakeJob, bytes: Buffer, token: string, failure: JobFailure | null) {
    const enter = async (state: FakeJobState, progress = 0) => {
      job.state = state;
      job.progress = progress;
      if (job.history.at(-1) !== state) job.history.push(state);
      await wait(stepMs);
    };
    const fail = (failure: JobFailure) => {
      job.state = 'JOB_STATE_FAILED';
      job.history.push('JOB_STATE_FAILED');
      job.failureCode = failure.failureCode;
      job.message = failure.message;
      job.error = failure.error ?? `video processing error for job: ${job.jobId}`;
    };
    await wait(stepMs);
    await enter('JOB_STATE_ENCODING', 0);
    await enter('JOB_STATE_ENCODING', 50);
    // An ISO media file has its ftyp box first: anything else is not a video the service can read.
    if (bytes.subarray(4, 8).toString('latin1') !== 'ftyp') return fail({ failureCode: 'validation_failure', message: 'Failed to process video' });
    if (failure?.failureCode === 'encoding_failure' || failure?.failureCode === 'validation_failure' || failure?.failureCode === 'generic_failure') return fail(failure);
    await enter('JOB_STATE_ENCODED', 100);
    await enter('JOB_STATE_SCANNING');
    await enter('JOB_STATE_SCANNED', 100);
    await enter('JOB_STATE_UPLOADING');
    if (failure) return fail(failure);
    const pds = await pdsOf(job.did);
    if (!pds) return fail({ failureCode: 'pds_upload_failure', message: 'Failed to resolve the account’s PDS' });
    // The upload the real service makes: to the account's own PDS, with the token the account gave.
    const res = await fetch(`${pds}/xrpc/com.atproto.repo.uploadBlob`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'video/mp4' }, body: new Uint8Array(bytes) });
    const answer = (await res.json().catch(() => ({}))) as { blob?: Blob; error?: string; message?: string };
    pdsUploads.push({ did: job.did, pds, status: res.status, cid: answer.blob?.ref?.$link ?? null });
    if (res.status === 413 || answer.error === 'PayloadTooLarge') return fail({ failureCode: 'pds_upload_unsupported_blob_size', message: `The PDS refused the video: ${answer.message ?? 'too large'}` });
    if (res.status !== 200 || !answer.blob) return fail({ failureCode: 'pds_upload_failure', message: `The PDS refused the video: ${answer.error ?? res.status} ${answer.message ?? ''}`.trim() });
    job.blob = answer.blob;
    job.state = 'JOB_STATE_COMPLETED';
    job.progress = 100;
    job.history.push('JOB_STATE_COMPLETED');
  }

  const server = await startFakeServer(async (req) => {
    if (req.method === 'GET' && req.path === '/xrpc/app.bsky.video.getUploadLimits') {
      const token = checkToken(req, { aud: (aud) => aud === serviceDid, lxm: 'app.bsky.video.getUploadLimits' });
      if (!isTokenPayload(token)) return token;
      const spent = today(String(token.iss));
      const remainingDailyVideos = Math.max(0, limits.dailyVideos - spent.videos);
      const remainingDailyBytes = Math.max(0, limits.dailyBytes - spent.bytes);
      const canUpload = limits.canUpload ?? (remainingDailyVideos > 0 && remainingDailyBytes > 0);
      return { status: 200, body: { canUpload, remainingDailyVideos, remainingDailyBytes, ...(limits.message ? { message: limits.message } : {}), ...(limits.error ? { error: limits.error } : {}) } };
    }
    if (req.method === 'POST' && req.path === '/xrpc/app.bsky.video.uploadVideo') {
      const did = req.query.get('did') ?? '';
      if (!did.startsWith('did:')) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "did"');
      const pds = await pdsOf(did);
      if (!pds) return xrpcError(400, 'InvalidRequest', `could not resolve ${did}`);
      // The token must be for the account's own PDS: that is where the service will store the video.
      const token = checkToken(req, { aud: (aud) => aud === `did:web:${new URL(pds).hostname}`, lxm: 'com.atproto.repo.uploadBlob', iss: did });
      if (!isTokenPayload(token)) return token;
      if (!(req.headers['content-type'] ?? '').startsWith('video/')) return xrpcError(400, 'InvalidRequest', 'Wrong request encoding (Content-Type): expected video/mp4');
      if (!req.raw.length) return xrpcError(400, 'InvalidRequest', 'empty upload');
      const sha256 = crypto.createHash('sha256').update(req.raw).digest('hex');
      uploads.push({ did, size: req.raw.length, sha256, name: req.query.get('name') });
      const earlier = [...jobs.values()].find((j) => j.did === did && j.sha256 === sha256 && j.state !== 'JOB_STATE_FAILED');
      if (earlier) return { status: 409, body: { ...status(earlier), error: 'already_exists', message: 'Video already processed' } };
      const spent = today(did);
      if (limits.canUpload === false || spent.videos >= limits.dailyVideos || spent.bytes + req.raw.length > limits.dailyBytes) {
        return xrpcError(400, 'InvalidRequest', limits.message ?? 'daily upload limit exceeded');
      }
      used.set(did, { videos: spent.videos + 1, bytes: spent.bytes + req.raw.length });
      const job: FakeJob = { jobId: crypto.randomBytes(10).toString('hex'), did, state: 'JOB_STATE_CREATED', progress: 0, sha256, size: req.raw.length, history: ['JOB_STATE_CREATED'] };
      jobs.set(job.jobId, job);
      const failure = nextFailure;
      nextFailure = null;
      const run = process(job, req.raw, req.headers.authorization!.slice('Bearer '.length), failure).catch((error: unknown) => {
        job.state = 'JOB_STATE_FAILED';
        job.failureCode = 'generic_failure';
        job.message = String(error);
      });
      running.add(run);
      void run.finally(() => running.delete(run));
      return { status: 200, body: status(job) };
    }
    if (req.method === 'GET' && req.path === '/xrpc/app.bsky.video.getJobStatus') {
      const job = jobs.get(req.query.get('jobId') ?? '');
      if (!job) return xrpcError(404, 'NotFound', 'job not found');
      return { status: 200, body: { jobStatus: status(job) } };
    }
    return xrpcError(404, 'MethodNotImplemented', 'Method Not Implemented');
  });

  return {
    url: server.url,
    did: serviceDid,
    requests: server.requests,
    failNext: server.failNext,
    setDown: server.setDown,
    jobs,
    uploads,
    pdsUploads,
    /** The next job fails with this (encoding and validation failures early, the others while uploading). */
    failNextJob(failure: JobFailure) {
      nextFailure = failure;
    },
    setLimits(change: Partial<UploadLimits>) {
      limits = { ...limits, ...change };
    },
    /** Forgets the jobs (as the real service eventually does) and the day's counts. */
    reset() {
      jobs.clear();
      used.clear();
      uploads.length = 0;
      pdsUploads.length = 0;
      nextFailure = null;
    },
    async close() {
      await Promise.allSettled([...running]);
      await server.close();
    },
  };
}

export type VideoServiceFake = Awaited<ReturnType<typeof startVideoServiceFake>>;

/** The settings that point Herald's Bluesky publisher at this video service. */
export const blueskyVideoEnv = (fake: VideoServiceFake) => ({ HERALD_BLUESKY_VIDEO_SERVICE_URL: fake.url, HERALD_BLUESKY_VIDEO_SERVICE_DID: fake.did });
