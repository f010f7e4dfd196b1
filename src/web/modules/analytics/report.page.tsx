import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { ApiError } from '../../api/client.ts';
import { i18n } from '../../i18n/i18n.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { useSearchParamsUpdate } from '../../components/use-search-params-update.ts';
import type { AnalyticsPostRow, DayRange, ReportAnswer, SummaryFigure, SummaryMetric } from '../../../shared/analytics.ts';
import { changeArrow, dailyTotals, reportMetrics, type SeriesKey } from '../../../shared/analytics-report.ts';
import { networkLabel } from '../../../shared/networks.ts';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { reportPdfUrl, useRemoveLogo, useReport, useReportSchedule, useSaveReportSchedule, useUploadLogo } from './report.api.ts';

// The printable client report: what the PDF holds, as a page the browser can print. Its own
// print rules hide the app around it and start each network on a new sheet.
const reportStyles = `
.report { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 32px; }
.report-head { display: flex; gap: 16px; align-items: center; margin-bottom: 24px; }
.report-head img { width: 56px; height: 56px; object-fit: contain; }
.report-head h1 { margin: 0; font-size: 1.6rem; }
.report-section { margin-top: 28px; }
.report-section h2 { font-size: 1.15rem; margin: 0 0 12px; }
.report-grid { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 8px; }
.report-figure { border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; min-height: 76px; }
.report-figure-label { font-size: 0.78rem; color: var(--muted); }
.report-figure-value { font-size: 1.3rem; font-weight: 700; }
.report-figure-missing { font-size: 0.78rem; color: var(--muted); font-style: italic; }
.report-change { font-size: 0.8rem; font-weight: 600; }
.report-change-up { color: var(--success); }
.report-change-down { color: var(--danger); }
.report-change-flat, .report-change-none { color: var(--muted); font-weight: 400; }
.report-chart { margin: 16px 0 0; }
.report-network h3 { margin: 16px 0 6px; font-size: 1rem; }
.report-chart h3 { font-size: 0.9rem; margin: 0 0 4px; }
.report-chart svg { width: 100%; height: 140px; display: block; }
.report-posts { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
.report-posts th, .report-posts td { text-align: left; padding: 6px; border-top: 1px solid var(--border); vertical-align: top; }
.report-posts td.num, .report-posts th.num { text-align: right; white-space: nowrap; }
.report-toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 16px; }
.report-toolbar label { display: flex; flex-direction: column; font-size: 0.8rem; gap: 2px; }
.report-settings { margin-top: 24px; }
@media (max-width: 800px) { .report-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media print {
  @page { size: A4; margin: 14mm; }
  .sidebar, .mobile-bar, .skip-link, .backdrop, .report-toolbar, .report-settings { display: none !important; }
  .app, .main, .content { display: block !important; padding: 0 !important; margin: 0 !important; overflow: visible !important; }
  body { background: #fff; }
  .report { border: 0; padding: 0; }
  .report-network { break-before: page; }
  .report-figure, .report-chart, .report-posts tr { break-inside: avoid; }
}
`;

// Figures and days as the PDF writes them, in the interface's language (the PDF's are English).
const formatCount = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 0 });
const formatPercent = (n: number) => n.toLocaleString(i18n.language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signOf = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '');

/** A figure's value, or null when the network does not report it: never written as 0. */
function formatFigure(metric: SummaryMetric, value: number | null): string | null {
  if (value === null) return null;
  if (metric === 'engagementRate') return formatPercent(value);
  if (metric === 'followersGrowth') return `${signOf(value)}${formatCount(Math.abs(value))}`;
  return formatCount(value);
}

function formatChange(figure: SummaryFigure): { direction: 'up' | 'down' | 'flat'; text: string } | null {
  if (figure.change === null) return null;
  const direction = figure.change > 0 ? 'up' : figure.change < 0 ? 'down' : 'flat';
  return { direction, text: `${signOf(figure.change)}${formatPercent(Math.abs(figure.change))}` };
}

/** A calendar day (YYYY-MM-DD, no time zone involved) or a range of them. */
const dayFormat = () => new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayDate = (day: string) => new Date(`${day.slice(0, 10)}T12:00:00Z`);
const formatDay = (day: string) => dayFormat().format(dayDate(day));
const formatPeriod = (from: string, to: string) => (from === to ? formatDay(from) : dayFormat().formatRange(dayDate(from), dayDate(to)));

/** Last calendar month, in the browser's calendar (the server counts days in the workspace's zone). */
function lastMonth(today = new Date()): DayRange {
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: day(new Date(today.getFullYear(), today.getMonth() - 1, 1)), to: day(new Date(today.getFullYear(), today.getMonth(), 0)) };
}

export function ReportPage() {
  const workspace = useWorkspace();
  const [params, update] = useSearchParamsUpdate();
  const fallback = lastMonth();
  const range = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const report = useReport(workspace.id, range);
  const { t } = useTranslation('analytics');

  return (
    <div className="page page-wide">
      <style>{reportStyles}</style>
      <div className="report-toolbar">
        {/* Keyed by the shown period, so the inputs start from it again after Show or a link. */}
        <PeriodForm key={`${range.from}/${range.to}`} range={range} onApply={(next) => update({ from: next.from, to: next.to })} />
        <span style={{ flex: 1 }} />
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <a className="btn btn-primary" href={reportPdfUrl(workspace.id, range)} download>
          {t('report.downloadPdf')}
        </a>
      </div>
      {report.isPending ? <Loading label={t('report.making')} /> : null}
      {report.isError ? <FormError message={report.error.message} /> : null}
      {report.data ? <ReportView report={report.data} /> : null}
      {hasPermission(workspace, 'settings.manage') ? <ReportSettings workspace={workspace} /> : null}
    </div>
  );
}

function PeriodForm({ range, onApply }: { range: DayRange; onApply: (range: DayRange) => void }) {
  const { t } = useTranslation('analytics');
  const [draft, setDraft] = useState(range);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="report-toolbar" style={{ margin: 0 }} onSubmit={apply} aria-label={t('report.period')}>
      <label>
        {t('range.from')}
        <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </label>
      <label>
        {t('range.to')}
        <input type="date" value={draft.to} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      </label>
      <button type="submit" className="btn">
        {t('report.show')}
      </button>
    </form>
  );
}

function ReportView({ report }: { report: ReportAnswer }) {
  const { t } = useTranslation('analytics');
  const { dashboard } = report;
  return (
    <article className="report" aria-label={t('report.label')}>
      <header className="report-head">
        {report.workspace.logoUrl ? <img src={report.workspace.logoUrl} alt={t('report.logoAlt', { name: report.workspace.name })} /> : null}
        <div>
          <h1>{report.workspace.name}</h1>
          <div className="muted">{t('report.subtitle')}</div>
          <strong>{formatPeriod(dashboard.range.from, dashboard.range.to)}</strong>
          {dashboard.previous ? <div className="muted">{t('report.comparedWith', { period: formatPeriod(dashboard.previous.from, dashboard.previous.to) })}</div> : null}
        </div>
      </header>
      <section className="report-section" aria-label={t('report.summary')}>
        <h2>{t('report.summary')}</h2>
        <Figures summary={dashboard.summary} notReported={report.networks.length > 1 ? t('report.notReportedAny') : t('report.notReported')} />
        <Chart title={t('report.charts.engagement')} report={report} metric="engagement" kind="line" />
        <Chart title={t('report.charts.views')} report={report} metric="views" kind="line" />
        <Chart title={t('report.charts.posts')} report={report} metric="posts" kind="bar" />
      </section>
      <section className="report-section" aria-label={t('top.title')}>
        <h2>{t('top.title')}</h2>
        <TopPosts posts={dashboard.topPosts} />
      </section>
      {report.networks.map((section) => (
        <section key={section.network} className="report-section report-network" aria-label={networkLabel(section.network)}>
          <h2>{networkLabel(section.network)}</h2>
          <p className="muted">
            {t('report.channels', { count: section.channels.length })}
          </p>
          <Figures summary={section.summary} notReported={t('report.notReported')} />
          <h3>{t('top.title')}</h3>
          <TopPosts posts={section.topPosts} />
        </section>
      ))}
      <p className="muted">{t('report.madeBy', { date: new Date(report.generatedAt).toLocaleString(i18n.language) })}</p>
    </article>
  );
}

function Figures({ summary, notReported }: { summary: Record<SummaryMetric, SummaryFigure>; notReported: string }) {
  const { t } = useTranslation('analytics');
  return (
    <div className="report-grid">
      {reportMetrics.map(({ key }) => {
        const figure = summary[key];
        const value = formatFigure(key, figure.value);
        const change = formatChange(figure);
        return (
          <div key={key} className="report-figure" data-metric={key}>
            <div className="report-figure-label">{t(`metrics.${key}`)}</div>
            {value === null ? (
              <div className="report-figure-missing">{notReported}</div>
            ) : (
              <>
                <div className="report-figure-value">{value}</div>
                {change ? (
                  <div className={`report-change report-change-${change.direction}`} title={t('report.previous', { value: formatFigure(key, figure.previous) ?? notReported })}>
                    <span aria-hidden="true">{changeArrow(change.direction)}</span> {change.text}
                  </div>
                ) : (
                  <div className="report-change report-change-none">{figure.previous === null ? t('report.noEarlier') : t('report.wasZero', { zero: formatCount(0) })}</div>
                )}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A small SVG chart of one daily total; days without a value are gaps, never zeros. */
function Chart({ title, report, metric, kind }: { title: string; report: ReportAnswer; metric: SeriesKey; kind: 'line' | 'bar' }) {
  const { t } = useTranslation('analytics');
  const { days, series } = report.dashboard;
  const values = dailyTotals(series, metric, days.length);
  const reported = values.filter((v): v is number => v !== null);
  const width = 600;
  const height = 120;
  const left = 44;
  const max = Math.max(1, ...reported);
  const x = (i: number) => left + (days.length === 1 ? (width - left) / 2 : (i / (days.length - 1)) * (width - left - 4));
  const y = (v: number) => 6 + (height - 12) * (1 - v / max);
  let path = '';
  values.forEach((v, i) => {
    if (v === null) return;
    path += `${i > 0 && values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
  });
  const slot = (width - left) / Math.max(1, days.length);
  return (
    <figure className="report-chart">
      <h3>{title}</h3>
      {reported.length ? (
        <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={t('report.chartLabel', { title, max: formatCount(max) })}>
          <line x1={left} y1={6} x2={left} y2={height - 6} stroke="var(--border-strong)" />
          <line x1={left} y1={height - 6} x2={width} y2={height - 6} stroke="var(--border-strong)" />
          <text x={left - 4} y={12} fontSize="10" textAnchor="end" fill="var(--muted)">
            {formatCount(max)}
          </text>
          <text x={left - 4} y={height - 4} fontSize="10" textAnchor="end" fill="var(--muted)">
            {formatCount(0)}
          </text>
          {kind === 'bar'
            ? values.map((v, i) => (v ? <rect key={days[i]} x={left + i * slot + slot * 0.15} y={y(v)} width={Math.max(1, slot * 0.7)} height={height - 6 - y(v)} fill="var(--accent)" /> : null))
            : <path d={path} fill="none" stroke="var(--accent)" strokeWidth="2" />}
          <text x={left} y={height + 12} fontSize="10" fill="var(--muted)">
            {days[0] ? formatDay(days[0]) : null}
          </text>
          <text x={width} y={height + 12} fontSize="10" textAnchor="end" fill="var(--muted)">
            {days.length ? formatDay(days.at(-1)!) : null}
          </text>
        </svg>
      ) : (
        <p className="report-figure-missing">{t('report.notReportedAny')}</p>
      )}
    </figure>
  );
}

function TopPosts({ posts }: { posts: AnalyticsPostRow[] }) {
  const { t } = useTranslation('analytics');
  if (!posts.length) return <p className="muted">{t('report.noPosts')}</p>;
  const show = (n: number | null) => (n === null ? <span title={t('report.notReported')}>–</span> : formatCount(n));
  const text = (post: AnalyticsPostRow) => post.text || t('posts.noText');
  return (
    <table className="report-posts">
      <thead>
        <tr>
          <th>{t('posts.columns.published')}</th>
          <th>{t('report.network')}</th>
          <th>{t('posts.columns.post')}</th>
          <th className="num">{t('metrics.engagement')}</th>
          <th className="num">{t('metrics.views')}</th>
          <th className="num">{t('metrics.likes')}</th>
          <th className="num">{t('metrics.comments')}</th>
        </tr>
      </thead>
      <tbody>
        {posts.slice(0, 10).map((post) => (
          <tr key={post.deliveryId}>
            <td>{formatDay(post.publishedAt)}</td>
            <td>{networkLabel(post.network)}</td>
            <td>{post.url ? <a href={post.url}>{text(post)}</a> : text(post)}</td>
            <td className="num">{show(post.engagement)}</td>
            <td className="num">{show(post.views)}</td>
            <td className="num">{show(post.likes)}</td>
            <td className="num">{show(post.comments)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The report's logo and its monthly e-mail (owners and admins); hidden when printing. */
function ReportSettings({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('analytics');
  const toast = useToast();
  const schedule = useReportSchedule(workspace.id, true);
  const save = useSaveReportSchedule(workspace.id);
  const upload = useUploadLogo(workspace.id);
  const remove = useRemoveLogo(workspace.id);
  const [enabled, setEnabled] = useState(false);
  const [recipients, setRecipients] = useState('');
  useEffect(() => {
    if (!schedule.data) return;
    setEnabled(schedule.data.enabled);
    setRecipients(schedule.data.recipients.join('\n'));
  }, [schedule.data]);

  if (schedule.isPending) return <Loading />;
  // A wrong address is reported on its item (recipients.2); any of them belongs next to the list.
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const recipientError = Object.entries(fieldErrors).find(([name]) => name === 'recipients' || name.startsWith('recipients.'))?.[1];
  const errors = formErrors(save.error, ['recipients']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = recipients
      .split(/[\s,;]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    save.mutate({ enabled, recipients: list }, { onSuccess: () => toast(t('report.settings.saved')) });
  };
  const last = schedule.data?.lastRun;
  return (
    <section className="card report-settings" aria-label={t('report.settings.title')}>
      <h2>{t('report.settings.title')}</h2>
      <h3>{t('report.settings.logo')}</h3>
      <p className="muted">{t('report.settings.logoHelp')}</p>
      {schedule.data?.logoUrl ? <img src={schedule.data.logoUrl} alt={t('report.settings.currentLogo')} style={{ width: 56, height: 56, objectFit: 'contain' }} /> : <p className="muted">{t('report.settings.noLogo')}</p>}
      <div className="report-toolbar">
        <label>
          {t('report.settings.uploadLogo')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file, { onSuccess: () => toast(t('report.settings.logoSaved')) });
              e.target.value = '';
            }}
          />
        </label>
        {schedule.data?.logoUrl ? (
          <button type="button" className="btn btn-danger-outline btn-sm" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('report.settings.removeLogo')}
          </button>
        ) : null}
      </div>
      <FormError message={upload.error?.message ?? remove.error?.message} />
      <h3>{t('report.settings.monthly')}</h3>
      <form onSubmit={submit} className="stack-sm">
       <Checkbox label={t('report.settings.monthlyToggle')} checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <label className="field">
          <span>{t('report.settings.recipients')}</span>
          <textarea rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} aria-invalid={recipientError ? true : undefined} />
        </label>
        <FormError message={recipientError ?? errors.field('recipients') ?? errors.general} />
        {last ? (
          <p className="muted">
            {t('report.settings.lastSent', { period: formatPeriod(last.from, last.to), count: last.sentTo })}
          </p>
        ) : null}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('report.settings.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
