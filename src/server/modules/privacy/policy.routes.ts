import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config/config.ts';
import { callbackUrls, type NetworkCallbacks } from '../network-callbacks/network-callbacks.registry.ts';
import { renderPrivacyPage, renderTermsPage } from './policy.pages.ts';
import { policyFacts, policyFactsSchema } from './policy.service.ts';

/**
 * /privacy, /terms and /api/v1/policy, public. Everything is computed once at start: the facts come
 * from the configuration, which only changes with a restart, and so do the operator's extra files.
 */
export const policyRoutes: FastifyPluginAsyncZod<{ config: Config; networkCallbacks: NetworkCallbacks }> = async (app, { config, networkCallbacks }) => {
  const read = (file: string | undefined) => (file === undefined ? undefined : fs.readFileSync(file, 'utf8'));
  const privacyExtra = read(config.policyExtraFile);
  const termsExtra = read(config.termsExtraFile);
  const facts = policyFacts(config, {
    now: new Date(),
    customSections: { privacy: privacyExtra !== undefined, terms: termsExtra !== undefined },
    callbacks: callbackUrls(networkCallbacks, config.publicOrigin),
  });
  const privacyHtml = renderPrivacyPage(facts, privacyExtra);
  const termsHtml = renderTermsPage(facts, termsExtra);

  app.get('/privacy', {
    config: { access: 'public' },
    schema: { tags: ['policy'], summary: "Privacy policy (HTML), generated from this instance's configuration" },
    handler: async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(privacyHtml),
  });

  app.get('/terms', {
    config: { access: 'public' },
    schema: { tags: ['policy'], summary: "Terms of service (HTML), generated from this instance's configuration" },
    handler: async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(termsHtml),
  });

  app.get('/api/v1/policy', {
    config: { access: 'public' },
    schema: { tags: ['policy'], summary: 'The facts /privacy and /terms state: operator, networks and scopes, retention, sub-processors', response: { 200: policyFactsSchema } },
    handler: async () => facts,
  });
};
