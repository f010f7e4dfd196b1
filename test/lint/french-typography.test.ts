import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, networkFolders, networksRoot } from './locale-files.ts';

// French typography, checked on every French string Herald shows (ADR 0035): the typographic
// apostrophe ’, a non-breaking space before : ; ! ? and inside « » (never "…" or “…”), the ellipsis
// character, a non-breaking space before a percentage sign, no double spaces. A plain space before
// a colon lets the browser break the line between a word and its colon, which a French reader sees
// at once; a straight apostrophe or "..." reads as untranslated text.

const isNonBreaking = (char: string) => char === '\u00a0' || char === '\u202f';

// Text that is not prose keeps its own characters: {{placeholders}} (and i18next's $t(ns:key)
// nesting), HTML tags with their attributes (<a href='…'>), `code` and <code>code</code>, and URLs
// (https://…?a=b, and a bare “https://” that names the scheme). Each is replaced by one marker
// character, which counts as a character: the rules below see the words around it (“{{name}}:”
// lacks its space as much as “nom:” does) but nothing inside it.
const MARKER = '\u0000';
const notProse = [
  /\$t\([^)]*\)/g,
  /\{\{[^}]*\}\}/g,
  /<code>[\s\S]*?<\/code>/g,
  /<\/?[a-zA-Z0-9][^<>]*>/g,
  /`[^`]*`/g,
  /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s<>«»`]*[^\s<>«»`.,;:!?)])?/gi,
  /\bmailto:[^\s<>«»`]+/gi,
];
function prose(text: string): string {
  return notProse.reduce((out, pattern) => out.replace(pattern, MARKER), text);
}

const before = (text: string, i: number) => text[i - 1] ?? '';
const after = (text: string, i: number) => text[i + 1] ?? '';
const isNumber = (char: string) => /[\d\0]/.test(char);

function typographyProblems(text: string): string[] {
  const problems: string[] = [];
  const words = prose(text);
  if (words.includes("'")) problems.push("straight apostrophe ' (write ’)");
  for (let i = 0; i < words.length; i++) {
    const char = words[i]!;
    if (':;!?'.includes(char)) {
      const previous = before(words, i);
      // Exceptions, each one not prose: a colon with no space on either side is part of a value, a
      // time or a ratio (10:00, 16:9, {{minutes}}:{{seconds}}) or an identifier (did:plc:…), never
      // French punctuation, which is always followed by a space; in a run such as “?!” only the
      // first sign takes the space. Everything else needs its non-breaking space, including a sign
      // right after a placeholder (“{{name}}:”) and a sign that starts the string: such a string is
      // written after another one (“ : this workspace is ready.”), so it must bring its own space.
      const insideValue = char === ':' && /\S/.test(previous) && /\S/.test(after(words, i));
      if (insideValue || (previous !== '' && '?!'.includes(previous))) continue;
      if (!isNonBreaking(previous)) problems.push(`“${char}” needs a non-breaking space before it`);
    }
    if (char === '«' && !isNonBreaking(after(words, i))) problems.push('“«” needs a non-breaking space after it');
    if (char === '»' && !isNonBreaking(before(words, i))) problems.push('“»” needs a non-breaking space before it');
    // A percentage after a number or a placeholder is a unit: 50 %, {{rate}} %, with a non-breaking
    // space (none at all, or an ordinary one, are both wrong).
    if (char === '%') {
      const amount = before(words, i) === ' ' ? before(words, i - 1) : before(words, i);
      if (isNumber(amount)) problems.push('“%” needs a non-breaking space before it');
    }
  }
  if (/["“”]/.test(words)) problems.push('English quotation marks (write «\u00a0…\u00a0»)');
  if (words.includes('...')) problems.push('three dots (write …)');
  if (/[ \u00a0\u202f]{2}/.test(words)) problems.push('double space');
  return [...new Set(problems)];
}


// The same files test/lint/locales.test.ts checks: the web app's and the server's namespaces, the
// rules the networks share, and each network's own words.
const frenchFolder = (root: string) => fs.readdirSync(path.join(root, 'fr')).filter((f) => f.endsWith('.json')).map((f) => path.join(root, 'fr', f));
const frenchFiles = [
  ...frenchFolder(path.resolve('src/web/locales')),
  ...frenchFolder(path.resolve('src/server/locales')),
  path.join(networksRoot, 'locales', 'fr.json'),
  ...networkFolders.map((d) => path.join(networksRoot, d, 'locales', 'fr.json')),
];

describe('the typography checker', () => {
  it.each([
    ["Impossible d'enregistrer", 'straight apostrophe'],
    ['Canal :\u00a0X', 'non-breaking space'],
    ['Statut : publié', '“:” needs'],
    ['Statut: publié', '“:” needs'],
    ['{{name}}: publié', '“:” needs'],
    ['url : doit commencer par https://', '“:” needs'],
    [': cet espace de travail est prêt.', '“:” needs'],
    ['<1>Attention</1> : ce canal', '“:” needs'],
    ['Supprimer ce canal ?', '“?” needs'],
    ['Enregistré !', '“!” needs'],
    ['un ; deux', '“;” needs'],
    ['le mot «\u00a0canal »', '“»” needs'],
    ['le mot « canal\u00a0»', '“«” needs'],
    ['»\u00a0fin', '“»” needs'],
    ['Chargement...', 'three dots'],
    ['le bouton "Publier"', 'quotation marks'],
    ['le bouton “Publier”', 'quotation marks'],
    ['50 % des publications', '“%” needs'],
    ['{{rate}}% de réussite', '“%” needs'],
    ['Une  publication', 'double space'],
    ['Canal\u00a0 : X', 'double space'],
  ])('finds the fault in %j', (text, fault) => {
    expect(typographyProblems(text).join('\n')).toContain(fault);
  });

  it.each([
    'Impossible d’enregistrer la publication.',
    'Statut\u00a0: publié\u00a0; canal\u202f: X',
    'Supprimer ce canal\u00a0?',
    'Enregistré\u00a0!',
    'Vraiment\u00a0?!',
    'le mot «\u00a0canal\u00a0»',
    'Chargement…',
    '50\u00a0% des publications, {{rate}}\u202f% de réussite',
    'Ouvrez https://example.com/a?b=c:d pour voir',
    'Écrivez `a:b` ou <a href=\'https://x.test\'>ici</a> ou <a href="/profile">là</a>',
    '{{count}} publications, $t(network-x:rules.where.{{where}})',
    'Publié à 10:00, format 16:9, durée {{minutes}}:{{seconds}}, compte did:plc:…',
    'Envoyez <code>Authorization: Bearer …</code>. L’URL commence par https:// ou http://',
    '\u00a0: cet espace de travail est prêt.',
    'Taux de 100\u00a0%',
  ])('accepts %j', (text) => {
    expect(typographyProblems(text)).toEqual([]);
  });
});

describe.each(frenchFiles.map((file) => ({ file: path.relative(process.cwd(), file) })))('French typography in $file', ({ file }) => {
  it('writes every string with French typography', () => {
    const faults: string[] = [];
    for (const [key, text] of flatten(JSON.parse(fs.readFileSync(file, 'utf8')))) {
      for (const problem of typographyProblems(text)) faults.push(`${file} ${key}: ${problem}\n    ${JSON.stringify(text)}`);
    }
    expect(faults).toEqual([]);
  });
});
