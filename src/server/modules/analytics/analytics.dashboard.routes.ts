import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { networkIds } from '../../../networks/index.ts';
import { counterNames } from '../../../shared/analytics.ts';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import { agencyDashboard, agencyPosts, agencyPostsCsv, agencySeriesCsv, analyticsPosts, dashboardFor, DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, postsCsv, rangeProblem, seriesCsv, seriesMetrics, type CsvFile } from './analytics.dashboard.ts';
import { dashboardAnswer, postRow } from './analytics.schemas.ts';

// The analytics dashboard of a workspace (summary, daily series per channel, top posts), its posts
// table, their CSV downloads, and the agency's dashboard over every workspace the user can read.

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });

/** A calendar day that exists (2026-02-30 does not), as the workspace's zone counts days. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) && value >= '1970-01-01';
  }, 'must be a calendar day from 1970 on');

const commaList = <T extends z.ZodType<string, string>>(item: T, what: string) =>
  z
    .string()
    .max(4000)
    .optional()
    .transform((value) => value?.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(200, `at most 200 ${what}`).optional())
    .describe(`Comma-separated ${what}`);

const rangeFields = {
  from: day.optional().describe(`First day (YYYY-MM-DD, in the workspace zone), included; default ${DEFAULT_RANGE_DAYS - 1} days before to`),
  to: day.optional().describe(`Last day, included (at most ${MAX_RANGE_DAYS} days after from); default today in the workspace zone`),
  channelIds: commaList(z.string().min(1).max(100), 'channel ids'),
  networks: commaList(z.enum(networkIds, { message: `must be one of ${networkIds.join(', ')}` }), 'networks'),
};

/** from ≤ to and the range not too long, reported on the field at fault (a missing end is filled in by the service, and checked there). */
const checkRange = (value: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (!value.from || !value.to) return;
  const problem = rangeProblem({ from: value.from, to: value.to });
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
};

const yesNo = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const dashboardQuery = z.object({ ...rangeFields, compare: yesNo.describe('Also compute the previous period of equal length') }).superRefine(checkRange);
const postsSort = z.enum(['publishedAt', ...counterNames, 'engagement', 'engagementRate']).default('publishedAt');
const postsQuery = z
  .object({ ...rangeFields, sort: postsSort.describe('Sort key; posts without the counter come last'), dir: z.enum(['asc', 'desc']).default('desc'), ...pageQuery({ default: 50, max: 200 }) })
  .superRefine(checkRange);
const csvSortFields = { sort: postsSort, dir: z.enum(['asc', 'desc']).default('desc') };
const postsCsvQuery = z.object({ ...rangeFields, ...csvSortFields }).superRefine(checkRange);
const agencyFields = { workspaceIds: commaList(z.string().min(1).max(100), 'workspace ids') };
const agencyPostsQuery = z
  .object({ ...rangeFields, ...agencyFields, sort: postsSort.describe('Sort key; posts without the counter come last'), dir: z.enum(['asc', 'desc']).default('desc'), ...pageQuery({ default: 50, max: 200 }) })
  .superRefine(checkRange);
const agencyPostsCsvQuery = z.object({ ...rangeFields, ...csvSortFields, ...agencyFields }).superRefine(checkRange);
const metricField = { metric: z.enum(seriesMetrics).default('engagement').describe('The daily figure, one column per channel') };
const seriesCsvQuery = z.object({ ...rangeFields, ...metricField }).superRefine(checkRange);
const agencySeriesCsvQuery = z.object({ ...rangeFields, ...metricField, ...agencyFields }).superRefine(checkRange);

const sendCsv = (reply: FastifyReply, { fileName, body }: CsvFile) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body);

export const analyticsDashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['analytics'];
  const scopeOf = (workspaceId: string, q: { channelIds?: string[]; networks?: string[] }) => ({ workspaceIds: [workspaceId], channelIds: q.channelIds, networks: q.networks });

  app.get('/workspaces/:workspaceId/analytics/dashboard', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'The analytics dashboard: summary (optionally with the previous period), daily series per channel and top posts',
      params: workspaceParams,
      querystring: dashboardQuery,
      response: { 200: dashboardAnswer },
    },
    handler: async (req) => dashboardFor(req.serviceContext().db, scopeOf(req.params.workspaceId, req.query), req.query),
  });

  app.get('/workspaces/:workspaceId/analytics/posts', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Published posts in the range with their newest counters, sorted by any of them', params: workspaceParams, querystring: postsQuery, response: { 200: pageOf(postRow) } },
    handler: async (req) => analyticsPosts(req.serviceContext().db, scopeOf(req.params.workspaceId, req.query), req.query),
  });

  app.get('/workspaces/:workspaceId/analytics/posts.csv', {
    config: { access: 'posts.read' },
    schema: { tags, summary: `The posts table as CSV (UTF-8 with BOM, RFC 4180), at most 10,000 rows`, params: workspaceParams, querystring: postsCsvQuery },
    handler: async (req, reply) => sendCsv(reply, await postsCsv(req.serviceContext().db, scopeOf(req.params.workspaceId, req.query), req.query)),
  });

  app.get('/workspaces/:workspaceId/analytics/series.csv', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'One daily figure as CSV: a row per day, a column per channel (an empty cell: not reported or no data)', params: workspaceParams, querystring: seriesCsvQuery },
    handler: async (req, reply) => sendCsv(reply, await seriesCsv(req.serviceContext().db, scopeOf(req.params.workspaceId, req.query), req.query)),
  });

  app.get('/me/analytics/dashboard', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'The analytics dashboard over every workspace where your role may read posts (or the ones named)',
      querystring: z.object({ ...rangeFields, ...agencyFields, compare: yesNo.describe('Also compute the previous period of equal length') }).superRefine(checkRange),
      response: { 200: dashboardAnswer },
    },
    handler: async (req) => agencyDashboard(req.serviceContext(), req.query),
  });

  app.get('/me/analytics/posts', {
    config: { access: 'user' },
    schema: { tags, summary: 'Published posts of every workspace you can read, with their newest counters, sorted by any of them', querystring: agencyPostsQuery, response: { 200: pageOf(postRow) } },
    handler: async (req) => agencyPosts(req.serviceContext(), req.query),
  });

  app.get('/me/analytics/posts.csv', {
    config: { access: 'user' },
    schema: { tags, summary: 'The posts of every workspace you can read, as CSV (UTF-8 with BOM, RFC 4180)', querystring: agencyPostsCsvQuery },
    handler: async (req, reply) => sendCsv(reply, await agencyPostsCsv(req.serviceContext(), req.query)),
  });

  app.get('/me/analytics/series.csv', {
    config: { access: 'user' },
    schema: { tags, summary: 'One daily figure of every workspace you can read, as CSV: a row per day, a column per channel', querystring: agencySeriesCsvQuery },
    handler: async (req, reply) => sendCsv(reply, await agencySeriesCsv(req.serviceContext(), req.query)),
  });
};
