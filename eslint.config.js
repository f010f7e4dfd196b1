import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Network ids are the folder names under src/networks: a new network folder extends this rule by itself.
const networkIds = fs
  .readdirSync(new URL('./src/networks/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const idPattern = networkIds.join('|');
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
    // Routes parse, check and call a service: SQL lives in repositories.
    files: ['**/*.routes.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'drizzle-orm', message: 'Routes call services; queries belong in a *.repository.ts.' }], patterns: [{ group: ['drizzle-orm/*'], message: 'Routes call services; queries belong in a *.repository.ts.' }] }] },
  },
);
