import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import { enabledNetworks, networkIds, networks, outgoingConnections } from '../../../networks/index.ts';
import { descriptorKeys } from '../../../networks/texts.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { policyWords } from './policy.words.ts';

// The facts /privacy, /terms and /api/v1/policy state, all taken from this instance's
// configuration so the pages cannot drift from what Herald really does.

export const policyFactsSchema = z.object({
  generatedAt: z.string().describe('When these facts were read from the configuration (Herald start)'),
  pages: z.object({ privacy: z.string(), terms: z.string() }),
  operator: z.object({
    name: z.string().nullable().describe('null: not filled in by the operator'),
    address: z.string().nullable(),
    contact: z.object({ kind: z.enum(['email', 'url']), value: z.string(), href: z.string() }).nullable(),
  }),
  networks: z.array(
    z.object({
      id: z.enum(networkIds),
      label: z.string(),
      connect: z.enum(['oauth', 'oauth-instance', 'app-password']),
      scopes: z.array(z.object({ scope: z.string(), meaning: z.string() })),
      terms: z.array(z.object({ label: z.string(), url: z.string() })),
      callbacks: z
        .array(z.object({ name: z.string(), url: z.string() }))
        .describe('Addresses the network calls when a person removes Herald or asks for their data to be deleted (docs/network-callbacks.md)'),
    }),
  ),
  retention: z.object({
    accessLogDays: z.number(),
    disconnectedRetentionDays: z.number(),
    sessionIdleDays: z.number(),
    mediaDeleteAfterPublish: z.boolean(),
    mediaLibraryOptIn: z
      .boolean()
      .describe("true: files are deleted after publishing unless a workspace's owners or admins turn on its media library (off by default), which keeps them until a member deletes them"),
  }),
  accountDeletionGraceDays: z.number().describe('Days between asking to delete an account and the deletion; 0 = at once'),
  analytics: z.object({
    enabled: z.boolean().describe('false: the operator turned collection off (HERALD_ANALYTICS_INTERVAL_MINUTES=0)'),
    intervalMinutes: z.number(),
    windowDays: z.number().describe('Counters are read for this many days after publishing'),
    historyDays: z.number().describe('Days earlier readings and daily channel figures are kept (HERALD_ANALYTICS_HISTORY_DAYS); 0 = only the newest reading and today'),
  }),
  outgoing: z.object({
    telemetry: z.literal(false),
    smtpConfigured: z.boolean(),
    networkServices: z
      .array(z.object({ network: z.enum(networkIds), sentence: z.array(z.union([z.string(), z.object({ code: z.string() })])) }))
      .describe("What the enabled networks contact besides their own API (handle resolvers, media links), one sentence each; a { code } part is an address or setting name"),
  }),
  subprocessors: z.array(z.object({ name: z.string(), purpose: z.string(), location: z.string() })),
  customSections: z.object({ privacy: z.boolean(), terms: z.boolean() }),
});
export type PolicyFacts = z.infer<typeof policyFactsSchema>;

function contactOf(value: string | undefined): PolicyFacts['operator']['contact'] {
  if (!value) return null;
  return /^https?:\/\//i.test(value) ? { kind: 'url', value, href: value } : { kind: 'email', value, href: `mailto:${value}` };
}

export function policyFacts(
  config: Config,
  options: { now: Date; customSections: { privacy: boolean; terms: boolean }; callbacks?: readonly { network: string; name: string; url: string }[] },
): PolicyFacts {
  const enabled = enabledNetworks(config);
  const callbacksOf = (id: string) => (options.callbacks ?? []).filter((c) => c.network === id).map(({ name, url }) => ({ name, url }));
  return {
    generatedAt: options.now.toISOString(),
    pages: { privacy: `${config.publicOrigin}/privacy`, terms: `${config.publicOrigin}/terms` },
    operator: { name: config.operatorName ?? null, address: config.operatorAddress ?? null, contact: contactOf(config.operatorContact) },
    networks: enabled.map((id) => ({
      id,
      label: networks[id].label,
      connect: networks[id].connect,
      scopes: networks[id].scopes.map((scope) => ({ scope, meaning: (networks[id].scopeMeanings as Record<string, string>)[scope] ?? '' })),
      terms: [...networks[id].terms],
      callbacks: callbacksOf(id),
    })),
    retention: {
      accessLogDays: config.accessLogDays,
      disconnectedRetentionDays: config.disconnectedRetentionDays,
      sessionIdleDays: config.sessionIdleDays,
      mediaDeleteAfterPublish: config.mediaDeleteAfterPublish,
      // Only a choice where the instance deletes after publishing; otherwise every workspace keeps its files.
      mediaLibraryOptIn: config.mediaDeleteAfterPublish,
    },
    accountDeletionGraceDays: config.accountDeletionGraceDays,
    analytics: { enabled: config.analyticsIntervalMinutes > 0, intervalMinutes: config.analyticsIntervalMinutes, windowDays: config.analyticsWindowDays, historyDays: config.analyticsHistoryDays },
    outgoing: {
      telemetry: false,
      smtpConfigured: Boolean(config.smtpUrl),
      networkServices: outgoingConnections(config),
    },
    subprocessors: config.subprocessors,
    customSections: options.customSections,
  };
}

/**
 * The facts in `language`: the networks' sentences (what each scope allows, their terms' names,
 * what they contact besides their API) as /privacy says them, from the same translations.
 * Everything else is a value or the operator's own words, and English is the facts as they are.
 */
export function policyFactsIn(facts: PolicyFacts, language: Language): PolicyFacts {
  if (language === defaultLanguage) return facts;
  const w = policyWords(language);
  // A network's outgoing sentences are numbered from 0 in its own list (descriptorKeys.outgoing).
  const seen = new Map<string, number>();
  const networkServices = facts.outgoing.networkServices.map(({ network, sentence }) => {
    const index = seen.get(network) ?? 0;
    seen.set(network, index + 1);
    return { network, sentence: w.networkSentence(network, descriptorKeys.outgoing(index), sentence) };
  });
  return {
    ...facts,
    networks: facts.networks.map((n) => ({
      ...n,
      scopes: n.scopes.map((s) => ({ ...s, meaning: w.networkText(n.id, descriptorKeys.scopeMeaning(s.scope), s.meaning) })),
      terms: n.terms.map((t, i) => ({ ...t, label: w.networkText(n.id, descriptorKeys.termsLabel(i), t.label) })),
    })),
    outgoing: { ...facts.outgoing, networkServices },
  };
}
