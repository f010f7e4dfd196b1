import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto';
import type { Db } from '../../db/database.ts';
import { accounts, twoFactors, users } from '../../db/schema/index.ts';
import type { Auth } from '../auth/auth.ts';
import { AppError } from '../shared/errors.ts';

// `issues` as validation errors carry them, so forms show the message next to the input.
const refused = (code: string, field: string, message: string) => new AppError(code, 400, message, { field, issues: [{ field: `body.${field}`, message }] });

/**
 * Deleting an account is confirmed like signing in: the password, and a TOTP or backup code when
 * two-factor is on. A signed-in browser alone (a borrowed laptop) must not be enough.
 */
export async function checkDeletionCredentials(db: Db, auth: Auth, userId: string, input: { password: string; code?: string }): Promise<void> {
  const context = await auth.$context;
  const [credential] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  const passwordOk = !!credential?.password && (await context.password.verify({ hash: credential.password, password: input.password }));
  if (!passwordOk) throw refused('account.password_incorrect', 'password', 'The password is not correct');

  const [user] = await db.select({ twoFactorEnabled: users.twoFactorEnabled }).from(users).where(eq(users.id, userId));
  if (!user?.twoFactorEnabled) return;
  const [secondFactor] = await db.select().from(twoFactors).where(eq(twoFactors.userId, userId));
  if (!secondFactor) return;
  const code = input.code?.trim();
  if (!code) throw refused('account.code_required', 'code', 'Enter the code from your authenticator app, or a backup code');

  if (/^\d{6}$/.test(code)) {
    // The same secret and algorithm better-auth's two-factor plugin uses (RFC 6238, SHA-1, 30 s, 6 digits).
    const secret = await symmetricDecrypt({ key: context.secretConfig, data: secondFactor.secret });
    if (totpMatches(secret, code)) return;
    throw refused('account.code_incorrect', 'code', 'This code is not correct; codes change every 30 seconds');
  }
  // better-auth stores backup codes encrypted (its default); a used one is spent, as at sign-in.
  const stored = JSON.parse(await symmetricDecrypt({ key: context.secretConfig, data: secondFactor.backupCodes })) as string[];
  if (!stored.includes(code)) throw refused('account.code_incorrect', 'code', 'This code is not correct');
  const remaining = JSON.stringify(stored.filter((c) => c !== code));
  await db.update(twoFactors).set({ backupCodes: await symmetricEncrypt({ key: context.secretConfig, data: remaining }) }).where(eq(twoFactors.id, secondFactor.id));
}

/** Accepts the code of the current 30-second step and of the steps either side (clock drift). */
function totpMatches(secret: string, code: string, now = Date.now()): boolean {
  const step = Math.floor(now / 30_000);
  let matched = false;
  for (const counter of [step - 1, step, step + 1]) {
    const message = Buffer.alloc(8);
    message.writeBigUInt64BE(BigInt(counter));
    const mac = crypto.createHmac('sha1', Buffer.from(secret, 'utf8')).update(message).digest();
    const offset = mac[mac.length - 1]! & 15;
    const expected = ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
    matched = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(code)) || matched;
  }
  return matched;
}
