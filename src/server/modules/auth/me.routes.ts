import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolePermissions, type Role } from '../../../shared/permissions.ts';
import { isSupportedLanguage, supportedLanguages } from '../../../shared/languages.ts';
import { getMe } from './me.service.ts';
import { rememberBrowserLanguage } from '../../i18n/user-language.ts';
import { sessionsRoutes } from './sessions.routes.ts';

export type InstanceInfo = { signupDisabled: boolean; mailTransport: 'smtp' | 'log'; passwordMinLength: number; sessionIdleDays: number };

export const meRoutes: FastifyPluginAsyncZod<{ instance: InstanceInfo }> = async (app, { instance }) => {
  await app.register(sessionsRoutes);

  app.get('/instance', {
    config: { access: 'public' },
    schema: {
      tags: ['instance'],
      summary: 'What the sign-in pages need to know about this Herald',
      response: {
        200: z.object({ signupDisabled: z.boolean(), mailTransport: z.enum(['smtp', 'log']), passwordMinLength: z.number(), sessionIdleDays: z.number() }),
      },
    },
    handler: async () => instance,
  });

  app.get('/me', {
    config: { access: 'user' },
    schema: {
      tags: ['me'],
      summary: 'The signed-in user, their workspaces, role and permissions in each',
      response: {
        200: z.object({
          user: z.object({
            id: z.string(),
            name: z.string(),
            email: z.string(),
            image: z.string().nullable(),
            isOperator: z.boolean(),
            twoFactorEnabled: z.boolean(),
            language: z.enum(supportedLanguages).nullable().describe('The language the user chose (PUT /api/v1/me/language), null to follow their browser (whose language Herald remembers from this call for e-mails)'),
            createdAt: z.date(),
          }),
          workspaces: z.array(
            z.object({ id: z.string(), name: z.string(), slug: z.string(), language: z.enum(supportedLanguages), role: z.string(), permissions: z.array(z.string()) }),
          ),
        }),
      },
    },
    handler: async (req) => {
      const ctx = req.serviceContext();
      const { user, workspaces } = await getMe(ctx);
      // The web app asks for this on every start, in its interface's language: remembered for what
      // Herald writes to a user who chose no language while they are away (e-mails, exports).
      await rememberBrowserLanguage(ctx.db, user, req.headers['accept-language']);
      return {
        user: {
          id: user.id,
          name: user.name,
          email: user.email,
          image: user.image,
          isOperator: user.isOperator,
          twoFactorEnabled: !!user.twoFactorEnabled,
          language: isSupportedLanguage(user.language) ? user.language : null,
          createdAt: user.createdAt,
        },
        workspaces: workspaces.map((w) => ({
          id: w.id,
          name: w.name,
          slug: w.slug,
          language: w.language,
          role: w.role,
          permissions: [...(rolePermissions[w.role as Role] ?? [])],
        })),
      };
    },
  });
};
