import { z } from 'zod';

/**
 * Rules Herald adds to the bodies of better-auth endpoints before they reach better-auth, which
 * stores `name` and `image` as given (an object becomes "[object Object]", any URL scheme is kept).
 */

/** The same rule as a workspace name: what people see next to your work. */
export const personName = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters');

// Fields Herald manages itself, with where to change them instead.
const managedElsewhere: Record<string, string> = {
  image: 'is managed by Herald: upload a picture with PUT /api/v1/me/avatar',
  email: 'changes only through /api/auth/change-email and the link sent to the new address',
};

const bodies: Record<string, z.ZodObject> = {
  '/update-user': z.strictObject({ name: personName }),
  // email and password are left to better-auth, whose messages name the rule (length, format).
  '/sign-up/email': z.strictObject({
    name: personName,
    email: z.unknown(),
    password: z.unknown(),
    callbackURL: z.string().max(2000).optional(),
    rememberMe: z.boolean().optional(),
  }),
};

export type InputIssue = { field: string; message: string };

/**
 * Checks the body of an auth endpoint that has a Herald rule: the body to forward (names trimmed),
 * or the problems, each naming its field as Herald's own validation errors do.
 */
export function checkAuthInput(subPath: string, body: unknown): { ok: true; body: unknown } | { ok: false; issues: InputIssue[] } {
  const schema = bodies[subPath];
  if (!schema) return { ok: true, body };
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, body: parsed.data };
  const issues: InputIssue[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ field: `body.${key}`, message: managedElsewhere[key] ?? 'is not accepted here' });
    } else {
      const path = issue.path.map(String).join('.');
      issues.push({ field: path ? `body.${path}` : 'body', message: issue.message });
    }
  }
  return { ok: false, issues };
}
