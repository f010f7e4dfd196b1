// Lints docs/openapi.json with redocly.yaml (the `recommended` rules, differences explained there).
// Any problem, warning or error, fails: the document is what API users and the client package read.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblems, getTotals, lintFromString, loadConfig } from '@redocly/openapi-core';

const configPath = fileURLToPath(new URL('../redocly.yaml', import.meta.url));
const documentPath = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

/** Lints an OpenAPI document's text with Herald's redocly.yaml. */
export async function lintOpenApi(source: string, absoluteRef = documentPath) {
  const config = await loadConfig({ configPath });
  return lintFromString({ source, absoluteRef, config });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = await lintOpenApi(fs.readFileSync(documentPath, 'utf8'));
  const totals = getTotals(problems);
  if (problems.length) {
    formatProblems(problems, { format: 'codeframe', totals, version: 'herald' });
    process.exitCode = 1;
  }
  console.log(`docs/openapi.json: ${totals.errors} errors, ${totals.warnings} warnings`);
}
