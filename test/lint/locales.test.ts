import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../src/web/i18n/languages.ts';
import { supportedLanguages as serverLanguages } from '../../src/shared/languages.ts';
import { networkFolders, networksRoot, readLocaleFile } from './locale-files.ts';

// Every language has every namespace and every key of English, each non-empty and with the same
// {{placeholders}}: a missing French string would show as its English fallback, unnoticed.

const readFile = readLocaleFile;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
// Plural forms differ by language (French and English both have _one and _other): compare the base key.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

// The web app's strings (bundled by Vite) and the server's (e-mails, pages) are folders of namespaces,
// <root>/<language>/<namespace>.json; the networks' are a file per language, the rules they share in
// src/networks/locales and each network's own in its folder (namespace `network-<id>`). All checked alike.
type Side = { name: string; languages: readonly string[]; namespaces: string[]; file: (language: string, namespace: string) => string; layout: () => void };
const folderSide = (name: string, root: string, languages: readonly string[]): Side => ({
  name,
  languages,
  namespaces: fs.readdirSync(path.join(root, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)),
  file: (language, namespace) => path.join(root, language, `${namespace}.json`),
  layout: () => expect(fs.readdirSync(root).sort()).toEqual([...languages].sort()),
});
const networkLocaleFolder = (namespace: string) => path.join(networksRoot, namespace === 'networks' ? '' : namespace.replace(/^network-/, ''), 'locales');
const networksSide: Side = {
  name: 'networks',
  languages: supportedLanguages,
  namespaces: ['networks', ...networkFolders.map((d) => `network-${d}`)],
  file: (language, namespace) => path.join(networkLocaleFolder(namespace), `${language}.json`),
  layout: () => {
    for (const namespace of networksSide.namespaces) {
      expect(fs.readdirSync(networkLocaleFolder(namespace)).sort(), namespace).toEqual(supportedLanguages.map((l) => `${l}.json`).sort());
    }
  },
};
const sides = [folderSide('web', path.resolve('src/web/locales'), supportedLanguages), folderSide('server', path.resolve('src/server/locales'), serverLanguages), networksSide];

describe.each(sides)('translations of the $name', ({ languages, namespaces, file, layout }) => {
  const read = (language: string, namespace: string) => readFile(file(language, namespace));

  it('has a file per supported language and nothing else', () => {
    layout();
  });

  for (const language of languages.filter((l) => l !== 'en')) {
    for (const namespace of namespaces) {
      it(`${language}/${namespace}.json has every key of English, non-empty, with the same placeholders`, () => {
        const english = read('en', namespace);
        const other = read(language, namespace);
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
      const english = read('en', namespace);
      for (const language of languages) {
        for (const [key, text] of read(language, namespace)) {
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

// A rule names its translation by key (`key: 'network-x:rules.pollNoMedia'`): a key that is not in
// English would silently show the English message in every language.
it('every rule key written in the networks and the shared rules is in the English translations', () => {
  const sources = [path.resolve('src/shared/publishing-rules.ts')];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) sources.push(full);
    }
  };
  walk(networksRoot);
  const missing: string[] = [];
  for (const source of sources) {
    for (const match of fs.readFileSync(source, 'utf8').matchAll(/key: '((?:networks|network-[a-z-]+):[\w.]+)'/g)) {
      const [namespace, key] = match[1]!.split(':') as [string, string];
      const english = readFile(networksSide.file('en', namespace));
      if (![...english.keys()].some((k) => k === key || base(k) === key || k.startsWith(`${key}.`))) missing.push(`${path.relative(process.cwd(), source)}: ${match[1]}`);
    }
  }
  expect(missing).toEqual([]);
});
