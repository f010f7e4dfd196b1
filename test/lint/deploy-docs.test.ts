import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The scaled-mode documentation cannot be run here (no container registry): this keeps what it
// names real. Settings come from docs/configuration.md, which is generated from config.ts.
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const settings = new Set([...read('docs/configuration.md').matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!));
const readme = read('README.md');
const scaledSection = readme.slice(readme.indexOf('## Scaled mode\n'), readme.indexOf('\n## ', readme.indexOf('## Scaled mode\n') + 1));
const documents = {
  'docs/deploy/compose.yml': read('docs/deploy/compose.yml'),
  'docs/deploy/env.example': read('docs/deploy/env.example'),
  'README.md, Scaled mode': scaledSection,
};
// Not settings: read by one command (user:create's password), by Node, or by other programs.
const notHerald = new Set(['HERALD_NEW_PASSWORD', 'NODE_ENV', 'POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB', 'MINIO_ROOT_USER', 'MINIO_ROOT_PASSWORD']);

describe('docs: the scaled mode names only what exists', () => {
  it('every Herald setting named is in docs/configuration.md', () => {
    expect(settings.size).toBeGreaterThan(40);
    for (const [name, text] of Object.entries(documents)) {
      const named = new Set([...text.matchAll(/\b(HERALD_[A-Z0-9_]+|DATABASE_URL|PORT|HOST)\b/g)].map((m) => m[1]!));
      const unknown = [...named].filter((n) => !settings.has(n) && !notHerald.has(n) && !n.endsWith('_'));
      expect(unknown, name).toEqual([]);
    }
  });

  it('every herald command named is one the CLI has', () => {
    const usage = read('src/server/cli.ts') + read('src/server/operations/commands.ts');
    const named = new Set<string>();
    for (const [name, text] of Object.entries(documents)) {
      for (const [, command] of text.matchAll(/bin\/herald\.js['",\s]+([a-z:-]+)/g)) {
        named.add(command!);
        expect(usage, `${name}: ${command}`).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
      }
    }
    expect([...named].sort()).toEqual(['move-to-postgres', 'serve', 'worker']);
  });
});
