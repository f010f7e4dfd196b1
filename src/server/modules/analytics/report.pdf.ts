import type { AnalyticsPostRow, ReportAnswer, SummaryFigure, SummaryMetric } from '../../../shared/analytics.ts';
import { dailyTotals, formatChange, formatCount, formatFigure, formatPeriod, NOT_REPORTED, NOT_REPORTED_ANY, reportMetrics, type SeriesKey } from '../../../shared/analytics-report.ts';
import { networkLabel } from '../../../shared/networks.ts';
import { decodeLogo } from './report.service.ts';

// The client report as an A4 PDF, drawn with pdfkit (docs/adr/0018-client-report-pdf.md): text in
// the PDF standard fonts, charts as vector paths from the daily series, no browser involved.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT = A4.width - 2 * MARGIN;
const INK = '#1f2933';
const MUTED = '#616e7c';
const LINE = '#cbd2d9';
const ACCENT = '#3b5bdb';
const UP = '#2b8a3e';
const DOWN = '#c92a2a';

/**
 * The standard PDF fonts only know Windows-1252 (WinAnsi): anything else would come out as
 * garbage, so emoji are dropped and other characters become "?". Embedding a Unicode font would
 * lift this, at the cost of shipping one (the ADR says why not yet).
 */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function pdfText(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[\u{1F3FB}-\u{1F3FF}]/gu, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/./gu, (c) => {
      const code = c.codePointAt(0)!;
      return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(c) ? c : c === '−' ? '-' : '?';
    })
    .trim();
}

type Doc = PDFKit.PDFDocument;

/** Renders the report; `logo` is the workspace's stored logo (a PNG or JPEG data URL) or null. */
export async function renderReportPdf(report: ReportAnswer, logo: string | null, options: { compress?: boolean } = {}): Promise<Buffer> {
  // pdfkit and its fonts are loaded when the first report is drawn, not at start-up (ADR 0024).
  const { default: PDFDocument } = await import('pdfkit');
  const { dashboard } = report;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    info: { Title: pdfText(`${report.workspace.name}: social media report ${formatPeriod(dashboard.range.from, dashboard.range.to)}`), Producer: 'Herald', Creator: 'Herald' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, report, logo);
  heading(doc, 'Summary');
  summaryGrid(doc, dashboard.summary, report.networks.length > 1 ? NOT_REPORTED_ANY : NOT_REPORTED);

  const days = dashboard.days.length;
  const charts: { title: string; key: SeriesKey; kind: 'line' | 'bar' }[] = [
    { title: 'Engagement per day (likes, comments and shares)', key: 'engagement', kind: 'line' },
    { title: 'Views per day', key: 'views', kind: 'line' },
    { title: 'Posts published per day', key: 'posts', kind: 'bar' },
  ];
  for (const chart of charts) {
    ensureSpace(doc, 150);
    drawChart(doc, chart.title, dashboard.days, dailyTotals(dashboard.series, chart.key, days), chart.kind);
  }

  ensureSpace(doc, 120);
  heading(doc, 'Top posts');
  topPosts(doc, dashboard.topPosts);

  for (const section of report.networks) {
    doc.addPage();
    heading(doc, pdfText(networkLabel(section.network)), 18);
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`${section.channels.length} ${section.channels.length === 1 ? 'channel' : 'channels'}`, MARGIN, doc.y);
    doc.moveDown(0.8);
    summaryGrid(doc, section.summary, NOT_REPORTED);
    ensureSpace(doc, 120);
    heading(doc, 'Top posts', 12);
    topPosts(doc, section.topPosts);
  }

  footers(doc, report);
  doc.end();
  return done;
}

function header(doc: Doc, report: ReportAnswer, logo: string | null) {
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
  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(pdfText(report.workspace.name), textX, MARGIN, { width: A4.width - MARGIN - textX, lineBreak: false, ellipsis: true });
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Social media report', textX, doc.y + 2);
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(formatPeriod(dashboard.range.from, dashboard.range.to), textX, doc.y + 2);
  const compared = dashboard.previous ? `Compared with ${formatPeriod(dashboard.previous.from, dashboard.previous.to)}. ` : '';
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(`${compared}Days in ${pdfText(dashboard.timeZone)}.`, textX, doc.y + 2);
  doc.y = Math.max(doc.y, MARGIN + 56) + 18;
}

function heading(doc: Doc, text: string, size = 14) {
  doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(text, MARGIN, doc.y, { width: CONTENT });
  doc.moveDown(0.4);
}

/** A new page when fewer than `height` points are left on this one. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > A4.height - MARGIN - 20) doc.addPage();
}

/** Five figures a row: label, value, and the change against the previous period with a drawn arrow. */
function summaryGrid(doc: Doc, summary: Record<SummaryMetric, SummaryFigure>, notReported: string) {
  const columns = 5;
  const cellWidth = CONTENT / columns;
  const cellHeight = 62;
  const top = doc.y;
  reportMetrics.forEach(({ key, label }, i) => {
    const x = MARGIN + (i % columns) * cellWidth;
    const y = top + Math.floor(i / columns) * cellHeight;
    const figure = summary[key];
    doc.rect(x + 2, y, cellWidth - 4, cellHeight - 6).strokeColor(LINE).lineWidth(0.5).stroke();
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(label, x + 8, y + 6, { width: cellWidth - 16, lineBreak: false });
    const value = formatFigure(key, figure.value);
    if (value === null) {
      doc.font('Helvetica-Oblique').fontSize(7.5).fillColor(MUTED).text(notReported, x + 8, y + 20, { width: cellWidth - 16 });
      return;
    }
    doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(pdfText(value), x + 8, y + 18, { width: cellWidth - 16, lineBreak: false });
    const change = formatChange(figure);
    const cy = y + 40;
    if (change) {
      const color = change.direction === 'up' ? UP : change.direction === 'down' ? DOWN : MUTED;
      if (change.direction === 'up') doc.polygon([x + 8, cy + 7], [x + 12, cy], [x + 16, cy + 7]).fillColor(color).fill();
      else if (change.direction === 'down') doc.polygon([x + 8, cy], [x + 12, cy + 7], [x + 16, cy]).fillColor(color).fill();
      doc.font('Helvetica-Bold').fontSize(8).fillColor(color).text(pdfText(change.text), x + 19, cy, { width: cellWidth - 28, lineBreak: false });
    } else {
      const previous = figure.previous === null ? 'no earlier figure' : 'was 0';
      doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(previous, x + 8, cy, { width: cellWidth - 16, lineBreak: false });
    }
  });
  doc.y = top + Math.ceil(reportMetrics.length / columns) * cellHeight + 8;
}

/** A line or bar chart of one daily series; days without a value are gaps, never zeros. */
function drawChart(doc: Doc, title: string, days: string[], values: (number | null)[], kind: 'line' | 'bar') {
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(title, MARGIN, doc.y, { width: CONTENT });
  const top = doc.y + 4;
  const height = 90;
  const left = MARGIN + 40;
  const width = CONTENT - 40;
  const reported = values.filter((v): v is number => v !== null);
  if (!reported.length) {
    doc.font('Helvetica-Oblique').fontSize(9).fillColor(MUTED).text(NOT_REPORTED_ANY, MARGIN, top + 4);
    doc.y = top + 24;
    return;
  }
  const max = Math.max(1, ...reported);
  const x = (i: number) => left + (days.length === 1 ? width / 2 : (i / (days.length - 1)) * width);
  const y = (v: number) => top + height - (v / max) * height;
  // Axes and the scale: 0 and the highest value.
  doc.moveTo(left, top).lineTo(left, top + height).lineTo(left + width, top + height).strokeColor(LINE).lineWidth(0.7).stroke();
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  doc.text(formatCount(max), MARGIN, top - 3, { width: 36, align: 'right' });
  doc.text('0', MARGIN, top + height - 4, { width: 36, align: 'right' });
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
  doc.font('Helvetica').fontSize(7).fillColor(MUTED);
  doc.text(days[0]!, left, top + height + 3, { width: 80 });
  if (days.length > 1) doc.text(days.at(-1)!, left + width - 80, top + height + 3, { width: 80, align: 'right' });
  doc.y = top + height + 22;
}

/** The top posts: date, network, text and the main counters ("–" where the network reports none). */
function topPosts(doc: Doc, posts: AnalyticsPostRow[]) {
  if (!posts.length) {
    doc.font('Helvetica-Oblique').fontSize(9).fillColor(MUTED).text('No posts with counters in this period.', MARGIN, doc.y);
    doc.moveDown();
    return;
  }
  const cols = [
    { title: 'Published', width: 58 },
    { title: 'Network', width: 56 },
    { title: 'Post', width: CONTENT - 58 - 56 - 4 * 58 },
    { title: 'Engagement', width: 58 },
    { title: 'Views', width: 58 },
    { title: 'Likes', width: 58 },
    { title: 'Comments', width: 58 },
  ];
  const row = (cells: string[], font: string, color: string, height: number) => {
    let x = MARGIN;
    const y = doc.y;
    cells.forEach((cell, i) => {
      const numeric = i >= 3;
      doc.font(font).fontSize(8).fillColor(color).text(cell, x + 2, y, { width: cols[i]!.width - 4, height, ellipsis: true, align: numeric ? 'right' : 'left' });
      x += cols[i]!.width;
    });
    doc.y = y + height;
  };
  row(
    cols.map((c) => c.title),
    'Helvetica-Bold',
    MUTED,
    14,
  );
  const show = (n: number | null) => (n === null ? '–' : formatCount(n));
  for (const post of posts.slice(0, 10)) {
    ensureSpace(doc, 34);
    doc.moveTo(MARGIN, doc.y - 2).lineTo(MARGIN + CONTENT, doc.y - 2).strokeColor(LINE).lineWidth(0.4).stroke();
    row([post.publishedAt.slice(0, 10), pdfText(networkLabel(post.network)), pdfText(post.text) || '(no text)', show(post.engagement), show(post.views), show(post.likes), show(post.comments)], 'Helvetica', INK, 30);
  }
  doc.font('Helvetica').fontSize(7).fillColor(MUTED).text('– : not reported by this network', MARGIN, doc.y + 2);
  doc.moveDown();
}

/** Page numbers and the generation time on every page, written once all pages exist. */
function footers(doc: Doc, report: ReportAnswer) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit add a page: the margin is lifted for the line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(`${pdfText(report.workspace.name)} · made by Herald on ${report.generatedAt.slice(0, 10)} · page ${i + 1} of ${range.count}`, MARGIN, A4.height - MARGIN + 16, {
        width: CONTENT,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
