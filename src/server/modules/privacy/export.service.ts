import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { and, desc, eq, inArray, isNull, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Db } from '../../db/database.ts';
import {
  accessLog,
  accounts,
  auditLog,
  channels,
  dataExports,
  deliveries,
  deliveryMetrics,
  deliveryMetricReadings,
  channelDailyStats,
  deliveryAttempts,
  feeds,
  media,
  members,
  notifications,
  postComments,
  postGroups,
  sessions,
  snippets,
  users,
  workspaceSettings,
  workspaces,
} from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import { auditByActor, recordAudit } from '../audit/audit.service.ts';
import { createMediaRepository } from '../media/media.repository.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import { findAvatar } from '../profile/avatar.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { keysetOrderBy, keysetWhere, readCursor, toPage, type Page } from '../shared/cursor.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { createZipWriter } from './export.zip.ts';
import { exportFileSize, exportStorageKey, removeExportFile } from './export.files.ts';
import { exportReadme } from './export.readme.ts';
import { sayStatusReason } from '../channel-tokens/index.ts';
import { notificationWords } from '../notifications/notification-message.ts';
import { languageOfUser } from '../../i18n/user-language.ts';
import { englishOf, sayStored, type StoredWords } from '../../i18n/stored-words.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';

export const EXPORT_JOB = 'privacy.export';

export type ExportRow = typeof dataExports.$inferSelect;
export type BuildDeps = { db: Db; storage: MediaStorage; dataPath: string; retentionHours: number; now?: () => Date };

const RUNNING = ['queued', 'building'];

const exportsFolder = (dataPath: string) => path.join(dataPath, 'exports');

/** Why an archive could not be built, in words of the server's `status` namespace said in the reader's language. */
const buildFailed: StoredWords = { key: 'status:export.buildFailed' };

/** What the API shows of an export: never the file's place on disk; why it failed in `language` (the request's). */
export function presentExport(row: ExportRow, now = new Date(), language: Language = defaultLanguage) {
  const downloadable = row.status === 'ready' && !!row.expiresAt && row.expiresAt > now;
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    size: row.size,
    error: sayStored('status', { message: row.error, key: row.errorKey, values: row.errorValues }, language),
    createdAt: row.createdAt,
    readyAt: row.readyAt,
    expiresAt: row.expiresAt,
    downloadedAt: row.downloadedAt,
    downloadUrl: downloadable ? `/api/v1/me/exports/${row.id}/download` : null,
  };
}

/** Queues an export of everything the signed-in user has in Herald; one at a time per user. */
export async function requestExport(ctx: ServiceContext, deps: { boss: Queue }): Promise<ExportRow> {
  const userId = ctx.actor.userId;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [running] = await tx
        .select({ id: dataExports.id })
        .from(dataExports)
        .where(and(eq(dataExports.userId, userId), inArray(dataExports.status, RUNNING)));
      if (running) throw runningConflict(running.id);
      const [row] = await tx.insert(dataExports).values({ id: crypto.randomUUID(), userId }).returning();
      await deps.boss.send(EXPORT_JOB, { exportId: row!.id }, { db: fromDrizzle(tx as never, sql as never) });
      await auditByActor(tx, ctx, { action: 'privacy.export_requested', entityType: 'data_export', entityId: row!.id });
      return row!;
    });
  } catch (error) {
    // Two requests at once: the partial unique index lets only one through.
    if (isUniqueViolation(error)) throw runningConflict(null);
    throw error;
  }
}

const runningConflict = (id: string | null) =>
  new AppError('privacy.export_running', 409, 'An export of your data is already being prepared; wait until it is ready', id ? { exportId: id } : undefined);

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** The signed-in user's exports, newest first, in cursor pages. */
export async function listExports(ctx: ServiceContext, q: { cursor?: string; limit: number }): Promise<Page<ExportRow>> {
  const after = readCursor(q.cursor);
  const rows = await ctx.db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.userId, ctx.actor.userId), keysetWhere(dataExports.createdAt, dataExports.id, after, 'desc')))
    .orderBy(...keysetOrderBy(dataExports.createdAt, dataExports.id, 'desc'))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
}

/**
 * The ready archive of the signed-in user, for download; records the download. Another user's
 * export is not found (404), an expired one is gone (410).
 */
export async function startDownload(ctx: ServiceContext, storage: MediaStorage, exportId: string, now = new Date()): Promise<{ stored: string; size: number; fileName: string }> {
  const [row] = await ctx.db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, exportId), eq(dataExports.userId, ctx.actor.userId)));
  if (!row) throw notFound('privacy.export', 'Export not found');
  if (row.status === 'expired' || (row.status === 'ready' && (!row.expiresAt || row.expiresAt <= now))) {
    throw new AppError('privacy.export_expired', 410, 'This download link has expired; request a new export', { exportId });
  }
  if (row.status !== 'ready' || !row.filePath) throw conflict('privacy.export_not_ready', `This export is ${row.status}, not ready to download`, { status: row.status });
  const size = await exportFileSize(storage, row.filePath).then(
    (bytes) => bytes,
    () => {
      throw new AppError('privacy.export_missing', 410, 'The archive is no longer on the server; request a new export', { exportId });
    },
  );
  await ctx.db.transaction(async (tx) => {
    await tx.update(dataExports).set({ downloadedAt: now }).where(eq(dataExports.id, row.id));
    await auditByActor(tx, ctx, { action: 'privacy.export_downloaded', entityType: 'data_export', entityId: row.id });
  });
  return { stored: row.filePath, size, fileName: `herald-data-${row.createdAt.toISOString().slice(0, 10)}.zip` };
}

// ---------------------------------------------------------------------------------------------
// Building the archive (the privacy.export job)

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const safeName = (name: string | null) => (name ?? 'file').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(0, 100) || 'file';

/** Builds the ZIP of one export, updating its progress; a failure marks it failed. */
export async function buildExport(deps: BuildDeps, exportId: string): Promise<ExportRow | null> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const [claimed] = await db
    .update(dataExports)
    .set({ status: 'building', progress: 1 })
    .where(and(eq(dataExports.id, exportId), inArray(dataExports.status, RUNNING)))
    .returning();
  if (!claimed) return null;
  // Built in the worker's own data folder, then handed to the media storage whole.
  await fsp.mkdir(exportsFolder(deps.dataPath), { recursive: true, mode: 0o700 });
  const localPath = path.join(exportsFolder(deps.dataPath), `${exportId}.zip`);
  const stored = exportStorageKey(exportId);
  // A retry after a crash starts over.
  await fsp.rm(localPath, { force: true });
  const zip = await createZipWriter(localPath, { now: now() });
  const progress = (value: number) => db.update(dataExports).set({ progress: value }).where(eq(dataExports.id, exportId));
  try {
    await writeArchive(deps, claimed.userId, zip, progress);
    const size = await zip.finish();
    await deps.storage.putFile(stored, localPath);
    const readyAt = now();
    const expiresAt = new Date(readyAt.getTime() + deps.retentionHours * 3_600_000);
    const [ready] = await db.transaction(async (tx) => {
      const rows = await tx
        .update(dataExports)
        .set({ status: 'ready', progress: 100, filePath: stored, size, readyAt, expiresAt, error: null, errorKey: null, errorValues: null })
        .where(eq(dataExports.id, exportId))
        .returning();
      await recordAudit(tx, { actorUserId: null, action: 'privacy.export_ready', entityType: 'data_export', entityId: exportId, changes: { userId: claimed.userId, size, expiresAt: expiresAt.toISOString() } });
      return rows;
    });
    return ready ?? null;
  } catch (error) {
    await zip.abort();
    await fsp.rm(localPath, { force: true });
    await deps.storage.delete(stored).catch(() => undefined);
    await db
      .update(dataExports)
      .set({ status: 'failed', error: englishOf('status', buildFailed), errorKey: buildFailed.key, errorValues: null })
      .where(eq(dataExports.id, exportId));
    throw error;
  }
}

type Zip = Awaited<ReturnType<typeof createZipWriter>>;

async function writeArchive(deps: BuildDeps, userId: string, zip: Zip, progress: (value: number) => Promise<unknown>) {
  const { db } = deps;

  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error('The user of this export no longer exists');
  // In the language the person chose (else their browser's, as last seen), like their e-mails:
  // the README, the notifications and the channels' reasons. The English Herald stored stays beside them.
  const language = languageOfUser(user);
  const mySessions = await db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.createdAt));
  const myAccounts = await db.select().from(accounts).where(eq(accounts.userId, userId));
  // Field by field on purpose: password hashes, 2FA secrets and session tokens never leave.
  await zip.addFile(
    'profile.json',
    json({
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        emailVerified: user.emailVerified,
        image: user.image,
        twoFactorEnabled: !!user.twoFactorEnabled,
        isOperator: user.isOperator,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      signInMethods: myAccounts.map((a) => ({ provider: a.providerId, createdAt: a.createdAt, updatedAt: a.updatedAt })),
      sessions: mySessions.map((s) => ({ id: s.id, createdAt: s.createdAt, updatedAt: s.updatedAt, expiresAt: s.expiresAt, ipAddress: s.ipAddress, userAgent: s.userAgent })),
    }),
  );
  const avatar = await findAvatar(db, userId);
  if (avatar) await zip.addFile('avatar.webp', avatar.data);
  await progress(10);

  const memberships = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      slug: workspaces.slug,
      logo: workspaces.logo,
      createdAt: workspaces.createdAt,
      role: members.role,
      memberSince: members.createdAt,
      // The workspace's choice of keeping media after publishing (ADR 0033); no settings row = the default, off.
      mediaLibraryEnabled: sql<boolean>`coalesce(${workspaceSettings.mediaLibraryEnabled}, false)`,
    })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.organizationId))
    .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, workspaces.id))
    .where(eq(members.userId, userId))
    .orderBy(workspaces.createdAt);
  await zip.addFile('workspaces.json', json(memberships));
  await progress(15);

  // Everything of a workspace comes only from the workspaces the user belongs to now: a former
  // member gets nothing of one they left (not even their posts as others edited them since), only
  // their own audit and access-log rows below.
  const workspaceIds = memberships.map((m) => m.id);
  const inMyWorkspaces = (column: AnyColumn): SQL => (workspaceIds.length ? inArray(column, workspaceIds) : sql`false`);
  const channelRows = await db.select().from(channels).where(inMyWorkspaces(channels.workspaceId)).orderBy(channels.connectedAt);
  await zip.addFile(
    'channels.json',
    json(
      channelRows.map((c) => ({
        id: c.id,
        workspaceId: c.workspaceId,
        network: c.network,
        externalId: c.externalId,
        instance: c.instance,
        username: c.username,
        displayName: c.displayName,
        avatarUrl: c.avatarUrl,
        scopesGranted: c.scopesGranted,
        status: c.status,
        statusReason: sayStatusReason(c, language),
        englishStatusReason: c.statusReason,
        connectedByMe: c.connectedBy === userId,
        connectedAt: c.connectedAt,
        disconnectedAt: c.disconnectedAt,
      })),
    ),
  );
  await progress(20);

  const groups = await db
    .select()
    .from(postGroups)
    .where(and(eq(postGroups.createdBy, userId), inMyWorkspaces(postGroups.workspaceId)))
    .orderBy(postGroups.createdAt);
  const deliveryRows = groups.length ? await db.select().from(deliveries).where(inArray(deliveries.postGroupId, groups.map((g) => g.id))).orderBy(deliveries.createdAt) : [];
  const attemptRows = deliveryRows.length
    ? await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, deliveryRows.map((d) => d.id))).orderBy(deliveryAttempts.number)
    : [];
  await zip.addFile(
    'posts.json',
    json(
      groups.map((g) => ({
        id: g.id,
        workspaceId: g.workspaceId,
        state: g.state,
        content: g.content,
        publishAt: g.publishAt,
        timeZone: g.timeZone,
        createdAt: g.createdAt,
        updatedAt: g.updatedAt,
        deliveries: deliveryRows
          .filter((d) => d.postGroupId === g.id)
          .map((d) => ({
            id: d.id,
            channelId: d.channelId,
            network: d.network,
            state: d.state,
            content: d.content,
            dueAt: d.dueAt,
            attemptCount: d.attemptCount,
            externalId: d.externalId,
            externalUrl: d.externalUrl,
            publishedAt: d.publishedAt,
            late: d.late,
            errorCode: d.errorCode,
            errorMessage: d.errorMessage,
            createdAt: d.createdAt,
            updatedAt: d.updatedAt,
            attempts: attemptRows
              .filter((a) => a.deliveryId === d.id)
              .map((a) => ({
                id: a.id,
                number: a.number,
                kind: a.kind,
                startedAt: a.startedAt,
                finishedAt: a.finishedAt,
                outcome: a.outcome,
                steps: a.steps,
                errorCode: a.errorCode,
                errorMessage: a.errorMessage,
                retryAt: a.retryAt,
              })),
          })),
      })),
    ),
  );
  const comments = await db
    .select()
    .from(postComments)
    .where(and(eq(postComments.authorId, userId), inMyWorkspaces(postComments.workspaceId)))
    .orderBy(postComments.createdAt);
  await zip.addFile(
    'comments.json',
    json(comments.map((c) => ({ id: c.id, workspaceId: c.workspaceId, postId: c.postGroupId, body: c.body, mentions: c.mentions, createdAt: c.createdAt, editedAt: c.editedAt }))),
  );
  // The workspaces' feeds and snippets are shared team settings, like channels: all of them, of the workspaces the user belongs to.
  const feedRows = await db.select().from(feeds).where(inMyWorkspaces(feeds.workspaceId)).orderBy(feeds.createdAt);
  await zip.addFile(
    'feeds.json',
    json(
      feedRows.map((f) => ({
        id: f.id,
        workspaceId: f.workspaceId,
        name: f.name,
        url: f.url,
        channelIds: f.channelIds,
        mode: f.mode,
        template: f.template,
        intervalMinutes: f.intervalMinutes,
        enabled: f.enabled,
        savedLastByMe: f.ownerUserId === userId,
        lastCheckedAt: f.lastCheckedAt,
        lastError: f.lastError,
        lastNewItemAt: f.lastNewItemAt,
        createdAt: f.createdAt,
        updatedAt: f.updatedAt,
      })),
    ),
  );
  const snippetRows = await db.select().from(snippets).where(inMyWorkspaces(snippets.workspaceId)).orderBy(snippets.createdAt);
  await zip.addFile(
    'snippets.json',
    json(snippetRows.map((s) => ({ id: s.id, workspaceId: s.workspaceId, name: s.name, kind: s.kind, text: s.text, createdByMe: s.createdBy === userId, createdAt: s.createdAt, updatedAt: s.updatedAt }))),
  );
  await progress(30);

  const mediaRows = await db
    .select()
    .from(media)
    .where(and(eq(media.uploadedBy, userId), eq(media.status, 'ready'), inMyWorkspaces(media.workspaceId)))
    .orderBy(media.createdAt);
  const mediaFacts: unknown[] = [];
  for (const [i, m] of mediaRows.entries()) {
    const exists = await deps.storage.size(m.storageKey).then(
      () => true,
      () => false,
    );
    const file = exists ? `media/${m.id}-${safeName(m.fileName)}` : null;
    if (file) await zip.addStream(file, deps.storage.open(m.storageKey));
    mediaFacts.push({
      id: m.id,
      workspaceId: m.workspaceId,
      file,
      fileName: m.fileName,
      name: m.name,
      altText: m.altText,
      tags: m.tags,
      editedFrom: m.sourceMediaId,
      usedInPosts: (await createMediaRepository(db).usage(m.workspaceId, m.id)).map((u) => u.postId),
      kind: m.kind,
      mimeType: m.mimeType,
      size: m.size,
      width: m.width,
      height: m.height,
      durationSeconds: m.durationSeconds,
      videoCodec: m.videoCodec,
      frameRate: m.frameRate,
      createdAt: m.createdAt,
    });
    await progress(30 + Math.floor(((i + 1) / mediaRows.length) * 45));
  }
  await zip.addFile('media.json', json(mediaFacts));
  await progress(75);

  // Every member can read the counters of their workspaces' posts, so those are what they can see.
  const metricRows = memberships.length
    ? await db
        .select({ m: deliveryMetrics, postId: deliveries.postGroupId, network: deliveries.network, externalUrl: deliveries.externalUrl, publishedAt: deliveries.publishedAt })
        .from(deliveryMetrics)
        .innerJoin(deliveries, eq(deliveries.id, deliveryMetrics.deliveryId))
        .where(inArray(deliveryMetrics.workspaceId, memberships.map((w) => w.id)))
        .orderBy(deliveries.publishedAt)
    : [];
  await zip.addFile(
    'analytics.json',
    json(
      metricRows.map(({ m, ...d }) => ({
        workspaceId: m.workspaceId,
        postId: d.postId,
        deliveryId: m.deliveryId,
        channelId: m.channelId,
        network: d.network,
        url: d.externalUrl,
        publishedAt: d.publishedAt,
        views: m.views,
        likes: m.likes,
        comments: m.comments,
        shares: m.shares,
        reach: m.reach,
        extra: m.extra,
        readAt: m.fetchedAt,
      })),
    ),
  );

  // The same workspaces' history: every reading kept, and each channel's daily figures.
  const readingRows = workspaceIds.length
    ? await db.select().from(deliveryMetricReadings).where(inArray(deliveryMetricReadings.workspaceId, workspaceIds)).orderBy(deliveryMetricReadings.deliveryId, deliveryMetricReadings.readAt)
    : [];
  await zip.addFile(
    'analytics-history.json',
    json(readingRows.map((r) => ({ workspaceId: r.workspaceId, deliveryId: r.deliveryId, channelId: r.channelId, readAt: r.readAt, views: r.views, likes: r.likes, comments: r.comments, shares: r.shares, reach: r.reach, extra: r.extra }))),
  );
  const dailyRows = workspaceIds.length
    ? await db.select().from(channelDailyStats).where(inArray(channelDailyStats.workspaceId, workspaceIds)).orderBy(channelDailyStats.channelId, channelDailyStats.day)
    : [];
  await zip.addFile(
    'analytics-daily.json',
    json(
      dailyRows.map((d) => ({
        workspaceId: d.workspaceId,
        channelId: d.channelId,
        day: d.day,
        followers: d.followers,
        postsPublished: d.postsPublished,
        views: d.views,
        likes: d.likes,
        comments: d.comments,
        shares: d.shares,
        reach: d.reach,
        extra: d.extra,
      })),
    ),
  );

  const audit = await db.select().from(auditLog).where(eq(auditLog.actorUserId, userId)).orderBy(auditLog.id);
  await zip.addFile(
    'audit-log.json',
    json(audit.map((a) => ({ id: a.id, at: a.createdAt, action: a.action, workspaceId: a.workspaceId, entityType: a.entityType, entityId: a.entityId, changes: a.changes, ip: a.ip, userAgent: a.userAgent }))),
  );
  await progress(85);

  const requests = await db.select().from(accessLog).where(eq(accessLog.userId, userId)).orderBy(accessLog.id);
  await zip.addFile(
    'access-log.json',
    json(requests.map((r) => ({ at: r.createdAt, method: r.method, route: r.route, status: r.status, durationMs: r.durationMs, workspaceId: r.workspaceId, ip: r.ip, userAgent: r.userAgent }))),
  );
  await progress(92);

  const notes = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), or(isNull(notifications.workspaceId), inMyWorkspaces(notifications.workspaceId))))
    .orderBy(notifications.createdAt);
  await zip.addFile(
    'notifications.json',
    json(
      notes.map((n) => ({
        id: n.id,
        workspaceId: n.workspaceId,
        kind: n.kind,
        entityType: n.entityType,
        entityId: n.entityId,
        ...notificationWords(n, language),
        englishTitle: n.title,
        englishBody: n.body,
        link: n.link,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
    ),
  );
  await zip.addFile('README.md', exportReadme(language, deps.retentionHours));
  await progress(98);
}

/**
 * Deletes the archives whose link has expired and marks them expired (the row stays, as a record
 * that an export was made). `now` is injectable for tests.
 */
export async function purgeExpiredExports(db: Db, storage: MediaStorage, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const due = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.status, 'ready'), lte(dataExports.expiresAt, now)));
  for (const row of due) {
    if (row.filePath) await removeExportFile(storage, row.filePath);
    await db.transaction(async (tx) => {
      await tx.update(dataExports).set({ status: 'expired', filePath: null }).where(eq(dataExports.id, row.id));
      await recordAudit(tx, { actorUserId: null, action: 'privacy.export_expired', entityType: 'data_export', entityId: row.id, changes: { userId: row.userId } });
    });
  }
  return due.length;
}
