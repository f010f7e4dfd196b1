import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sayReason } from '../../src/server/modules/bulk-csv/bulk-csv.reasons.ts';
import { checkRow, indexChannels, zoneChecker, type CheckContext } from '../../src/server/modules/bulk-csv/bulk-csv.validate.ts';
import { columns, type CsvRow } from '../../src/server/modules/bulk-csv/bulk-csv.columns.ts';
import { englishOf } from '../../src/server/i18n/stored-words.ts';
import type { ChannelRow } from '../../src/server/modules/posts/posts.repository.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

const nbsp = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' };
const header = 'text,channels,date,time,time_zone,publish_at,media_urls,media_ids,first_comment,settings';
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
type RowView = { row: number; errors: { field: string; reason: string }[] };

describe('a bulk row’s reasons are built from their words', () => {
  const blank = Object.fromEntries(columns.map((c) => [c, ''])) as CsvRow;
  const ctx: CheckContext = {
    // Two channels under one display name: naming it is ambiguous.
    channels: indexChannels(['one', 'two'].map((id) => ({ id, username: null, displayName: 'Twins' }) as unknown as ChannelRow)),
    facts: new Map(),
    downloaded: null,
    workspaceTimeZone: 'Europe/Paris',
    now: Date.now(),
    instance: { mediaByUrl: false },
    isValidTimeZone: zoneChecker(),
  };
  const rows: Partial<CsvRow>[] = [
    { channels: '', date: '', time: '' },
    { channels: 'nobody', date: '31-12-2031', time: '7h', time_zone: 'Mars/Olympus', settings: '{oops' },
    { channels: 'nobody', publish_at: 'tomorrow', date: '2031-01-01', settings: '[1]', media_ids: 'nope', media_urls: 'ftp://x/y' },
    { channels: 'Twins', date: '2031-02-30', time: '10:00', settings: '{"myspace": {}, "mastodon": 3}' },
    { channels: 'nobody', date: '2020-01-01', time: '10:00', text: 'x'.repeat(100_001) },
  ];
  const errors = rows.flatMap((values, i) => checkRow({ row: i + 2, values: { ...blank, ...values }, extraCells: i }, ctx, new Set()).errors);

  it('says every kind in English exactly as the words say it, and each has a French of its own', () => {
    expect(errors.length).toBeGreaterThan(18);
    for (const error of errors) {
      expect('key' in error.words && englishOf('bulk', error.words)).toBe(error.reason);
      expect(sayReason(error, 'en')).toBe(error.reason);
      expect(sayReason(error, 'fr'), error.reason).not.toBe(error.reason);
    }
    expect(errors.map((e) => e.reason)).toEqual(
      expect.arrayContaining([
        'name at least one channel (id, @handle or display name)',
        'has 1 more cell than the header',
        'has 2 more cells than the header',
        'is empty: give date and time, or publish_at',
        'is empty: give the time of day as HH:MM (24-hour)',
        '"31-12-2031" is not a date written YYYY-MM-DD',
        '"Twins" matches 2 channels; use the channel id',
        '"7h" is not a time written HH:MM (24-hour)',
        '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin)',
        'is not JSON; write {"<network id>": {"option": "value"}} or leave it empty',
        'give either publish_at or date and time, not both',
        '"tomorrow" is not an ISO 8601 time with its offset, e.g. 2027-03-01T09:30:00+01:00',
        'must be a JSON object keyed by network id',
        'no file "nope" in the media library',
        '"ftp://x/y" is not an http(s) address',
        '"2031-02-30" is not a real date',
        '"myspace" is not a network id',
        'the options for Mastodon must be a JSON object',
        'is in the past; pick a later time',
        'is over 100000 characters',
      ]),
    );
  });
});

describe('bulk CSV answers in the language asked for', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let files: http.Server;
  let filesUrl: string;
  let workspaceId: string;
  let editor: TeamMember;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    files = http.createServer((_req, res) => void res.writeHead(404).end());
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    h = await startTestHerald({ env: fastEngineEnv });
    const team = await createTeam(h.url, 'Bulk');
    workspaceId = team.workspaceId;
    editor = team.members.editor;
    await connectMastodon(h, team.members.owner.client, workspaceId, mastodon);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await new Promise((resolve) => files?.close(resolve));
  });

  const csv = [
    header,
    `Fine post,@herald,${future(3)},10:00,Europe/Berlin,,,,,`,
    `Unknown channel,@nobody,${future(3)},10:00,,,,,,`,
    `${'x'.repeat(600)},@herald,${future(3)},10:00,,,,,,`,
    `In the past,@herald,2020-01-01,10:00,,,,,,`,
    `US date,@herald,12/24/2031,7h30,Mars/Olympus,,,,,`,
    `Bad JSON,@herald,${future(3)},10:00,,,,,,{oops`,
  ].join('\n');

  it('says each row’s reasons in French to a French reader, with the same fields, and keeps the English otherwise', async () => {
    const english = await editor.client.post(api('/bulk-csv/preview'), { csv });
    const inFrench = await editor.client.request('POST', api('/bulk-csv/preview'), { csv }, french);
    expect(english.status).toBe(200);
    expect(inFrench.status).toBe(200);
    const errorsOf = (body: { rows: RowView[] }, row: number) => body.rows.find((r) => r.row === row)!.errors;
    // The same rows, fields and counts in both.
    expect(inFrench.body.rows.map((r: RowView) => r.errors.map((e) => e.field))).toEqual(english.body.rows.map((r: RowView) => r.errors.map((e) => e.field)));
    expect(inFrench.body).toMatchObject({ total: 6, valid: 1, invalid: 5 });

    expect(errorsOf(english.body, 3)).toEqual([{ field: 'channels', reason: 'no channel "@nobody" in this workspace' }]);
    expect(errorsOf(inFrench.body, 3)).toEqual([{ field: 'channels', reason: `aucun canal «${nbsp}@nobody${nbsp}» dans cet espace de travail` }]);

    // A channel's rule issue, said through the rule's key.
    expect(errorsOf(english.body, 4)).toEqual([{ field: 'text', reason: expect.stringMatching(/^@herald@\S+: Mastodon: 600 of 500 characters, 100 too many$/) }]);
    expect(errorsOf(inFrench.body, 4)).toEqual([{ field: 'text', reason: expect.stringMatching(new RegExp(`^@herald@\\S+${nbsp}: Mastodon[ ${nbsp}]: 600 caractères sur 500, 100 de trop$`)) }]);

    expect(errorsOf(english.body, 5)).toEqual([{ field: 'date', reason: 'is in the past; pick a later time' }]);
    expect(errorsOf(inFrench.body, 5)).toEqual([{ field: 'date', reason: `est dans le passé${nbsp}; choisissez un moment plus tard` }]);

    expect(errorsOf(english.body, 6)).toEqual([
      { field: 'time_zone', reason: '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin)' },
      { field: 'date', reason: '"12/24/2031" is not a date written YYYY-MM-DD' },
      { field: 'time', reason: '"7h30" is not a time written HH:MM (24-hour)' },
    ]);
    expect(errorsOf(inFrench.body, 6)).toEqual([
      { field: 'time_zone', reason: `«${nbsp}Mars/Olympus${nbsp}» n’est pas un fuseau horaire IANA (par exemple Europe/Paris)` },
      { field: 'date', reason: `«${nbsp}12/24/2031${nbsp}» n’est pas une date au format AAAA-MM-JJ` },
      { field: 'time', reason: `«${nbsp}7h30${nbsp}» n’est pas une heure au format HH:MM (sur 24${nbsp}heures)` },
    ]);
    expect(errorsOf(inFrench.body, 7)).toEqual([{ field: 'settings', reason: `n’est pas du JSON${nbsp}; écrivez \`{"<id du réseau>": {"option": "valeur"}}\` ou laissez la cellule vide` }]);

    // The errors file too: the same columns, the reasons in French.
    expect(english.body.errorsCsv).toContain('channels: no channel ""@nobody"" in this workspace');
    expect(inFrench.body.errorsCsv.split('\n')[0]).toBe(english.body.errorsCsv.split('\n')[0]);
    expect(inFrench.body.errorsCsv).toContain(`channels${nbsp}: aucun canal «${nbsp}@nobody${nbsp}» dans cet espace de travail`);
    expect(inFrench.body.errorsCsv).not.toContain('in this workspace');
  });

  it('says a media download’s refusal in French at import, and nothing is imported from a bad row', async () => {
    const file = [header, `With a missing file,@herald,${future(5)},09:00,,,${filesUrl}/missing.png,,,`].join('\n');
    const english = await editor.client.post(api('/bulk-csv/import'), { csv: file });
    expect(english.body.rows[0].errors).toEqual([{ field: 'media_urls', reason: 'the file could not be downloaded: it answered HTTP 404' }]);
    const inFrench = await editor.client.request('POST', api('/bulk-csv/import'), { csv: file }, french);
    expect(inFrench.status).toBe(200);
    expect(inFrench.body).toMatchObject({ valid: 0, invalid: 1, imported: [] });
    expect(inFrench.body.rows[0].errors).toEqual([{ field: 'media_urls', reason: 'impossible de télécharger le fichier (le serveur a répondu HTTP 404)' }]);
  });
});
