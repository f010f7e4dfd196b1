import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import enErrors from '../../src/server/locales/en/errors.json' with { type: 'json' };

// Every error a person can meet in the web app is answered in their language: its code needs a
// sentence in errors.json (test/lint/locales.test.ts then checks every language has it), and a
// sentence written whole in the source must be the English of one of its code's keys, or the
// translation would never be picked (the error handler matches the English exactly).

const serverRoot = path.resolve('src/server');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// Codes only API users, the MCP tools or the networks' servers meet: the web app never calls
// these routes, so their English stays the answer for now.
const apiOnly = new Set([
  'api_key.missing',
  'api_key.not_member',
  'api_key.workspace_key_required',
  'postiz.connect_in_web_app',
  'media.url_not_public',
  'media.url_unreachable',
  'network_callback.refused',
  'route.not_found',
  'auth.endpoint_not_available',
]);

/** `message` when written whole; `borrowed` when the words are another error's (a network's ProviderError): those have none of Herald's own. */
type Site = { code: string; message?: string; borrowed?: boolean; where: string };
const helperArgs: Record<string, (args: readonly ts.Expression[]) => { code?: ts.Expression; message?: ts.Expression }> = {
  invalid: ([code, message]) => ({ code, message }),
  conflict: ([code, message]) => ({ code, message }),
};

function errorSites(): Site[] {
  const sites: Site[] = [];
  for (const file of sources(serverRoot)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node) => {
      let code: ts.Expression | undefined;
      let message: ts.Expression | undefined;
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'AppError') [code, , message] = node.arguments ?? [];
      else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helperArgs[node.expression.text]) ({ code, message } = helperArgs[node.expression.text]!(node.arguments));
      else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'notFound' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const entity = node.arguments[0].text;
        sites.push({ code: `${entity}.not_found`, message: node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : `${entity[0]!.toUpperCase()}${entity.slice(1)} not found`, where: where(node) });
      }
      if (code && ts.isStringLiteralLike(code)) {
        const borrowed = !!message && ts.isPropertyAccessExpression(message) && message.name.text === 'message';
        sites.push({ code: code.text, message: message && ts.isStringLiteralLike(message) ? message.text : undefined, borrowed, where: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

const english = enErrors as Record<string, string>;
const sentencesOf = (code: string) => Object.entries(english).filter(([key]) => key.replace(/_(one|other)$/, '').split('#')[0] === code).map(([, text]) => text);

describe('error sentences', () => {
  const sites = errorSites();

  it('finds the error sites', () => {
    expect(sites.length).toBeGreaterThan(150);
  });

  it('every error code written in the server has its sentences in errors.json', () => {
    const missing = sites.filter((s) => !apiOnly.has(s.code) && !s.borrowed && !sentencesOf(s.code).length).map((s) => `${s.where}: ${s.code}`);
    expect(missing).toEqual([]);
  });

  it('every sentence written whole in the source is one of its code’s English sentences', () => {
    const validationLed = /^[\w.-]+: /;
    const unknown = sites
      .filter((s) => s.message !== undefined && !apiOnly.has(s.code) && !(s.code === 'validation_failed' && validationLed.test(s.message)))
      .filter((s) => !sentencesOf(s.code).includes(s.message!))
      .map((s) => `${s.where}: ${s.code} "${s.message}"`);
    expect(unknown).toEqual([]);
  });
});
