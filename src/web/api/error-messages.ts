// Server messages are written for API users; these codes get wording a person can act on. Codes
// not listed keep the server's message (Herald's own messages are already meant for people).
const messages: Record<string, string> = {
  'auth.password_too_short': 'This password is too short.',
  'auth.password_too_long': 'This password is too long.',
  'auth.user_already_exists_use_another_email': 'An account with this e-mail address already exists. Sign in instead, or use another address.',
  'auth.user_already_exists': 'An account with this e-mail address already exists. Sign in instead, or use another address.',
  'auth.invalid_password': 'That password is not right.',
  'auth.invalid_code': 'That code is not right. Check that your phone’s clock is correct and use the newest code.',
  'auth.invalid_backup_code': 'That backup code is not right, or it was already used.',
  'auth.invalid_token': 'This link is invalid or has expired. Ask for a new one.',
  'auth.signup_disabled': 'Sign-up is closed on this Herald. Ask a workspace admin to invite you.',
  'auth.unauthenticated': 'Your session has ended. Sign in again.',
  'auth.forbidden': 'Your role in this workspace does not allow this.',
  'request.bad_origin': 'The request was refused because it did not come from this Herald. Reload the page and try again.',
};

export function friendlyMessage(code: string, details: Record<string, unknown>): string | undefined {
  if (code === 'rate_limited') {
    const seconds = Number(details.retryAfterSeconds);
    return seconds > 0 ? `Too many attempts. Try again in ${seconds} seconds.` : 'Too many attempts. Wait a minute and try again.';
  }
  return messages[code];
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
