import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../src/web/i18n/languages.ts';
import { supportedLanguages as serverLanguages } from '../../src/shared/languages.ts';

// Every language has every namespace and every key of English, each non-empty and with the same
// {{placeholders}}: a missing French string would show as its English fallback, unnoticed.

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(name, child);
    else for (const [k, v] of flatten(child, name)) out.set(k, v);
  }
  return out;
}
const read = (root: string, language: string, namespace: string) => flatten(JSON.parse(fs.readFileSync(path.join(root, language, `${namespace}.json`), 'utf8')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
// Plural forms differ by language (French and English both have _one and _other): compare the base key.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

// The web app's strings (bundled by Vite) and the server's (e-mails, pages), checked alike.
const sides = [
  { name: 'web', root: path.resolve('src/web/locales'), languages: supportedLanguages },
  { name: 'server', root: path.resolve('src/server/locales'), languages: serverLanguages },
];

describe.each(sides)('translations of the $name', ({ root, languages }) => {
  const namespaces = fs.readdirSync(path.join(root, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

  it('has a folder per supported language and nothing else', () => {
    expect(fs.readdirSync(root).sort()).toEqual([...languages].sort());
  });

  for (const language of languages.filter((l) => l !== 'en')) {
    for (const namespace of namespaces) {
      it(`${language}/${namespace}.json has every key of English, non-empty, with the same placeholders`, () => {
        const english = read(root, 'en', namespace);
        const other = read(root, language, namespace);
        const englishBases = new Set([...english.keys()].map(base));
        const otherBases = new Set([...other.keys()].map(base));
        expect([...englishBases].filter((k) => !otherBases.has(k)), 'missing').toEqual([]);
        expect([...otherBases].filter((k) => !englishBases.has(k)), 'not in English').toEqual([]);
        for (const [key, text] of other) {
          expect(text.trim(), key).not.toBe('');
          const englishText = english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key));
          if (englishText !== undefined) expect(placeholders(text), key).toEqual(placeholders(englishText));
        }
      });
    }
  }

  // <Trans> parses the text as HTML: a void element's name (<link>, <input>…) closes at once, and the
  // link's words vanish (a sign-in link with no name was seen). Each language must also keep every
  // tag English has, or a link or <strong> disappears in that language only.
  const voidElements = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'];
  const tagsOf = (text: string) => [...text.matchAll(/<([a-zA-Z][\w-]*)>/g)].map((m) => m[1]!).sort();
  for (const namespace of namespaces) {
    it(`${namespace}: <Trans> tags are not HTML void elements and every language has English's`, () => {
      const english = read(root, 'en', namespace);
      for (const language of languages) {
        for (const [key, text] of read(root, language, namespace)) {
          expect(tagsOf(text).filter((tag) => voidElements.includes(tag)), `${language} ${key}`).toEqual([]);
          const englishText = english.get(key);
          if (englishText !== undefined) expect(tagsOf(text), `${language} ${key}`).toEqual(tagsOf(englishText));
        }
      }
    });
  }
});

it('the server speaks the languages the web app does', () => {
  expect([...serverLanguages]).toEqual([...supportedLanguages]);
});
