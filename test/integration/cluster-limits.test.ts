import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { createClient, freshDatabase, signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';

// Two serve processes behind one proxy: whichever server a request lands on, a rate limit counts
// every request (the counters are in PostgreSQL) and a session, or a sign-in waiting for its second
// factor, is the same (better-auth keeps them in the database). Several processes exist only on
// PostgreSQL; on PGlite the counters stay in memory (tests/integration/auth.test.ts covers those).

// Room for the sign-ups and two-factor steps of the first tests (all from 127.0.0.1).
const AUTH_LIMIT = 12;
const totp = (uri: string) => generate({ secret: new URL(uri).searchParams.get('secret')! });

/** The same browser (its cookies) talking to the other server, as a round-robin proxy would send it. */
function sameBrowserOn(client: Client, baseUrl: string): Client {
  const other = createClient(baseUrl);
  for (const [name, value] of client.jar) other.jar.set(name, value);
  return other;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('two servers on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let a: TestHerald;
  let b: TestHerald;

  beforeAll(async () => {
    database = await freshDatabase();
    const env = { HERALD_AUTH_RATE_LIMIT: String(AUTH_LIMIT), HERALD_API_KEY_RATE_LIMIT: '5' };
    // One after the other: the first generates the shared secret and keys into the data folder.
    a = await startTestHerald({ database, mode: 'serve', env });
    b = await startTestHerald({ database, mode: 'serve', env });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it('count an API key’s requests together, and say so in the RateLimit headers', async () => {
    const owner = await signUp(a.url);
    const workspaceId: string = (await owner.client.post('/api/v1/workspaces', { name: 'Paced' })).body.id;
    const created = await owner.client.post(`/api/v1/workspaces/${workspaceId}/api-keys`, { name: 'script', scopes: ['posts.read'] });
    expect(created.status).toBe(201);
    const call = (server: TestHerald) =>
      fetch(`${server.url}/api/v1/workspaces/${workspaceId}/posts?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`, { headers: { authorization: `Bearer ${created.body.key}` } }).then(async (res) => {
        await res.body?.cancel();
        return { status: res.status, remaining: res.headers.get('ratelimit-remaining') };
      });
    const answers = [];
    for (const server of [a, b, a, b, a]) answers.push(await call(server));
    expect(answers).toEqual(['4', '3', '2', '1', '0'].map((remaining) => ({ status: 200, remaining })));
    expect((await call(b)).status).toBe(429);
  });

  it('keep one session, and finish a two-factor sign-in begun on the other server', async () => {
    const user = await signUp(a.url);
    const enable = await user.client.post('/api/auth/two-factor/enable', { password: user.password });
    expect(enable.status).toBe(200);
    // Enabled on A, confirmed on B.
    const userOnB = sameBrowserOn(user.client, b.url);
    expect((await userOnB.post('/api/auth/two-factor/verify-totp', { code: await totp(enable.body.totpURI) })).status).toBe(200);
    // The confirmation renewed the session's cookie, which the browser now sends to A.
    expect((await sameBrowserOn(userOnB, a.url).get('/api/v1/me')).body.user.twoFactorEnabled).toBe(true);

    // A new browser: password on B, code on A.
    const phoneOnB = createClient(b.url);
    const first = await phoneOnB.post('/api/auth/sign-in/email', { email: user.email, password: user.password });
    expect(first.status).toBe(200);
    expect(first.body.twoFactorRedirect).toBe(true);
    const phoneOnA = sameBrowserOn(phoneOnB, a.url);
    expect((await phoneOnA.get('/api/v1/me')).status).toBe(401);
    expect((await phoneOnA.post('/api/auth/two-factor/verify-totp', { code: await totp(enable.body.totpURI) })).status).toBe(200);
    expect((await phoneOnA.get('/api/v1/me')).status).toBe(200);
    expect((await sameBrowserOn(phoneOnA, b.url).get('/api/v1/me')).status).toBe(200);

    // Signing out on one server ends the session on the other.
    const backOnB = sameBrowserOn(phoneOnA, b.url);
    expect((await backOnB.post('/api/auth/sign-out')).status).toBe(200);
    expect((await phoneOnA.get('/api/v1/me')).status).toBe(401);
  });

  it('count sign-in attempts from one address together', async () => {
    const onA = createClient(a.url);
    const onB = createClient(b.url);
    const attempt = (client: Client) => client.post('/api/auth/sign-in/email', { email: 'nobody@example.com', password: 'wrong password' });
    // The tests above spent some of this address's attempts: the window starts afresh.
    await a.herald.database.db.execute(sql`delete from rate_limit_hits`);
    const statuses = [];
    for (let i = 0; i < AUTH_LIMIT; i += 1) statuses.push((await attempt(i % 2 ? onB : onA)).status);
    expect(statuses).toEqual(Array.from({ length: AUTH_LIMIT }, () => 401));
    // Each server has seen half the attempts; together they are at the limit.
    const limitedOnA = await attempt(onA);
    expect(limitedOnA.status).toBe(429);
    expect(limitedOnA.body.error.code).toBe('rate_limited');
    expect((await attempt(onB)).status).toBe(429);
  });
});
