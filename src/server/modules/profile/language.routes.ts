import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { supportedLanguages } from '../../../shared/languages.ts';
import * as service from './language.service.ts';

export const userLanguage = z.enum(supportedLanguages).nullable();

/** The signed-in user's language (also read from /me). Registered under /api/v1. */
export const languageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put('/me/language', {
    config: { access: 'user' },
    schema: {
      tags: ['me'],
      summary: `Choose the language of Herald and of the e-mails it sends you (${supportedLanguages.join(', ')}), or null to follow your browser`,
      body: z.object({ language: userLanguage.describe(`One of ${supportedLanguages.join(', ')}, or null to follow the browser`) }),
      response: { 200: z.object({ language: userLanguage }) },
    },
    handler: async (req) => service.setLanguage(req.serviceContext(), req.body.language),
  });
};
