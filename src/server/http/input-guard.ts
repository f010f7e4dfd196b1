import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../modules/shared/errors.ts';

/**
 * Values that JavaScript holds happily but PostgreSQL refuses with an error (which would surface as
 * a 500): U+0000 in text and jsonb, and UTF-16 surrogates without their pair (jsonb, and text once
 * encoded to UTF-8). Deep nesting is refused too: nothing Herald accepts nests deeper than a dozen
 * levels, while a body of a million `[` would make every recursive step after parsing (validation,
 * JSON.stringify for better-auth, jsonb) work hard or overflow the stack.
 */
export const MAX_INPUT_DEPTH = 32;
const MAX_ISSUES = 10;

export type InputIssue = { field: string; message: string };

const NUL = '\u0000';
// With the `u` flag a well-formed pair is one code point, so only unpaired halves match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);

function stringProblem(value: string): string | null {
  if (value.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  if (!isWellFormed(value)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

function keyProblem(key: string): string | null {
  if (key.includes(NUL)) return 'has a key containing the NUL character (U+0000)';
  if (!isWellFormed(key)) return 'has a key containing an unpaired UTF-16 surrogate';
  return null;
}

/** Walks a parsed value (params, query or JSON body) and lists what PostgreSQL could not store. */
export function findUnsafeInput(value: unknown, field: string): InputIssue[] {
  const issues: InputIssue[] = [];
  // An explicit stack: the walk must not itself be the thing that overflows on deep input.
  const stack: Array<{ value: unknown; field: string; depth: number }> = [{ value, field, depth: 0 }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = stringProblem(item.value);
      if (problem) issues.push({ field: item.field, message: problem });
      continue;
    }
    if (item.value === null || typeof item.value !== 'object' || Buffer.isBuffer(item.value) || isStream(item.value)) continue;
    if (item.depth >= MAX_INPUT_DEPTH) {
      issues.push({ field: item.field, message: `is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)` });
      continue;
    }
    const entries = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v] as const) : Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i]!;
      const problem = Array.isArray(item.value) ? null : keyProblem(key);
      if (problem) {
        issues.push({ field: item.field, message: problem });
        continue;
      }
      stack.push({ value: child, field: `${item.field}.${key}`, depth: item.depth + 1 });
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

function isStream(value: object): boolean {
  return typeof (value as { pipe?: unknown }).pipe === 'function';
}

/**
 * One check at the edge for every route (Herald's API, public media, the better-auth bridge):
 * refused before any handler, access check or database query sees the value. Registered before the
 * access check so a NUL in a workspace id is a 400 instead of a failed membership query.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const issues = [
      ...findUnsafeInput(request.params, 'params'),
      ...findUnsafeInput(request.query, 'querystring'),
      ...findUnsafeInput(request.body, 'body'),
    ];
    if (!issues.length) return;
    const first = issues[0]!;
    throw new AppError('validation_failed', 400, `${first.field}: ${first.message}`, { issues });
  });
}
