import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { organization, twoFactor } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { verifyJWT } from 'better-auth/crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import * as schema from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { cancelAccountDeletion } from '../privacy/account-deletion.service.ts';
import type { Mailer } from '../mail/mailer.ts';
import { translator } from '../../i18n/i18n.ts';
import { languageOfUserId } from '../../i18n/user-language.ts';
import { permissions, rolePermissions, roles, type Role } from '../../../shared/permissions.ts';

/** better-auth reads the client address from this header, which only Herald's own adapter sets. */
export const CLIENT_IP_HEADER = 'x-herald-client-ip';

// better-auth's organization plugin checks `{ resource: [actions] }`; Herald's permission names
// are `resource.action`, so the same table feeds both.
function accessControl() {
  const statements: Record<string, string[]> = {};
  for (const p of permissions) {
    const [resource, action] = p.split('.') as [string, string];
    (statements[resource] ??= []).push(action);
  }
  const ac = createAccessControl(statements);
  const roleObjects = Object.fromEntries(
    roles.map((role) => {
      const granted: Record<string, string[]> = {};
      for (const p of rolePermissions[role]) {
        const [resource, action] = p.split('.') as [string, string];
        (granted[resource] ??= []).push(action);
      }
      return [role, ac.newRole(granted as never)];
    }),
  ) as unknown as Record<Role, ReturnType<typeof ac.newRole>>;
  return { ac, roles: roleObjects };
}

/** How long the link sent to a new e-mail address works. */
export const EMAIL_CHANGE_LINK_HOURS = 24;

type AuthDeps = { config: Config; db: Db; mailer: Mailer; secret: string; trustedOrigins: string[] };

/**
 * `t` for e-mails to this user: in the language they chose, else the one of the browser asking
 * (`acceptLanguage`, when the e-mail answers a request), else their browser's as last seen.
 */
async function mailTranslator(db: Db, userId: string, acceptLanguage?: string | null) {
  return translator(await languageOfUserId(db, userId, acceptLanguage), 'mail');
}

export function createAuth({ config, db, mailer, secret, trustedOrigins }: AuthDeps) {
  const { ac, roles: orgRoles } = accessControl();

  const audit = createAuthAuditHook(db, mailer);

  const options = {
    appName: 'Herald',
    baseURL: config.publicOrigin,
    basePath: '/api/auth',
    secret,
    trustedOrigins,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        organization: schema.workspaces,
        member: schema.members,
        invitation: schema.invitations,
        twoFactor: schema.twoFactors,
      },
    }),
    // Herald applies its own per-IP limit in Fastify, shared with the rest of the API.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: config.passwordMinLength,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      async sendResetPassword({ user, url }, request) {
        const t = await mailTranslator(db, user.id, request?.headers.get('accept-language'));
        await mailer.send({ to: user.email, subject: t('passwordReset.subject'), text: t('passwordReset.text', { email: user.email, url }) });
      },
    },
    // Used only for changing the e-mail address: the link goes to the new address, and the account
    // switches to it when the link is opened. Sign-up and sign-in send nothing (addresses are not
    // verified at sign-up), and /send-verification-email is not exposed by the bridge.
    emailVerification: {
      sendOnSignUp: false,
      sendOnSignIn: false,
      autoSignInAfterVerification: false,
      expiresIn: EMAIL_CHANGE_LINK_HOURS * 60 * 60,
      async sendVerificationEmail({ user, url }, request) {
        const t = await mailTranslator(db, user.id, request?.headers.get('accept-language'));
        await mailer.send({
          to: user.email,
          subject: t('emailChange.confirm.subject'),
          text: t('emailChange.confirm.text', { email: user.email, name: user.name, hours: EMAIL_CHANGE_LINK_HOURS, url }),
        });
      },
    },
    session: {
      // Sliding expiry: each use within the window pushes the end out, so this is an idle timeout.
      expiresIn: config.sessionIdleDays * 24 * 60 * 60,
      updateAge: Math.min(24 * 60 * 60, Math.floor((config.sessionIdleDays * 24 * 60 * 60) / 2)),
    },
    user: {
      // Never updateEmailWithoutVerification: the address changes only once the new one is confirmed.
      changeEmail: { enabled: true },
      additionalFields: {
        isOperator: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    advanced: {
      useSecureCookies: config.secure,
      cookiePrefix: 'herald',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: config.secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          async before(user) {
            const [row] = await db.select({ n: count() }).from(schema.users);
            return { data: { ...user, email: user.email.toLowerCase(), isOperator: (row?.n ?? 0) === 0 } };
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-up/email' && config.disableSignup) {
          const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase();
          if (!(await signupAllowedWhileClosed(db, email))) {
            throw new APIError('FORBIDDEN', {
              code: 'SIGNUP_DISABLED',
              message: 'Sign-up is closed on this Herald. Ask an admin for an invitation.',
            });
          }
        }
        if (ctx.path === '/sign-out') {
          const session = await getSessionFromCtx(ctx).catch(() => null);
          if (session) (ctx.context as { heraldSignedOutUser?: string }).heraldSignedOutUser = session.user.id;
        }
        if (ctx.path === '/verify-email') {
          const change = await emailChangeTokenClaims(ctx.query?.token, ctx.context.secret);
          if (change) {
            // Someone signed up with the address after the link was sent: refuse instead of
            // letting the unique index fail inside better-auth.
            const [holder] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, change.updateTo));
            if (holder && holder.id !== change.userId) {
              const callbackURL = String(ctx.query?.callbackURL ?? '');
              // Root-relative only: better-auth's own origin check of callbackURL has not run yet.
              if (/^\/(?![/\\])/.test(callbackURL)) throw ctx.redirect(`${callbackURL}${callbackURL.includes('?') ? '&' : '?'}error=EMAIL_TAKEN`);
              throw new APIError('BAD_REQUEST', { code: 'EMAIL_TAKEN', message: 'This address is already used by another account' });
            }
            // The address before the link is opened, so the after-hook audits only a real change.
            const [user] = await db.select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, change.userId));
            if (user) (ctx.context as EmailChangeState).heraldEmailBefore = { userId: change.userId, email: user.email };
          }
        }
      }),
      after: audit,
    },
    plugins: [
      organization({
        ac,
        roles: orgRoles,
        creatorRole: 'owner',
        invitationExpiresIn: 7 * 24 * 60 * 60,
      }),
      twoFactor({ issuer: 'Herald' }),
    ],
  } satisfies BetterAuthOptions;

  return betterAuth(options);
}

export type Auth = ReturnType<typeof createAuth>;

/** With sign-up closed, the very first user (the operator) and invited people may still sign up. */
async function signupAllowedWhileClosed(db: Db, email: string): Promise<boolean> {
  const [users] = await db.select({ n: count() }).from(schema.users);
  if ((users?.n ?? 0) === 0) return true;
  const [invite] = await db
    .select({ id: schema.invitations.id })
    .from(schema.invitations)
    .where(
      and(
        eq(schema.invitations.email, email),
        eq(schema.invitations.status, 'pending'),
        gt(schema.invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return !!invite;
}

type EmailChangeState = { heraldEmailBefore?: { userId: string; email: string } };

/**
 * Whose address a change-email link changes, and to what, once the token's signature and expiry
 * are verified with the same secret better-auth signs it with. Reading the claims of an unverified
 * token would let anyone forge one naming any address and learn from the answer (EMAIL_TAKEN or
 * not) whether it has an account; a forged or expired token gets better-auth's own answer instead.
 */
async function emailChangeTokenClaims(token: unknown, secret: string): Promise<{ userId: string; updateTo: string } | null> {
  if (typeof token !== 'string') return null;
  const payload = await verifyJWT<{ userId?: unknown; updateTo?: unknown }>(token, secret);
  if (!payload || typeof payload.userId !== 'string' || typeof payload.updateTo !== 'string') return null;
  return { userId: payload.userId, updateTo: payload.updateTo.toLowerCase() };
}

type AuditableReturn = { user?: { id?: string }; twoFactorRedirect?: boolean } | null | undefined;

// better-auth writes users and sessions itself, so account events are recorded right after its
// endpoint returns (see docs/adr/0004-audit-log.md). Workspace changes go through Herald's own
// services and are audited in the same transaction. A requested e-mail change also warns the old
// address here, since better-auth only writes to the new one.
function createAuthAuditHook(db: Db, mailer: Mailer) {
  return createAuthMiddleware(async (ctx) => {
    const returned = ctx.context.returned as AuditableReturn | APIError;
    const failed = returned instanceof APIError;
    const headers = ctx.headers ?? ctx.request?.headers;
    const meta = { ip: headers?.get(CLIENT_IP_HEADER) ?? null, userAgent: headers?.get('user-agent') ?? null };
    const sessionUser = ctx.context.session?.user.id ?? null;
    const newSessionUser = ctx.context.newSession?.user.id ?? null;
    const body = (ctx.body ?? {}) as Record<string, unknown>;
    const write = (action: string, actorUserId: string | null, changes?: Record<string, unknown>) =>
      recordAudit(db, {
        action,
        actorUserId,
        entityType: action.split('.')[0]!,
        entityId: actorUserId,
        changes: changes ?? null,
        ...meta,
      });

    switch (ctx.path) {
      case '/sign-up/email':
        if (!failed && newSessionUser) await write('user.signed_up', newSessionUser);
        return;
      case '/sign-in/email':
        if (failed) {
          const email = String(body.email ?? '').toLowerCase();
          // Attributed to the account it targeted (when there is one) so that account's workspaces see it.
          const [target] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
          await recordAudit(db, {
            actorUserId: null,
            action: 'auth.sign_in_failed',
            entityType: 'user',
            entityId: target?.id ?? null,
            changes: { email, reason: returned.body?.code ?? String(returned.status) },
            ...meta,
          });
        }
        else if (returned?.twoFactorRedirect) await write('auth.second_factor_requested', null, { email: String(body.email ?? '').toLowerCase() });
        else if (newSessionUser) {
          await write('auth.signed_in', newSessionUser, { method: 'password' });
          // Signing in during a deletion's grace period is the user changing their mind.
          await cancelAccountDeletion(db, newSessionUser);
        }
        return;
      case '/two-factor/verify-totp':
      case '/two-factor/verify-backup-code':
        if (failed) await write('auth.sign_in_failed', sessionUser, { reason: 'invalid_second_factor' });
        else if (newSessionUser && !sessionUser) {
          await write('auth.signed_in', newSessionUser, { method: 'password+2fa' });
          await cancelAccountDeletion(db, newSessionUser);
        }
        else if (sessionUser) await write('user.two_factor_verified', sessionUser);
        return;
      case '/sign-out': {
        const user = (ctx.context as { heraldSignedOutUser?: string }).heraldSignedOutUser;
        if (user) await write('auth.signed_out', user);
        return;
      }
      case '/two-factor/enable':
        if (!failed) await write('user.two_factor_enabled', sessionUser);
        return;
      case '/two-factor/disable':
        if (!failed) await write('user.two_factor_disabled', sessionUser);
        return;
      case '/change-password':
        if (!failed) await write('user.password_changed', sessionUser, { revokeOtherSessions: !!body.revokeOtherSessions });
        return;
      case '/request-password-reset':
        await write('user.password_reset_requested', null, { email: String(body.email ?? '').toLowerCase() });
        return;
      case '/reset-password':
        if (!failed) await write('user.password_reset', null);
        return;
      case '/change-email': {
        if (failed || !sessionUser) return;
        // Also when the address is taken: better-auth then sends nothing, and the answer is the same.
        const to = String(body.newEmail ?? '').toLowerCase();
        await write('user.email_change_requested', sessionUser, { to });
        const from = ctx.context.session!.user.email;
        await mailTranslator(db, sessionUser, headers?.get('accept-language'))
          .then((t) =>
            mailer.send({
              to: from,
              subject: t('emailChange.notice.subject'),
              text: t('emailChange.notice.text', { from, to, hours: EMAIL_CHANGE_LINK_HOURS }),
            }),
          )
          .catch((err: unknown) => ctx.context.logger.error('Could not send the e-mail change notice to the old address', err));
        return;
      }
      case '/verify-email': {
        const before = (ctx.context as EmailChangeState).heraldEmailBefore;
        if (!before) return;
        const [after] = await db.select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, before.userId));
        if (after && after.email !== before.email) await write('user.email_changed', before.userId, { email: { from: before.email, to: after.email } });
        return;
      }
      case '/update-user':
        if (!failed) await write('user.updated', sessionUser, { fields: Object.keys(body) });
        return;
      case '/revoke-sessions':
      case '/revoke-other-sessions':
        if (!failed) await write('session.revoked', sessionUser, { scope: ctx.path.replace('/revoke-', '') });
        return;
    }
  });
}
