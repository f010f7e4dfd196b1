import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam } from '../helpers/workspace-team.ts';

const nbsp = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' };
const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };

// The MCP endpoint writes its refusals itself (before the body is read, or instead of a stream):
// their message follows Accept-Language as the error handler's do; the WWW-Authenticate header,
// read by machines, stays English.
describe('the MCP endpoint’s refusals in the language asked for', () => {
  let h: TestHerald;
  let key: string;
  beforeAll(async () => {
    h = await startTestHerald();
    const team = await createTeam(h.url, 'Assistants');
    const created = await team.members.owner.client.post(`/api/v1/workspaces/${team.workspaceId}/api-keys`, { name: 'assistant', scopes: ['posts.read'] });
    expect(created.status).toBe(201);
    key = created.body.key;
  }, 60_000);
  afterAll(async () => h?.close());

  async function send(method: 'POST' | 'GET' | 'DELETE', headers: Record<string, string>) {
    const res = await fetch(new URL('/mcp', h.url), {
      method,
      headers: { accept: 'application/json, text/event-stream', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...headers },
      body: method === 'POST' ? JSON.stringify(initialize) : undefined,
    });
    return { status: res.status, authenticate: res.headers.get('www-authenticate'), allow: res.headers.get('allow'), error: ((await res.json()) as { error: { code: string; message: string } }).error };
  }

  it('asks for a key in French or English', async () => {
    const english = await send('POST', {});
    expect(english).toMatchObject({ status: 401, authenticate: 'Bearer realm="Herald"', error: { code: 'auth.unauthenticated', message: 'Send an API key: Authorization: Bearer hk_…' } });
    const inFrench = await send('POST', french);
    expect(inFrench).toMatchObject({ status: 401, authenticate: 'Bearer realm="Herald"', error: { code: 'auth.unauthenticated', message: `Envoyez une clé d’API${nbsp}: \`Authorization: Bearer hk_…\`` } });
    // GET without a key is refused the same way, before its 405.
    expect(await send('GET', french)).toMatchObject({ status: 401, error: { code: 'auth.unauthenticated', message: inFrench.error.message } });
  });

  it('refuses an unknown key in French, its WWW-Authenticate description staying English', async () => {
    const unknown = { authorization: `Bearer hk_${'a'.repeat(43)}` };
    const english = await send('POST', unknown);
    expect(english).toMatchObject({ status: 401, error: { code: 'api_key.invalid', message: 'This API key is not valid: check it, or create a new one' } });
    const inFrench = await send('POST', { ...unknown, ...french });
    expect(inFrench).toMatchObject({ status: 401, error: { code: 'api_key.invalid', message: `Cette clé d’API n’est pas valide${nbsp}: vérifiez-la, ou créez-en une nouvelle` } });
    expect(inFrench.authenticate).toBe(english.authenticate);
    expect(inFrench.authenticate).toContain('error_description="This API key is not valid: check it, or create a new one"');
  });

  it('says why GET and DELETE are not offered in French or English', async () => {
    const withKey = { authorization: `Bearer ${key}` };
    const english = await send('GET', withKey);
    expect(english).toMatchObject({ status: 405, allow: 'POST', error: { code: 'mcp.method_not_allowed', message: 'This MCP endpoint is stateless: send every message with POST' } });
    for (const method of ['GET', 'DELETE'] as const) {
      expect(await send(method, { ...withKey, ...french })).toMatchObject({
        status: 405,
        allow: 'POST',
        error: { code: 'mcp.method_not_allowed', message: `Ce point d’accès MCP est sans état${nbsp}: envoyez chaque message en POST` },
      });
    }
  });
});
