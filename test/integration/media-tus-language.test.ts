import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

const MB = 1024 * 1024;
const nbsp = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' };
const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a video at all')]);
const octets = { 'content-type': 'application/offset+octet-stream' };

// A resumable upload's refusal is answered by tus, not by the error handler: it says it in the
// request's language all the same, and the refusal kept for `result` is said in the language of
// whoever asks for it.
describe('resumable upload refusals in the language asked for', () => {
  let h: TestHerald;
  let owner: TeamMember;
  let base: string;

  beforeAll(async () => {
    h = await startTestHerald({ env: { HERALD_MEDIA_MAX_UPLOAD_MB: '2' } });
    const team = await createTeam(h.url, 'Uploads');
    owner = team.members.owner;
    base = `/api/v1/workspaces/${team.workspaceId}/media/uploads`;
  }, 60_000);
  afterAll(async () => h?.close());

  async function tus(client: Client, method: string, url: string, headers: Record<string, string>, body?: Buffer) {
    const res = await fetch(new URL(url, h.url), {
      method,
      headers: { origin: h.url, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'tus-resumable': '1.0.0', ...headers },
      body: body && new Uint8Array(body),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  async function refusedZip(language: Record<string, string>) {
    const created = await tus(owner.client, 'POST', base, { 'upload-length': String(zip.length), ...language });
    const location = created.headers.get('location')!;
    const patch = await tus(owner.client, 'PATCH', location, { 'upload-offset': '0', ...octets, ...language }, zip);
    return { patch: { status: patch.status, error: JSON.parse(patch.text).error }, uploadId: location.split('/').at(-1)! };
  }

  it('refuses a file of the wrong type in French to a French reader, in English otherwise, with the same code and details', async () => {
    const english = await refusedZip({});
    expect(english.patch.status).toBe(400);
    expect(english.patch.error).toMatchObject({ code: 'media.unsupported_type', details: { field: 'file', found: 'a ZIP archive (or an Office document)' } });
    expect(english.patch.error.message).toMatch(/^This file is a ZIP archive \(or an Office document\); Herald accepts /);

    const inFrench = await refusedZip(french);
    expect(inFrench.patch.status).toBe(400);
    expect(inFrench.patch.error).toMatchObject({ code: 'media.unsupported_type', details: english.patch.error.details });
    expect(inFrench.patch.error.message).toBe(`Ce fichier est une archive ZIP (ou un document Office)${nbsp}; Herald accepte les images JPEG, PNG, GIF ou WebP, les vidéos MP4 ou MOV et les documents PDF`);

    // The refusal kept for the result is said in the language of whoever reads it.
    const resultInFrench = await owner.client.request('GET', `${base}/${english.uploadId}/result`, undefined, french);
    expect(resultInFrench.status).toBe(400);
    expect(resultInFrench.body.error).toMatchObject({ code: 'media.unsupported_type', message: inFrench.patch.error.message });
    const resultInEnglish = await owner.client.get(`${base}/${inFrench.uploadId}/result`);
    expect(resultInEnglish.body.error).toMatchObject({ code: 'media.unsupported_type', message: english.patch.error.message });
  });

  it('refuses a file over the limit (413) with Herald’s error in the reader’s language', async () => {
    const english = await tus(owner.client, 'POST', base, { 'upload-length': String(2 * MB + 1) });
    expect(english.status).toBe(413);
    expect(JSON.parse(english.text).error).toMatchObject({ code: 'media.too_large', message: 'The file is larger than this Herald accepts (2 MB)', details: { field: 'file', maxBytes: 2 * MB } });
    const inFrench = await tus(owner.client, 'POST', base, { 'upload-length': String(2 * MB + 1), ...french });
    expect(inFrench.status).toBe(413);
    expect(JSON.parse(inFrench.text).error).toMatchObject({ code: 'media.too_large', message: 'Le fichier dépasse ce que ce Herald accepte (2 Mo)' });
  });
});
