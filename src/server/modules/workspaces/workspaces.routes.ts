import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidTimeZone } from '../../../shared/time-slots.ts';
import { roles } from '../../../shared/permissions.ts';
import { supportedLanguages } from '../../../shared/languages.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Db } from '../../db/database.ts';
import * as service from './workspaces.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const memberParams = workspaceParams.extend({ memberId: z.string().min(1).max(100) });
const invitationParams = workspaceParams.extend({ invitationId: z.string().min(1).max(100) });
const name = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const assignableRole = z.enum(roles.filter((r) => r !== 'owner') as ['admin', 'editor', 'approver', 'viewer']);

const language = z.enum(supportedLanguages);
const workspace = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  language: language.describe("The language of what the workspace's clients see: approval-by-link pages, e-mails to outside recipients, client reports"),
  createdAt: z.date(),
});
const workspaceWithRole = workspace.extend({ role: z.string() });
const member = z.object({
  id: z.string(),
  userId: z.string(),
  role: z.string(),
  name: z.string(),
  email: z.string(),
  image: z.string().nullable(),
  createdAt: z.date(),
});
const invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string().nullable(),
  status: z.string(),
  expiresAt: z.date(),
  createdAt: z.date().optional(),
  inviterName: z.string().optional(),
});
const ok = z.object({ ok: z.literal(true) });

export type WorkspacesRoutesOptions = {
  mailer: Mailer;
  publicOrigin: string;
  db: Db;
  /** Runs before a workspace is deleted (channels revoke their tokens); answers what it did, for the audit row. */
  beforeDelete?: (workspaceId: string) => Promise<Record<string, unknown>>;
};

export const workspacesRoutes: FastifyPluginAsyncZod<WorkspacesRoutesOptions> = async (app, opts) => {
  const tags = ['workspaces'];

  app.get('/workspaces', {
    config: { access: 'user', apiKey: true },
    schema: { tags, summary: 'Workspaces I belong to, with my role (with a workspace API key: that workspace only)', response: { 200: z.object({ items: z.array(workspaceWithRole) }) } },
    handler: async (req) => {
      const items = await service.listMyWorkspaces(req.serviceContext());
      const keyWorkspace = req.apiKey?.workspaceId;
      return { items: keyWorkspace ? items.filter((w) => w.id === keyWorkspace) : items };
    },
  });

  app.post('/workspaces', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Create a workspace; the creator is its owner',
      body: z.object({
        name,
        timeZone: z.string().min(1).max(64).refine(isValidTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin').optional().describe("The zone posting times are in (default UTC); the web app sends the creator's"),
      }),
      response: { 201: workspaceWithRole },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createWorkspace(req.serviceContext(), req.body)),
  });

  app.get('/workspaces/:workspaceId', {
    config: { access: 'workspace.read' },
    schema: { tags, summary: 'One workspace', params: workspaceParams, response: { 200: workspaceWithRole } },
    handler: async (req) => ({ ...(await service.getWorkspace(req.serviceContext(), req.params.workspaceId)), role: req.workspace!.role }),
  });

  app.patch('/workspaces/:workspaceId', {
    config: { access: 'workspace.update' },
    schema: {
      tags,
      summary: "Rename a workspace or change the language its clients see (send either or both)",
      params: workspaceParams,
      body: z.object({ name: name.optional(), language: language.optional() }),
      response: { 200: workspace },
    },
    handler: async (req) => service.updateWorkspace(req.serviceContext(), req.params.workspaceId, req.body),
  });

  app.delete('/workspaces/:workspaceId', {
    config: { access: 'workspace.delete' },
    schema: { tags, summary: "Delete a workspace and everything in it; its channels' tokens are revoked at their networks first", params: workspaceParams, response: { 200: ok } },
    handler: async (req) => {
      const done = opts.beforeDelete ? await opts.beforeDelete(req.params.workspaceId) : {};
      await service.deleteWorkspace(req.serviceContext(), req.params.workspaceId, done);
      return { ok: true as const };
    },
  });

  app.post('/workspaces/:workspaceId/transfer', {
    config: { access: 'workspace.transfer' },
    schema: {
      tags,
      summary: 'Make another member the owner; the current owner becomes admin',
      params: workspaceParams,
      body: z.object({ memberId: z.string().min(1) }),
      response: { 200: ok },
    },
    handler: async (req) => {
      await service.transferOwnership(req.serviceContext(), req.params.workspaceId, req.body);
      return { ok: true as const };
    },
  });

  app.get('/workspaces/:workspaceId/members', {
    config: { access: 'members.read' },
    schema: { tags, summary: 'Members and their roles', params: workspaceParams, response: { 200: z.object({ items: z.array(member) }) } },
    handler: async (req) => ({ items: await service.listMembers(req.serviceContext(), req.params.workspaceId) }),
  });

  app.patch('/workspaces/:workspaceId/members/:memberId', {
    config: { access: 'members.manage' },
    schema: { tags, summary: "Change a member's role", params: memberParams, body: z.object({ role: assignableRole }), response: { 200: ok } },
    handler: async (req) => {
      await service.changeMemberRole(req.serviceContext(), req.params.workspaceId, req.params.memberId, req.body);
      return { ok: true as const };
    },
  });

  app.delete('/workspaces/:workspaceId/members/:memberId', {
    config: { access: 'members.manage' },
    schema: { tags, summary: 'Remove a member', params: memberParams, response: { 200: ok } },
    handler: async (req) => {
      await service.removeMember(req.serviceContext(), req.params.workspaceId, req.params.memberId);
      return { ok: true as const };
    },
  });

  app.get('/workspaces/:workspaceId/invitations', {
    config: { access: 'members.read' },
    schema: { tags, summary: 'Pending invitations', params: workspaceParams, response: { 200: z.object({ items: z.array(invitation) }) } },
    handler: async (req) => ({ items: await service.listInvitations(req.serviceContext(), req.params.workspaceId) }),
  });

  app.post('/workspaces/:workspaceId/invitations', {
    config: { access: 'members.manage' },
    schema: {
      tags,
      summary: 'Invite someone by e-mail with a role (inviting again renews the invitation)',
      params: workspaceParams,
      body: z.object({ email: z.email('must be an e-mail address').max(254), role: assignableRole }),
      response: { 201: invitation.extend({ link: z.string() }) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await service.inviteMember(req.serviceContext(), opts, req.params.workspaceId, req.body)),
  });

  app.delete('/workspaces/:workspaceId/invitations/:invitationId', {
    config: { access: 'members.manage' },
    schema: { tags, summary: 'Cancel a pending invitation', params: invitationParams, response: { 200: ok } },
    handler: async (req) => {
      await service.cancelInvitation(req.serviceContext(), req.params.workspaceId, req.params.invitationId);
      return { ok: true as const };
    },
  });

  const invitationIdParams = z.object({ invitationId: z.string().min(1).max(100) });
  const publicInvitation = z.object({
    id: z.string(),
    workspaceName: z.string(),
    inviterName: z.string(),
    email: z.string(),
    role: z.string().nullable(),
    status: z.string(),
    expiresAt: z.date(),
  });

  app.get('/invitations/:invitationId', {
    config: { access: 'public' },
    schema: { tags: ['invitations'], summary: 'What an invitation link offers', params: invitationIdParams, response: { 200: publicInvitation } },
    handler: async (req) => service.describeInvitation({ db: opts.db }, req.params.invitationId),
  });

  const response = z.object({ workspaceId: z.string(), workspaceName: z.string(), role: z.string().nullable(), status: z.string() });
  app.post('/invitations/:invitationId/accept', {
    config: { access: 'user' },
    schema: { tags: ['invitations'], summary: 'Accept an invitation sent to my e-mail address', params: invitationIdParams, response: { 200: response } },
    handler: async (req) => service.respondToInvitation(req.serviceContext(), req.params.invitationId, true),
  });
  app.post('/invitations/:invitationId/reject', {
    config: { access: 'user' },
    schema: { tags: ['invitations'], summary: 'Decline an invitation', params: invitationIdParams, response: { 200: response } },
    handler: async (req) => service.respondToInvitation(req.serviceContext(), req.params.invitationId, false),
  });
};
