/**
 * The one error type services throw. `code` is stable and documented (docs/errors.md): API users
 * and the web app branch on it, never on the message.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string, message = `${entity[0]!.toUpperCase()}${entity.slice(1)} not found`) =>
  new AppError(`${entity}.not_found`, 404, message);
export const forbidden = (permission: string) =>
  new AppError('auth.forbidden', 403, `Your role does not allow this (${permission})`, { permission });
export const unauthenticated = () => new AppError('auth.unauthenticated', 401, 'Sign in first');
export const conflict = (code: string, message: string) => new AppError(code, 409, message);
export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 400, message, details);
