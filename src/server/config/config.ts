import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { networkIds, networkSettings, type NetworkId } from '../../networks/index.ts';
import { envBoolean } from '../../networks/setting-schemas.ts';

// Every setting Herald reads from the environment, in one place. docs/configuration.md is
// generated from this table (npm run docs:config), so the doc line is the user-facing text.
type Setting<T> = { env: string; doc: string; default: string | undefined; schema: z.ZodType<T> };

const bool = envBoolean;
const isEmail = (v: string) => z.email().safeParse(v).success;
const isHttpUrl = (v: string) => /^https?:\/\//i.test(v) && z.url().safeParse(v).success;
const isReadableFile = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};
const positiveInt = z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be positive');

export const settings = {
  port: {
    env: 'PORT',
    doc: 'TCP port the web app and API listen on.',
    default: '3000',
    schema: z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535),
  },
  host: {
    env: 'HOST',
    doc: 'Interface to listen on. Keep 127.0.0.1 behind a reverse proxy; use 0.0.0.0 to listen on every interface (containers).',
    default: '127.0.0.1',
    schema: z.string().min(1),
  },
  dataDir: {
    env: 'HERALD_DATA_DIR',
    doc: 'Folder for the embedded database, uploaded media and the generated secret. Back it up.',
    default: './data',
    schema: z.string().min(1),
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'PostgreSQL connection string (postgres://user:pass@host:5432/db). Unset: the embedded database in HERALD_DATA_DIR/db.',
    default: undefined,
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  },
  publicUrl: {
    env: 'HERALD_PUBLIC_URL',
    doc: 'The address users type to reach Herald (used in e-mails and OAuth callbacks). With https, cookies are Secure and HSTS is sent. Default: http://localhost:PORT.',
    default: undefined,
    schema: z.url({ message: 'must be an absolute http(s) URL' }).regex(/^https?:\/\//, 'must be http or https').optional(),
  },
  secret: {
    env: 'HERALD_SECRET',
    doc: 'Secret that signs sessions (at least 32 characters). Unset in the embedded mode: generated once into HERALD_DATA_DIR/secret.key.',
    default: undefined,
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
  },
  sessionIdleDays: {
    env: 'HERALD_SESSION_IDLE_DAYS',
    doc: 'A session ends after this many days without use.',
    default: '30',
    schema: positiveInt,
  },
  passwordMinLength: {
    env: 'HERALD_PASSWORD_MIN_LENGTH',
    doc: 'Minimum password length at sign-up and reset.',
    default: '10',
    schema: positiveInt.min(8, 'must be at least 8'),
  },
  disableSignup: {
    env: 'HERALD_DISABLE_SIGNUP',
    doc: 'true closes public sign-up after the first user; invitations still work.',
    default: 'false',
    schema: bool,
  },
  smtpUrl: {
    env: 'SMTP_URL',
    doc: 'SMTP server for e-mail (smtp://user:pass@host:587 or smtps://…). Unset: e-mails (reset links, invitations) are written to the server log.',
    default: undefined,
    schema: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  },
  smtpFrom: {
    env: 'SMTP_FROM',
    doc: 'Sender address of e-mails.',
    default: 'Herald <herald@localhost>',
    schema: z.string().min(3),
  },
  accessLogDays: {
    env: 'HERALD_ACCESS_LOG_DAYS',
    doc: 'Days the access log (one row per request) is kept before the retention job deletes it.',
    default: '90',
    schema: positiveInt,
  },
  authRateLimit: {
    env: 'HERALD_AUTH_RATE_LIMIT',
    doc: 'Password and code checks allowed per minute (sign-in, sign-up, password reset, change password, every 2FA check, account deletion, e-mail change links): per IP address, and for a signed-in user also per user.',
    default: '10',
    schema: positiveInt,
  },
  apiKeyRateLimit: {
    env: 'HERALD_API_KEY_RATE_LIMIT',
    doc: 'Requests per minute one API key may make (answers carry RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; over it, 429 with Retry-After).',
    default: '300',
    schema: positiveInt,
  },
  trustProxy: {
    env: 'HERALD_TRUST_PROXY',
    doc: 'true when Herald runs behind a reverse proxy that sets X-Forwarded-For/-Proto (needed for real client IPs in logs).',
    default: 'false',
    schema: bool,
  },
  logLevel: {
    env: 'LOG_LEVEL',
    doc: 'Log level: fatal, error, warn, info, debug, trace or silent.',
    default: 'info',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  },
  metricsToken: {
    env: 'HERALD_METRICS_TOKEN',
    doc: 'Turns on Prometheus metrics at /metrics on the main port, for scrapers sending `Authorization: Bearer <token>` (at least 32 characters: `openssl rand -hex 32`). Unset: /metrics answers 404 there.',
    default: undefined,
    schema: z.string().min(32, 'must be at least 32 characters').regex(/^[\x21-\x7e]+$/, 'printable characters without spaces only').optional(),
  },
  metricsAddress: {
    env: 'HERALD_METRICS_ADDRESS',
    doc: 'host:port of a separate admin listener serving /metrics without a token (e.g. 127.0.0.1:9464; keep it off public interfaces). Also how a `worker` process, which has no web port, is scraped.',
    default: undefined,
    schema: z
      .string()
      .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9464')
      .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, 'port must be at most 65535')
      .optional(),
  },
  encryptionKeys: {
    env: 'HERALD_ENCRYPTION_KEYS',
    doc: 'Keys that encrypt social-network tokens at rest: `id:base64(32 bytes)`, comma-separated; the first encrypts, all decrypt (rotation). Unset in the embedded mode: generated once into HERALD_DATA_DIR/encryption.keys.',
    default: undefined,
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,}(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,})*$/, 'must be id:base64key[,id:base64key…]')
      .optional(),
  },
  disconnectedRetentionDays: {
    env: 'HERALD_DISCONNECTED_RETENTION_DAYS',
    doc: 'Days after a channel is disconnected before its cached profile data and metrics are purged.',
    default: '30',
    schema: positiveInt,
  },
  // Each network's own settings (app credentials, test-network switches), from its descriptor.
  ...networkSettings,
  jobPollSeconds: {
    env: 'HERALD_JOB_POLL_SECONDS',
    doc: 'Safety poll of the publishing workers: how often each re-reads when the next wake-up is due, in case a notification was lost. Posts are published at their time either way (the worker sleeps until the next wake-up and a NOTIFY wakes it for new ones). Seconds, at least 0.5.',
    default: '2',
    schema: z.coerce.number().min(0.5, 'must be at least 0.5'),
  },
  networkTimeoutSeconds: {
    env: 'HERALD_NETWORK_TIMEOUT_SECONDS',
    doc: 'How long Herald waits for a social network to answer one request. A publish whose answer does not come in time is checked at the network before anything is sent again.',
    default: '15',
    schema: z.coerce.number({ message: 'must be a number' }).min(0.1, 'must be at least 0.1'),
  },
  publishLeaseSeconds: {
    env: 'HERALD_PUBLISH_LEASE_SECONDS',
    doc: 'How long a worker may hold a delivery without a sign of life before another worker treats it as interrupted (a crash) and checks it.',
    default: '120',
    schema: z.coerce.number({ message: 'must be a number' }).min(1, 'must be at least 1'),
  },
  reconcileSeconds: {
    env: 'HERALD_RECONCILE_SECONDS',
    doc: 'How often each worker looks for due deliveries without a wake-up (after downtime), interrupted ones and unconfirmed ones.',
    default: '60',
    schema: z.coerce.number({ message: 'must be a number' }).min(0.2, 'must be at least 0.2'),
  },
  publishRetryBaseSeconds: {
    env: 'HERALD_PUBLISH_RETRY_BASE_SECONDS',
    doc: 'First wait before retrying a publish that failed for a passing reason (doubled each time, with jitter, capped at one hour; a network\'s Retry-After wins).',
    default: '30',
    schema: z.coerce.number({ message: 'must be a number' }).min(0.05, 'must be at least 0.05'),
  },
  publishMaxAttempts: {
    env: 'HERALD_PUBLISH_MAX_ATTEMPTS',
    doc: 'Attempts before a delivery that keeps failing for passing reasons is marked failed.',
    default: '8',
    schema: positiveInt,
  },
  publishConcurrency: {
    env: 'HERALD_PUBLISH_CONCURRENCY',
    doc: 'Deliveries published at once per network (each channel still gets one at a time). On PostgreSQL the limit holds across all worker processes together.',
    default: '8',
    schema: positiveInt,
  },
  mediaPublicUrl: {
    env: 'HERALD_MEDIA_PUBLIC_URL',
    doc: 'https address under which uploaded media is reachable by networks that pull files (TikTok PULL_FROM_URL; the domain must be verified in the TikTok developer portal). Unset: videos are pushed, and TikTok photo posts are refused when they are saved (TikTok takes photos only from such an address).',
    default: undefined,
    schema: z.url({ message: 'must be an absolute URL' }).optional(),
  },
  mediaLinkHours: {
    env: 'HERALD_MEDIA_LINK_HOURS',
    doc: 'How long a signed link under HERALD_MEDIA_PUBLIC_URL works, in hours. A link is also refused as soon as its post is no longer being published to a network that pulls files.',
    default: '6',
    schema: positiveInt.max(168, 'must be at most a week (168)'),
  },
  analyticsIntervalMinutes: {
    env: 'HERALD_ANALYTICS_INTERVAL_MINUTES',
    doc: "How often each published post's counters (views, likes, comments, shares) are read again from its network. 0 turns analytics collection off on this instance.",
    default: '60',
    schema: z.coerce.number().int().min(0, 'must be 0 (off) or more minutes').max(7 * 24 * 60, 'must be at most a week (10080)'),
  },
  analyticsWindowDays: {
    env: 'HERALD_ANALYTICS_WINDOW_DAYS',
    doc: 'Days after publishing during which a post\'s counters are still read; older posts keep their last reading.',
    default: '30',
    schema: positiveInt,
  },
  analyticsHistoryDays: {
    env: 'HERALD_ANALYTICS_HISTORY_DAYS',
    doc: "Days the analytics history is kept: every reading of a post's counters (thinned to the last of each day after a week) and each channel's daily figures. Older ones are deleted by the daily retention job; 0 keeps only each post's newest reading and today's figures.",
    default: '730',
    schema: z.coerce.number().int().min(0, 'must be 0 (no history) or more days'),
  },
  mediaDeleteAfterPublish: {
    env: 'HERALD_MEDIA_DELETE_AFTER_PUBLISH',
    doc: 'true deletes an uploaded file once every delivery that uses it is published or its post is deleted; false keeps it in the media library.',
    default: 'true',
    schema: bool,
  },
  mediaMaxUploadMb: {
    env: 'HERALD_MEDIA_MAX_UPLOAD_MB',
    doc: 'Largest file one upload may be, in MB (videos go through resumable uploads).',
    default: '4096',
    schema: positiveInt,
  },
  mediaStorage: {
    env: 'HERALD_MEDIA_STORAGE',
    doc: 'Where uploaded media is kept: disk (HERALD_DATA_DIR/media; with several serve or worker processes that folder must be shared by all of them) or s3 (a bucket of AWS S3 or an S3-compatible service, set with HERALD_S3_*).',
    default: 'disk',
    schema: z.enum(['disk', 's3'], { message: 'must be disk or s3' }),
  },
  s3Bucket: {
    env: 'HERALD_S3_BUCKET',
    doc: 'Bucket for media when HERALD_MEDIA_STORAGE=s3 (create it first; Herald needs to get, put, delete and list objects and run multipart uploads in it). Media are stored as `<workspace id>/<media id>`, unfinished resumable uploads as `<upload id>`, `.info` and `.part` objects at the top level.',
    default: undefined,
    // Lenient on purpose: older buckets and some services allow capitals and underscores.
    schema: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/, 'must be a bucket name (letters, digits, dots, hyphens and underscores)').optional(),
  },
  s3Region: {
    env: 'HERALD_S3_REGION',
    doc: 'Region of the bucket. Unset: AWS_REGION, else us-east-1 (what most S3-compatible services accept).',
    default: undefined,
    schema: z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be a region name such as eu-west-1').optional(),
  },
  s3Endpoint: {
    env: 'HERALD_S3_ENDPOINT',
    doc: 'Address of an S3-compatible service (https://s3.example.com). Unset: AWS S3 itself.',
    default: undefined,
    schema: z.url({ message: 'must be an absolute URL' }).regex(/^https?:\/\//, 'must be http or https').optional(),
  },
  s3ForcePathStyle: {
    env: 'HERALD_S3_FORCE_PATH_STYLE',
    doc: 'true names the bucket in the path (endpoint/bucket/key) instead of the host name (bucket.endpoint); most self-hosted S3-compatible services need it.',
    default: 'false',
    schema: bool,
  },
  s3AccessKeyId: {
    env: 'HERALD_S3_ACCESS_KEY_ID',
    doc: 'Access key for the bucket, with HERALD_S3_SECRET_ACCESS_KEY. Unset: the AWS SDK finds credentials itself (AWS_ACCESS_KEY_ID, shared credentials files, instance or task roles). Never logged.',
    default: undefined,
    schema: z.string().min(1).optional(),
  },
  s3SecretAccessKey: {
    env: 'HERALD_S3_SECRET_ACCESS_KEY',
    doc: 'Secret of HERALD_S3_ACCESS_KEY_ID. Never logged.',
    default: undefined,
    schema: z.string().min(1).optional(),
  },
  exportRetentionHours: {
    env: 'HERALD_EXPORT_RETENTION_HOURS',
    doc: 'How long a "download all my data" archive can be downloaded, in hours; the file is deleted afterwards.',
    default: '72',
    schema: positiveInt,
  },
  operatorName: {
    env: 'HERALD_OPERATOR_NAME',
    doc: 'Person or organisation that runs this Herald, named on /privacy and /terms. Unset: “the operator of this Herald”, and the pages say it was not filled in.',
    default: undefined,
    schema: z.string().trim().min(1).max(200, 'must be at most 200 characters').optional(),
  },
  operatorAddress: {
    env: 'HERALD_OPERATOR_ADDRESS',
    doc: 'Postal address of the operator, shown on /privacy and /terms. Unset: the pages say it was not filled in.',
    default: undefined,
    schema: z.string().trim().min(1).max(500, 'must be at most 500 characters').optional(),
  },
  operatorContact: {
    env: 'HERALD_OPERATOR_CONTACT',
    doc: 'Where users reach the operator about their data and these terms: an e-mail address or an http(s) URL. Unset: the pages say it was not filled in.',
    default: undefined,
    schema: z
      .string()
      .trim()
      .refine((v) => isEmail(v) || isHttpUrl(v), 'must be an e-mail address or an http(s) URL')
      .optional(),
  },
  subprocessors: {
    env: 'HERALD_SUBPROCESSORS',
    doc: 'Sub-processors listed on /privacy (hosting, e-mail…): `Name — purpose — location` entries separated by `;`. Unset: the page says none are listed.',
    default: undefined,
    schema: z
      .string()
      .optional()
      .transform((v, ctx) =>
        (v ?? '')
          .split(';')
          .map((entry) => entry.trim())
          .filter(Boolean)
          .map((entry) => {
            const [name, purpose, location, ...rest] = entry.split(/\s*[—–]\s*|\s+-{1,2}\s+/).map((f) => f.trim());
            if (!name || !purpose || !location || rest.length) ctx.addIssue({ code: 'custom', message: `"${entry}" must read Name — purpose — location` });
            return { name: name ?? '', purpose: purpose ?? '', location: location ?? '' };
          }),
      ),
  },
  networksDisabled: {
    env: 'HERALD_NETWORKS_DISABLED',
    doc: `Networks this instance does not offer, comma-separated (${networkIds.join(', ')}). A network that needs app credentials from the operator is also off while they are unset.`,
    default: undefined,
    schema: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const ids = (v ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean);
        const unknown = ids.filter((id) => !(networkIds as readonly string[]).includes(id));
        if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown network ${unknown.join(', ')} (known: ${networkIds.join(', ')})` });
        return [...new Set(ids)] as NetworkId[];
      }),
  },
  policyExtraFile: {
    env: 'HERALD_POLICY_EXTRA_FILE',
    doc: 'Markdown file whose sections are added to /privacy (headings, paragraphs, lists, emphasis, links), written in English; the French page uses HERALD_POLICY_EXTRA_FILE_FR. Read at start.',
    default: undefined,
    schema: z.string().refine(isReadableFile, 'must be a readable file').optional(),
  },
  policyExtraFileFr: {
    env: 'HERALD_POLICY_EXTRA_FILE_FR',
    doc: 'The French version of HERALD_POLICY_EXTRA_FILE, added to /privacy in French. Unset: the French page shows the other file with a note that it is not in French (and the English page shows this one with the same note when HERALD_POLICY_EXTRA_FILE is unset). Read at start.',
    default: undefined,
    schema: z.string().refine(isReadableFile, 'must be a readable file').optional(),
  },
  termsExtraFile: {
    env: 'HERALD_TERMS_EXTRA_FILE',
    doc: 'Markdown file whose sections are added to /terms; put your liability and governing-law terms here. Written in English; the French page uses HERALD_TERMS_EXTRA_FILE_FR. Read at start.',
    default: undefined,
    schema: z.string().refine(isReadableFile, 'must be a readable file').optional(),
  },
  termsExtraFileFr: {
    env: 'HERALD_TERMS_EXTRA_FILE_FR',
    doc: 'The French version of HERALD_TERMS_EXTRA_FILE, added to /terms in French, with the same fallback as HERALD_POLICY_EXTRA_FILE_FR. Read at start.',
    default: undefined,
    schema: z.string().refine(isReadableFile, 'must be a readable file').optional(),
  },
  webhooksAllowPrivate: {
    env: 'HERALD_WEBHOOKS_ALLOW_PRIVATE',
    doc: 'true lets webhook endpoints use plain http and private or loopback addresses (local tests and the offline demo only). Otherwise endpoints must be https on public addresses.',
    default: 'false',
    schema: bool,
  },
  webhookRetrySeconds: {
    env: 'HERALD_WEBHOOK_RETRY_SECONDS',
    doc: 'Waits between the tries of a webhook delivery, in seconds, comma-separated; after the last one the delivery is given up. The default spans about a day.',
    default: '5,300,1800,7200,18000,36000,21600',
    schema: z
      .string()
      .transform((v, ctx) => {
        const waits = v.split(',').map((part) => Number(part.trim()));
        if (!waits.length || waits.length > 20 || waits.some((w) => !Number.isFinite(w) || w < 0 || w > 7 * 24 * 3600)) {
          ctx.addIssue({ code: 'custom', message: 'must be 1 to 20 comma-separated numbers of seconds (0 to 604800)' });
        }
        return waits;
      }),
  },
  feedsAllowLoopback: {
    env: 'HERALD_FEEDS_ALLOW_LOOPBACK',
    doc: 'true lets RSS/Atom feeds be read from loopback addresses (127.0.0.1, ::1) over plain http: local tests and the offline demo only. Every other private address stays refused.',
    default: 'false',
    schema: bool,
  },
  feedFetchTimeoutSeconds: {
    env: 'HERALD_FEED_FETCH_TIMEOUT_SECONDS',
    doc: 'How long reading one feed may take, answer included, before the check fails with a timeout.',
    default: '15',
    schema: z.coerce.number({ message: 'must be a number' }).positive('must be positive').max(120, 'must be at most 120'),
  },
  linkPreviewsAllowLoopback: {
    env: 'HERALD_LINK_PREVIEWS_ALLOW_LOOPBACK',
    doc: 'true lets link preview cards (the page and its image) be read from loopback addresses (127.0.0.1, ::1) over plain http: local tests and the offline demo only. Every other private address stays refused.',
    default: 'false',
    schema: bool,
  },
  accountDeletionGraceDays: {
    env: 'HERALD_ACCOUNT_DELETION_GRACE_DAYS',
    doc: 'Days between a user deleting their account and the deletion; 0 deletes at once. Signing in during the period cancels it.',
    default: '0',
    schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(0).max(365),
  },
  postizPostsPerHour: {
    env: 'HERALD_POSTIZ_POSTS_PER_HOUR',
    doc: 'Post creations per hour one workspace may make through the Postiz-compatible API (POST /public/v1/posts), like Postiz\'s API_LIMIT; over it, 429.',
    default: '90',
    schema: positiveInt,
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]['schema']> } & {
  /** Resolved absolute data folder. */
  dataPath: string;
  /** Origin users reach Herald on, no trailing slash. */
  publicOrigin: string;
  secure: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Secrets that appear in tutorials and sample files; accepting them in production would make
// every session forgeable.
const knownDefaultSecrets = ['changeme', 'change-me', 'secret', 'better-auth-secret', 'herald-secret'];

/** Reads and validates every setting at once, so an operator sees all problems in one go. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.env] === '' ? undefined : env[setting.env];
    const parsed = setting.schema.safeParse(raw ?? setting.default);
    if (parsed.success) values[key] = parsed.data;
    else problems.push(`${setting.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(problems);
  const config = values as Config;
  const publicUrl = new URL(config.publicUrl ?? `http://localhost:${config.port}`);
  config.publicOrigin = publicUrl.origin;
  config.secure = publicUrl.protocol === 'https:';
  config.dataPath = path.resolve(config.dataDir);
  const production = env.NODE_ENV === 'production' || config.secure;
  if (production && config.secret && knownDefaultSecrets.some((s) => config.secret!.toLowerCase().includes(s))) {
    problems.push('HERALD_SECRET: looks like a sample value; generate one with `openssl rand -base64 48`');
  }
  if (config.mediaStorage === 's3' && !config.s3Bucket) problems.push('HERALD_S3_BUCKET: required with HERALD_MEDIA_STORAGE=s3');
  if (Boolean(config.s3AccessKeyId) !== Boolean(config.s3SecretAccessKey)) {
    problems.push('HERALD_S3_ACCESS_KEY_ID and HERALD_S3_SECRET_ACCESS_KEY: set both, or neither (the AWS SDK then finds credentials itself)');
  }
  if (production && config.databaseUrl && !config.secret) {
    problems.push('HERALD_SECRET: required in production with DATABASE_URL (all processes must share it)');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
