import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import { i18n } from '../../i18n/i18n.ts';
import 'uplot/dist/uPlot.min.css';

export type ChartSeries = {
  label: string;
  values: (number | null)[];
  color: string;
  /** Bars for counts per day (posts), lines for everything else. */
  kind?: 'line' | 'bars';
  /** A second axis on the right, for a figure of another size (engagement beside posts). */
  axis?: 'left' | 'right';
};

/** Distinct on white and told apart by people with the common colour-vision deficiencies, in this order. */
export const palette = ['#3b5bdb', '#e8590c', '#2b8a3e', '#c2255c', '#1098ad', '#7048e8', '#f08c00', '#5c940d', '#862e9c', '#0b7285', '#a61e4d', '#495057'];

const HEIGHT = 240;
const DAY = 86_400;
const daySeconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
/** Ticks a day apart at least: the values are daily, so hours between them would mean nothing. */
const dayIncrements = [1, 2, 7, 14, 28, 56, 91, 182, 364].map((days) => days * DAY);
const dayLabel = (seconds: number) => new Date(seconds * 1000).toLocaleDateString(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * One chart of daily values drawn by uPlot on a canvas, with what a canvas cannot give: a legend
 * that wraps on a phone, a table of the same numbers (for screen readers and for reading exact
 * values) and the CSV of them. `onDrawn` fires after each full draw (the benchmark waits for it).
 */
export function DashboardChart({
  title,
  days,
  series,
  format,
  csvUrl,
  empty,
  onDrawn,
  testId,
  wide = false,
}: {
  title: string;
  days: string[];
  series: ChartSeries[];
  format: (value: number) => string;
  csvUrl: string;
  /** Said instead of a chart when no series has a value. */
  empty: string;
  onDrawn?: () => void;
  testId: string;
  /** Takes the whole row of the charts grid. */
  wide?: boolean;
}) {
  const { t } = useTranslation('analytics');
  const box = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const hasData = series.some((s) => s.values.some((v) => v !== null));
  const drawn = useRef(onDrawn);
  drawn.current = onDrawn;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    if (!hasData) {
      drawn.current?.();
      return;
    }
    const right = series.some((s) => s.axis === 'right');
    const bars = uPlot.paths.bars!({ size: [0.7, 24] });
    const axisFormat = (_: uPlot, ticks: number[]) => ticks.map((t) => format(t));
    const plot = new uPlot(
      {
        width: Math.max(el.clientWidth, 200),
        height: HEIGHT,
        // Days are calendar days: label them as written, whatever the browser's zone.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { show: false },
        // No drag-to-zoom: the range is chosen above the charts, and it stays in the URL.
        cursor: { drag: { setScale: false } },
        // Half a day of room at each end, so the first and last bars are whole.
        scales: { day: { time: true, range: (_u, min, max) => [min - DAY / 2, max + DAY / 2] }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] }, ...(right ? { r: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] } } : {}) },
        axes: [
          { scale: 'day', stroke: '#6b7280', grid: { stroke: '#eef0f3' }, ticks: { stroke: '#e5e7eb' }, incrs: dayIncrements, values: (_: uPlot, t: number[]) => t.map(dayLabel), space: 60 },
          { stroke: '#6b7280', grid: { stroke: '#eef0f3' }, ticks: { stroke: '#e5e7eb' }, values: axisFormat, size: 56 },
          ...(right ? [{ scale: 'r', side: 1, stroke: '#6b7280', grid: { show: false }, values: (_: uPlot, t: number[]) => t.map((v) => v.toLocaleString(i18n.language)), size: 56 }] : []),
        ],
        series: [
          { scale: 'day' },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: s.kind === 'bars' ? 0 : 2,
            fill: s.kind === 'bars' ? `${s.color}b3` : undefined,
            paths: s.kind === 'bars' ? bars : undefined,
            points: { show: days.length <= 45 },
            scale: s.axis === 'right' ? 'r' : 'y',
            // A null day is a day without posts: lines join the days that have some, so a channel
            // posting every other day still draws a line over a long range.
            spanGaps: true,
          })),
        ],
        hooks: { draw: [() => drawn.current?.()] },
      },
      [days.map(daySeconds), ...series.map((s) => s.values)],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 200), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
    // `format` is a module function per chart; a new series array means new data.
  }, [days, series, hasData]);

  return (
    <figure className={wide ? 'an-chart an-span card' : 'an-chart card'} data-testid={testId}>
      <div className="an-chart-head">
        <figcaption className="an-chart-title">{title}</figcaption>
        <div className="an-chart-actions">
          <button type="button" className="btn btn-ghost btn-sm" aria-expanded={asTable} aria-controls={tableId} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('charts.hideTable') : t('charts.showTable')}
          </button>
          <a className="btn btn-ghost btn-sm" href={csvUrl} download>
            {t('charts.downloadCsv')}
          </a>
        </div>
      </div>
      {hasData ? (
        <>
          <div ref={box} className="an-plot" role="img" aria-label={t('charts.plotLabel', { title, count: series.length, days: days.length })} />
          <ul className="an-legend" aria-hidden="true">
            {series.map((s, i) => (
              <li key={i}>
                <span className={s.kind === 'bars' ? 'an-swatch an-swatch-bar' : 'an-swatch'} style={{ background: s.color }} />
                {s.label}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted an-empty" ref={box as never}>
          {empty}
        </p>
      )}
      <div id={tableId} hidden={!asTable} className="table-wrap an-table-wrap">
        {asTable ? (
          <table className="table an-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.day')}</th>
                {series.map((s, i) => (
                  <th scope="col" key={i}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day, i) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  {series.map((s, j) => {
                    const v = s.values[i];
                    return <td key={j}>{v === null || v === undefined ? '—' : format(v)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </figure>
  );
}
