// Writes packages/herald-client/src/schema.gen.ts from docs/openapi.json: the types of the client
// package (@herald/client), which Herald's web app uses too, so request and answer types come from
// the route schemas instead of being written by hand a second time.
// `--check` fails when the committed file differs (run gen-openapi.ts first if routes changed).
import fs from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const source = new URL('../docs/openapi.json', import.meta.url);
const target = new URL('../packages/herald-client/src/schema.gen.ts', import.meta.url);

const document = JSON.parse(fs.readFileSync(source, 'utf8')) as Parameters<typeof openapiTS>[0];
// Routes that answer files, redirects or tus bytes have no JSON schema: their type stays `unknown`
// rather than `Record<string, never>`, so no caller can pretend to know it.
const ast = await openapiTS(document, { alphabetize: true, emptyObjectsUnknown: true, defaultNonNullable: true });
const text = `// Generated from docs/openapi.json by \`npx tsx scripts/gen-web-api-types.ts\`; do not edit by hand.
${astToString(ast)}`;

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('packages/herald-client/src/schema.gen.ts is out of date: run `npx tsx scripts/gen-web-api-types.ts` and commit it.');
    process.exit(1);
  }
  console.log('packages/herald-client/src/schema.gen.ts is up to date');
} else {
  fs.writeFileSync(target, text);
  console.log('wrote packages/herald-client/src/schema.gen.ts');
}
