import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, messageValuesOf, type IssueText, type MessageValues } from '../modules/shared/errors.ts';
import { defaultLanguage, type Language } from '../../shared/languages.ts';
import { sayMessage, type MessageRef } from '../modules/notifications/notification-message.ts';
import { errorMessage, fieldIssueMessage, issueMessage, schemaIssueMessage } from './error-language.ts';
import { requestLanguage } from './request-language.ts';

type Issue = { field: string; message: string };
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/**
 * One shape for every error: `{ error: { code, message, details } }`; internals are logged, not
 * sent. `error.requestId` is added to every error answer on its way out (request-id.ts). Messages
 * and issues are written in the request's language (Accept-Language) where a translation exists;
 * codes, fields and details never change with it.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    const language = requestLanguage(request);
    if (error instanceof AppError) {
      return reply.status(error.status).send({ error: { code: error.code, ...appErrorText(language, error) } } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const issues = error.validation.map((v) => {
        const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const message = v.message ?? 'is invalid';
        const issue = { ...v.params, code: v.keyword, path: path ? path.split('.') : [] };
        return { field: path ? `${where}.${path}` : where, message: fieldMessage(language, schemaIssueMessage(language, issue, message)) };
      });
      return reply.status(400).send({ error: { code: 'validation_failed', message: firstIssueMessage(language, issues[0]!), details: { issues } } } satisfies ErrorBody);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) {
      // @fastify/rate-limit throws what app.ts's errorResponseBuilder built, `{ statusCode, error: { message, details } }`, not an Error.
      const built = (error as { error?: { message?: string; details?: Record<string, unknown> } }).error;
      const details = built?.details;
      const message = built?.message ?? error.message ?? 'Too many requests';
      return reply.status(429).send({
        error: { code: 'rate_limited', message: errorMessage(language, 'rate_limited', message, details as MessageValues | undefined), ...(details ? { details } : {}) },
      } satisfies ErrorBody);
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const code = `request.${'code' in error && typeof error.code === 'string' ? error.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request'}`;
      return reply.status(status).send({ error: { code, message: errorMessage(language, code, error.message) } } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: errorMessage(language, 'internal', 'Something went wrong on the server; it has been logged') } } satisfies ErrorBody);
  });
}

/** `body.email: is required`, the first issue leading the message as every validation_failed says it. */
const firstIssueMessage = (language: Language, first: Issue) => errorMessage(language, 'validation_failed', `${first.field}: ${first.message}`, { field: first.field, message: first.message });

/**
 * An AppError's message and details in `language`. Validation issues are said one by one (a rule's
 * by its key), and a message that leads with the first issue (`field: message`) follows it.
 */
function appErrorText(language: Language, error: AppError): { message: string; details?: Record<string, unknown> } {
  const whole = error.words && language !== defaultLanguage ? sayMessage('errors', error.words as MessageRef, language) : errorMessage(language, error.code, error.message, messageValuesOf(error));
  const issues = error.details?.issues;
  if (!Array.isArray(issues) || !issues.length || !issues.every(isIssue)) return { message: whole, details: error.details };
  // An issue repeating the error's own sentence (a refused password) is said as the error is.
  const said = issues.map((issue, i) => ({ ...issue, message: issue.message === error.message ? whole : issueText(language, error.issueTexts?.[i], issue.message) }));
  const first = issues[0]!;
  const leadsWithFirst = error.code === 'validation_failed' && error.message === `${first.field}: ${first.message}`;
  return { message: leadsWithFirst ? firstIssueMessage(language, said[0]!) : whole, details: { ...error.details, issues: said } };
}

/** A field's problem: errors.json's `issue#…` sentences (and networks' sign-in hints) are the ones schemas and services write whole. */
const fieldMessage = (language: Language, message: string) => fieldIssueMessage(language, message);
const issueText = (language: Language, text: IssueText | undefined, message: string) => (text ? issueMessage(language, text, message) : fieldMessage(language, message));

const isIssue = (value: unknown): value is Issue =>
  typeof value === 'object' && value !== null && typeof (value as Issue).field === 'string' && typeof (value as Issue).message === 'string';
