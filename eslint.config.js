import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import i18next from 'eslint-plugin-i18next';

// Network ids are the folder names under src/networks: a new network folder extends this rule by itself.
const networkIds = fs
  .readdirSync(new URL('./src/networks/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const idPattern = networkIds.join('|');
// The web folders whose screens speak through i18next (src/web/locales): text written straight into
// their JSX, or into an aria-label, title, alt or placeholder, would stay English in every language.
// A folder joins the list once its strings are in its namespace.
const translatedWebFolders = [
  'src/web/app.tsx',
  'src/web/components',
  'src/web/modules/auth',
  'src/web/modules/onboarding',
  'src/web/modules/invitations',
  'src/web/modules/developers',
  'src/web/modules/posts',
  'src/web/modules/queue',
  'src/web/modules/members',
  'src/web/modules/approvals',
  'src/web/modules/comments',
  'src/web/modules/notifications',
  'src/web/modules/activity',
  'src/web/modules/ideas',
  'src/web/modules/agency',
  'src/web/modules/admin',
  'src/web/modules/analytics',
  'src/web/modules/media-library',
  'src/web/modules/bulk-csv',
  'src/web/modules/feeds',
  'src/web/modules/snippets',
  'src/web/modules/channels',
  'src/web/modules/webhooks',
  'src/web/modules/api-keys',
  'src/web/modules/profile',
  'src/web/modules/workspaces',
  // Each network's composer panel, preview and connect form (their words in the folder's locales/).
  'src/networks/*/web',
];
const onlyInNetworkFolder = 'names a network: only its folder (src/networks/<id>/) may; ask the registry (src/networks/index.ts, server.ts, web.ts) instead';

export default tseslint.config(
  { ignores: ['dist/', 'packages/*/dist/', 'data/', 'node_modules/', 'src/server/db/migrations/', 'test/e2e/screenshots/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Nothing outside a network's own folder knows a network by name (tests and generated API types excepted).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/networks/*/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=/^(${idPattern})$/]`, message: `This string ${onlyInNetworkFolder}.` },
        { selector: `TemplateElement[value.raw=/^(${idPattern})$/]`, message: `This template ${onlyInNetworkFolder}.` },
        { selector: `MemberExpression > Identifier.property[name=/^(${idPattern})([A-Z]|$)/]`, message: `This property ${onlyInNetworkFolder}.` },
        { selector: `Property > Identifier.key[name=/^(${idPattern})([A-Z]|$)/]`, message: `This key ${onlyInNetworkFolder}.` },
      ],
    },
  },
  {
    // No untranslated text in a translated screen (see translatedWebFolders).
    files: translatedWebFolders.map((folder) => (folder.endsWith('.tsx') ? folder : `${folder}/**/*.tsx`)),
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          // Text between tags, and strings anywhere inside JSX except in attributes other than these.
          mode: 'jsx-only',
          'jsx-attributes': { include: ['aria-label', 'title', 'alt', 'placeholder'] },
          // Arguments of calls (`t('key')`, `field('name')`, `fmt(x, 'short')`) and object values
          // (`{ dateStyle: 'medium' }`) are code, not text.
          callees: { exclude: ['.*'] },
          'object-properties': { exclude: ['.*'] },
          // The plugin's own list (punctuation, CONSTANTS, entities, emoji), plus symbols, the product's
          // name, and addresses shown as examples (mastodon.social, https://example.com/feed.xml).
          words: {
            exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', /^\p{Emoji}+$/u, /^[\p{S}\p{P}\s]+$/u, /^Herald$/, /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/],
          },
        },
      ],
    },
  },
  {
    // Routes parse, check and call a service: SQL lives in repositories.
    files: ['**/*.routes.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'drizzle-orm', message: 'Routes call services; queries belong in a *.repository.ts.' }], patterns: [{ group: ['drizzle-orm/*'], message: 'Routes call services; queries belong in a *.repository.ts.' }] }] },
  },
);
