import { ApiError } from '../api/client.ts';
import { fieldsByCode } from '../api/error-messages.ts';

type FormErrors = {
  /** The message for one input, shown next to it. */
  field: (name: string) => string | undefined;
  /** The message when no input of this form is to blame. */
  general: string | undefined;
};

/**
 * Splits a failed request's error between the form's inputs and the form itself, so a message is
 * shown once, next to what the user has to change.
 */
export function formErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (!error) return { field: () => undefined, general: undefined };
  if (!(error instanceof ApiError)) return { field: () => undefined, general: error instanceof Error ? error.message : String(error) };
  const byField: Record<string, string> = {};
  for (const name of fields) {
    const message = error.fieldErrors[name] ?? (fieldsByCode[error.code]?.includes(name) ? error.message : undefined);
    if (message) byField[name] = message;
  }
  const placed = Object.keys(byField).length > 0;
  return { field: (name) => byField[name], general: placed ? undefined : error.message };
}
