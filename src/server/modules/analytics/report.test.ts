import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, ne } from 'drizzle-orm';
import pino from 'pino';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.ts';
import { reportRuns, reportSchedules, users, webhookDeliveries, webhookEndpoints, workspaces, workspaceSettings } from '../../db/schema/index.ts';
import { createMailer } from '../mail/mailer.ts';
import { startSmtpCatcher } from '../../../../test/helpers/smtp-catcher.ts';
import { fakeFigures } from '../../../../test/helpers/report-figures.ts';
import { localDay, previousMonth, sendScheduledReports } from './report.jobs.ts';
import { pdfText, renderReportPdf } from './report.pdf.ts';
import { buildReport, checkRange, reportFileName, requesterLanguage } from './report.service.ts';

// A 2×2 red PNG, as the workspace logo is stored.
const logo = `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==`;

async function pdfToText(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?=), as nodemailer writes a subject with non-ASCII characters. */
const decodeWords = (header: string) =>
  header.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, q: string) => Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));

describe('client report', () => {
  let database: Database;
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-report-'));
  const ids = { mastodonA: 'ch-m-a', mastodonB: 'ch-m-b', bluesky: 'ch-bsky' };
  const db = () => database.db;

  async function workspace(id: string, options: { name: string; timeZone: string; analytics?: boolean; logo?: string | null; recipients?: string[]; updatedBy?: string | null }) {
    await db().insert(workspaces).values({ id, name: options.name, slug: `${id}-slug`, logo: options.logo ?? null });
    await db().insert(workspaceSettings).values({ workspaceId: id, timeZone: options.timeZone, analyticsEnabled: options.analytics ?? true });
    if (options.recipients) await db().insert(reportSchedules).values({ workspaceId: id, enabled: true, recipients: options.recipients, updatedBy: options.updatedBy ?? null });
  }

  beforeAll(async () => {
    database = await openDatabase({ dataPath });
    await database.migrate();
    await workspace('ws-berlin', { name: 'Café Aurora', timeZone: 'Europe/Berlin', logo, recipients: ['client@example.com', 'boss@example.com'] });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  });

  it('builds the report from the figures, with a section per network narrowed to that network', async () => {
    const { figures, calls } = fakeFigures('ws-berlin', 'Café Aurora', ids);
    const report = await buildReport({ db: db(), figures }, 'ws-berlin', { from: '2026-11-01', to: '2026-11-30' }, new Date('2026-12-01T08:00:00Z'));
    expect(report.workspace).toEqual({ id: 'ws-berlin', name: 'Café Aurora', logoUrl: expect.stringMatching(/^\/api\/v1\/workspaces\/ws-berlin\/logo\?v=[0-9a-f]{12}$/) });
    expect(report.generatedAt).toBe('2026-12-01T08:00:00.000Z');
    expect(report.dashboard.summary.views.value).toBe(48_213);
    expect(report.dashboard.days).toHaveLength(30);
    expect(report.networks.map((n) => [n.network, n.channels])).toEqual([
      ['bluesky', [ids.bluesky]],
      ['mastodon', [ids.mastodonA, ids.mastodonB]],
    ]);
    // Each section has its own network's figures: Bluesky reports no views, and says so.
    expect(report.networks[0]!.summary.views.value).toBeNull();
    expect(report.networks[0]!.topPosts.map((p) => p.deliveryId)).toEqual(['d2']);
    expect(report.networks[1]!.summary.likes.value).toBe(1_011);
    // The whole workspace compared with the previous period, then once per network; never another workspace.
    expect(calls).toEqual([{ workspaceIds: ['ws-berlin'] }, { workspaceIds: ['ws-berlin'], networks: ['bluesky'] }, { workspaceIds: ['ws-berlin'], networks: ['mastodon'] }]);
  });

  it('refuses periods that are not one, naming the field', () => {
    const fieldOf = (from: string, to: string) => {
      try {
        checkRange({ from, to });
        return null;
      } catch (error) {
        return (error as { code: string; details: { field: string } }).code + ':' + (error as { details: { field: string } }).details.field;
      }
    };
    expect(fieldOf('2026-02-30', '2026-03-31')).toBe('analytics.invalid_range:from');
    expect(fieldOf('2026-11-01', '2026-13-01')).toBe('analytics.invalid_range:to');
    expect(fieldOf('2026-11-30', '2026-11-01')).toBe('analytics.invalid_range:to');
    expect(fieldOf('2025-01-01', '2026-01-02')).toBe('analytics.invalid_range:to');
    expect(fieldOf('2025-01-01', '2025-12-31')).toBeNull();
    expect(reportFileName('café aurora', { from: '2026-11-01', to: '2026-11-30' })).toBe('caf-aurora-report-2026-11-01-to-2026-11-30.pdf');
  });

  it('writes a PDF with the name, period, figures with their change, top posts and a page per network', async () => {
    const { figures } = fakeFigures('ws-berlin', 'Café Aurora', ids);
    const report = await buildReport({ db: db(), figures }, 'ws-berlin', { from: '2026-11-01', to: '2026-11-30' });
    const pdf = await renderReportPdf(report, logo);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    // Summary and charts, top posts, then Bluesky and Mastodon.
    expect(doc.numPages).toBeGreaterThanOrEqual(3);
    const text = await pdfToText(pdf);
    expect(text).toContain('Café Aurora');
    expect(text).toContain('1 Nov 2026 – 30 Nov 2026');
    expect(text).toContain('48,213');
    expect(text).toContain('+20.5%');
    expect(text).toContain('1,234');
    expect(text).toContain('−17.7%');
    expect(text).toContain('2.8%');
    expect(text).toContain('+120');
    expect(text).toContain('Our autumn menu is here');
    expect(text).toContain('Bluesky');
    expect(text).toContain('Mastodon');
    // Reach is null everywhere: said in words, never written as 0.
    expect(text).toContain('not reported by this network');
    // Channels by name, emoji in the embedded emoji font.
    expect(text).toContain('2 channels: Main account, Second account');
    expect(text).toContain('Open late on Fridays from now on 🍷');
    expect(pdfText('Open 🍷 late\nnow\t日本\u0007')).toBe('Open 🍷 late now 日本');
  });

  it('writes the PDF in French: its words, month names, numbers and dates', async () => {
    const { figures } = fakeFigures('ws-berlin', 'Café Aurora', ids);
    const report = await buildReport({ db: db(), figures }, 'ws-berlin', { from: '2026-11-01', to: '2026-11-30' }, new Date('2026-12-01T08:00:00Z'));
    const text = await pdfToText(await renderReportPdf(report, logo, { language: 'fr' }));
    expect(text).toContain('Rapport réseaux sociaux');
    expect(text).toContain('1 nov. 2026 – 30 nov. 2026');
    expect(text).toContain('Comparé à 1 oct. 2026 – 31 oct. 2026.');
    expect(text).toContain('Synthèse');
    expect(text).toContain('Taux d’engagement');
    expect(text).toContain('Évolution des abonnés');
    // Digit groups and decimals as French writes them (the narrow space drawn as a no-break space).
    expect(text).toContain('48 213');
    expect(text).toContain('+20,5 %');
    expect(text).toContain('−17,7 %');
    expect(text).toContain('Meilleures publications');
    expect(text).toContain('non communiqué par ce réseau');
    expect(text).toContain('2 canaux : Main account et Second account');
    expect(text).toContain('généré par Herald le 1 déc. 2026 · page 1 sur');
    expect(text).not.toContain('Summary');
    expect(text).not.toContain('not reported');
  });

  it('downloads in the requester’s language: their choice, else their browser’s, else English', async () => {
    await db().insert(users).values([
      { id: 'u-fr', name: 'Amélie', email: 'amelie@example.com', language: 'fr' },
      { id: 'u-browser', name: 'Bram', email: 'bram@example.com', language: null },
    ]);
    expect(await requesterLanguage(db(), 'u-fr', 'en-US,en;q=0.9')).toBe('fr');
    expect(await requesterLanguage(db(), 'u-browser', 'de-DE,fr-FR;q=0.8,en;q=0.5')).toBe('fr');
    expect(await requesterLanguage(db(), 'u-browser', undefined)).toBe('en');
  });

  it('prints every script and emoji in names and posts, in font subsets', async () => {
    const world = 'Café Ελλάδα Москва 東京';
    await workspace('ws-world', { name: world, timeZone: 'UTC' });
    const posts = [
      'Un été à Paris 👍🏽 👨‍👩‍👧 🇫🇷',
      'Καλημέρα κόσμε · Привет мир',
      'مرحبا بالعالم',
      'שלום עולם',
      'नमस्ते दुनिया',
      'สวัสดีชาวโลก',
      '你好世界',
      'こんにちは世界',
      '안녕하세요 세계',
    ];
    const { figures: plain } = fakeFigures('ws-world', world, ids);
    const figures: typeof plain = async (...args) => {
      const answer = await plain(...args);
      const first = answer.topPosts[0]!;
      const named = { [ids.mastodonA]: 'Канал עברית', [ids.mastodonB]: 'ערוץ שני', [ids.bluesky]: 'チャンネル 채널' };
      return {
        ...answer,
        channels: answer.channels.map((c) => ({ ...c, name: named[c.id] ?? c.name })),
        topPosts: posts.map((text, i) => ({ ...first, deliveryId: `w${i}`, network: 'mastodon', channelId: ids.mastodonA, text })),
      };
    };
    const report = await buildReport({ db: db(), figures }, 'ws-world', { from: '2026-11-01', to: '2026-11-30' });
    const pdf = await renderReportPdf(report, null);
    // A glyph the Arabic font adds while shaping stands for no character: pdf.js reads it back as a control character.
    const text = (await pdfToText(pdf)).replace(/\p{Cc}/gu, '');
    // Left-to-right texts read back as written.
    for (const expected of [world, 'Канал', 'チャンネル 채널', ...posts.filter((p) => !/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}]/u.test(p))]) expect(text).toContain(expected);
    // Arabic and Hebrew are drawn right to left (each phrase as a whole, shaped), and the PDF's
    // text follows the drawing: the words read back one by one. Devanagari's vowel sign i is drawn
    // before its consonant, and reads back there.
    for (const word of ['مرحبا', 'بالعالم', 'שלום', 'עולם', 'עברית', 'ערוץ', 'שני', 'नमस्ते', 'दु', 'िनया']) expect(text).toContain(word);
    expect(text).not.toContain('?');

    // Every font is embedded as a subset (a tag such as ABCDEF+ before its name), none of them whole.
    const raw = pdf.toString('latin1');
    const fonts = [...raw.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)];
    expect(fonts.length).toBeGreaterThan(5);
    for (const [name, tag] of fonts) expect(tag, name).toBeTruthy();
    const names = fonts.map(([, , name]) => name).join(' ');
    for (const family of ['NotoSans-', 'NotoSansArabic', 'NotoSansHebrew', 'NotoSansThai', 'NotoSansSC', 'NotoSansJP', 'NotoSansKR', 'NotoEmoji']) expect(names).toContain(family);
    // A few glyphs of each font: tens of kilobytes, where the fonts' files are megabytes.
    expect(pdf.length).toBeLessThan(250_000);
  });

  it('knows the day in the workspace’s zone and last month', () => {
    expect(localDay(new Date('2026-11-30T23:30:00Z'), 'Europe/Berlin')).toBe('2026-12-01');
    expect(localDay(new Date('2026-11-30T23:30:00Z'), 'America/New_York')).toBe('2026-11-30');
    expect(localDay(new Date('2026-11-30T23:30:00Z'), 'Not/AZone')).toBe('2026-11-30');
    expect(previousMonth('2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(previousMonth('2026-01-02')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousMonth('2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  describe('monthly e-mail', () => {
    let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
    const logs: string[] = [];
    let deps: Parameters<typeof sendScheduledReports>[0];

    beforeAll(async () => {
      smtp = await startSmtpCatcher();
      const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
      const { figures } = fakeFigures('ws-berlin', 'Café Aurora', ids);
      deps = { db: db(), figures, mailer: createMailer({ smtpUrl: smtp.url, from: 'herald@example.com', logger }), publicOrigin: 'https://herald.example.com', logger };
      await db().insert(webhookEndpoints).values({ id: 'wh-1', workspaceId: 'ws-berlin', url: 'https://hooks.example.com/in', events: ['analytics.report_ready'], secretSealed: 'sealed' });
      await workspace('ws-newyork', { name: 'Bagels NY', timeZone: 'America/New_York', recipients: ['ny@example.com'] });
      await workspace('ws-objected', { name: 'No Analytics Ltd', timeZone: 'Europe/Berlin', analytics: false, recipients: ['objected@example.com'] });
      await db().insert(users).values({ id: 'u-paused', name: 'Paused', email: 'paused@example.com', processingRestrictedAt: new Date() });
      await workspace('ws-paused', { name: 'Paused Co', timeZone: 'Europe/Berlin', recipients: ['paused-client@example.com'], updatedBy: 'u-paused' });
    });
    afterAll(async () => {
      await smtp?.close();
    });

    it('waits for the 1st in the workspace’s zone', async () => {
      // 30 Nov, 22:30 in Berlin.
      expect(await sendScheduledReports(deps, new Date('2026-11-30T21:30:00Z'))).toEqual({ sent: 0, failed: 0 });
      expect(smtp.messages).toHaveLength(0);
    });

    it('sends last month’s report once to each recipient, even when run twice at once and again later, and tells the webhooks', async () => {
      // 1 Dec, 00:30 in Berlin; still 30 Nov in New York.
      const now = new Date('2026-11-30T23:30:00Z');
      const [a, b] = await Promise.all([sendScheduledReports(deps, now), sendScheduledReports(deps, now)]);
      expect(a.sent + b.sent).toBe(1);
      // Later on Berlin's 1st (still 30 Nov, 23:00 in New York).
      expect(await sendScheduledReports(deps, new Date('2026-12-01T04:00:00Z'))).toEqual({ sent: 0, failed: 0 });

      expect(smtp.messages.map((m) => m.to).sort()).toEqual([['boss@example.com'], ['client@example.com']]);
      const mail = smtp.to('client@example.com')[0]!;
      expect(decodeWords(mail.subject)).toBe('Café Aurora: social media report for November 2026');
      expect(mail.raw.replace(/=\r?\n/g, '')).toContain('social media report of Caf=C3=A9 Aurora for 1 Nov 2026 =E2=80=93 30 Nov 2026');
      expect(mail.raw).toContain('application/pdf');
      expect(mail.raw).toContain('ws-berlin-slug-report-2026-11-01-to-2026-11-30.pdf');
      // The other recipient's address is not in this e-mail.
      expect(mail.raw).not.toContain('boss@example.com');

      const runs = await db().select().from(reportRuns).where(eq(reportRuns.workspaceId, 'ws-berlin'));
      expect(runs).toEqual([expect.objectContaining({ periodStart: '2026-11-01', periodEnd: '2026-11-30', kind: 'scheduled', sentTo: ['client@example.com', 'boss@example.com'] })]);

      const events = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, 'wh-1'));
      expect(events).toHaveLength(1);
      expect(events[0]!.eventType).toBe('analytics.report_ready');
      expect((events[0]!.payload as { data: unknown }).data).toEqual({
        report: {
          kind: 'scheduled',
          period: { from: '2026-11-01', to: '2026-11-30' },
          url: 'https://herald.example.com/w/ws-berlin/analytics/report?from=2026-11-01&to=2026-11-30',
          pdfUrl: 'https://herald.example.com/api/v1/workspaces/ws-berlin/analytics/report.pdf?from=2026-11-01&to=2026-11-30',
          recipients: 2,
        },
        workspace: { id: 'ws-berlin', name: 'Café Aurora' },
      });
      // No address in the event or the logs.
      expect(JSON.stringify(events[0]!.payload)).not.toContain('@');
      expect(logs.join('\n')).not.toContain('client@example.com');
    });

    it('sends New York’s when its own 1st begins, and never for a workspace that objected or whose scheduler paused processing', async () => {
      expect(await sendScheduledReports(deps, new Date('2026-12-01T05:30:00Z'))).toEqual({ sent: 1, failed: 0 });
      expect(smtp.to('ny@example.com')).toHaveLength(1);
      expect(smtp.to('objected@example.com')).toHaveLength(0);
      expect(smtp.to('paused-client@example.com')).toHaveLength(0);
      // After the first days of the month, a schedule turned on late waits for the next 1st.
      await db().delete(reportRuns).where(eq(reportRuns.workspaceId, 'ws-newyork'));
      expect(await sendScheduledReports(deps, new Date('2026-12-10T12:00:00Z'))).toEqual({ sent: 0, failed: 0 });
    });

    it('gives the month back when no e-mail could be sent, so the next run tries again', async () => {
      await workspace('ws-down', { name: 'Mail Down', timeZone: 'UTC', recipients: ['down@example.com'] });
      await db().update(reportSchedules).set({ enabled: false }).where(ne(reportSchedules.workspaceId, 'ws-down'));
      const failing = { ...deps, mailer: createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'herald@example.com', logger: pino({ level: 'silent' }) }) };
      const now = new Date('2027-01-01T01:00:00Z');
      const outcome = await sendScheduledReports(failing, now);
      expect(outcome.failed).toBe(1);
      expect(await db().select().from(reportRuns).where(eq(reportRuns.workspaceId, 'ws-down'))).toEqual([]);
      await sendScheduledReports(deps, now);
      expect(smtp.to('down@example.com')).toHaveLength(1);
    });

    it('sends a French workspace’s clients the report in French', async () => {
      await workspace('ws-paris', { name: 'Bistro Lumière', timeZone: 'Europe/Paris', recipients: ['paris@example.com'] });
      await db().update(workspaces).set({ language: 'fr' }).where(eq(workspaces.id, 'ws-paris'));
      await db().update(reportSchedules).set({ enabled: false }).where(ne(reportSchedules.workspaceId, 'ws-paris'));
      await sendScheduledReports(deps, new Date('2027-01-01T01:00:00Z'));
      const mail = smtp.to('paris@example.com')[0]!;
      expect(decodeWords(mail.subject)).toContain('décembre 2026');
      // The attachment, as the mail carries it (base64 after its headers, up to the next boundary).
      const part = mail.raw.split(/\r?\n--/).find((p) => p.includes('application/pdf'))!;
      const pdf = Buffer.from(part.split(/\r?\n\r?\n/)[1]!.replace(/\s+/g, ''), 'base64');
      const text = await pdfToText(pdf);
      expect(text).toContain('Rapport réseaux sociaux');
      expect(text).toContain('1 déc. 2026 – 31 déc. 2026');
      expect(text).toContain('Synthèse');
    });
  });
});
