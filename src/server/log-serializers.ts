import pino from 'pino';

// A failed query's error names its parameters ("Failed query: select … from sessions where token =
// $1 params: <the session token>"), and libraries wrap that text into their own errors' messages
// and stacks. Parameters are user data and secrets: logged errors keep the query, never its values.
const paramsLine = /(\bparams: ).*$/gm;

type Serialized = Record<string, unknown> & { message?: unknown; stack?: unknown };

function scrub(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object' || depth > 5) return value;
  const out: Serialized = { ...(value as Serialized) };
  delete out.params;
  if (typeof out.message === 'string') out.message = out.message.replace(paramsLine, '$1[redacted]');
  if (typeof out.stack === 'string') out.stack = out.stack.replace(paramsLine, '$1[redacted]');
  if ('cause' in out) out.cause = scrub(out.cause, depth + 1);
  return out;
}

/** pino's error serializer, minus query parameters anywhere in the error or its causes. */
export function serializeError(err: unknown): unknown {
  return scrub(err instanceof Error ? pino.stdSerializers.err(err) : err);
}
