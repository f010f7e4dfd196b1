import { i18n } from '../i18n/i18n.ts';
import { defaultLanguage } from '../i18n/languages.ts';

// Server messages are written for API users; these codes get wording a person can act on, in the
// interface's language (common.json's `errors`). Codes not listed keep the server's message, which
// Herald writes in the language the web app asks for (Accept-Language).
const friendlyCodes = [
  'auth.password_too_short',
  'auth.password_too_long',
  'auth.user_already_exists_use_another_email',
  'auth.user_already_exists',
  'auth.invalid_password',
  'auth.invalid_code',
  'auth.invalid_backup_code',
  'auth.invalid_token',
  'auth.signup_disabled',
  'auth.unauthenticated',
  'auth.forbidden',
  'request.bad_origin',
];

// better-auth's own codes that people meet (sign-in, 2FA, e-mail changes): its English stays the
// message in English; other languages say it from common.json, since the server cannot.
const betterAuthCodes = [
  'auth.invalid_email_or_password',
  'auth.invalid_email',
  'auth.user_not_found',
  'auth.email_not_verified',
  'auth.email_already_verified',
  'auth.email_can_not_be_updated',
  'auth.session_expired',
  'auth.session_not_fresh',
  'auth.token_expired',
  'auth.failed_to_create_user',
  'auth.failed_to_update_user',
  'auth.credential_account_not_found',
  'auth.user_already_has_password',
  'auth.account_temporarily_locked',
  'auth.too_many_attempts_request_new_code',
  'auth.otp_has_expired',
  'auth.invalid_two_factor_cookie',
  'auth.two_factor_not_enabled',
  'auth.totp_not_enabled',
  'auth.totp_already_enabled',
  'auth.backup_codes_not_enabled',
];

export function friendlyMessage(code: string, details: Record<string, unknown>): string | undefined {
  if (code === 'rate_limited') {
    const seconds = Number(details.retryAfterSeconds);
    return seconds > 0 ? i18n.t('common:errors.rate_limited.inSeconds', { seconds }) : i18n.t('common:errors.rate_limited.wait');
  }
  if (friendlyCodes.includes(code)) return i18n.t(`common:errors.${code}`);
  if (betterAuthCodes.includes(code) && i18n.language !== defaultLanguage) return i18n.t(`common:errors.${code}`);
  return undefined;
}

/** Which form field an error code is about, for codes that come without per-field details. */
export const fieldsByCode: Record<string, string[]> = {
  'auth.password_too_short': ['password', 'newPassword'],
  'auth.password_too_long': ['password', 'newPassword'],
  'auth.user_already_exists_use_another_email': ['email'],
  'auth.user_already_exists': ['email'],
  'auth.invalid_password': ['password', 'currentPassword'],
  'auth.invalid_code': ['code'],
  'auth.invalid_backup_code': ['code'],
  'member.already_member': ['email'],
  'channel.credentials_rejected': ['appPassword'],
  'webhook.invalid_url': ['url'],
  'webhook.url_not_public': ['url'],
};
