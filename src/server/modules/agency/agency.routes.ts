import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateQuery } from '../../http/schemas.ts';
import { requestLanguage } from '../../http/request-language.ts';
import { agencyAttention, agencyCalendar, CALENDAR_LIMIT, MAX_RANGE_DAYS } from './agency.service.ts';

// The agency view: one calendar and one attention list over every workspace the signed-in user
// belongs to. Access is per workspace inside the queries (the user's own role in each), so the
// routes need only a signed-in user.

const workspace = z.object({ id: z.string(), name: z.string(), colour: z.string().describe('#rrggbb from a fixed palette; white text on it has at least 4.5:1 contrast') });
const commaList = (what: string) =>
  z
    .string()
    .max(2000)
    .optional()
    .transform((value) => value?.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => !list || list.length <= 100, `at most 100 ${what}`)
    .describe(`Comma-separated ${what}`);

const calendarItem = z.object({
  id: z.string(),
  workspace,
  state: z.string().describe('draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled'),
  publishAt: z.date(),
  timeZone: z.string(),
  text: z.string().describe('The start of the text (200 characters)'),
  mediaCount: z.number(),
  channels: z.array(
    z.object({
      channelId: z.string(),
      deliveryId: z.string(),
      network: z.string(),
      username: z.string().nullable(),
      displayName: z.string().nullable(),
      state: z.string(),
      avatar: z.string().nullable(),
    }),
  ),
  href: z.string().describe("The post's page in the web app"),
});

const attentionItem = z.object({
  kind: z.enum(['delivery_failed', 'delivery_unconfirmed', 'channel_reconnect', 'channel_expiring', 'in_review', 'review_overdue', 'draft_due_soon']),
  title: z.string(),
  detail: z.string().nullable(),
  at: z.date().nullable(),
  href: z.string().describe('Where to act on it in the web app'),
  postId: z.string().nullable(),
  channelId: z.string().nullable(),
});

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['agency'];

  app.get('/me/calendar', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: `Posts due in [from, to) across every workspace where your role may read posts, with each workspace's name and colour (at most ${MAX_RANGE_DAYS} days, ${CALENDAR_LIMIT} posts)`,
      querystring: z.object({
        from: dateQuery(),
        to: dateQuery(),
        workspaceId: commaList('workspace ids'),
        state: commaList('post states'),
      }),
      response: {
        200: z.object({
          workspaces: z.array(workspace.extend({ role: z.string() })).describe('Every workspace the calendar reads, whether or not it has posts in the range'),
          items: z.array(calendarItem),
          truncated: z.boolean().describe(`More than ${CALENDAR_LIMIT} posts: narrow the range or the workspaces`),
        }),
      },
    },
    handler: async (req) => agencyCalendar(req.serviceContext(), { from: req.query.from, to: req.query.to, workspaceIds: req.query.workspaceId, states: req.query.state }),
  });

  app.get('/me/attention', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: "What needs attention in each of your workspaces: failed and unconfirmed deliveries, channels to reconnect, posts to review (approvers), reviews past their time, drafts planned within 48 hours; details in the request's language (Accept-Language)",
      response: {
        200: z.object({
          total: z.number(),
          workspaces: z.array(
            z.object({
              workspace: workspace.extend({ role: z.string() }),
              counts: z.object({
                failed: z.number(),
                unconfirmed: z.number(),
                channels: z.number(),
                inReview: z.number(),
                reviewOverdue: z.number(),
                draftsDueSoon: z.number(),
                total: z.number(),
              }),
              items: z.array(attentionItem),
            }),
          ),
        }),
      },
    },
    handler: async (req) => agencyAttention(req.serviceContext(), { language: requestLanguage(req) }),
  });
};
