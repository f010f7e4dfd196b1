import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, postGroups } from '../../src/server/db/schema/index.ts';
import type { Queue } from '../../src/server/jobs/queue.ts';
import { importCsv, type BulkCsvDeps } from '../../src/server/modules/bulk-csv/bulk-csv.service.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv, uploadMedia } from '../helpers/publishing.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const header = 'text,channels,date,time,time_zone,publish_at,media_urls,media_ids,first_comment,settings';
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
type RowView = { row: number; status: string; errors: { field: string; reason: string }[]; channels: string[]; publishAt: string | null };

// Bulk scheduling with CSV: every row checked like the composer checks a post, valid rows saved
// in one transaction through the composer's path, the export importable again.
describe('bulk CSV', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let files: http.Server;
  let filesUrl: string;
  let workspaceId: string;
  let editor: TeamMember;
  let viewer: TeamMember;
  let channelId: string;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  const db = () => h.herald.database.db;
  const groups = async () => db().select().from(postGroups).where(eq(postGroups.workspaceId, workspaceId));
  const clear = () => db().delete(postGroups).where(eq(postGroups.workspaceId, workspaceId));
  const preview = async (csv: string, who = editor) => who.client.post(api('/bulk-csv/preview'), { csv });
  const importFile = async (csv: string) => editor.client.post(api('/bulk-csv/import'), { csv });
  /** A download's bytes as sent (Response.text() would drop the byte order mark). */
  const download = async (p: string) => {
    const res = await fetch(new URL(api(p), h.url), { headers: { cookie: [...editor.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), bom: bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), text: bytes.toString('utf8') };
  };

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    files = http.createServer((req, res) => {
      if (req.url === '/dot.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    h = await startTestHerald({ env: fastEngineEnv });
    const team = await createTeam(h.url, 'Bulk');
    workspaceId = team.workspaceId;
    ({ editor, viewer } = team.members);
    channelId = await connectMastodon(h, team.members.owner.client, workspaceId, mastodon);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await new Promise((resolve) => files?.close(resolve));
  });

  it('offers a template with every column, a byte order mark and examples', async () => {
    const res = await download('/bulk-csv/template.csv');
    expect(res).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', bom: true });
    expect(res.text.slice(1).split('\n')[0]).toBe(header);
    // The template itself passes the form checks except its placeholder channel and media.
    const checked = await preview(res.text);
    expect(checked.body.rows.map((r: RowView) => r.errors.map((e) => e.field))).toEqual([['channels'], ['channels']]);
  });

  it('lists every bad row with its column and reason and saves nothing', async () => {
    const long = 'x'.repeat(600);
    const csv = [
      header,
      `Fine post,@herald,${future(3)},10:00,Europe/Berlin,,,,,`,
      `Unknown channel,@nobody,${future(3)},10:00,,,,,,`,
      `${long},@herald,${future(3)},10:00,,,,,,`,
      `In the past,@herald,2020-01-01,10:00,,,,,,`,
      `Bad zone,@herald,${future(3)},10:00,Mars/Olympus,,,,,`,
      `Bad date,@herald,${future(3).slice(0, 8)}45,10:00,,,,,,`,
      `US date,@herald,12/24/2031,10:00,,,,,,`,
      `Bad time,@herald,${future(3)},25:00,,,,,,`,
      `Bad JSON,@herald,${future(3)},10:00,,,,,,{oops`,
      `Bad instant,${channelId},,,,tomorrow,,,,`,
      `Bad media id,@herald,${future(3)},10:00,,,,nope,,`,
      `Bad URL,@herald,${future(3)},10:00,,,ftp://x/y.png,,,`,
    ].join('\n');
    const res = await preview(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.rows as RowView[];
    expect(res.body).toMatchObject({ total: 12, valid: 1, invalid: 11 });
    const errorOf = (row: number) => rows.find((r) => r.row === row)!.errors;
    expect(rows[0]).toMatchObject({ row: 2, status: 'valid', channels: [expect.stringMatching(/^@herald@/)] });
    expect(errorOf(3)).toEqual([{ field: 'channels', reason: 'no channel "@nobody" in this workspace' }]);
    expect(errorOf(4)).toEqual([{ field: 'text', reason: expect.stringMatching(/^@herald@\S+: Mastodon: 600 of 500 characters/) }]);
    expect(errorOf(5)).toEqual([{ field: 'date', reason: 'is in the past; pick a later time' }]);
    expect(errorOf(6)).toEqual([{ field: 'time_zone', reason: '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin)' }]);
    expect(errorOf(7)).toEqual([{ field: 'date', reason: expect.stringContaining('is not a real date') }]);
    expect(errorOf(8)).toEqual([{ field: 'date', reason: '"12/24/2031" is not a date written YYYY-MM-DD' }]);
    expect(errorOf(9)).toEqual([{ field: 'time', reason: '"25:00" is not a real time' }]);
    expect(errorOf(10)[0]).toMatchObject({ field: 'settings' });
    expect(errorOf(11)[0]).toMatchObject({ field: 'publish_at' });
    expect(errorOf(12)).toEqual([{ field: 'media_ids', reason: 'no file "nope" in the media library' }]);
    expect(errorOf(13)).toEqual([{ field: 'media_urls', reason: '"ftp://x/y.png" is not an http(s) address' }]);
    // The errors file: the bad rows as written, with the reasons.
    const errorsCsv = res.body.errorsCsv as string;
    expect(errorsCsv.charCodeAt(0)).toBe(0xfeff);
    expect(errorsCsv).toContain('row,text,channels');
    expect(errorsCsv).toContain('channels: no channel ""@nobody"" in this workspace');
    expect(errorsCsv).not.toContain('Fine post');
    expect(await groups()).toHaveLength(0);
  });

  it('reads a byte order mark, semicolons, and quoted cells holding commas, line breaks and quotes', async () => {
    const text = 'Hello, world!\nSecond line with "quotes"; and a semicolon';
    const csv = `\uFEFF${header.replaceAll(',', ';')}\r\n"${text.replaceAll('"', '""')}";"Herald on Mastodon";${future(4)};09:15;Europe/Berlin;;;;;\r\n`;
    const res = await importFile(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ valid: 1, invalid: 0, errorsCsv: null });
    const [group] = await groups();
    expect(group!.content.parts[0]!.text).toBe(text);
    expect(group!.timeZone).toBe('Europe/Berlin');
    await clear();
  });

  it('refuses malformed files, unknown columns, too many rows and viewers with a clear 4xx', async () => {
    expect((await preview(`${header}\n"unclosed,@herald`)).body.error.code).toBe('bulk_csv.malformed');
    expect((await preview('text,channel\nx,y')).body.error).toMatchObject({ code: 'bulk_csv.unknown_column', details: { column: 'channel' } });
    expect((await preview('text,date\nx,y')).body.error.code).toBe('bulk_csv.missing_column');
    const big = [header, ...Array.from({ length: 10_001 }, () => `a,@herald,${future(3)},10:00,,,,,,`)].join('\n');
    expect((await preview(big)).body.error).toMatchObject({ code: 'bulk_csv.too_many_rows' });
    const refused = await preview(`${header}\nx,@herald,${future(3)},10:00,,,,,,`, viewer);
    expect(refused.status).toBe(403);
  });

  it('imports the valid rows as scheduled posts with wake-ups, downloads media URLs, and lists the rest', async () => {
    const library = (await uploadMedia(h, editor.client, workspaceId, { bytes: png, name: 'dot.png', type: 'image/png' })).id;
    const csv = [
      header,
      `With a library file,@herald,${future(5)},08:00,,,,${library},,`,
      `With a downloaded file,@herald,,,,${new Date(Date.now() + 6 * 86_400_000).toISOString()},${filesUrl}/dot.png,,,`,
      `With a missing file,@herald,${future(5)},09:00,,,${filesUrl}/missing.png,,,`,
      `Unknown channel,@nobody,${future(3)},10:00,,,,,,`,
    ].join('\n');
    const res = await importFile(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 4, valid: 2, invalid: 2 });
    expect((res.body.imported as { row: number }[]).map((i) => i.row)).toEqual([2, 3]);
    expect((res.body.rows as RowView[]).find((r) => r.row === 4)!.errors).toEqual([{ field: 'media_urls', reason: expect.stringContaining('HTTP 404') }]);
    const saved = await groups();
    expect(saved.map((g) => g.state)).toEqual(['scheduled', 'scheduled']);
    const rows = await db().select().from(deliveries).where(eq(deliveries.workspaceId, workspaceId));
    expect(rows.every((d) => d.state === 'queued' && d.wakeJobId)).toBe(true);
    const media = saved.map((g) => g.content.parts[0]!.media.length).sort();
    expect(media).toEqual([1, 1]);
    await clear();
  });

  it('saves nothing when one row fails while saving (one transaction)', async () => {
    const csv = [header, ...[1, 2, 3, 4].map((n) => `Post ${n},@herald,${future(7)},1${n}:00,,,,,,`)].join('\n');
    let sends = 0;
    const boss = new Proxy(h.herald.boss, {
      get(target, prop, receiver) {
        if (prop === 'send') {
          return async (...args: unknown[]) => {
            if (++sends === 3) throw new Error('queue down');
            return (target.send as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Queue;
    const deps = { posts: { boss, instance: { mediaByUrl: false } }, channelDeps: {}, config: h.config, media: {}, allowPrivateFetch: false } as unknown as BulkCsvDeps;
    const ctx = { db: db(), actor: { userId: editor.id, email: 'editor@example.com', ip: null, userAgent: null } };
    await expect(importCsv(ctx, deps, { workspaceId, role: 'editor', csv })).rejects.toThrow('queue down');
    expect(sends).toBe(3);
    expect(await groups()).toHaveLength(0);
  });

  it('exports posts in the same columns, and importing the export gives the same posts', async () => {
    const csv = [
      header,
      `"First, with a comma",@herald,${future(8)},07:30,America/New_York,,,,,`,
      `"Second\nwith a line break",${channelId},${future(9)},18:45,Europe/Berlin,,,,"A comment",`,
    ].join('\n');
    expect((await importFile(csv)).body).toMatchObject({ valid: 2 });
    const shape = async () => (await groups()).map((g) => ({ text: g.content.parts[0]!.text, at: g.publishAt!.toISOString(), zone: g.timeZone, comment: g.content.firstComment })).sort((a, b) => a.at.localeCompare(b.at));
    const before = await shape();
    const exported = await download('/bulk-csv/export.csv');
    expect(exported).toMatchObject({ status: 200, bom: true });
    const file = exported.text;
    expect(file).toContain('@herald@');
    await clear();
    const again = await importFile(file);
    expect(again.body, JSON.stringify(again.body)).toMatchObject({ valid: 2, invalid: 0 });
    expect(await shape()).toEqual(before);
    await clear();
  });

  it('checks 10,000 rows in well under 10 s', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `"Post number ${i}, with a comma",@herald,${future(2 + (i % 300))},${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},Europe/Berlin,,,,,`);
    const started = performance.now();
    const res = await preview([header, ...rows].join('\n'));
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 10_000, valid: 10_000, invalid: 0 });
    expect(ms).toBeLessThan(10_000);
    console.log(`preview of 10,000 rows through the API: ${Math.round(ms)} ms`);
  });
});
