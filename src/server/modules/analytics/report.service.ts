import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DayRange, ReportAnswer } from '../../../shared/analytics.ts';
import type { Db } from '../../db/database.ts';
import { workspaces, workspaceSettings } from '../../db/schema/index.ts';
import type { Language } from '../../../shared/languages.ts';
import { languageOfHeader } from '../../http/request-language.ts';
import { AppError, notFound, type MessageValues } from '../shared/errors.ts';
import type { DashboardFigures } from './dashboard.contract.ts';
import { renderReportPdf } from './report.pdf.ts';
import { languageOfUserId } from '../../i18n/user-language.ts';

// The client report: the dashboard's figures for one workspace and range (so the report and the
// dashboard never disagree), with the workspace's name and logo and a section per network.

export type ReportDeps = { db: Db; figures: DashboardFigures };

/** Longest range a report covers: a year (leap day included), so a yearly report is possible and the figures stay bounded. */
export const REPORT_MAX_DAYS = 366;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

const badRange = (field: 'from' | 'to', message: string, values?: MessageValues) => new AppError('analytics.invalid_range', 400, message, { field, reason: 'invalid_range' }, values);

/** Days between two calendar days (both valid YYYY-MM-DD), counted in UTC so time zones and summer time do not matter. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The calendar day it is in a time zone (an unknown zone counts as UTC rather than stopping every report). */
export function localDay(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The calendar month before the one `day` (YYYY-MM-DD) is in. */
export function previousMonth(day: string): DayRange {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 2, 1));
  const end = new Date(Date.UTC(year, month - 1, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/**
 * The period a request means: last month in the workspace's zone (what a client report usually
 * covers) unless the request names its days; a named end is taken as given and checked.
 */
export async function reportRange(db: Db, workspaceId: string, asked: { from?: string; to?: string }, now = new Date()): Promise<DayRange> {
  if (asked.from && asked.to) return { from: asked.from, to: asked.to };
  const [settings] = await db.select({ timeZone: workspaceSettings.timeZone }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
  const lastMonth = previousMonth(localDay(now, settings?.timeZone ?? 'UTC'));
  return { from: asked.from ?? lastMonth.from, to: asked.to ?? lastMonth.to };
}

/** Checks a range given by a person: real calendar days, in order, at most a year; 400 naming the field otherwise. */
export function checkRange(range: DayRange): DayRange {
  for (const field of ['from', 'to'] as const) {
    const value = range[field];
    const parsed = new Date(`${value}T00:00:00Z`);
    // `2026-02-30` parses to 2 March: a round trip catches days that do not exist.
    if (!isoDay.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
      throw badRange(field, `"${field}" must be a calendar day as YYYY-MM-DD`);
    }
  }
  if (range.from > range.to) throw badRange('to', '"to" must be the same day as "from" or later');
  if (daysBetween(range.from, range.to) + 1 > REPORT_MAX_DAYS) throw badRange('to', `A report covers at most ${REPORT_MAX_DAYS} days`, { max: REPORT_MAX_DAYS });
  return range;
}

/** The workspace's logo as Herald keeps it: a PNG or JPEG data URL (see workspaces/workspace-logo.service.ts). */
export function decodeLogo(logo: string | null): { type: 'image/png' | 'image/jpeg'; data: Buffer } | null {
  const match = logo ? /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(logo) : null;
  return match ? { type: match[1] as 'image/png' | 'image/jpeg', data: Buffer.from(match[2]!, 'base64') } : null;
}

/** Where the logo is served; the version changes with the picture, so browsers may cache it. */
export const logoUrl = (workspaceId: string, logo: string | null) =>
  decodeLogo(logo) ? `/api/v1/workspaces/${workspaceId}/logo?v=${crypto.createHash('sha256').update(logo!).digest('hex').slice(0, 12)}` : null;

type ReportWorkspace = { id: string; name: string; slug: string; logo: string | null; timeZone: string; analyticsEnabled: boolean };

async function reportWorkspace(db: Db, workspaceId: string): Promise<ReportWorkspace> {
  const [row] = await db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, logo: workspaces.logo, timeZone: workspaceSettings.timeZone, analyticsEnabled: workspaceSettings.analyticsEnabled })
    .from(workspaces)
    .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, workspaces.id))
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('workspace');
  return { ...row, timeZone: row.timeZone ?? 'UTC', analyticsEnabled: row.analyticsEnabled ?? true };
}

/**
 * The report for a workspace and range: the dashboard's figures compared with the previous period
 * of equal length, and the same figures narrowed to each network that has a channel in it (each
 * network's own summary, so a counter one network lacks stays "not reported" in its section).
 */
export async function buildReport(deps: ReportDeps, workspaceId: string, range: DayRange, now = new Date()): Promise<ReportAnswer> {
  checkRange(range);
  const workspace = await reportWorkspace(deps.db, workspaceId);
  const query = { ...range, compare: true };
  const dashboard = await deps.figures(deps.db, { workspaceIds: [workspaceId] }, query);
  const byNetwork = new Map<string, string[]>();
  for (const channel of dashboard.channels) byNetwork.set(channel.network, [...(byNetwork.get(channel.network) ?? []), channel.id]);
  const networks: ReportAnswer['networks'] = [];
  for (const [network, channelIds] of [...byNetwork].sort(([a], [b]) => a.localeCompare(b))) {
    const figures = await deps.figures(deps.db, { workspaceIds: [workspaceId], networks: [network] }, query);
    networks.push({ network, channels: channelIds, summary: figures.summary, topPosts: figures.topPosts });
  }
  return {
    workspace: { id: workspace.id, name: workspace.name, logoUrl: logoUrl(workspace.id, workspace.logo) },
    generatedAt: now.toISOString(),
    dashboard,
    networks,
  };
}

/** The attachment's name: the workspace's slug and the period, in characters every mail program and file system accepts. */
export const reportFileName = (slug: string, range: DayRange) => `${slug.replace(/[^a-z0-9-]+/gi, '-').slice(0, 60) || 'workspace'}-report-${range.from}-to-${range.to}.pdf`;

/**
 * The language a person downloading the report reads: the one they chose, else the first their
 * browser asks for (Accept-Language) that Herald speaks, else English.
 */
export async function requesterLanguage(db: Db, userId: string | undefined, acceptLanguage: string | undefined): Promise<Language> {
  return userId ? languageOfUserId(db, userId, acceptLanguage ?? null) : languageOfHeader(acceptLanguage);
}

/** The report as a PDF in `language`, with the name its download and attachment carry. */
export async function buildReportPdf(deps: ReportDeps, workspaceId: string, range: DayRange, language: Language): Promise<{ fileName: string; pdf: Buffer }> {
  const report = await buildReport(deps, workspaceId, range);
  const workspace = await reportWorkspace(deps.db, workspaceId);
  return { fileName: reportFileName(workspace.slug, range), pdf: await renderReportPdf(report, workspace.logo, { language }) };
}
