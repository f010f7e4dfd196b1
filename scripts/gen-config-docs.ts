// Writes docs/configuration.md from the settings table in src/server/config/config.ts.
// `--check` fails when the committed file is out of date (CI runs it).
import fs from 'node:fs';
import { settings } from '../src/server/config/config.ts';

const rows = Object.values(settings).map(
  (s) => `| \`${s.env}\` | ${s.default === undefined ? '—' : `\`${s.default}\``} | ${s.doc.replace(/\|/g, '\\|')} |`,
);
const text = `# Configuration

Herald reads every setting from the environment. All of them are checked at start: a wrong value
stops Herald with one message listing every problem. This file is generated from
\`src/server/config/config.ts\` by \`npm run docs:config\`; do not edit it by hand.

| Variable | Default | Meaning |
|---|---|---|
${rows.join('\n')}
`;

const target = new URL('../docs/configuration.md', import.meta.url);
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('docs/configuration.md is out of date: run `npm run docs:config` and commit it.');
    process.exit(1);
  }
  console.log('docs/configuration.md is up to date');
} else {
  fs.writeFileSync(target, text);
  console.log('wrote docs/configuration.md');
}
