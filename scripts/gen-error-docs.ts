// Writes docs/errors.md: every error code Herald can answer, found by reading the server's sources
// with the TypeScript compiler (AppError constructions, the helpers that build one, the
// `{ error: { code } }` answers written by hand) plus the two libraries whose codes Herald passes
// on (Fastify's client errors as `request.*`, better-auth's as `auth.*`).
// `--check` fails when the committed file differs, so a new code is documented with the change.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { errorCodes as fastifyErrorCodes } from 'fastify';
import { BASE_ERROR_CODES } from 'better-auth';
import { TWO_FACTOR_ERROR_CODES } from 'better-auth/plugins';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(root, 'src/server');
const networksDir = path.join(root, 'src/networks');
const target = path.join(root, 'docs/errors.md');

type Entry = { statuses: Set<string>; where: Set<string>; meanings: string[] };
const codes = new Map<string, Entry>();
const unresolved: string[] = [];

function record(code: string, status: number | undefined, where: string, meaning: string | undefined) {
  const entry = codes.get(code) ?? { statuses: new Set(), where: new Set(), meanings: [] };
  entry.statuses.add(status === undefined ? 'varies' : String(status));
  entry.where.add(where);
  if (meaning && !entry.meanings.includes(meaning)) entry.meanings.push(meaning);
  codes.set(code, entry);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : sourceFiles(full);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The module a file belongs to: `channels` for src/server/modules/channels/…, `networks/tiktok` for a network's folder, else its folder. */
function whereOf(file: string): string {
  if (file.startsWith(networksDir + path.sep)) return `networks/${path.relative(networksDir, file).split(path.sep)[0]}`;
  const rel = path.relative(serverDir, file).split(path.sep);
  return rel[0] === 'modules' ? rel[1]! : rel.length > 1 ? rel[0]! : path.basename(file, '.ts');
}

// A value may be one of several strings (a conditional) or unknown (null).
type Values = string[] | null;
type Scope = Map<string, Values>;

/** The strings an expression can be, given what its parameters are bound to in `scope`. */
function evaluate(node: ts.Expression, scope: Scope, file: ts.SourceFile): Values {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return evaluate(node.expression, scope, file);
  if (ts.isIdentifier(node)) return scope.get(node.text) ?? constStrings(node.text, file);
  // Property accesses (error.code) are known only when a guarding Set bound them, by source text.
  if (ts.isPropertyAccessExpression(node)) return scope.get(node.getText(file)) ?? null;
  if (ts.isConditionalExpression(node)) {
    const guard = guardingSet(node.condition, file);
    const whenTrue = evaluate(node.whenTrue, guard ? new Map([...scope, [guard.name, guard.values]]) : scope, file);
    const whenFalse = evaluate(node.whenFalse, scope, file);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  if (ts.isTemplateExpression(node)) {
    let results = [node.head.text];
    for (const span of node.templateSpans) {
      const parts = evaluate(span.expression, scope, file);
      if (!parts) return null;
      results = results.flatMap((r) => parts.map((p) => r + p + span.literal.text));
    }
    return results;
  }
  return null;
}

/** `const name = 'literal'` at the top of the file. */
function constStrings(name: string, file: ts.SourceFile): Values {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && ts.isStringLiteralLike(d.initializer)) return [d.initializer.text];
    }
  }
  return null;
}

/**
 * `knownCodes.has(error.code) ? `channel.${error.code}` : …`: inside the true branch the
 * expression is one of the Set's literals, so the template expands to each of them.
 */
function guardingSet(condition: ts.Expression, file: ts.SourceFile): { name: string; values: string[] } | undefined {
  let found: { name: string; values: string[] } | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'has' && node.arguments.length === 1) {
      const setName = node.expression.expression;
      const values = ts.isIdentifier(setName) ? setLiterals(setName.text, file) : undefined;
      if (values) found = { name: node.arguments[0]!.getText(file), values };
    }
    ts.forEachChild(node, visit);
  };
  visit(condition);
  return found;
}

function setLiterals(name: string, file: ts.SourceFile): string[] | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const init = d.initializer;
      if (!ts.isIdentifier(d.name) || d.name.text !== name || !init || !ts.isNewExpression(init) || init.expression.getText(file) !== 'Set') continue;
      const list = init.arguments?.[0];
      if (list && ts.isArrayLiteralExpression(list) && list.elements.every(ts.isStringLiteralLike)) return list.elements.map((e) => (e as ts.StringLiteralLike).text);
    }
  }
  return undefined;
}

/** A message as a reader sees it: literal text, with `…` where the template inserts a value. */
function messageText(node: ts.Expression | undefined, file: ts.SourceFile): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `…${s.literal.text}`).join('');
  if (ts.isConditionalExpression(node)) return messageText(node.whenTrue, file);
  // `error.message` of a ProviderError or a library error: the words come from elsewhere.
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'message') return "the network's or library's own message";
  return undefined;
}

const numberOf = (node: ts.Expression | undefined) => (node && ts.isNumericLiteral(node) ? Number(node.text) : undefined);

/** A function whose body builds `new AppError(…)` from its parameters: calling it builds one too. */
type Helper = { params: string[]; code: ts.Expression; status: ts.Expression | undefined; message: ts.Expression | undefined; defaults: Map<string, ts.Expression>; file: ts.SourceFile };
const helpers = new Map<string, Helper>();

function isAppError(node: ts.Node): node is ts.NewExpression {
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError';
}

function collectHelpers(file: ts.SourceFile) {
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isArrowFunction(node.initializer) && isAppError(node.initializer.body)) {
      const fn = node.initializer;
      const made = fn.body as ts.NewExpression;
      const params = fn.parameters.map((p) => p.name.getText(file));
      const defaults = new Map(fn.parameters.filter((p) => p.initializer).map((p) => [p.name.getText(file), p.initializer!]));
      const [code, status, message] = made.arguments ?? [];
      if (code && evaluate(code, new Map(), file) === null) helpers.set(node.name.text, { params, code, status, message, defaults, file });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** The HTTP status an `{ error: { code } }` object literal goes out with: `.status(N)`, `answer(N, …)` or a `statusCode: N` beside it. */
function statusAround(node: ts.Node): number | undefined {
  const beside = ts.isObjectLiteralExpression(node.parent)
    ? node.parent.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'statusCode')
    : undefined;
  if (beside) return numberOf(beside.initializer);
  for (let up: ts.Node | undefined = node.parent; up; up = up.parent) {
    if (ts.isCallExpression(up)) {
      const direct = up.arguments.map((a) => numberOf(a)).find((n) => n !== undefined);
      if (direct !== undefined && !(ts.isPropertyAccessExpression(up.expression) && up.expression.name.text === 'send')) return direct;
      let chain: ts.Expression = up.expression;
      while (ts.isPropertyAccessExpression(chain) || ts.isCallExpression(chain)) {
        if (ts.isCallExpression(chain) && ts.isPropertyAccessExpression(chain.expression) && chain.expression.name.text === 'status') return numberOf(chain.arguments[0]);
        chain = chain.expression;
      }
    }
    if (ts.isFunctionLike(up)) return undefined;
  }
  return undefined;
}

const authStatuses: Record<string, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

function collectCodes(file: ts.SourceFile) {
  const where = whereOf(file.fileName);
  const visit = (node: ts.Node) => {
    if (isAppError(node)) {
      const [code, status, message] = node.arguments ?? [];
      const values = code ? evaluate(code, new Map(), file) : null;
      if (values) for (const value of values) record(value, numberOf(status), where, messageText(message, file));
      else if (!isInsideHelper(node)) unresolved.push(`${path.relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helpers.has(node.expression.text) && reaches(file, node.expression.text)) {
      const helper = helpers.get(node.expression.text)!;
      const scope: Scope = new Map();
      helper.params.forEach((name, i) => {
        const arg = node.arguments[i] ?? helper.defaults.get(name);
        scope.set(name, arg ? evaluate(arg, new Map(), arg.getSourceFile() === file ? file : helper.file) : null);
      });
      const values = evaluate(helper.code, scope, helper.file);
      const messageArg = helper.message && ts.isIdentifier(helper.message) ? node.arguments[helper.params.indexOf(helper.message.text)] : undefined;
      const message = messageText(messageArg, file);
      const status = numberOf(helper.status);
      if (values) {
        for (const value of values) {
          // notFound('channel') without a message: its default message is "Channel not found".
          const fallback = value.endsWith('.not_found') ? `${value[0]!.toUpperCase()}${value.slice(1, value.indexOf('.'))} not found` : undefined;
          record(value, status, where, message ?? fallback);
        }
      } else if (node.arguments.length) unresolved.push(`${path.relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`);
    } else if (ts.isNewExpression(node) && node.expression.getText(file) === 'APIError') {
      // better-auth errors thrown by Herald's own hooks: the bridge answers them as auth.<code>.
      const [statusName, body] = node.arguments ?? [];
      if (body && ts.isObjectLiteralExpression(body)) {
        const code = propertyString(body, 'code', file);
        if (code) record(`auth.${code.toLowerCase()}`, statusName && ts.isStringLiteralLike(statusName) ? authStatuses[statusName.text] : undefined, where, propertyString(body, 'message', file));
      }
    } else if (ts.isPropertyAssignment(node) && node.name.getText(file) === 'error' && ts.isObjectLiteralExpression(node.initializer)) {
      const codeProp = node.initializer.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(file) === 'code');
      const values = codeProp ? evaluate(codeProp.initializer, new Map(), file) : null;
      const messageProp = node.initializer.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(file) === 'message');
      for (const value of values ?? []) record(value, statusAround(node), where, messageText(messageProp?.initializer, file));
    } else if (ts.isCallExpression(node) && node.arguments.length >= 2 && ts.isObjectLiteralExpression(node.arguments[1]!)) {
      // answer(404, { code, message }): a hand-written error answer with its status beside it.
      const body = node.arguments[1];
      const code = propertyString(body, 'code', file);
      const status = numberOf(node.arguments[0]);
      if (code && status !== undefined && status >= 400) record(code, status, where, propertyString(body, 'message', file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** A helper's name means that helper only in its own file or where it is imported: other files may have their own `invalid()`. */
function reaches(file: ts.SourceFile, name: string): boolean {
  if (helpers.get(name)!.file === file) return true;
  return file.statements.some(
    (st) =>
      ts.isImportDeclaration(st) &&
      st.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(st.importClause.namedBindings) &&
      st.importClause.namedBindings.elements.some((el) => el.name.text === name),
  );
}

function propertyString(object: ts.ObjectLiteralExpression, name: string, file: ts.SourceFile): string | undefined {
  const prop = object.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(file) === name);
  return messageText(prop?.initializer, file);
}

function isInsideHelper(node: ts.Node): boolean {
  const parent = node.parent;
  return !!parent && ts.isArrowFunction(parent) && ts.isVariableDeclaration(parent.parent) && helpers.has(parent.parent.name.getText());
}

// Network folders answer errors too (a pre-flight read); their web parts hold none, and .tsx is not read.
const files = [...sourceFiles(serverDir), ...sourceFiles(networksDir)].map((f) => ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true));
for (const file of files) collectHelpers(file);
for (const file of files) collectCodes(file);

// Fastify's own client errors (bad JSON, wrong content type, body too large, bad URL) reach the
// error handler, which answers them as request.<name> with Fastify's status.
for (const [name, ErrorClass] of Object.entries(fastifyErrorCodes)) {
  if (!/^FST_ERR_(CTP_(?!INSTANCE)|BAD_URL|INVALID_URL|MAX_PARAM)/.test(name)) continue;
  const sample = new (ErrorClass as new () => Error & { statusCode?: number })();
  const status = sample.statusCode ?? 500;
  // The 5xx ones are programming errors at start-up, never an answer to a request.
  if (status < 400 || status >= 500) continue;
  record(`request.${name.replace(/^FST_ERR_/, '').toLowerCase()}`, status, 'http (Fastify)', sample.message.replace(/'?%s'?/g, '…'));
}
// better-auth's codes pass through the bridge as auth.<code>; better-auth picks the status.
for (const [code, value] of Object.entries({ ...BASE_ERROR_CODES, ...TWO_FACTOR_ERROR_CODES })) {
  const message = typeof value === 'string' ? value : (value as { message: string }).message;
  if (!codes.has(`auth.${code.toLowerCase()}`)) record(`auth.${code.toLowerCase()}`, undefined, 'auth (better-auth)', message);
}

// Codes whose every message is filled in at run time: what they mean, in words.
const meaningsOfRuntimeMessages: Record<string, string> = {
  validation_failed: 'The input does not match the route\'s schema: the message names the first field, details.issues lists every field and reason',
  'auth.error': 'better-auth refused the request without saying why in JSON',
};

/** Up to two messages, preferring those with words over ones that are mostly filled in at run time. */
function meaningOf(code: string, meanings: string[]): string {
  if (meaningsOfRuntimeMessages[code]) return meaningsOfRuntimeMessages[code];
  const wordy = meanings.filter((m) => m.replace(/…|[^a-z]/gi, '').length >= 8);
  return (wordy.length ? wordy : meanings).slice(0, 2).join(' / ') || '—';
}
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const sortStatuses = (s: Set<string>) => [...s].sort((a, b) => (a === 'varies' ? 1 : b === 'varies' ? -1 : Number(a) - Number(b)));
const rows = [...codes.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, e]) => `| \`${code}\` | ${sortStatuses(e.statuses).join(', ')} | ${[...e.where].sort().join(', ')} | ${cell(meaningOf(code, e.meanings))} |`);

const text = `# Error codes

Every error answer has the shape \`{ "error": { "code", "message", "details", "requestId" } }\`. The
\`code\` is stable: API users and the web app branch on it, never on the message. \`requestId\` is the
request's id, also sent in the \`x-request-id\` header and written in every log line of the request:
quote it when reporting a problem. The message is written in the first language of the request's
\`Accept-Language\` that Herald speaks (English, French; src/server/locales/<language>/errors.json),
else in English, the words below; codes, fields and details are the same in every language. This file is generated from
the server's sources by \`npx tsx scripts/gen-error-docs.ts\` (CI runs it with \`--check\`); do not
edit it by hand. "Where" is the server module that answers the code. A status written "varies" is
chosen at run time (better-auth's codes, or a code stored with an upload's refusal); "…" in a
meaning stands for a value filled in at run time.

| Code | HTTP status | Where | Meaning |
|---|---|---|---|
${rows.join('\n')}
`;

if (unresolved.length) console.warn(`error codes not readable statically (built from a variable), check they are documented:\n  ${unresolved.join('\n  ')}`);
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('docs/errors.md is out of date: run `npx tsx scripts/gen-error-docs.ts` and commit it.');
    process.exit(1);
  }
  console.log('docs/errors.md is up to date');
} else {
  fs.writeFileSync(target, text);
  console.log(`wrote docs/errors.md (${codes.size} codes)`);
}
