import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { friendlyMessage } from './error-messages.ts';

describe('the web app’s own words for some error codes', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('keeps its English, and leaves better-auth’s English and Herald’s messages to the server', async () => {
    await i18n.changeLanguage('en');
    expect(friendlyMessage('auth.invalid_password', {})).toBe('That password is not right.');
    expect(friendlyMessage('rate_limited', { retryAfterSeconds: 12 })).toBe('Too many attempts. Try again in 12 seconds.');
    expect(friendlyMessage('rate_limited', {})).toBe('Too many attempts. Wait a minute and try again.');
    expect(friendlyMessage('auth.invalid_email_or_password', {})).toBeUndefined();
    expect(friendlyMessage('post.not_found', {})).toBeUndefined();
  });

  it('speaks the interface’s language, better-auth’s codes included', async () => {
    await i18n.changeLanguage('fr');
    expect(friendlyMessage('auth.invalid_password', {})).toBe('Ce mot de passe n’est pas le bon.');
    expect(friendlyMessage('rate_limited', { retryAfterSeconds: 12 })).toBe('Trop de tentatives. Réessayez dans 12 secondes.');
    expect(friendlyMessage('auth.invalid_email_or_password', {})).toBe('E-mail ou mot de passe incorrect');
    expect(friendlyMessage('post.not_found', {})).toBeUndefined();
  });
});
