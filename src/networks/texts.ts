// Where a network's descriptor texts are found in its translations (its folder's
// locales/<language>.json, namespace `network-<id>`). The descriptor keeps the English, which is the
// API's wording and every language's fallback; these keys name the same sentences elsewhere.
import type { PolicySentence } from './types.ts';

/** A scope as a translation key: i18next reads `.` and `:` as separators (`tweet.read` → `tweet_read`). */
export const scopeKey = (scope: string) => scope.replace(/[^A-Za-z0-9_-]/g, '_');

/** The keys of the descriptor's own sentences, under `descriptor.` in the network's file. */
export const descriptorKeys = {
  scopeMeaning: (scope: string) => `descriptor.scopeMeanings.${scopeKey(scope)}`,
  noRevoke: 'descriptor.noRevoke',
  withoutPublicMedia: 'descriptor.withoutPublicMedia',
  accountsNoun: 'descriptor.accountsNoun',
  termsLabel: (index: number) => `descriptor.terms.${index}`,
  identifierHint: 'descriptor.signIn.identifierHint',
  oauthIdentifierHint: 'descriptor.signIn.oauthIdentifierHint',
  appPasswordHint: 'descriptor.signIn.appPasswordHint',
  outgoing: (index: number) => `descriptor.outgoing.${index}`,
} as const;

/**
 * A /privacy sentence in another language. The translation is one string where `{{code0}}`,
 * `{{code1}}`… stand for the sentence's `{ code }` parts in their English order (addresses and
 * setting names, never translated); without a translation the English sentence is kept.
 */
export function localizeSentence(sentence: PolicySentence, template: string | undefined): PolicySentence {
  if (!template) return sentence;
  const codes = sentence.filter((part): part is { code: string } => typeof part !== 'string');
  const out: PolicySentence = [];
  for (const [i, piece] of template.split(/\{\{\s*code(\d+)\s*\}\}/).entries()) {
    if (i % 2 === 0) {
      if (piece) out.push(piece);
    } else {
      const code = codes[Number(piece)];
      if (code) out.push(code);
    }
  }
  return out;
}
