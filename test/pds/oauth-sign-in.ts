// A person at the reference PDS's own sign-in page, driven over HTTP through the API its page
// calls (@atproto/oauth-provider's `~api`): open the authorization page (device and CSRF cookies),
// sign in with the account's password, consent, and read where the page would send the browser.
// The headers are what a browser sends for that page (fetch metadata, Origin, Referer): the
// provider checks them, which is why this uses node:http: fetch replaces Sec-Fetch-Mode with "cors".
import http from 'node:http';

const API = '/@atproto/oauth-provider/~api';

type Jar = Map<string, string>;

type Answer = { status: number; text: string; setCookies: string[] };

function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), setCookies: response.headers['set-cookie'] ?? [] }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

function keepCookies(jar: Jar, response: Answer) {
  for (const cookie of response.setCookies) {
    const [pair] = cookie.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * Signs `username` in at the authorization page `authorizationUrl` and consents (or refuses, with
 * `reject`). Answers the redirect URI with the OAuth answer (code, state, iss or error) that the
 * browser would be sent to.
 */
export async function consentAtPds(authorizationUrl: string, account: { username: string; password: string }, options: { reject?: boolean } = {}): Promise<URL> {
  const jar: Jar = new Map();
  const issuer = new URL(authorizationUrl).origin;
  const page = await send(authorizationUrl, 'GET', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', accept: 'text/html' });
  keepCookies(jar, page);
  if (page.status !== 200) throw new Error(`the authorization page answered ${page.status}: ${page.text.slice(0, 2000)}`);
  const api = async (endpoint: string, body: unknown, bearer?: string) => {
    const response = await send(
      `${issuer}${API}${endpoint}`,
      'POST',
      {
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
        'sec-fetch-mode': 'same-origin',
        'sec-fetch-dest': 'empty',
        origin: issuer,
        referer: authorizationUrl,
        'x-csrf-token': jar.get('csrf-token') ?? '',
        cookie: cookieHeader(jar),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      JSON.stringify(body),
    );
    keepCookies(jar, response);
    const answer = JSON.parse(response.text) as Record<string, unknown>;
    if (response.status !== 200) throw new Error(`${endpoint}: ${response.status} ${response.text}`);
    return answer;
  };
  let redirect: string;
  if (options.reject) {
    redirect = (await api('/reject', {})).url as string;
  } else {
    const signedIn = await api('/sign-in', { locale: 'en', username: account.username, password: account.password, remember: false });
    const did = (signedIn.account as { did: string }).did;
    redirect = (await api('/consent', { did }, signedIn.ephemeralToken as string)).url as string;
  }
  // /oauth/authorize/redirect?redirect_uri=…&code=…: the page's last hop, read instead of followed.
  const hop = new URL(redirect);
  const target = new URL(hop.searchParams.get('redirect_uri')!);
  for (const [key, value] of hop.searchParams) if (key !== 'redirect_uri' && key !== 'redirect_mode') target.searchParams.set(key, value);
  return target;
}
