/**
 * Run-time parts of an error's message, by the name its translations give them: the English
 * `Only {{max}} keys` of src/server/locales/en/errors.json must say exactly what the message says.
 */
export type MessageValues = Record<string, string | number>;

/** A validation issue's sentence in the translations (a rule's RuleText): `networks:rules.tooLong` and its values. */
export type IssueText = { key: string; values?: MessageValues };

/**
 * The one error type services throw. `code` is stable and documented (docs/errors.md): API users
 * and the web app branch on it, never on the message. The message is English; the error handler
 * answers it in the request's language when errors.json has it (`values` fill its run-time parts).
 */
export class AppError extends Error {
  /** The translation keys of details.issues, by position, for the issues that have one (rule issues). */
  issueTexts?: readonly (IssueText | undefined)[];
  /**
   * The message as namespaced words (`network-x:errors.refused`, `status:…`), when it is not Herald's
   * own sentence of errors.json but, say, a network's refusal that kept its words: said by them.
   */
  words?: { key: string; values?: { [name: string]: unknown } };

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly values?: MessageValues,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The values a message's translation may use: the details' plain values (`{ max }`, `{ field }`), then the ones given for it. */
export function messageValuesOf(error: AppError): MessageValues {
  const plain = Object.entries(error.details ?? {}).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number');
  return { ...Object.fromEntries(plain), ...error.values };
}

export const notFound = (entity: string, message = `${entity[0]!.toUpperCase()}${entity.slice(1)} not found`) =>
  new AppError(`${entity}.not_found`, 404, message);
export const forbidden = (permission: string) =>
  new AppError('auth.forbidden', 403, `Your role does not allow this (${permission})`, { permission }, { permission });
export const unauthenticated = () => new AppError('auth.unauthenticated', 401, 'Sign in first');
export const conflict = (code: string, message: string, values?: MessageValues) => new AppError(code, 409, message, undefined, values);
export const invalid = (code: string, message: string, details?: Record<string, unknown>, values?: MessageValues) =>
  new AppError(code, 400, message, details, values);
