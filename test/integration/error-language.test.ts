import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { createClient, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { languageOfHeader } from '../../src/server/http/request-language.ts';
import { translator } from '../../src/server/i18n/i18n.ts';
import { errorMessage, schemaIssueMessage } from '../../src/server/http/error-language.ts';

const nbsp = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' };

describe('the language of an answer', () => {
  it('is the first language of Accept-Language that Herald speaks, else English', () => {
    expect(languageOfHeader(undefined)).toBe('en');
    expect(languageOfHeader('fr')).toBe('fr');
    expect(languageOfHeader('fr-CA')).toBe('fr');
    expect(languageOfHeader('de-DE, fr;q=0.8, en;q=0.7')).toBe('fr');
    expect(languageOfHeader('en;q=0.5, fr')).toBe('fr');
    expect(languageOfHeader('fr;q=0, de')).toBe('en');
    expect(languageOfHeader('*')).toBe('en');
  });
});

describe('a schema issue', () => {
  it('is said in French when it is zod’s own English, and left as written when a schema wrote it', () => {
    const [own] = z.string().min(3).safeParse('a').error!.issues;
    expect(schemaIssueMessage('en', own!, own!.message)).toBe(own!.message);
    expect(schemaIssueMessage('fr', own!, own!.message)).toMatch(/^Trop petit/);
    const [written] = z.string().min(3, 'must be at least 3 letters').safeParse('a').error!.issues;
    expect(schemaIssueMessage('fr', written!, written!.message)).toBe('must be at least 3 letters');
  });
});

describe('error answers in the language asked for', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let user: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  beforeAll(async () => {
    h = await startTestHerald({ env: { HERALD_MASTODON_ALLOW_HTTP: fastEngineEnv.HERALD_MASTODON_ALLOW_HTTP } });
    mastodon = await startMastodonFake();
    user = await signUp(h.url);
    workspaceId = (await user.client.post('/api/v1/workspaces', { name: 'Atelier' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('keeps the English without Accept-Language, and answers French to French, with the same code and details', async () => {
    const members = `/api/v1/workspaces/${workspaceId}/invitations`;
    const english = await user.client.post(members, { email: user.email, role: 'viewer' });
    expect(english.status).toBe(409);
    expect(english.body.error).toMatchObject({ code: 'member.already_member', message: `${user.email} is already a member of this workspace` });

    const inFrench = await user.client.request('POST', members, { email: user.email, role: 'viewer' }, french);
    expect(inFrench.status).toBe(409);
    expect(inFrench.body.error).toMatchObject({ code: 'member.already_member', message: `${user.email} est déjà membre de cet espace de travail` });

    const notMine = await user.client.request('GET', '/api/v1/workspaces/00000000-0000-4000-8000-000000000000/posts', undefined, { 'accept-language': 'de, fr' });
    expect(notMine.body.error).toMatchObject({ code: 'workspace.not_found', message: 'Espace de travail introuvable' });
    const inGerman = await user.client.request('GET', '/api/v1/workspaces/00000000-0000-4000-8000-000000000000/posts', undefined, { 'accept-language': 'de' });
    expect(inGerman.body.error.message).toBe('Workspace not found');
  });

  it('says what a refused file was found to be, and what Herald accepts, in French', async () => {
    const upload = async (bytes: Buffer, language?: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), 'file.bin');
      const res = await fetch(new URL(`/api/v1/workspaces/${workspaceId}/media`, h.url), {
        method: 'POST',
        headers: { origin: h.url, cookie: [...user.client.jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(language ? { 'accept-language': language } : {}) },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    };
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
    const english = await upload(zip);
    expect(english.status).toBe(400);
    expect(english.body.error).toMatchObject({ code: 'media.unsupported_type', message: 'This file is a ZIP archive (or an Office document); Herald accepts JPEG, PNG, GIF or WebP images, MP4 or MOV videos, PDF documents' });
    const inFrench = await upload(zip, 'fr');
    expect(inFrench.body.error.message).toBe(`Ce fichier est une archive ZIP (ou un document Office)${nbsp}; Herald accepte les images JPEG, PNG, GIF ou WebP, les vidéos MP4 ou MOV et les documents PDF`);
    // A shape of words stands for each value of that shape, after the exact ones.
    expect(errorMessage('fr', 'avatar.unsupported_type', 'This file is a BMP file; a picture must be PNG, JPEG, WebP or GIF', { found: 'a BMP file', accepted: 'PNG, JPEG, WebP or GIF' })).toBe(
      `Ce fichier est un fichier BMP${nbsp}; une photo doit être au format PNG, JPEG, WebP ou GIF`,
    );
    expect(errorMessage('fr', 'media.unsupported_type', 'This file is a WAV audio file; Herald accepts JPEG, PNG, GIF or WebP images, MP4 or MOV videos, PDF documents', { found: 'a WAV audio file', accepted: 'JPEG, PNG, GIF or WebP images, MP4 or MOV videos, PDF documents' })).toMatch(/^Ce fichier est un fichier audio WAV/);
    // Text that is no media at all is named in French too.
    const plainText = await upload(Buffer.from('just some words, not a picture'), 'fr');
    expect(plainText.body.error.message).toBe(`Ce fichier est du texte${nbsp}; Herald accepte les images JPEG, PNG, GIF ou WebP, les vidéos MP4 ou MOV et les documents PDF`);
  });

  it('leads a validation failure with its field in French, its issues keeping their fields', async () => {
    const url = `/api/v1/workspaces/${workspaceId}`;
    const english = await user.client.patch(url, { name: 'x'.repeat(200) });
    expect(english.body.error.message).toBe('body.name: must be at most 80 characters');
    const inFrench = await user.client.request('PATCH', url, { name: 'x'.repeat(200) }, french);
    expect(inFrench.status).toBe(400);
    expect(inFrench.body.error.code).toBe('validation_failed');
    expect(inFrench.body.error.message).toBe(`body.name${nbsp}: doit faire 80 caractères au plus`);
    expect(inFrench.body.error.details.issues).toEqual([{ field: 'body.name', message: 'doit faire 80 caractères au plus' }]);
    expect(english.body.error.details.issues).toEqual([{ field: 'body.name', message: 'must be at most 80 characters' }]);
  });

  it('says a network rule’s issue in French through its key, and in English without the header', async () => {
    const channelId = await connectMastodon(h, user.client, workspaceId, mastodon);
    const post = { content: { text: 'a'.repeat(520) }, channels: [{ channelId }], schedule: { mode: 'draft' } };
    const url = `/api/v1/workspaces/${workspaceId}/posts`;

    const english = await user.client.post(url, post);
    expect(english.status).toBe(400);
    const [issue] = english.body.error.details.issues;
    expect(issue).toEqual({ field: 'channels.0.text', message: 'Mastodon: 520 of 500 characters, 20 too many' });
    expect(english.body.error.message).toBe(`channels.0.text: ${issue.message}`);

    const inFrench = await user.client.request('POST', url, post, french);
    expect(inFrench.status).toBe(400);
    const [frenchIssue] = inFrench.body.error.details.issues;
    const sentence = translator('fr', 'networks')('rules.tooLong', { network: 'Mastodon', used: 520, max: 500, over: 20 });
    expect(sentence).toMatch(/^Mastodon\s: 520 caractères sur 500, 20 de trop$/);
    expect(frenchIssue).toEqual({ field: 'channels.0.text', message: sentence });
    expect(inFrench.body.error.message).toBe(`channels.0.text${nbsp}: ${frenchIssue.message}`);
  });

  it('answers Herald’s own sign-up refusals and the request checks in French', async () => {
    const badOrigin = await fetch(`${h.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json', ...french },
      body: '{}',
    });
    expect(badOrigin.status).toBe(403);
    expect((await badOrigin.json()).error).toMatchObject({ code: 'request.bad_origin', message: `Requête refusée${nbsp}: elle ne vient pas de ce Herald` });

    const badJson = await fetch(`${h.url}/api/v1/workspaces`, { method: 'POST', headers: { origin: h.url, 'content-type': 'application/json', ...french }, body: '{"name": ' });
    const badJsonError = (await badJson.json()).error;
    expect(badJsonError.code).toBe('request.ctp_invalid_json_body');
    expect(badJsonError.message).toBe('Le corps n’est pas du JSON valide alors que content-type vaut «\u00a0application/json\u00a0»');
  });
});

describe('the sign-in limit in the language asked for', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald({ env: { HERALD_AUTH_RATE_LIMIT: '2' } });
  });
  afterAll(async () => h?.close());

  it('says how long to wait, in English and in French', async () => {
    const client = createClient(h.url);
    const attempt = (headers: Record<string, string> = {}) => client.request('POST', '/api/auth/sign-in/email', { email: 'nobody@example.com', password: 'wrong password' }, headers);
    await attempt();
    await attempt();
    const english = await attempt();
    expect(english.status).toBe(429);
    const seconds = english.body.error.details.retryAfterSeconds;
    expect(english.body.error).toMatchObject({ code: 'rate_limited', message: `Too many attempts. Try again in ${seconds} s.` });
    const inFrench = await attempt(french);
    expect(inFrench.body.error.message).toMatch(/^Trop de tentatives\. Réessayez dans \d+ s\.$/);
  });
});
