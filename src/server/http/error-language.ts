import type { z } from 'zod';
import zodEnglish from 'zod/v4/locales/en.js';
import zodFrench from 'zod/v4/locales/fr.js';
import enErrors from '../locales/en/errors.json' with { type: 'json' };
import { translator, type Namespace } from '../i18n/i18n.ts';
import { defaultLanguage, type Language } from '../../shared/languages.ts';
import { descriptors } from '../../networks/index.ts';
import { descriptorKeys } from '../../networks/texts.ts';
import type { IssueText, MessageValues } from '../modules/shared/errors.ts';

// errors.json is keyed by error code; a code answered with several sentences has one key per
// sentence, `code#variant`. Which one a message is: the one whose English, filled with the
// error's values, is the message itself. So a sentence is only ever replaced by its own
// translation, and a message errors.json does not know (or knows without its values) stays English.
// `issue#…` keys are not a code: they are the words of a field's problem in details.issues.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const keysByCode = new Map<string, string[]>();
for (const key of new Set(Object.keys(enErrors).map((k) => k.replace(pluralSuffix, '')))) {
  const code = key.split('#')[0]!;
  keysByCode.set(code, [...(keysByCode.get(code) ?? []), key]);
}
// A code's `#variant` sentences are tried before its plain one: they are the more particular words.
for (const keys of keysByCode.values()) keys.sort((a, b) => Number(!a.includes('#')) - Number(!b.includes('#')));

// Words Herald puts into a sentence as a value (what a refused file was found to be, the types it
// accepts) have their own `value#<name>.<id>` entries: a value of that name equal to one's English
// is said in the reader's language. By name, so a field called "text" stays a field name.
// An entry with placeholders ("a {{format}} file") stands for every value of its shape.
type ValueWords = { key: string; shape: RegExp; names: string[] };
const valueWords = new Map<string, ValueWords[]>();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
for (const [key, text] of Object.entries(enErrors as Record<string, string>)) {
  const name = /^value#([^.]+)\./.exec(key)?.[1];
  if (!name) continue;
  const parts = text.split(/\{\{(\w+)\}\}/);
  const names = parts.filter((_, i) => i % 2 === 1);
  const shape = new RegExp(`^${parts.map((part, i) => (i % 2 === 1 ? '(.+?)' : escape(part))).join('')}$`);
  // Exact words before shapes: "a WAV audio file" is its own entry, not "a {{format}} file".
  valueWords.set(name, [...(valueWords.get(name) ?? []), { key, shape, names }].sort((a, b) => a.names.length - b.names.length));
}
const plain = { keySeparator: false as const, nsSeparator: false as const };

function sayValue(t: ReturnType<typeof translator>, name: string, value: string | number): string | number {
  if (typeof value !== 'string') return value;
  for (const words of valueWords.get(name) ?? []) {
    const found = words.shape.exec(value);
    if (found) return t(words.key, { ...Object.fromEntries(words.names.map((n, i) => [n, found[i + 1]])), ...plain });
  }
  return value;
}

function sayValues(language: Language, values: MessageValues | undefined): MessageValues | undefined {
  if (!values) return values;
  const t = translator(language, 'errors');
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, sayValue(t, name, value)]));
}

/** An error's message in `language`: its translation when errors.json has this very sentence, else the English given. */
export function errorMessage(language: Language, code: string, message: string, values?: MessageValues): string {
  if (language === defaultLanguage) return message;
  const options = { ...values, ...plain };
  const english = translator(defaultLanguage, 'errors');
  const key = keysByCode.get(code)?.find((k) => english(k, options) === message);
  return key ? translator(language, 'errors')(key, { ...sayValues(language, values), ...plain }) : message;
}

// A connect form a network checks (Bluesky's handle and app password) is refused with the hint of
// its descriptor ("must be a handle like …"), which the network's translations already say.
const signInHintNames = ['identifierHint', 'appPasswordHint', 'oauthIdentifierHint'] as const;
const signInHints = new Map(
  descriptors.flatMap((d) => signInHintNames.flatMap((name) => (d.signIn?.[name] ? [[d.signIn[name], { namespace: `network-${d.id}` as Namespace, key: descriptorKeys[name] }] as const] : []))),
);

/** A field's problem written whole (errors.json's `issue#…` sentences, a network's sign-in hint) in `language`; else as it is. */
export function fieldIssueMessage(language: Language, message: string): string {
  const hint = signInHints.get(message);
  if (hint && language !== defaultLanguage) return translator(language, hint.namespace)(hint.key, { defaultValue: message });
  return errorMessage(language, 'issue', message);
}

/** A rule issue's message in `language`, through its key (`networks:rules.tooLong`); the English when the key has no translation. */
export function issueMessage(language: Language, text: IssueText | undefined, message: string): string {
  if (!text || language === defaultLanguage) return message;
  const split = text.key.indexOf(':');
  if (split < 0) return message;
  return translator(language, text.key.slice(0, split) as Namespace)(text.key.slice(split + 1), { ...text.values, defaultValue: message });
}

// zod's own words for a schema's failures, in each language it ships; a message written in a schema
// (`must not be empty`) is Herald's own, said by errors.json's `issue#…` sentences instead.
const zodWords: Record<Language, () => { localeError: z.core.$ZodErrorMap }> = { en: zodEnglish, fr: zodFrench };

/** A schema issue's message in `language` when it is zod's default English, else as it is. */
export function schemaIssueMessage(language: Language, issue: object, message: string): string {
  if (language === defaultLanguage) return message;
  const say = (map: z.core.$ZodErrorMap) => {
    const said = map(issue as z.core.$ZodRawIssue);
    return typeof said === 'string' ? said : said?.message;
  };
  if (say(zodWords[defaultLanguage]().localeError) !== message) return message;
  return say(zodWords[language]().localeError) ?? message;
}
