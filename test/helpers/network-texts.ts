// A network's descriptor texts as its translations must hold them: the descriptor keeps the English
// (the API's words and every language's fallback), and its folder's locales/en.json repeats it under
// the keys src/networks/texts.ts names. A test compares the two, so English never drifts when a
// sentence is edited in one place only.
import type { RuleProblem } from '../../src/networks/rules.ts';
import { descriptorKeys } from '../../src/networks/texts.ts';
import type { NetworkDescriptor, PolicySentence } from '../../src/networks/types.ts';
import { translator, type Namespace } from '../../src/server/i18n/i18n.ts';

/** An outgoing sentence as its translation template: `{ code }` parts become {{code0}}, {{code1}}… */
function template(sentence: PolicySentence): string {
  let code = 0;
  return sentence.map((part) => (typeof part === 'string' ? part : `{{code${code++}}}`)).join('');
}

/** The descriptor's English under its translation keys (`config` turns on the outgoing sentences that depend on it). */
export function descriptorEnglish(network: NetworkDescriptor, config: Record<string, unknown> = {}): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [scope, meaning] of Object.entries(network.scopeMeanings)) texts[descriptorKeys.scopeMeaning(scope)] = meaning;
  network.terms.forEach((term, index) => (texts[descriptorKeys.termsLabel(index)] = term.label));
  if (network.noRevoke) texts[descriptorKeys.noRevoke] = network.noRevoke;
  if (network.withoutPublicMedia) texts[descriptorKeys.withoutPublicMedia] = network.withoutPublicMedia;
  if (network.accountsNoun) texts[descriptorKeys.accountsNoun] = network.accountsNoun;
  if (network.signIn) {
    texts[descriptorKeys.identifierHint] = network.signIn.identifierHint;
    texts[descriptorKeys.appPasswordHint] = network.signIn.appPasswordHint;
  }
  (network.outgoing?.(config as never) ?? []).forEach((sentence, index) => (texts[descriptorKeys.outgoing(index)] = template(sentence)));
  return texts;
}

/** Every `descriptor.*` text of one language of the network's translations, by its dotted key. */
export function descriptorTranslations(network: NetworkDescriptor, language: keyof NetworkDescriptor['messages']): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') out[prefix] = value;
    else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, `${prefix}.${key}`);
  };
  walk(network.messages[language].descriptor, 'descriptor');
  return out;
}

/** A rule's words in one language, read through its key as the composer and the server read them (its English when it has no key). */
export function ruleIn(language: 'en' | 'fr', problem: RuleProblem): string {
  if (typeof problem === 'string' || !problem.key) return typeof problem === 'string' ? problem : problem.message;
  const namespace = problem.key.split(':')[0] as Namespace;
  return translator(language, namespace)(problem.key, problem.values ?? {});
}
