import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import { supportedLanguages, type Language } from '../../../shared/languages.ts';
import { requestLanguage } from '../../http/request-language.ts';
import { callbackUrls, type NetworkCallbacks } from '../network-callbacks/network-callbacks.registry.ts';
import { policyPageLanguage } from './policy.language.ts';
import { operatorFileEnv, readOperatorSections } from './policy.operator.ts';
import { renderPrivacyPage, renderTermsPage } from './policy.pages.ts';
import { policyFacts, policyFactsIn, policyFactsSchema } from './policy.service.ts';

const pageQuery = z.object({
  lang: z.string().optional().describe(`The page's language (${supportedLanguages.join(', ')}); otherwise the first of Accept-Language Herald speaks, else English`),
});

/**
 * /privacy, /terms and /api/v1/policy, public. Everything is computed once at start, in every
 * language: the facts come from the configuration, which only changes with a restart, and so do
 * the operator's extra files.
 */
export const policyRoutes: FastifyPluginAsyncZod<{ config: Config; networkCallbacks: NetworkCallbacks }> = async (app, { config, networkCallbacks }) => {
  const privacyExtra = readOperatorSections(config, 'privacy');
  const termsExtra = readOperatorSections(config, 'terms');
  const facts = policyFacts(config, {
    now: new Date(),
    customSections: { privacy: Object.values(privacyExtra).some(Boolean), terms: Object.values(termsExtra).some(Boolean) },
    callbacks: callbackUrls(networkCallbacks, config.publicOrigin),
  });
  const inEveryLanguage = (render: (language: Language) => string) => Object.fromEntries(supportedLanguages.map((language) => [language, render(language)])) as Record<Language, string>;
  const privacyHtml = inEveryLanguage((language) => renderPrivacyPage(facts, { language, operator: privacyExtra[language] }));
  const termsHtml = inEveryLanguage((language) => renderTermsPage(facts, { language, operator: termsExtra[language], operatorFileEnv: operatorFileEnv(language, 'terms') }));
  const factsIn = Object.fromEntries(supportedLanguages.map((language) => [language, policyFactsIn(facts, language)])) as Record<Language, typeof facts>;

  /** The page in the reader's language; the answer varies with Accept-Language, so caches keep one per language. */
  const pageIn = (pages: Record<Language, string>) => ({
    config: { access: 'public' as const },
    handler: async (req: FastifyRequest<{ Querystring: z.infer<typeof pageQuery> }>, reply: FastifyReply) => {
      const language = policyPageLanguage(req.query.lang, req.headers['accept-language']);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-language', language).header('vary', 'Accept-Language').send(pages[language]);
    },
  });

  app.get('/privacy', {
    ...pageIn(privacyHtml),
    schema: { tags: ['policy'], summary: "Privacy policy (HTML), generated from this instance's configuration, in the reader's language", querystring: pageQuery },
  });

  app.get('/terms', {
    ...pageIn(termsHtml),
    schema: { tags: ['policy'], summary: "Terms of service (HTML), generated from this instance's configuration, in the reader's language", querystring: pageQuery },
  });

  app.get('/api/v1/policy', {
    config: { access: 'public' },
    schema: { tags: ['policy'], summary: 'The facts /privacy and /terms state: operator, networks and scopes, retention, sub-processors', response: { 200: policyFactsSchema } },
    // Its sentences in the reader's language; the answer varies with Accept-Language.
    handler: async (req, reply) => {
      const language = requestLanguage(req);
      reply.header('content-language', language).header('vary', 'Accept-Language');
      return factsIn[language];
    },
  });
};
