import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { accounts, members, sessions, users } from '../../src/server/db/schema/index.ts';
import { createClient, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

const totp = (uri: string) => generate({ secret: new URL(uri).searchParams.get('secret')! });

describe('accounts and sessions', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald({ env: { HERALD_SESSION_IDLE_DAYS: '7' } });
  });
  afterAll(async () => h?.close());
  const db = () => h.herald.database.db;

  it('makes the first user the operator, and only the first', async () => {
    const client = createClient(h.url);
    const signUpRes = await client.post('/api/auth/sign-up/email', { name: 'First', email: 'first@example.com', password: 'a long enough password' });
    expect(signUpRes.status).toBe(200);
    expect(signUpRes.body.user.email).toBe('first@example.com');
    expect(signUpRes.body).not.toHaveProperty('token');
    const first = { client };
    const second = await signUp(h.url);
    expect((await first.client.get('/api/v1/me')).body.user.isOperator).toBe(true);
    expect((await second.client.get('/api/v1/me')).body.user.isOperator).toBe(false);
  });

  it('refuses short passwords and duplicate e-mails with clear messages', async () => {
    const client = createClient(h.url);
    const short = await client.post('/api/auth/sign-up/email', { name: 'S', email: 'short@example.com', password: 'abc12345' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/too short/i);
    const dup = await client.post('/api/auth/sign-up/email', { name: 'D', email: 'first@example.com', password: 'a long enough password' });
    expect(dup.status).toBeGreaterThanOrEqual(400);
    expect(dup.status).toBeLessThan(500);
    expect(await db().select().from(users).where(eq(users.email, 'short@example.com'))).toHaveLength(0);
  });

  it('stores only a slow hash of the password', async () => {
    const u = await signUp(h.url, { password: 'plaintext must not be stored' });
    const [account] = await db().select().from(accounts).where(eq(accounts.userId, u.id));
    expect(account!.password).toBeTruthy();
    expect(account!.password).not.toContain('plaintext must not be stored');
    expect(account!.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it('signs in and out; the cookie is httpOnly and SameSite=Lax, and no token is echoed in the body', async () => {
    const u = await signUp(h.url);
    const client = createClient(h.url);
    const signIn = await client.post('/api/auth/sign-in/email', { email: u.email, password: u.password });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.id).toBe(u.id);
    expect(signIn.body).not.toHaveProperty('token');
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('herald.session_token='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    const sessionsOf = () => db().select().from(sessions).where(eq(sessions.userId, u.id));
    expect(await sessionsOf()).toHaveLength(2);
    expect((await client.post('/api/auth/sign-out')).status).toBe(200);
    // Signing out ends the session on the server, not just in the browser.
    expect(await sessionsOf()).toHaveLength(1);
    const after = await client.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('auth.unauthenticated');
  });

  it('refuses a wrong password', async () => {
    const u = await signUp(h.url);
    const res = await createClient(h.url).post('/api/auth/sign-in/email', { email: u.email, password: 'not the password' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.invalid_email_or_password');
  });

  it('lists sessions and signs out other devices; sessions expire after the idle setting', async () => {
    const u = await signUp(h.url);
    const laptop = createClient(h.url);
    await laptop.post('/api/auth/sign-in/email', { email: u.email, password: u.password });
    const list = await u.client.get('/api/auth/list-sessions');
    expect(list.body).toHaveLength(2);
    const rows = await db().select().from(sessions).where(eq(sessions.userId, u.id));
    for (const row of rows) {
      const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThan(7.1);
    }
    expect((await u.client.post('/api/auth/revoke-other-sessions')).status).toBe(200);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    expect((await u.client.get('/api/v1/me')).status).toBe(200);
    expect(await db().select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(1);
  });

  it('moves a session in use to "last active now", at most once a minute', async () => {
    const u = await signUp(h.url);
    const [row] = await db().select().from(sessions).where(eq(sessions.userId, u.id));
    const longAgo = new Date(Date.now() - 13 * 60_000);
    await db().update(sessions).set({ updatedAt: longAgo }).where(eq(sessions.id, row!.id));
    expect((await u.client.get('/api/v1/me')).status).toBe(200);
    const listed = (await u.client.get('/api/auth/list-sessions')).body as { id: string; updatedAt: string }[];
    const touched = new Date(listed.find((s) => s.id === row!.id)!.updatedAt).getTime();
    expect(Date.now() - touched).toBeLessThan(10_000);
    // A second request within the minute writes nothing.
    await db().update(sessions).set({ updatedAt: new Date(touched - 30_000) }).where(eq(sessions.id, row!.id));
    expect((await u.client.get('/api/v1/me')).status).toBe(200);
    const [again] = await db().select().from(sessions).where(eq(sessions.id, row!.id));
    expect(again!.updatedAt.getTime()).toBe(touched - 30_000);
  });

  it('writes the password reset e-mail in the language the user chose', async () => {
    const u = await signUp(h.url);
    expect((await u.client.put('/api/v1/me/language', { language: 'fr' })).status).toBe(200);
    expect((await createClient(h.url).post('/api/auth/request-password-reset', { email: u.email, redirectTo: '/reset-password' })).status).toBe(200);
    const mail = h.logs.map((l) => JSON.parse(l) as { mailTo?: string; subject?: string; msg: string }).find((entry) => entry.mailTo === u.email);
    expect(mail?.subject).toBe('Réinitialisez votre mot de passe Herald');
    expect(mail!.msg).toContain(`a demandé à réinitialiser le mot de passe de ${u.email} sur Herald`);
    expect(mail!.msg).toMatch(/\/api\/auth\/reset-password\/\S+/);
  });

  it('writes to a user who chose no language in their browser’s: the one asking, else the one the app last used', async () => {
    const u = await signUp(h.url);
    const mailTo = () => h.logs.map((l) => JSON.parse(l) as { mailTo?: string; subject?: string }).filter((entry) => entry.mailTo === u.email);
    // The web app starts with GET /me in its interface's language (here the browser's: French).
    expect((await u.client.request('GET', '/api/v1/me', undefined, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' })).body.user.language).toBeNull();
    const [row] = await h.herald.database.db.select({ browserLanguage: users.browserLanguage }).from(users).where(eq(users.email, u.email));
    expect(row!.browserLanguage).toBe('fr');
    // Asked without a language (a script, a mail client's link preview): the browser's last one.
    expect((await createClient(h.url).post('/api/auth/request-password-reset', { email: u.email, redirectTo: '/reset-password' })).status).toBe(200);
    expect(mailTo().at(-1)?.subject).toBe('Réinitialisez votre mot de passe Herald');
    // Asked from an English browser: English.
    expect((await createClient(h.url).request('POST', '/api/auth/request-password-reset', { email: u.email, redirectTo: '/reset-password' }, { 'accept-language': 'en-GB' })).status).toBe(200);
    expect(mailTo().at(-1)?.subject).toBe('Reset your Herald password');
    // A chosen language wins over any browser.
    expect((await u.client.put('/api/v1/me/language', { language: 'en' })).status).toBe(200);
    expect((await createClient(h.url).request('POST', '/api/auth/request-password-reset', { email: u.email, redirectTo: '/reset-password' }, { 'accept-language': 'fr' })).status).toBe(200);
    expect(mailTo().at(-1)?.subject).toBe('Reset your Herald password');
  });

  it('resets a forgotten password through the link written to the log', async () => {
    const u = await signUp(h.url);
    const client = createClient(h.url);
    expect((await client.post('/api/auth/request-password-reset', { email: u.email, redirectTo: '/reset-password' })).status).toBe(200);
    const line = h.logs.find((l) => l.includes(u.email) && l.includes('reset-password'));
    expect(line).toBeTruthy();
    const link = /(http:\/\/[^\s"\\]+\/api\/auth\/reset-password\/[^\s"\\]+)/.exec(line!)![1]!;
    const follow = await fetch(link, { redirect: 'manual' });
    expect(follow.status).toBe(302);
    const token = new URL(follow.headers.get('location')!, h.url).searchParams.get('token');
    expect(token).toBeTruthy();
    expect((await client.post('/api/auth/reset-password', { newPassword: 'a brand new password', token })).status).toBe(200);
    // The link works once.
    const replay = await client.post('/api/auth/reset-password', { newPassword: 'an attacker password', token });
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('auth.invalid_token');
    expect((await client.post('/api/auth/sign-in/email', { email: u.email, password: u.password })).status).toBe(401);
    expect((await client.post('/api/auth/sign-in/email', { email: u.email, password: 'a brand new password' })).status).toBe(200);
    // The old session was ended by the reset.
    expect((await u.client.get('/api/v1/me')).status).toBe(401);
  });

  it('requires the TOTP code at sign-in once two-factor is on', async () => {
    const u = await signUp(h.url);
    const enable = await u.client.post('/api/auth/two-factor/enable', { password: u.password });
    expect(enable.status).toBe(200);
    expect(enable.body.backupCodes.length).toBeGreaterThan(0);
    expect((await u.client.get('/api/v1/me')).body.user.twoFactorEnabled).toBe(false);
    expect((await u.client.post('/api/auth/two-factor/verify-totp', { code: await totp(enable.body.totpURI) })).status).toBe(200);
    expect((await u.client.get('/api/v1/me')).body.user.twoFactorEnabled).toBe(true);

    const phone = createClient(h.url);
    const first = await phone.post('/api/auth/sign-in/email', { email: u.email, password: u.password });
    expect(first.body.twoFactorRedirect).toBe(true);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    const wrong = await phone.post('/api/auth/two-factor/verify-totp', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('auth.invalid_code');
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await phone.post('/api/auth/two-factor/verify-totp', { code: await totp(enable.body.totpURI) })).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(200);
  });

  it('refuses state-changing requests from another origin', async () => {
    const res = await fetch(`${h.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('request.bad_origin');
  });

  it('sends the security headers a browser needs (CSP, no-sniff, frame denial)', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('with sign-up closed', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald({ env: { HERALD_DISABLE_SIGNUP: 'true' } });
  });
  afterAll(async () => h?.close());

  it('lets the first user and invited people sign up, and nobody else', async () => {
    const owner = await signUp(h.url, { email: 'owner@example.com' });
    const stranger = await createClient(h.url).post('/api/auth/sign-up/email', { name: 'S', email: 'stranger@example.com', password: 'a long enough password' });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('auth.signup_disabled');
    const ws = (await owner.client.post('/api/v1/workspaces', { name: 'Closed' })).body;
    const invite = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: 'guest@example.com', role: 'viewer' });
    const guest = await signUp(h.url, { email: 'guest@example.com' });
    expect((await guest.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);
    const [membership] = await h.herald.database.db.select().from(members).where(eq(members.userId, guest.id));
    expect(membership).toMatchObject({ organizationId: ws.id, role: 'viewer' });
    expect(await h.herald.database.db.select().from(users).where(eq(users.email, 'stranger@example.com'))).toHaveLength(0);
    // A cancelled invitation no longer opens sign-up.
    const cancelled = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: 'late@example.com', role: 'viewer' });
    expect((await owner.client.delete(`/api/v1/workspaces/${ws.id}/invitations/${cancelled.body.id}`)).status).toBe(200);
    const late = await createClient(h.url).post('/api/auth/sign-up/email', { name: 'L', email: 'late@example.com', password: 'a long enough password' });
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('auth.signup_disabled');
  });
});

describe('with a tight sign-in rate limit', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald({ env: { HERALD_AUTH_RATE_LIMIT: '3' } });
  });
  afterAll(async () => h?.close());

  it('answers 429 with a clear code once sign-in attempts exceed the limit', async () => {
    const client = createClient(h.url);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.post('/api/auth/sign-in/email', { email: 'nobody@example.com', password: 'wrong password' })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const limited = await client.post('/api/auth/sign-in/email', { email: 'nobody@example.com', password: 'wrong password' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // The other places where secrets get guessed share the budget.
    expect((await client.post('/api/auth/two-factor/verify-totp', { code: '123456' })).status).toBe(429);
    expect((await client.post('/api/auth/request-password-reset', { email: 'nobody@example.com', redirectTo: '/reset-password' })).status).toBe(429);
    expect((await client.post('/api/auth/sign-up/email', { name: 'N', email: 'new@example.com', password: 'a long enough password' })).status).toBe(429);
    // Other requests are not limited.
    expect((await client.get('/api/v1/instance')).status).toBe(200);
  });
});

describe('behind https', () => {
  let h: TestHerald;
  beforeAll(async () => {
    // https counts as production: with PostgreSQL that requires a shared secret.
    h = await startTestHerald({ env: { HERALD_PUBLIC_URL: 'https://herald.example.com', HERALD_SECRET: 'k'.repeat(24) + Math.random().toString(36).slice(2, 14) } });
  });
  afterAll(async () => h?.close());

  it('marks cookies Secure and sends HSTS', async () => {
    const res = await fetch(`${h.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { origin: 'https://herald.example.com', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'T', email: 'tls@example.com', password: 'a long enough password' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'))!;
    expect(cookie).toMatch(/^__Secure-/);
    expect(cookie).toMatch(/; Secure/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
