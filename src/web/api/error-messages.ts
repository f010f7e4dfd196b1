import { i18n } from '../i18n/i18n.ts';

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

export function friendlyMessage(code: string, details: Record<string, unknown>): string | undefined {
  if (code === 'rate_limited') {
    const seconds = Number(details.retryAfterSeconds);
    return seconds > 0 ? i18n.t('common:errors.rate_limited.inSeconds', { seconds }) : i18n.t('common:errors.rate_limited.wait');
  }
  return friendlyCodes.includes(code) ? i18n.t(`common:errors.${code}`) : undefined;
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
