import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { auditLog, userAvatars, users } from '../../src/server/db/schema/index.ts';
import { waitFor } from '../helpers/publishing.ts';
import { createClient, signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { readZip } from '../helpers/zip.ts';

// GDPR art. 16 (rectification): a user corrects their e-mail address (confirmed from the new
// address before it takes effect) and sets or removes their picture.
describe('rectification: e-mail change and picture', () => {
  let h: TestHerald;
  const db = () => h.herald.database.db;

  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());

  /** The e-mails Herald wrote to its log (no SMTP in tests) for one address. */
  const mailsTo = (address: string) =>
    h.logs
      .map((line) => JSON.parse(line) as { mailTo?: string; subject?: string; msg: string })
      .filter((entry) => entry.mailTo === address);
  const linkIn = (text: string) => /(http:\/\/\S+\/api\/auth\/verify-email\?\S+)/.exec(text)?.[1];
  const auditRows = (userId: string, action: string) => db().select().from(auditLog).where(and(eq(auditLog.actorUserId, userId), eq(auditLog.action, action)));
  const signIn = (email: string, password: string) => createClient(h.url).post('/api/auth/sign-in/email', { email, password });
  const cookie = (client: Client) => [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ');

  describe('e-mail change', () => {
    it('sends a link to the new address and a notice to the old one, and changes nothing yet', async () => {
      const u = await signUp(h.url, { name: 'Rita Rectify' });
      expect(mailsTo(u.email)).toEqual([]); // sign-up sends no verification e-mail
      const res = await u.client.post('/api/auth/change-email', { newEmail: 'Rita.New@Example.com', callbackURL: '/profile?email=changed' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ status: true });

      const [link] = mailsTo('rita.new@example.com');
      expect(link?.subject).toBe('Confirm your new e-mail address for Herald');
      expect(linkIn(link!.msg)).toBeTruthy();
      const [notice] = mailsTo(u.email);
      expect(notice?.subject).toBe('Your Herald e-mail address is being changed');
      expect(notice!.msg).toContain('rita.new@example.com');
      expect(notice!.msg).toMatch(/change your password/);
      expect(linkIn(notice!.msg)).toBeUndefined();

      const me = await u.client.get('/api/v1/me');
      expect(me.body.user.email).toBe(u.email);
      expect((await signIn(u.email, u.password)).status).toBe(200);
      expect((await signIn('rita.new@example.com', u.password)).status).toBe(401);
      expect((await auditRows(u.id, 'user.email_change_requested')).map((r) => r.changes)).toEqual([{ to: 'rita.new@example.com' }]);
      expect(await auditRows(u.id, 'user.email_changed')).toEqual([]);
    });

    it('switches to the new address when the link is opened, and lands on the Profile page', async () => {
      const u = await signUp(h.url, { name: 'Otto Opener' });
      expect((await u.client.post('/api/auth/change-email', { newEmail: 'otto.new@example.com', callbackURL: '/profile?email=changed' })).status).toBe(200);
      const url = new URL(linkIn(mailsTo('otto.new@example.com')[0]!.msg)!);
      expect(url.searchParams.get('callbackURL')).toBe('/profile?email=changed');

      // Opened in another browser, without a session: the link alone is enough.
      const opened = await createClient(h.url).get(url.pathname + url.search);
      expect(opened.status).toBe(302);
      expect(opened.headers.get('location')).toBe('/profile?email=changed');

      const [row] = await db().select().from(users).where(eq(users.id, u.id));
      expect(row!.email).toBe('otto.new@example.com');
      expect((await u.client.get('/api/v1/me')).body.user.email).toBe('otto.new@example.com');
      expect((await signIn('otto.new@example.com', u.password)).status).toBe(200);
      expect((await signIn(u.email, u.password)).status).toBe(401);
      expect((await auditRows(u.id, 'user.email_changed')).map((r) => r.changes)).toEqual([{ email: { from: u.email, to: 'otto.new@example.com' } }]);

      // Opening it again is refused, shown on the Profile page, and audits nothing more.
      const again = await createClient(h.url).get(url.pathname + url.search);
      expect(again.status).toBe(302);
      expect(again.headers.get('location')).toMatch(/^\/profile\?email=changed&error=[A-Z_]+$/);
      expect(await auditRows(u.id, 'user.email_changed')).toHaveLength(1);
    });

    it('sends a bad or expired token back to the Profile page with the error', async () => {
      const res = await createClient(h.url).get(`/api/auth/verify-email?token=not-a-token&callbackURL=${encodeURIComponent('/profile?email=changed')}`);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/profile?email=changed&error=INVALID_TOKEN');
    });

    it('answers the same for an address that is taken, and changes nothing', async () => {
      const taken = await signUp(h.url, { name: 'Taken' });
      const u = await signUp(h.url, { name: 'Tess Try' });
      const res = await u.client.post('/api/auth/change-email', { newEmail: taken.email.toUpperCase(), callbackURL: '/profile?email=changed' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: true });
      expect(mailsTo(taken.email)).toEqual([]);
      const [row] = await db().select().from(users).where(eq(users.id, u.id));
      expect(row!.email).toBe(u.email);
      expect((await signIn(taken.email, taken.password)).status).toBe(200);
    });

    it('refuses the link when someone took the address after it was sent', async () => {
      const u = await signUp(h.url, { name: 'Late Larry' });
      expect((await u.client.post('/api/auth/change-email', { newEmail: 'contested@example.com', callbackURL: '/profile?email=changed' })).status).toBe(200);
      const url = new URL(linkIn(mailsTo('contested@example.com')[0]!.msg)!);
      await signUp(h.url, { email: 'contested@example.com' });
      const opened = await u.client.get(url.pathname + url.search);
      expect(opened.status).toBe(302);
      expect(opened.headers.get('location')).toBe('/profile?email=changed&error=EMAIL_TAKEN');
      expect((await u.client.get('/api/v1/me')).body.user.email).toBe(u.email);
      expect(await auditRows(u.id, 'user.email_changed')).toEqual([]);
    });

    it('refuses an invalid address with 400 naming the field', async () => {
      const u = await signUp(h.url);
      const res = await u.client.post('/api/auth/change-email', { newEmail: 'not an address' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/newEmail/);
      expect(await auditRows(u.id, 'user.email_change_requested')).toEqual([]);
      expect((await createClient(h.url).post('/api/auth/change-email', { newEmail: 'a@example.com' })).status).toBe(401);
    });
  });

  describe('picture', () => {
    const put = (client: Client | null, body: FormData | string, contentType?: string) =>
      fetch(new URL('/api/v1/me/avatar', h.url), {
        method: 'PUT',
        headers: { origin: h.url, ...(client ? { cookie: cookie(client) } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      });
    const form = (bytes: Buffer, name: string, type: string) => {
      const data = new FormData();
      data.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return data;
    };
    const getAvatar = (client: Client | null, userId: string) =>
      fetch(new URL(`/api/v1/users/${userId}/avatar`, h.url), { headers: client ? { cookie: cookie(client) } : {} });

    it('keeps an uploaded picture as a 256×256 WebP that the people the user works with may see', async () => {
      const u = await signUp(h.url, { name: 'Pia Picture' });
      const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#cc3366' } }).png().toBuffer();
      const res = await put(u.client, form(png, 'me.png', 'image/png'));
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.image).toMatch(new RegExp(`^/api/v1/users/${u.id}/avatar\\?v=[0-9a-f]{12}$`));
      expect((await u.client.get('/api/v1/me')).body.user.image).toBe(body.image);

      const served = await getAvatar(u.client, u.id);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('cache-control')).toMatch(/^private/);
      const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });

      // Shown to the people Pia works with, not to every account on the instance.
      const stranger = await signUp(h.url);
      expect((await getAvatar(stranger.client, u.id)).status).toBe(404);
      const workspace = (await u.client.post('/api/v1/workspaces', { name: 'Pia and friends' })).body.id;
      const colleague = await signUp(h.url);
      const invite = await u.client.post(`/api/v1/workspaces/${workspace}/invitations`, { email: colleague.email, role: 'viewer' });
      expect((await colleague.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);
      expect((await getAvatar(colleague.client, u.id)).status).toBe(200);
      const anonymous = await getAvatar(null, u.id);
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.code).toBe('auth.unauthenticated');
      expect((await auditRows(u.id, 'user.avatar_changed')).length).toBe(1);

      // A JPEG replaces it under a new version.
      const jpeg = await sharp({ create: { width: 100, height: 300, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();
      const replaced = await (await put(u.client, form(jpeg, 'x.jpg', 'image/jpeg'))).json();
      expect(replaced.image).not.toBe(body.image);
      expect(await db().select().from(userAvatars).where(eq(userAvatars.userId, u.id))).toHaveLength(1);
    });

    it('refuses what is not a picture, too large or malformed with 4xx and the reason', async () => {
      const u = await signUp(h.url);
      const text = await put(u.client, form(Buffer.from('just some text, not a picture'), 'fake.png', 'image/png'));
      expect(text.status).toBe(400);
      expect((await text.json()).error).toMatchObject({ code: 'avatar.unsupported_type', details: { field: 'file', reason: 'unsupported_type' } });

      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
      const svgRes = await put(u.client, form(svg, 'a.svg', 'image/svg+xml'));
      expect(svgRes.status).toBe(400);
      expect((await svgRes.json()).error.code).toBe('avatar.unsupported_type');

      const huge = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(6 * 1024 * 1024, 7)]);
      const tooLarge = await put(u.client, form(huge, 'huge.png', 'image/png'));
      expect(tooLarge.status).toBe(413);
      expect((await tooLarge.json()).error).toMatchObject({ code: 'avatar.too_large', details: { field: 'file', reason: 'too_large' } });

      const json = await put(u.client, JSON.stringify({ file: 'x' }), 'application/json');
      expect(json.status).toBe(400);
      expect((await json.json()).error).toMatchObject({ code: 'avatar.multipart_required', details: { field: 'file' } });

      const empty = new FormData();
      empty.append('note', 'hello');
      const wrongField = await put(u.client, empty);
      expect(wrongField.status).toBe(400);
      expect((await wrongField.json()).error).toMatchObject({ code: 'avatar.unexpected_field', details: { field: 'note' } });

      expect((await put(null, form(huge.subarray(0, 100), 'a.png', 'image/png'))).status).toBe(401);
      const [row] = await db().select().from(users).where(eq(users.id, u.id));
      expect(row!.image).toBeNull();
      expect(await db().select().from(userAvatars).where(eq(userAvatars.userId, u.id))).toEqual([]);
    });

    it('refuses a 16,000×16,000 picture from its header, quickly, naming the reason', async () => {
      const u = await signUp(h.url);
      // One colour compresses to a small file; decoding it would still take seconds.
      const giant = await sharp({ create: { width: 16_000, height: 16_000, channels: 3, background: '#224466' } }).png({ compressionLevel: 9 }).toBuffer();
      expect(giant.length).toBeLessThan(5 * 1024 * 1024);
      const started = performance.now();
      const res = await put(u.client, form(giant, 'giant.png', 'image/png'));
      const elapsedMs = performance.now() - started;
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({
        code: 'avatar.too_many_pixels',
        details: { field: 'file', reason: 'too_many_pixels', width: 16_000, height: 16_000, maxPixels: 4096 * 4096 },
      });
      expect(elapsedMs).toBeLessThan(1000);
      const [row] = await db().select().from(users).where(eq(users.id, u.id));
      expect(row!.image).toBeNull();
    });

    it('takes at most 10 uploads a minute from one user (429 rate_limited), and counts each user apart', async () => {
      const u = await signUp(h.url);
      const other = await signUp(h.url);
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).png().toBuffer();
      for (let i = 0; i < 10; i++) expect((await put(u.client, form(png, 'a.png', 'image/png'))).status).toBe(200);
      const eleventh = await put(u.client, form(png, 'a.png', 'image/png'));
      expect(eleventh.status).toBe(429);
      expect((await eleventh.json()).error.code).toBe('rate_limited');
      expect((await put(other.client, form(png, 'a.png', 'image/png'))).status).toBe(200);
    });

    it('removes the picture', async () => {
      const u = await signUp(h.url);
      const gif = await sharp({ create: { width: 32, height: 32, channels: 4, background: '#00aa00ff' } }).gif().toBuffer();
      expect((await put(u.client, form(gif, 'a.gif', 'image/gif'))).status).toBe(200);
      const removed = await u.client.delete('/api/v1/me/avatar');
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({ image: null });
      expect((await u.client.get('/api/v1/me')).body.user.image).toBeNull();
      const gone = await getAvatar(u.client, u.id);
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.code).toBe('avatar.not_found');
      const again = await u.client.delete('/api/v1/me/avatar');
      expect(again.status).toBe(404);
      expect((await auditRows(u.id, 'user.avatar_removed')).length).toBe(1);
    });

    it('is in the data export, and goes with the account', async () => {
      const u = await signUp(h.url);
      const webp = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#888888' } }).webp().toBuffer();
      expect((await put(u.client, form(webp, 'a.webp', 'image/webp'))).status).toBe(200);
      const created = await u.client.post('/api/v1/me/exports');
      expect(created.status).toBe(201);
      await waitFor(
        async () => (await u.client.get('/api/v1/me/exports')).body.items.find((e: { id: string; status: string }) => e.id === created.body.id && e.status === 'ready'),
        { what: 'the export to be ready' },
      );
      const zip = Buffer.from(await (await fetch(new URL(`/api/v1/me/exports/${created.body.id}/download`, h.url), { headers: { cookie: cookie(u.client) } })).arrayBuffer());
      const files = readZip(zip);
      expect(await sharp(files.get('avatar.webp')!).metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });
      expect(files.get('README.md')!.toString('utf8')).toContain('avatar.webp');

      expect((await u.client.post('/api/v1/me/delete', { password: u.password, confirm: true })).status).toBe(200);
      expect(await db().select().from(userAvatars).where(eq(userAvatars.userId, u.id))).toEqual([]);
    });
  });

  describe('language', () => {
    it('follows the browser until the user chooses, then keeps their choice (null goes back), auditing each change', async () => {
      const u = await signUp(h.url);
      expect((await u.client.get('/api/v1/me')).body.user.language).toBeNull();
      const set = await u.client.put('/api/v1/me/language', { language: 'fr' });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body).toEqual({ language: 'fr' });
      expect((await u.client.get('/api/v1/me')).body.user.language).toBe('fr');
      const [row] = await db().select({ language: users.language }).from(users).where(eq(users.id, u.id));
      expect(row!.language).toBe('fr');
      expect((await u.client.put('/api/v1/me/language', { language: null })).body).toEqual({ language: null });
      expect((await u.client.get('/api/v1/me')).body.user.language).toBeNull();
      const audits = await auditRows(u.id, 'user.updated');
      expect(audits.map((a) => a.changes)).toEqual([{ language: { from: null, to: 'fr' } }, { language: { from: 'fr', to: null } }]);
    });

    it('refuses a language Herald does not speak with 400 naming the field', async () => {
      const u = await signUp(h.url);
      for (const body of [{ language: 'de' }, { language: 'FR' }, { language: 7 }, {}]) {
        const res = await u.client.put('/api/v1/me/language', body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.details.issues[0].field).toBe('body.language');
      }
      expect((await u.client.get('/api/v1/me')).body.user.language).toBeNull();
    });
  });
});
