import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { auditLog, sessions, users } from '../../src/server/db/schema/index.ts';
import { createClient, signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';

const totp = (uri: string) => generate({ secret: new URL(uri).searchParams.get('secret')! });
/** The session token better-auth keeps in the cookie (`<token>.<signature>`). */
const sessionTokenOf = (client: Client) => decodeURIComponent(client.jar.get('herald.session_token')!).split('.')[0]!;

/** A token shaped like better-auth's e-mail change token, signed with a key Herald does not have. */
function forgedEmailChangeToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256' })}.${part({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${crypto.createHmac('sha256', 'not the herald secret').update(unsigned).digest('base64url')}`;
}


/**
 * What an answer tells about an account: its status and body, minus the request id every error
 * carries (different for each request whatever the address, so it tells nothing).
 */
function answerOf(res: { status: number; body: any }) {
  const error = res.body?.error;
  if (!error || typeof error !== 'object') return [res.status, res.body];
  const { requestId: _requestId, ...rest } = error as Record<string, unknown>;
  return [res.status, { ...res.body, error: rest }];
}

describe('accounts hardening', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());
  const db = () => h.herald.database.db;

  describe('session tokens never reach the page', () => {
    it('leaves them out of every answer: sign-up, sign-in, get-session, list-sessions, 2FA, change-password', async () => {
      const u = await signUp(h.url);
      const laptop = createClient(h.url);
      const signIn = await laptop.post('/api/auth/sign-in/email', { email: u.email, password: u.password });
      const answers: unknown[] = [signIn.body];
      answers.push((await u.client.get('/api/auth/get-session')).body);
      const list = await u.client.get('/api/auth/list-sessions');
      expect(list.body).toHaveLength(2);
      answers.push(list.body);

      const enable = await u.client.post('/api/auth/two-factor/enable', { password: u.password });
      answers.push((await u.client.post('/api/auth/two-factor/verify-totp', { code: await totp(enable.body.totpURI) })).body);
      const changed = await u.client.post('/api/auth/change-password', { currentPassword: u.password, newPassword: 'another long password', revokeOtherSessions: true });
      expect(changed.status).toBe(200);
      answers.push(changed.body);

      const tokens = (await db().select({ token: sessions.token }).from(sessions).where(eq(sessions.userId, u.id))).map((s) => s.token);
      tokens.push(sessionTokenOf(laptop));
      const text = JSON.stringify(answers);
      for (const token of tokens) expect(text).not.toContain(token);
      expect(text).not.toMatch(/"token"/);
      // What the Sessions list needs is still there.
      expect(Object.keys(list.body[0]).sort()).toEqual(expect.arrayContaining(['id', 'createdAt', 'updatedAt', 'expiresAt', 'ipAddress', 'userAgent']));
      expect((await u.client.get('/api/auth/get-session')).body.session.id).toEqual(expect.any(String));
    });

    it('revokes one of my sessions by id, audit-logged; another user’s session id is not found', async () => {
      const u = await signUp(h.url);
      const laptop = createClient(h.url);
      await laptop.post('/api/auth/sign-in/email', { email: u.email, password: u.password });
      const current = (await u.client.get('/api/auth/get-session')).body.session.id as string;
      const other = ((await u.client.get('/api/auth/list-sessions')).body as { id: string }[]).find((s) => s.id !== current)!;

      const stranger = await signUp(h.url);
      const refused = await stranger.client.delete(`/api/v1/me/sessions/${other.id}`);
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('session.not_found');
      expect((await laptop.get('/api/v1/me')).status).toBe(200);
      expect((await createClient(h.url).delete(`/api/v1/me/sessions/${other.id}`)).status).toBe(401);

      const revoked = await u.client.delete(`/api/v1/me/sessions/${other.id}`);
      expect(revoked.status).toBe(200);
      expect((await laptop.get('/api/v1/me')).status).toBe(401);
      expect((await u.client.get('/api/v1/me')).status).toBe(200);
      const rows = await db().select().from(auditLog).where(and(eq(auditLog.actorUserId, u.id), eq(auditLog.action, 'session.revoked')));
      expect(rows.map((r) => r.entityId)).toEqual([other.id]);
      expect((await u.client.delete(`/api/v1/me/sessions/${other.id}`)).status).toBe(404);
    });
  });

  describe('update-user and sign-up accept only what Herald does not manage itself', () => {
    it('refuses a picture URL, unknown fields and bad names with 400 naming the field', async () => {
      const u = await signUp(h.url, { name: 'Nina Name' });
      const cases: [unknown, string][] = [
        [{ image: 'javascript:alert(1)' }, 'body.image'],
        [{ name: 'Nina', image: 'data:image/svg+xml,<svg onload=alert(1)>' }, 'body.image'],
        [{ name: { first: 'Nina' } }, 'body.name'],
        [{ name: 'x'.repeat(900_000) }, 'body.name'],
        [{ name: '   ' }, 'body.name'],
        [{ name: 'Nina', isOperator: true }, 'body.isOperator'],
        [{}, 'body.name'],
      ];
      for (const [body, field] of cases) {
        const res = await u.client.post('/api/auth/update-user', body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
      }
      const [row] = await db().select().from(users).where(eq(users.id, u.id));
      expect(row).toMatchObject({ name: 'Nina Name', image: null, isOperator: false });

      const ok = await u.client.post('/api/auth/update-user', { name: '  Nina Renamed  ' });
      expect(ok.status).toBe(200);
      expect((await u.client.get('/api/v1/me')).body.user.name).toBe('Nina Renamed');
    });

    it('refuses a picture or a bad name at sign-up', async () => {
      const email = `pic-${crypto.randomBytes(3).toString('hex')}@example.com`;
      const withImage = await createClient(h.url).post('/api/auth/sign-up/email', { name: 'P', email, password: 'a long enough password', image: 'javascript:alert(1)' });
      expect(withImage.status).toBe(400);
      expect(withImage.body.error.details.issues[0].field).toBe('body.image');
      const objectName = await createClient(h.url).post('/api/auth/sign-up/email', { name: { a: 1 }, email, password: 'a long enough password' });
      expect(objectName.status).toBe(400);
      expect(objectName.body.error.details.issues[0].field).toBe('body.name');
      expect(await db().select().from(users).where(eq(users.email, email))).toHaveLength(0);
    });

    it("names the field of better-auth's own validation failures in details, as Herald's routes do", async () => {
      const res = await createClient(h.url).post('/api/auth/sign-up/email', { name: 'P', email: 'not-an-address', password: 'a long enough password' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('body.email');
    });
  });

  describe('e-mail change links', () => {
    it('answers a forged token the same whether or not its address has an account', async () => {
      const holder = await signUp(h.url);
      const someone = crypto.randomUUID();
      const taken = forgedEmailChangeToken({ email: 'x@example.com', updateTo: holder.email, userId: someone, requestType: 'change-email-verification' });
      const free = forgedEmailChangeToken({ email: 'x@example.com', updateTo: 'nobody-here@example.com', userId: someone, requestType: 'change-email-verification' });
      const anon = createClient(h.url);
      const [a, b] = [await anon.get(`/api/auth/verify-email?token=${taken}`), await anon.get(`/api/auth/verify-email?token=${free}`)];
      expect(answerOf(a)).toEqual(answerOf(b));
      expect(a.status).toBe(401);
      expect(a.body.error.code).toBe('auth.invalid_token');

      const callback = encodeURIComponent('/profile?email=changed');
      const [c, d] = [await anon.get(`/api/auth/verify-email?token=${taken}&callbackURL=${callback}`), await anon.get(`/api/auth/verify-email?token=${free}&callbackURL=${callback}`)];
      expect(c.headers.get('location')).toBe('/profile?email=changed&error=INVALID_TOKEN');
      expect(d.headers.get('location')).toBe(c.headers.get('location'));
    });
  });

  describe('sign-up and existing accounts (docs/adr/0011)', () => {
    it('sign-in and password reset do not tell whether an address has an account; sign-up does, without a session', async () => {
      const u = await signUp(h.url);
      const unknown = `unknown-${crypto.randomBytes(3).toString('hex')}@example.com`;
      const anon = createClient(h.url);
      const [known, none] = [
        await anon.post('/api/auth/sign-in/email', { email: u.email, password: 'not the password' }),
        await anon.post('/api/auth/sign-in/email', { email: unknown, password: 'not the password' }),
      ];
      expect(answerOf(known)).toEqual(answerOf(none));
      const [resetKnown, resetNone] = [
        await anon.post('/api/auth/request-password-reset', { email: u.email, redirectTo: '/reset-password' }),
        await anon.post('/api/auth/request-password-reset', { email: unknown, redirectTo: '/reset-password' }),
      ];
      expect(answerOf(resetKnown)).toEqual(answerOf(resetNone));

      // The trade-off the ADR records: an open sign-up that signs you in at once cannot hide that an
      // address is taken, so it says so clearly, creates no session, and is rate-limited per IP.
      const dup = await anon.post('/api/auth/sign-up/email', { name: 'Dup', email: u.email.toUpperCase(), password: 'a long enough password' });
      expect(dup.status).toBe(422);
      expect(dup.body.error.code).toBe('auth.user_already_exists_use_another_email');
      expect(dup.headers.getSetCookie().filter((c) => c.includes('session_token='))).toEqual([]);
      expect(await db().select().from(users).where(eq(users.email, u.email))).toHaveLength(1);
    });
  });
});

describe('password and code checks are rate-limited per IP and per user', () => {
  const LIMIT = 3;
  let h: TestHerald;
  beforeAll(async () => {
    // Behind a proxy, so each test can speak from its own addresses through X-Forwarded-For.
    h = await startTestHerald({ env: { HERALD_AUTH_RATE_LIMIT: String(LIMIT), HERALD_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => h?.close());

  let nextAddress = 1;
  const newAddress = () => `198.51.100.${nextAddress++}`;
  type Caller = { client: Client; from(ip: string): Caller; get(url: string): Promise<{ status: number; body: any }>; post(url: string, body?: unknown): Promise<{ status: number; body: any }> };
  const caller = (client: Client, ip: string): Caller => ({
    client,
    from: (other) => caller(client, other),
    get: (url) => client.request('GET', url, undefined, { 'x-forwarded-for': ip }),
    post: (url, body = {}) => client.request('POST', url, body, { 'x-forwarded-for': ip }),
  });
  /** A new user, signed up from an address of its own (sign-up is limited per IP too). */
  async function newUser(ip = newAddress()) {
    const client = createClient(h.url);
    const email = `limit-${crypto.randomBytes(4).toString('hex')}@example.com`;
    const password = 'a long enough password';
    const res = await client.request('POST', '/api/auth/sign-up/email', { name: 'Limit', email, password }, { 'x-forwarded-for': newAddress() });
    expect(res.status).toBe(200);
    return { ...caller(client, ip), ip, email, password, id: res.body.user.id as string };
  }
  async function statuses(times: number, attempt: () => Promise<{ status: number }>) {
    const seen: number[] = [];
    for (let i = 0; i < times; i++) seen.push((await attempt()).status);
    return seen;
  }

  it('change-password: the (N+1)th wrong password gets 429; the same user from another address too; another user from the same address too', async () => {
    const u = await newUser();
    const wrong = (c: Caller) => c.post('/api/auth/change-password', { currentPassword: 'not my password', newPassword: 'a new long password' });
    const first = await statuses(LIMIT, () => wrong(u));
    expect(first.every((s) => s === 400 || s === 401)).toBe(true);
    const limited = await wrong(u);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Per user: a stolen session does not get a fresh budget from a fresh address.
    expect((await wrong(u.from(newAddress()))).status).toBe(429);
    // The right password is refused too while limited: guessing gives no signal.
    expect((await u.from(newAddress()).post('/api/auth/change-password', { currentPassword: u.password, newPassword: 'a new long password' })).status).toBe(429);
    // Per IP: the address that guessed cannot go on with another account.
    const neighbour = await newUser();
    expect((await wrong(neighbour.from(u.ip))).status).toBe(429);
    // Someone else, elsewhere, is not affected.
    const other = await newUser();
    expect((await wrong(other)).status).not.toBe(429);
  });

  it('limits every two-factor check, account deletion and e-mail change links', async () => {
    const checks: [string, (c: Caller) => Promise<{ status: number }>][] = [
      ['two-factor/enable', (c) => c.post('/api/auth/two-factor/enable', { password: 'not my password' })],
      ['two-factor/disable', (c) => c.post('/api/auth/two-factor/disable', { password: 'not my password' })],
      ['two-factor/get-totp-uri', (c) => c.post('/api/auth/two-factor/get-totp-uri', { password: 'not my password' })],
      ['two-factor/generate-backup-codes', (c) => c.post('/api/auth/two-factor/generate-backup-codes', { password: 'not my password' })],
      ['two-factor/verify-totp', (c) => c.post('/api/auth/two-factor/verify-totp', { code: '000000' })],
      ['two-factor/verify-backup-code', (c) => c.post('/api/auth/two-factor/verify-backup-code', { code: 'AAAAA-BBBBB' })],
      ['me/delete', (c) => c.post('/api/v1/me/delete', { password: 'not my password', confirm: true })],
      ['verify-email', (c) => c.get(`/api/auth/verify-email?token=${forgedEmailChangeToken({ email: 'a@example.com', updateTo: 'b@example.com', userId: 'x' })}`)],
    ];
    for (const [name, check] of checks) {
      const u = await newUser();
      const first = await statuses(LIMIT, () => check(u));
      expect(first.includes(429), `${name}: ${first.join(',')}`).toBe(false);
      expect((await check(u)).status, name).toBe(429);
      // The user's own budget follows them to another address (verify-email links work signed out,
      // but a signed-in browser opening them counts against the user as well).
      expect((await check(u.from(newAddress()))).status, `${name} from another address`).toBe(429);
    }
  });

  it('keeps sign-in limited per IP only, so a stranger cannot lock someone out of their account', async () => {
    const u = await newUser();
    const attacker = caller(createClient(h.url), newAddress());
    const tries = await statuses(LIMIT + 1, () => attacker.post('/api/auth/sign-in/email', { email: u.email, password: 'not the password' }));
    expect(tries.at(-1)).toBe(429);
    const owner = caller(createClient(h.url), newAddress());
    expect((await owner.post('/api/auth/sign-in/email', { email: u.email, password: u.password })).status).toBe(200);
  });
});
