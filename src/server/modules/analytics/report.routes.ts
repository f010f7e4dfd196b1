import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DashboardFigures } from './dashboard.contract.ts';
import { dashboardAnswer, postRow, summary } from './analytics.schemas.ts';
import { buildReport, buildReportPdf, REPORT_MAX_DAYS, reportRange, requesterLanguage } from './report.service.ts';
import { getReportSchedule, MAX_REPORT_RECIPIENTS, setReportSchedule } from './report.schedule.ts';

const tags = ['analytics'];
const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar day as YYYY-MM-DD');
const range = z.object({
  from: day.optional().describe('First day of the period (YYYY-MM-DD, in the workspace’s time zone); default the first day of last month'),
  to: day.optional().describe(`Last day of the period, included (at most ${REPORT_MAX_DAYS} days after from); default the last day of last month`),
});

const report = z.object({
  workspace: z.object({ id: z.string(), name: z.string(), logoUrl: z.string().nullable().describe('Where the workspace’s logo is served, or null without one') }),
  generatedAt: z.string(),
  dashboard: dashboardAnswer,
  networks: z.array(z.object({ network: z.string(), channels: z.array(z.string()), summary, topPosts: z.array(postRow) })).describe('A section per network with a channel in the workspace'),
});

const schedule = z.object({
  enabled: z.boolean(),
  recipients: z.array(z.string()),
  logoUrl: z.string().nullable().describe('The logo the report carries (PUT /workspaces/{workspaceId}/logo), or null'),
  lastRun: z.object({ from: z.string(), to: z.string(), sentTo: z.number().int().describe('How many recipients it went to'), at: z.string() }).nullable(),
});
const scheduleBody = z.object({
  enabled: z.boolean().describe('Send last month’s report on the 1st of every month (in the workspace’s time zone)'),
  recipients: z.array(z.email('must be an e-mail address').max(254)).max(MAX_REPORT_RECIPIENTS, `at most ${MAX_REPORT_RECIPIENTS} recipients`).describe('Who receives it (the client, for example)'),
});

/**
 * The client report of a workspace, as JSON (the printable page) and as a PDF. `figures` is the
 * dashboard's figures function, so the report shows what the dashboard shows.
 */
export const reportRoutes: FastifyPluginAsyncZod<{ figures: DashboardFigures }> = async (app, { figures }) => {
  app.get('/workspaces/:workspaceId/analytics/report', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: `The client report for a period: summary figures with the change against the previous period, daily series, top posts and a section per network (400 analytics.invalid_range for a period that is not one, or longer than ${REPORT_MAX_DAYS} days)`,
      params: workspaceParams,
      querystring: range,
      response: { 200: report },
    },
    handler: async (req) => {
      const db = req.serviceContext().db;
      return buildReport({ db, figures }, req.params.workspaceId, await reportRange(db, req.params.workspaceId, req.query));
    },
  });

  app.get('/workspaces/:workspaceId/analytics/report.pdf', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'The client report as an A4 PDF (application/pdf, as a download named after the workspace and period), in your language (else the first of Accept-Language Herald speaks, else English)',
      params: workspaceParams,
      querystring: range,
    },
    handler: async (req, reply) => {
      const db = req.serviceContext().db;
      const language = await requesterLanguage(db, req.auth?.userId, req.headers['accept-language']);
      const { fileName, pdf } = await buildReportPdf({ db, figures }, req.params.workspaceId, await reportRange(db, req.params.workspaceId, req.query), language);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(pdf);
    },
  });
};

/** Who receives the monthly report by e-mail (owners and admins). */
export const reportScheduleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspaces/:workspaceId/analytics/report-schedule', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: 'Whether last month’s report is e-mailed on the 1st, to whom, and the newest one sent', params: workspaceParams, response: { 200: schedule } },
    handler: async (req) => getReportSchedule(req.serviceContext().db, req.params.workspaceId),
  });

  app.put('/workspaces/:workspaceId/analytics/report-schedule', {
    config: { access: 'settings.manage' },
    schema: {
      tags,
      summary: `Turn the monthly report e-mail on or off and set its recipients (at most ${MAX_REPORT_RECIPIENTS}; on needs at least one: 400 analytics.report_recipients_required)`,
      params: workspaceParams,
      body: scheduleBody,
      response: { 200: schedule },
    },
    handler: async (req) => setReportSchedule(req.serviceContext(), req.params.workspaceId, req.body),
  });
};
