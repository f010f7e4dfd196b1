import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { Auth } from '../auth/auth.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import { checkDeletionCredentials } from './account-deletion.credentials.ts';
import * as service from './account-deletion.service.ts';
import type { MediaStorage } from '../media/media.storage.ts';

const preview = z.object({
  graceDays: z.number().describe('0: deleted at once; otherwise days until the deletion (signing in again cancels it)'),
  deletionRequestedAt: z.date().nullable(),
  deletedWorkspaces: z
    .array(z.object({ id: z.string(), name: z.string(), channels: z.number(), posts: z.number(), members: z.number() }))
    .describe('Workspaces you own alone: deleted with all their data'),
  sharedWorkspaces: z
    .array(z.object({ id: z.string(), name: z.string(), role: z.string(), yourPosts: z.number() }))
    .describe('Workspaces that stay: your posts remain, no longer attributed to you'),
  connectedChannels: z
    .array(
      z.object({
        id: z.string(),
        workspaceId: z.string(),
        workspaceName: z.string(),
        network: z.string(),
        username: z.string().nullable(),
        displayName: z.string().nullable(),
        workspaceDeleted: z.boolean(),
      }),
    )
    .describe("Channels you connected: Herald's access is revoked at their networks"),
});

export type AccountDeletionRoutesOptions = { auth: Auth; db: Db; channelDeps: ChannelDeps; storage: MediaStorage; graceDays: number };

/** "Delete my account": a preview of the consequences, then the confirmed deletion. */
export const accountDeletionRoutes: FastifyPluginAsyncZod<AccountDeletionRoutesOptions> = async (app, opts) => {
  const tags = ['privacy'];

  app.get('/me/deletion-preview', {
    config: { access: 'user' },
    schema: { tags, summary: 'What deleting your account would delete, keep and revoke', response: { 200: preview } },
    handler: async (req) => service.previewDeletion(req.serviceContext(), opts.graceDays),
  });

  app.post('/me/delete', {
    config: { access: 'user' },
    // The password (and code) is checked here, so guesses are limited per IP and per user.
    preHandler: async (req, reply) => app.secretCheckLimit(req, reply, req.auth?.userId ?? null),
    schema: {
      tags,
      summary:
        'Delete your account after re-checking the password (and a TOTP or backup code with two-factor on); 400 account.password_incorrect, account.code_required or account.code_incorrect with details.field. Your sessions end.',
      body: z.object({
        password: z.string().min(1).max(256),
        code: z.string().max(64).optional().describe('TOTP or backup code, required when two-factor is on'),
        confirm: z.literal(true).describe('Must be true'),
      }),
      response: {
        200: z.object({
          status: z.enum(['deleted', 'scheduled']),
          deleteAfter: z.date().nullable().describe('When a grace period is configured: when the account will be deleted'),
        }),
      },
    },
    handler: async (req, reply) => {
      const ctx = req.serviceContext();
      await checkDeletionCredentials(opts.db, opts.auth, ctx.actor.userId, req.body);
      // Access log rows are written in batches: the user's latest ones must land before the erasure.
      await app.flushAccessLog();
      const outcome = await service.requestAccountDeletion(ctx, { channelDeps: opts.channelDeps, storage: opts.storage, graceDays: opts.graceDays });
      // The account (or at least every session) is gone: the access log must not record it again.
      req.auth = null;
      for (const name of Object.keys(req.cookies)) {
        if (/^(__Secure-)?herald\./.test(name)) reply.clearCookie(name, { path: '/' });
      }
      return outcome;
    },
  });
};
