import fs from 'node:fs';
import path from 'node:path';

// What the locale checks share: a translation file read as flat `a.b.c` keys, and where the
// networks keep theirs (src/networks/locales for the rules they share, <network>/locales for each).

export function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(name, child);
    else for (const [k, v] of flatten(child, name)) out.set(k, v);
  }
  return out;
}

export const readLocaleFile = (file: string) => flatten(JSON.parse(fs.readFileSync(file, 'utf8')));

export const networksRoot = path.resolve('src/networks');
export const networkFolders = fs.readdirSync(networksRoot).filter((d) => fs.existsSync(path.join(networksRoot, d, 'descriptor.ts')));
