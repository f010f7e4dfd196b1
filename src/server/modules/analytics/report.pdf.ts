import type { AnalyticsPostRow, ReportAnswer, SummaryFigure, SummaryMetric } from '../../../shared/analytics.ts';
import type { TFunction } from 'i18next';
import { dailyTotals, formatChange, formatCount, formatFigure, formatPeriod, reportMetrics, type SeriesKey } from '../../../shared/analytics-report.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import { networkLabel } from '../../../shared/networks.ts';
import { translator } from '../../i18n/i18n.ts';
import { intlLocale } from '../../i18n/intl-locale.ts';
import { mainFace, splitIntoRuns, type Face, type FontStyle, type Run } from './report.fonts.ts';
import { decodeLogo } from './report.service.ts';

// The client report as an A4 PDF, drawn with pdfkit (docs/adr/0018-client-report-pdf.md): text in
// embedded Noto fonts (report.fonts.ts), charts as vector paths from the daily series, no browser involved.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT = A4.width - 2 * MARGIN;
const INK = '#1f2933';
const MUTED = '#616e7c';
const LINE = '#cbd2d9';
const ACCENT = '#3b5bdb';
const UP = '#2b8a3e';
const DOWN = '#c92a2a';

/** Text as one line of a PDF: line breaks and tabs become spaces, other control characters go. */
export function pdfText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
}

type Doc = PDFKit.PDFDocument;

/**
 * The report's words in one language: the printable page's (the web's `analytics` namespace:
 * metric names, headings) and the PDF's own (`report`), numbers and dates in its locale.
 */
type Words = { page: TFunction; pdf: TFunction; locale: string; count: (n: number) => string; day: (isoDay: string) => string; period: (from: string, to: string) => string };

function wordsIn(language: Language): Words {
  const locale = intlLocale(language);
  return {
    page: translator(language, 'analytics'),
    pdf: translator(language, 'report'),
    locale,
    count: (n) => formatCount(n, locale),
    // English keeps the calendar days it always printed (2026-11-30); other languages name the month.
    day: (isoDay) =>
      language === 'en' ? isoDay.slice(0, 10) : new Date(`${isoDay.slice(0, 10)}T12:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    period: (from, to) => formatPeriod(from, to, locale),
  };
}

type Look = { style?: FontStyle; size: number; color: string };

/**
 * Writes `value` at (x, y) like doc.text, in as many fonts as its scripts need: runs of one font
 * each, drawn one after the other with `continued`, so wrapping and widths apply to the whole.
 * A line that must not break is measured, cut and placed here: pdfkit would break it, align it
 * and end it with "…" run by run.
 */
function say(doc: Doc, value: string, look: Look, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}) {
  const style = look.style ?? 'regular';
  doc.fontSize(look.size).fillColor(look.color);
  // Intl groups French digits with a narrow no-break space, which no report font has a glyph for:
  // it is drawn as a no-break space, which keeps the number whole.
  const runs = splitIntoRuns(value.replace(/\u202f/g, '\u00a0'), style);
  const use = (face: Face) => doc.registerFont(face.name, face.font as unknown as string).font(face.name);
  if (runs.length <= 1) {
    use(runs[0]?.face ?? mainFace(style));
    doc.text(runs[0]?.text ?? '', x, y, options);
    return;
  }
  // Every run on the main font's baseline (pdfkit would hang each from its own font's ascent).
  const main = mainFace(style).font;
  const baseline = -(main.ascent / main.unitsPerEm) * look.size;
  if (options.lineBreak === false && options.width !== undefined) {
    oneLine(doc, runs, use, x, y, baseline, options.width, options.align, options.ellipsis ? mainFace(style) : null);
    return;
  }
  // A text cut at `height` just ends, with no "…" (pdfkit would draw it in whichever run's font is
  // current, which may have none), and the runs after the cut are not drawn at all.
  // (pdfkit's line wrapper, kept between `continued` calls, counts past its last column once the height is full.)
  const wrapper = () => (doc as unknown as { _wrapper?: { column: number; columns: number } | null })._wrapper;
  for (const [i, run] of runs.entries()) {
    use(run.face);
    const continued = i < runs.length - 1;
    if (i === 0) doc.text(run.text, x, y, { ...options, ellipsis: false, baseline, continued });
    else doc.text(run.text, { continued });
    const full = wrapper();
    if (continued && options.height !== undefined && full && full.column > full.columns) {
      doc.text('', { continued: false });
      break;
    }
  }
}

/** Runs on one line of `width` at most, cut with "…" (in `ellipsis`'s face) when they are longer; then below it, as doc.text leaves it. */
function oneLine(doc: Doc, runs: Run[], use: (face: Face) => Doc, x: number, y: number, baseline: number, width: number, align: string | undefined, ellipsis: Face | null) {
  const widthOf = (run: Run) => use(run.face).widthOfString(run.text);
  let line = runs;
  if (ellipsis && runs.reduce((sum, run) => sum + widthOf(run), 0) > width) {
    const dots: Run = { face: ellipsis, text: '…' };
    let room = width - widthOf(dots);
    line = [];
    for (const run of runs) {
      let text = '';
      for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(run.text)) {
        if (widthOf({ face: run.face, text: text + segment }) > room) break;
        text += segment;
      }
      if (text) line.push({ face: run.face, text });
      if (text !== run.text) break;
      room -= widthOf(run);
    }
    line.push(dots);
  }
  const used = line.reduce((sum, run) => sum + widthOf(run), 0);
  let left = x;
  if (align === 'center') left += Math.max(0, (width - used) / 2);
  else if (align === 'right') left += Math.max(0, width - used);
  let height = 0;
  line.forEach((run) => {
    use(run.face);
    height = Math.max(height, doc.currentLineHeight(true));
    doc.text(run.text, left, y, { lineBreak: false, baseline });
    left += doc.widthOfString(run.text);
  });
  // eslint-disable-next-line no-restricted-syntax -- pdfkit's cursor, not the X network
  doc.x = x;
  doc.y = y + height;
}

/**
 * Renders the report in `language` (the workspace's for its clients, the person's for a download);
 * `logo` is the workspace's stored logo (a PNG or JPEG data URL) or null.
 */
export async function renderReportPdf(report: ReportAnswer, logo: string | null, options: { compress?: boolean; language?: Language } = {}): Promise<Buffer> {
  const words = wordsIn(options.language ?? defaultLanguage);
  // pdfkit and the fonts are loaded when the first report is drawn, not at start-up (ADR 0024);
  // report.fonts.ts reads each font file the first time a text needs it.
  const { default: PDFDocument } = await import('pdfkit');
  const { dashboard } = report;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    info: { Title: pdfText(words.pdf('documentTitle', { workspace: report.workspace.name, period: words.period(dashboard.range.from, dashboard.range.to) })), Producer: 'Herald', Creator: 'Herald' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, report, logo, words);
  heading(doc, words.page('report.summary'));
  summaryGrid(doc, dashboard.summary, words.page(report.networks.length > 1 ? 'report.notReportedAny' : 'report.notReported'), words);

  const channelNames = new Map(dashboard.channels.map((c) => [c.id, c.name]));
  const days = dashboard.days.length;
  const charts: { key: SeriesKey & ('engagement' | 'views' | 'posts'); kind: 'line' | 'bar' }[] = [
    { key: 'engagement', kind: 'line' },
    { key: 'views', kind: 'line' },
    { key: 'posts', kind: 'bar' },
  ];
  for (const chart of charts) {
    ensureSpace(doc, 150);
    drawChart(doc, words.page(`report.charts.${chart.key}`), dashboard.days, dailyTotals(dashboard.series, chart.key, days), chart.kind, words);
  }

  ensureSpace(doc, 120);
  heading(doc, words.page('top.title'));
  topPosts(doc, dashboard.topPosts, channelNames, words);

  for (const section of report.networks) {
    doc.addPage();
    heading(doc, pdfText(networkLabel(section.network)), 18);
    const names = section.channels.map((id) => channelNames.get(id)).filter((name): name is string => Boolean(name));
    const count = words.page('report.channels', { count: section.channels.length });
    say(doc, pdfText(names.length ? words.pdf('channelsNamed', { channels: count, names: new Intl.ListFormat(words.locale, { type: 'unit' }).format(names) }) : count), { size: 9, color: MUTED }, MARGIN, doc.y, { width: CONTENT });
    doc.moveDown(0.8);
    summaryGrid(doc, section.summary, words.page('report.notReported'), words);
    ensureSpace(doc, 120);
    heading(doc, words.page('top.title'), 12);
    topPosts(doc, section.topPosts, channelNames, words);
  }

  footers(doc, report, words);
  doc.end();
  return done;
}

function header(doc: Doc, report: ReportAnswer, logo: string | null, words: Words) {
  const { dashboard } = report;
  const image = decodeLogo(logo);
  let textX = MARGIN;
  if (image) {
    try {
      doc.image(image.data, MARGIN, MARGIN, { fit: [56, 56] });
      textX = MARGIN + 68;
    } catch {
      // A logo pdfkit cannot read (stored before the checks existed) leaves the name alone at the top.
    }
  }
  say(doc, pdfText(report.workspace.name), { style: 'bold', size: 20, color: INK }, textX, MARGIN, { width: A4.width - MARGIN - textX, lineBreak: false, ellipsis: true });
  say(doc, words.page('report.subtitle'), { size: 11, color: MUTED }, textX, doc.y + 2);
  say(doc, words.period(dashboard.range.from, dashboard.range.to), { style: 'bold', size: 11, color: INK }, textX, doc.y + 2);
  const compared = dashboard.previous ? `${words.page('report.comparedWith', { period: words.period(dashboard.previous.from, dashboard.previous.to) })}. ` : '';
  say(doc, `${compared}${words.pdf('daysIn', { zone: pdfText(dashboard.timeZone) })}`, { size: 8, color: MUTED }, textX, doc.y + 2);
  doc.y = Math.max(doc.y, MARGIN + 56) + 18;
}

function heading(doc: Doc, text: string, size = 14) {
  say(doc, text, { style: 'bold', size, color: INK }, MARGIN, doc.y, { width: CONTENT });
  doc.moveDown(0.4);
}

/** A new page when fewer than `height` points are left on this one. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > A4.height - MARGIN - 20) doc.addPage();
}

/** Five figures a row: label, value, and the change against the previous period with a drawn arrow. */
function summaryGrid(doc: Doc, summary: Record<SummaryMetric, SummaryFigure>, notReported: string, words: Words) {
  const columns = 5;
  const cellWidth = CONTENT / columns;
  const cellHeight = 62;
  const top = doc.y;
  reportMetrics.forEach(({ key }, i) => {
    const x = MARGIN + (i % columns) * cellWidth;
    const y = top + Math.floor(i / columns) * cellHeight;
    const figure = summary[key];
    doc.rect(x + 2, y, cellWidth - 4, cellHeight - 6).strokeColor(LINE).lineWidth(0.5).stroke();
    say(doc, words.page(`metrics.${key}`), { size: 8, color: MUTED }, x + 8, y + 6, { width: cellWidth - 16, lineBreak: false });
    const value = formatFigure(key, figure.value, words.locale);
    if (value === null) {
      say(doc, notReported, { style: 'italic', size: 7.5, color: MUTED }, x + 8, y + 20, { width: cellWidth - 16 });
      return;
    }
    say(doc, pdfText(value), { style: 'bold', size: 15, color: INK }, x + 8, y + 18, { width: cellWidth - 16, lineBreak: false });
    const change = formatChange(figure, words.locale);
    const cy = y + 40;
    if (change) {
      const color = change.direction === 'up' ? UP : change.direction === 'down' ? DOWN : MUTED;
      if (change.direction === 'up') doc.polygon([x + 8, cy + 7], [x + 12, cy], [x + 16, cy + 7]).fillColor(color).fill();
      else if (change.direction === 'down') doc.polygon([x + 8, cy], [x + 12, cy + 7], [x + 16, cy]).fillColor(color).fill();
      say(doc, pdfText(change.text), { style: 'bold', size: 8, color }, x + 19, cy, { width: cellWidth - 28, lineBreak: false });
    } else {
      const previous = figure.previous === null ? words.page('report.noEarlier') : words.page('report.wasZero', { zero: words.count(0) });
      say(doc, previous, { size: 7.5, color: MUTED }, x + 8, cy, { width: cellWidth - 16, lineBreak: false });
    }
  });
  doc.y = top + Math.ceil(reportMetrics.length / columns) * cellHeight + 8;
}

/** A line or bar chart of one daily series; days without a value are gaps, never zeros. */
function drawChart(doc: Doc, title: string, days: string[], values: (number | null)[], kind: 'line' | 'bar', words: Words) {
  say(doc, title, { style: 'bold', size: 10, color: INK }, MARGIN, doc.y, { width: CONTENT });
  const top = doc.y + 4;
  const height = 90;
  const left = MARGIN + 40;
  const width = CONTENT - 40;
  const reported = values.filter((v): v is number => v !== null);
  if (!reported.length) {
    say(doc, words.page('report.notReportedAny'), { style: 'italic', size: 9, color: MUTED }, MARGIN, top + 4);
    doc.y = top + 24;
    return;
  }
  const max = Math.max(1, ...reported);
  const x = (i: number) => left + (days.length === 1 ? width / 2 : (i / (days.length - 1)) * width);
  const y = (v: number) => top + height - (v / max) * height;
  // Axes and the scale: 0 and the highest value.
  doc.moveTo(left, top).lineTo(left, top + height).lineTo(left + width, top + height).strokeColor(LINE).lineWidth(0.7).stroke();
  const scale = { size: 7, color: MUTED };
  say(doc, words.count(max), scale, MARGIN, top - 3, { width: 36, align: 'right' });
  say(doc, words.count(0), scale, MARGIN, top + height - 4, { width: 36, align: 'right' });
  if (kind === 'bar') {
    const slot = width / days.length;
    const bar = Math.max(1, slot * 0.7);
    values.forEach((v, i) => {
      if (v === null || v === 0) return;
      doc.rect(left + i * slot + (slot - bar) / 2, y(v), bar, top + height - y(v)).fillColor(ACCENT).fill();
    });
  } else {
    let drawing = false;
    values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(x(i), y(v));
      else doc.moveTo(x(i), y(v));
      drawing = true;
    });
    doc.strokeColor(ACCENT).lineWidth(1.5).stroke();
    if (reported.length === 1) {
      const i = values.findIndex((v) => v !== null);
      doc.circle(x(i), y(values[i]!), 2).fillColor(ACCENT).fill();
    }
  }
  say(doc, words.day(days[0]!), scale, left, top + height + 3, { width: 80 });
  if (days.length > 1) say(doc, words.day(days.at(-1)!), scale, left + width - 80, top + height + 3, { width: 80, align: 'right' });
  doc.y = top + height + 22;
}

/** The top posts: date, network and channel, text and the main counters ("–" where the network reports none). */
function topPosts(doc: Doc, posts: AnalyticsPostRow[], channelNames: Map<string, string>, words: Words) {
  if (!posts.length) {
    say(doc, words.page('report.noPosts'), { style: 'italic', size: 9, color: MUTED }, MARGIN, doc.y);
    doc.moveDown();
    return;
  }
  const cols = [
    { title: words.page('posts.columns.published'), width: 58 },
    { title: words.page('report.network'), width: 56 },
    { title: words.page('posts.columns.post'), width: CONTENT - 58 - 56 - 4 * 58 },
    { title: words.page('metrics.engagement'), width: 58 },
    { title: words.page('metrics.views'), width: 58 },
    { title: words.page('metrics.likes'), width: 58 },
    { title: words.page('metrics.comments'), width: 58 },
  ];
  const row = (cells: string[], font: FontStyle, color: string, height: number) => {
    let x = MARGIN;
    const y = doc.y;
    cells.forEach((cell, i) => {
      const numeric = i >= 3;
      say(doc, cell, { style: font, size: 8, color }, x + 2, y, { width: cols[i]!.width - 4, height, ellipsis: true, align: numeric ? 'right' : 'left' });
      x += cols[i]!.width;
    });
    doc.y = y + height;
  };
  row(
    cols.map((c) => c.title),
    'bold',
    MUTED,
    14,
  );
  const show = (n: number | null) => (n === null ? '–' : words.count(n));
  for (const post of posts.slice(0, 10)) {
    ensureSpace(doc, 34);
    doc.moveTo(MARGIN, doc.y - 2).lineTo(MARGIN + CONTENT, doc.y - 2).strokeColor(LINE).lineWidth(0.4).stroke();
    const where = [networkLabel(post.network), channelNames.get(post.channelId)].filter(Boolean).join(' · ');
    row([words.day(post.publishedAt), pdfText(where), pdfText(post.text) || words.page('posts.noText'), show(post.engagement), show(post.views), show(post.likes), show(post.comments)], 'regular', INK, 30);
  }
  say(doc, words.pdf('notReportedLegend'), { size: 7, color: MUTED }, MARGIN, doc.y + 2);
  doc.moveDown();
}

/** Page numbers and the generation time on every page, written once all pages exist. */
function footers(doc: Doc, report: ReportAnswer, words: Words) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit add a page: the margin is lifted for the line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const footer = words.pdf('footer', { workspace: pdfText(report.workspace.name), date: words.day(report.generatedAt), page: words.count(i + 1), pages: words.count(range.count) });
    say(doc, footer, { size: 7, color: MUTED }, MARGIN, A4.height - MARGIN + 16, {
      width: CONTENT,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
