import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { createDataDir, DATA_FILE_MODE, restrictToOwner } from './db/data-dir-modes.ts';
import { buildApp } from './app.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { createQueue, type Queue } from './jobs/queue.ts';
import { createQueues, startWorkers } from './jobs/register-jobs.ts';
import { createProviders, createPublishers, networksOnPrivateAddresses, type Providers } from '../networks/server.ts';
import { loadSecretBox } from './security/encryption-keys.ts';
import { serializeError } from './log-serializers.ts';
import { configureNetworkTimeout } from './providers/http.ts';
import { configureAvatarFetch } from './modules/channels/avatar-cache.ts';
import { configureLinkPreviews } from './modules/link-previews/link-previews.service.ts';
import { createMediaStorage } from './modules/media/media.storage.ts';
import { createMediaSource } from './modules/publishing/media-source.ts';
import { startPublishingWorkers } from './modules/publishing/publishing.worker.ts';
import { postgresNetworkSlots } from './modules/publishing/network-slots.ts';
import { createPublishingQueues } from './modules/publishing/wake-ups.ts';
import { serveSnapshots, type SnapshotServer } from './operations/snapshot-socket.ts';
import { createMetricsExporter } from './modules/metrics/metrics.exporter.ts';
import { startMetricsListener } from './modules/metrics/metrics.listener.ts';

/** How long a stopping Herald waits for answers in flight before it closes their connections. */
const CLOSE_GRACE_MS = 5_000;

export type Mode = 'all' | 'serve' | 'worker';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Defence in depth: nothing should log these, and if something does they are masked.
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token', '*.accessToken', '*.refreshToken', '*.secret'], censor: '[redacted]' },
    serializers: { err: serializeError },
  });
}

/** The signing secret: from the environment, or generated once into the data folder. */
export function loadOrCreateSecret(config: Config, logger: Logger): string {
  if (config.secret) return config.secret;
  const file = path.join(config.dataPath, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  createDataDir(config.dataPath);
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: DATA_FILE_MODE, flag: 'wx' });
  logger.warn(
    { file },
    'Generated a new secret in the data folder. BACK IT UP with the database: without it every session ends, and (once channels are connected) stored tokens cannot be decrypted.',
  );
  return secret;
}

/** Origins allowed to send state-changing requests: the public URL, plus loopback aliases when none was set. */
export function trustedOriginsFor(config: Config): string[] {
  if (config.publicUrl) return [config.publicOrigin];
  return [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`, `http://[::1]:${config.port}`];
}

/**
 * The data folder and everything in it are the owner's only: created so, and an existing folder
 * with looser modes (an older Herald, a copy made by hand) is corrected, saying how much was.
 */
function secureDataFolder(config: Pick<Config, 'dataPath'>, logger: Logger): void {
  // Files Herald writes from now on (media, uploads, exports) are born owner-only. Worker
  // threads may not change the umask; the folder's own mode still protects what they write.
  if (isMainThread) process.umask(0o077);
  const fixed = createDataDir(config.dataPath) + restrictToOwner(config.dataPath);
  if (fixed > 0) {
    logger.warn({ dataPath: config.dataPath, fixed }, `Made ${fixed} entries of the data folder owner-only (other accounts on this machine could read or change them)`);
  }
}

export type Herald = {
  app?: FastifyInstance;
  boss: Queue;
  database: Database;
  logger: Logger;
  url?: string;
  /** The admin listener's /metrics address, when HERALD_METRICS_ADDRESS is set. */
  metricsUrl?: string;
  close(): Promise<void>;
};

/**
 * `providers`: a test seam only, replacing the connect side of the named networks (a provider whose
 * consent covers several accounts, before any network folder has one); nothing in production sets it.
 */
export async function startHerald(options: { mode: Mode; config: Config; logger?: Logger; listen?: boolean; providers?: Providers }): Promise<Herald> {
  const { mode, config } = options;
  const logger = options.logger ?? createLogger(config);
  secureDataFolder(config, logger);
  const secret = loadOrCreateSecret(config, logger);
  const box = loadSecretBox(config, logger);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataPath: config.dataPath });
  let boss: Queue | undefined;
  let app: FastifyInstance | undefined;
  let stopPublishing: (() => Promise<void>) | undefined;
  let snapshots: SnapshotServer | undefined;
  let metricsListener: Awaited<ReturnType<typeof startMetricsListener>> | undefined;
  try {
    await database.migrate();
    // `herald backup` asks the running embedded instance for a consistent snapshot (ADR 0020).
    if (database.pglite) snapshots = await serveSnapshots(database.pglite, config.dataPath, logger);
    configureNetworkTimeout(config.networkTimeoutSeconds * 1000);
    configureAvatarFetch({ allowPrivateFor: networksOnPrivateAddresses(config) });
    configureLinkPreviews({ allowLoopback: config.linkPreviewsAllowLoopback });
    const providers = { ...createProviders(config, { db: database.db, box }), ...options.providers };
    const storage = await createMediaStorage(config);
    boss = createQueue(database, { pollSeconds: config.jobPollSeconds, logger, runsMaintenance: mode !== 'serve' });
    await boss.start();
    await createQueues(boss);
    await createPublishingQueues(boss);
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.smtpFrom, logger });
    if (mode !== 'serve') {
      const publishers = createPublishers(config);
      await startWorkers(boss, { db: database.db, config, logger, providers, box, storage, publishers, mailer });
      const channelDeps = { providers, box, publicOrigin: config.publicOrigin, retentionDays: config.disconnectedRetentionDays };
      stopPublishing = await startPublishingWorkers(
        boss,
        {
          db: database.db,
          boss,
          logger,
          channelDeps,
          publishers,
          media: createMediaSource(storage, { publicUrl: config.mediaPublicUrl, secret, linkHours: config.mediaLinkHours }),
          settings: { leaseMs: config.publishLeaseSeconds * 1000, retryBaseMs: config.publishRetryBaseSeconds * 1000, maxAttempts: config.publishMaxAttempts },
          workerId: `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`,
        },
        {
          concurrency: config.publishConcurrency,
          pollSeconds: config.jobPollSeconds,
          reconcileSeconds: config.reconcileSeconds,
          // On PostgreSQL any number of workers share the per-network limit (ADR 0022).
          slots: database.kind === 'postgres' ? postgresNetworkSlots(database.connectionString!, { perNetwork: config.publishConcurrency, logger }) : undefined,
        },
      );
    }
    const metrics = createMetricsExporter({ database, boss });
    // Before the web port, so a worker-only process (no web port) is scraped the same way.
    if (config.metricsAddress && options.listen !== false) metricsListener = await startMetricsListener(config.metricsAddress, metrics, logger);
    let url: string | undefined;
    if (mode !== 'worker') {
      ({ app } = await buildApp({ config, database, logger, mailer, secret, trustedOrigins: trustedOriginsFor(config), providers, box, boss, storage, metrics, mode }));
      if (options.listen !== false) {
        await app.listen({ port: config.port, host: config.host });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
        logger.info({ url, publicUrl: config.publicOrigin, database: database.kind, mode }, `Herald is listening on ${url}`);
      } else {
        await app.ready();
      }
    } else {
      logger.info({ database: database.kind }, 'Herald worker started');
    }
    const started = { boss, app };
    return {
      app,
      boss,
      database,
      logger,
      url,
      metricsUrl: metricsListener?.url,
      async close() {
        // Requests in flight get a few seconds to finish; a keep-alive connection whose answer
        // ended just as the close began is otherwise held open until its idle timeout (72 s).
        const server = started.app?.server;
        const forceClose = server ? setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref() : undefined;
        await started.app?.close();
        clearTimeout(forceClose);
        await metricsListener?.close();
        await stopPublishing?.().catch(() => {});
        await started.boss.stop({ graceful: true, timeout: 5000 }).catch(() => {});
        await snapshots?.close();
        await database.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await metricsListener?.close();
    await boss?.stop({ graceful: false }).catch(() => {});
    await snapshots?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}
