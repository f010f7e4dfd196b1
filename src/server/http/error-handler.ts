import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../modules/shared/errors.ts';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/**
 * One shape for every error: `{ error: { code, message, details } }`; internals are logged, not
 * sent. `error.requestId` is added to every error answer on its way out (request-id.ts).
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const issues = error.validation.map((v) => {
        const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        return { field: path ? `${where}.${path}` : where, message: v.message ?? 'is invalid' };
      });
      const first = issues[0]!;
      return reply.status(400).send({
        error: { code: 'validation_failed', message: `${first.field}: ${first.message}`, details: { issues } },
      } satisfies ErrorBody);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: error.message } } satisfies ErrorBody);
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const code = 'code' in error && typeof error.code === 'string' ? error.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request';
      return reply.status(status).send({ error: { code: `request.${code}`, message: error.message } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' } } satisfies ErrorBody);
  });
}
