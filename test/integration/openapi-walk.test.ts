import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fillPath, inPool, readOperations, snapshotTables, type JsonSchema, type Operation } from '../helpers/openapi.ts';
import { fastEngineEnv } from '../helpers/publishing.ts';
import { seedTenant, type Tenant } from '../helpers/seed-tenant.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

/**
 * The hostile-user walk: every operation of docs/openapi.json (and better-auth's endpoints) gets
 * generated bad input, signed out and signed in as a workspace owner. No answer may be a 5xx and no
 * row that existed before may change. Bounded: at most CASES_PER_OPERATION cases per operation.
 */
const CASES_PER_OPERATION = 36;

type Case = { what: string; method: string; url: string; contentType?: string; body?: string };

const big = 'x'.repeat(100_000);
const deepArray = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
const deepJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

// Already percent-encoded, as an attacker would type them into a URL.
const badUrlValues: Array<[string, string]> = [
  ['NUL', '%00'],
  ['NUL inside', 'a%00b'],
  ['overlong NUL', '%C0%80'],
  ['lone surrogate (CESU)', '%ED%A0%80'],
  ['truncated UTF-8', '%F0%9F'],
  ['lone percent', '%'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['negative', '-1'],
  ['huge number', '1e308'],
  ['NaN', 'NaN'],
  ['fraction', '1.5'],
  ['path escape', '..%2F..%2Fetc%2Fpasswd'],
  ['earliest JS date', '-271821-04-20T00:00:00Z'],
  ['latest JS date', '%2B275760-09-13T00:00:00Z'],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['10 KB', 'y'.repeat(10_000)],
  ['100 KB', big],
];

/** The smallest body that matches the schema, so that one bad leaf is the only thing wrong. */
function skeleton(s: JsonSchema): unknown {
  const variant = s.anyOf?.[0] ?? s.oneOf?.[0] ?? s.allOf?.[0];
  if (variant) return skeleton(variant);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object') return Object.fromEntries((s.required ?? []).map((k) => [k, skeleton(s.properties?.[k] ?? {})]));
  if (type === 'array') return [];
  if (type === 'string') return s.format === 'date-time' ? '2031-01-01T00:00:00Z' : 'x';
  if (type === 'integer' || type === 'number') return s.minimum ?? 1;
  if (type === 'boolean') return false;
  return 'x';
}

/** Every leaf of a body schema (objects and first array items, a few levels down), with its path. */
function leaves(s: JsonSchema, path: Array<string | number> = [], depth = 0): Array<{ path: Array<string | number>; schema: JsonSchema }> {
  const variant = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (variant) return leaves(variant, path, depth);
  const out = path.length ? [{ path, schema: s }] : [];
  if (depth >= 4) return out;
  if (s.properties) for (const [k, v] of Object.entries(s.properties)) out.push(...leaves(v, [...path, k], depth + 1));
  if (s.items) out.push(...leaves(s.items, [...path, 0], depth + 1));
  return out;
}

/** Values that no schema of this kind accepts (or that the edge guard refuses for every kind). */
function badLeafValues(s: JsonSchema): Array<[string, unknown]> {
  const everywhere: Array<[string, unknown]> = [
    ['NUL', 'a\u0000b'],
    ['lone surrogate', 'a\ud800b'],
    ['deep nesting', deepArray(2000)],
    ['NUL key', { 'k\u0000': 1 }],
  ];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (s.enum) return [...everywhere, ['not in enum', 'not-a-choice'], ['number', 7]];
  if (type === 'string' && s.format === 'date-time')
    return [...everywhere, ['earliest JS date', '-271821-04-20T00:00:00Z'], ['latest JS date', '+275760-09-13T00:00:00Z'], ['year 0', '0000-01-01T00:00:00Z'], ['number', 1e308]];
  if (type === 'string') return [...everywhere, ['100 KB', big], ['number', 1e308], ['boolean', true], ['object', {}], ['array', []]];
  if (type === 'integer' || type === 'number') return [...everywhere, ['1e308', 1e308], ['-1e308', -1e308], ['fraction', 1.5], ['string NaN', 'NaN']];
  if (type === 'boolean') return [...everywhere, ['string', 'true'], ['number', 1]];
  if (type === 'array') return [...everywhere, ['string', 'x'], ['object', {}], ['100k items', Array.from({ length: 100_000 }, () => 0)]];
  if (type === 'object') return [...everywhere, ['string', 'x'], ['array', []]];
  return everywhere;
}

function setAt(target: unknown, path: Array<string | number>, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const container = (typeof head === 'number' ? (Array.isArray(target) ? [...target] : []) : target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {}) as Record<string | number, unknown>;
  container[head!] = setAt(container[head!], rest, value);
  return container;
}

/** Picks `max` items spread over the list, so every kind of case keeps a share. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]!);
}

// The multipart uploads (no JSON body in the OpenAPI document): a picture, a media file.
const isUpload = (op: Operation) => (op.method === 'POST' && op.path.endsWith('/media')) || (op.method === 'PUT' && (op.path.endsWith('/me/avatar') || op.path.endsWith('/logo')));

function casesFor(op: Operation, ids: Record<string, string>): Case[] {
  const cases: Case[] = [];
  const url = fillPath(op.path, ids);
  const sendsBody = op.method !== 'GET' && op.method !== 'OPTIONS';
  for (const param of op.pathParams) {
    for (const [what, value] of badUrlValues) {
      cases.push({ what: `path ${param}: ${what}`, method: op.method, url: fillPath(op.path, { ...ids, [param]: value }, new Set([param])) });
    }
  }
  for (const { name } of op.queryParams) {
    for (const [what, value] of badUrlValues) cases.push({ what: `query ${name}: ${what}`, method: op.method, url: `${url}?${name}=${value}` });
    cases.push({ what: `query ${name}: repeated`, method: op.method, url: `${url}?${name}=a&${name}=b` });
  }
  if (op.queryParams.length) cases.push({ what: 'query __proto__', method: op.method, url: `${url}?__proto__[x]=1&constructor[prototype][x]=1` });
  if (op.body) {
    const base = skeleton(op.body);
    for (const leaf of leaves(op.body)) {
      for (const [what, value] of badLeafValues(leaf.schema)) {
        cases.push({ what: `body ${leaf.path.join('.')}: ${what}`, method: op.method, url, contentType: 'application/json', body: JSON.stringify(setAt(base, leaf.path, value)) });
      }
    }
    for (const [what, body] of [
      ['null', 'null'],
      ['array', '[]'],
      ['string', '"x"'],
      ['huge number', '1e308'],
      ['truncated', '{"a":'],
      ['__proto__', '{"__proto__":{"isAdmin":true}}'],
      ['constructor.prototype', '{"constructor":{"prototype":{"isAdmin":true}}}'],
      ['deep object', deepJson(5000)],
    ] as const) {
      cases.push({ what: `body: ${what}`, method: op.method, url, contentType: 'application/json', body });
    }
    cases.push({ what: 'text/plain body', method: op.method, url, contentType: 'text/plain', body: 'hello' });
  }
  if (sendsBody) {
    // Routes without a JSON body too: a body they would ignore must not slip past the edge. (A
    // body of a type they accept but ignore would not be bad input: the request would be valid.)
    cases.push({ what: 'unsupported content type', method: op.method, url, contentType: 'application/xml', body: '<a/>' });
    cases.push({ what: 'NUL in an ignored body', method: op.method, url, contentType: 'application/json', body: '{"x":"\\u0000"}' });
    if (op.body || isUpload(op)) {
      cases.push({ what: 'broken multipart', method: op.method, url, contentType: 'multipart/form-data; boundary=zzz', body: '--zzz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc' });
    }
  }
  return spread(cases, CASES_PER_OPERATION);
}

/** better-auth's endpoints (not in openapi.json): the classes of input the edge guard refuses. */
function authCases(): Case[] {
  const bodies: Array<[string, string[]]> = [
    ['/api/auth/sign-up/email', ['name', 'email', 'password']],
    ['/api/auth/sign-in/email', ['email', 'password']],
    ['/api/auth/request-password-reset', ['email', 'redirectTo']],
    ['/api/auth/reset-password', ['newPassword', 'token']],
    ['/api/auth/change-password', ['currentPassword', 'newPassword']],
    ['/api/auth/update-user', ['name', 'image']],
    ['/api/auth/change-email', ['newEmail']],
    ['/api/auth/two-factor/enable', ['password']],
    ['/api/auth/two-factor/verify-totp', ['code']],
    ['/api/auth/organization/set-active', ['organizationId']],
    ['/api/auth/revoke-session', ['token']],
  ];
  const cases: Case[] = [];
  for (const [url, fields] of bodies) {
    for (const field of fields) {
      for (const [what, value] of [
        ['NUL', 'a@example.com\u0000'],
        ['lone surrogate', 'Ann \ud800'],
        ['deep nesting', deepArray(2000)],
      ] as const) {
        cases.push({ what: `body ${field}: ${what}`, method: 'POST', url, contentType: 'application/json', body: JSON.stringify({ [field]: value }) });
      }
    }
    cases.push({ what: 'body: __proto__', method: 'POST', url, contentType: 'application/json', body: '{"__proto__":{"x":1}}' });
    cases.push({ what: 'body: truncated', method: 'POST', url, contentType: 'application/json', body: '{"email":' });
    cases.push({ what: 'unsupported content type', method: 'POST', url, contentType: 'application/xml', body: '<a/>' });
  }
  for (const url of ['/api/auth/get-session?x=%00', '/api/auth/verify-email?token=%00', '/api/auth/verify-email?token=%ED%A0%80', '/api/auth/reset-password/%00?callbackURL=%00', '/api/auth/list-sessions?x=%ED%A0%80']) {
    cases.push({ what: 'query', method: 'GET', url });
  }
  return cases;
}

describe('walking every route with bad input', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let owner: Tenant;
  const failures: string[] = [];
  let sent = 0;

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: fastEngineEnv });
    owner = await seedTenant(h, mastodon, 'Owner');
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  async function send(c: Case, cookie: string | null) {
    const headers: Record<string, string> = { origin: h.url };
    if (cookie) headers.cookie = cookie;
    if (c.contentType) headers['content-type'] = c.contentType;
    sent += 1;
    try {
      const res = await fetch(h.url + c.url, { method: c.method, headers, body: c.body, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      const text = await res.text();
      if (res.status >= 500) failures.push(`${res.status} ${c.method} ${c.url.slice(0, 120)} [${c.what}] (${cookie ? 'signed in' : 'signed out'}): ${text.slice(0, 200)}`);
    } catch (error) {
      failures.push(`no answer ${c.method} ${c.url.slice(0, 120)} [${c.what}]: ${(error as Error).message}`);
    }
  }

  it('answers no 5xx and changes nothing, signed out and signed in as an owner', async () => {
    const started = Date.now();
    const before = await snapshotTables(h.herald.database.db);
    const fakeIds = { exportId: 'no-such-export', uploadId: 'no-such-upload', notificationId: 'no-such-notification', signature: 'no-such-signature' };
    const cases = [...readOperations().flatMap((op) => casesFor(op, { ...fakeIds, ...owner.ids })), ...authCases()];
    const cookie = [...owner.user.client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    await inPool(cases, 3, (c) => send(c, cookie));
    await inPool(cases, 3, (c) => send(c, null));
    const after = await snapshotTables(h.herald.database.db);

    expect(failures).toEqual([]);
    expect(after).toEqual(before);
    // The owner is still signed in: nothing in the walk ended the session.
    expect((await owner.user.client.get('/api/v1/me')).status).toBe(200);
    console.log(`bad-input walk: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Thousands of requests, growing with every route: the limit only stops a walk that hangs.
  }, 360_000);
});
