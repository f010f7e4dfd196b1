import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { networkLabel } from '../../components/networks.ts';
import { ChannelAvatar } from '../../components/network-mark.tsx';
import { useSearchParamsUpdate } from '../../components/use-search-params-update.ts';
import { ApiError } from '../../api/client.ts';
import { i18n } from '../../i18n/i18n.ts';
import { useSignedInUser } from '../auth/require-user.tsx';
import { DashboardChart, palette, type ChartSeries } from './dashboard-chart.tsx';
import { daysBetween, MAX_RANGE_DAYS, presets, rangeFromParams, type PresetId, type RangeProblem } from './dashboard-range.ts';
import {
  postsCsvUrl,
  seriesCsvUrl,
  useAnalyticsPosts,
  useChannelOptions,
  useDashboard,
  type ChannelSeries,
  type DashboardAnswer,
  type DashboardChannel,
  type DashboardFilter,
  type DashboardScope,
  type PostRow,
  type PostsSort,
  type SeriesMetric,
} from './dashboard.api.ts';
import './analytics-dashboard.css';

type Counter = 'views' | 'likes' | 'comments' | 'shares' | 'reach';
type SummaryKey = keyof DashboardAnswer['summary'];

// Labels are keys of the analytics namespace: `metrics.<id>`.
const metricOptions = ['engagement', 'views', 'reach', 'likes', 'comments', 'shares', 'posts'] as const satisfies readonly Exclude<SeriesMetric, 'engagementRate' | 'followers'>[];
type MetricOption = (typeof metricOptions)[number];
const isMetric = (v: string | null): v is MetricOption => metricOptions.some((m) => m === v);

const cards: SummaryKey[] = ['posts', 'engagement', 'engagementRate', 'views', 'reach', 'likes', 'comments', 'shares', 'followers', 'followersGrowth'];

const sortColumns: { id: PostsSort; label: string }[] = [
  { id: 'views', label: 'metrics.views' },
  { id: 'reach', label: 'metrics.reach' },
  { id: 'likes', label: 'metrics.likes' },
  { id: 'comments', label: 'metrics.comments' },
  { id: 'shares', label: 'metrics.shares' },
  { id: 'engagement', label: 'metrics.engagement' },
  { id: 'engagementRate', label: 'metrics.rate' },
];
const isSort = (v: string | null): v is PostsSort => v === 'publishedAt' || sortColumns.some((c) => c.id === v);

// Numbers in the interface's language, read when drawn (a language switch re-renders the screen).
// Counts are whole; an axis tick between two (2.5) keeps its decimal rather than reading as 3.
const number = (v: number) => v.toLocaleString(i18n.language, { maximumFractionDigits: Number.isInteger(v) ? 0 : 1 });
const percent = (v: number) => v.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: v < 0.1 ? 2 : 1 });
const signed = (v: number) => Math.round(v).toLocaleString(i18n.language, { signDisplay: 'exceptZero' });
const formatOf = (key: SummaryKey) => (key === 'engagementRate' ? percent : key === 'followersGrowth' ? signed : number);
/** A calendar day of the range (YYYY-MM-DD, no time zone involved), as the interface's language writes it. */
const dayText = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** The rate of one day over channels: engagement over reach (views where a network has no reach), counting the channels that have both. */
function dailyRates(answer: DashboardAnswer, series: ChannelSeries[]): (number | null)[] {
  const supports = new Map(answer.channels.map((c) => [c.id, c.supports.counters as readonly string[]]));
  return answer.days.map((_, i) => {
    let engaged = 0;
    let seen = 0;
    for (const s of series) {
      const counters = supports.get(s.channelId) ?? [];
      const base = counters.includes('reach') ? s.reach[i] : counters.includes('views') ? s.views[i] : null;
      const e = s.engagement[i];
      if (base == null || e == null) continue;
      engaged += e;
      seen += base;
    }
    return seen > 0 ? engaged / seen : null;
  });
}

const totals = (days: string[], series: ChannelSeries[], pick: (s: ChannelSeries) => (number | null)[]) =>
  days.map((_, i) => {
    let sum: number | null = null;
    for (const s of series) {
      const v = pick(s)[i];
      if (v != null) sum = (sum ?? 0) + v;
    }
    return sum;
  });

/** Marks the moment every chart of one answer has drawn (the benchmark measures data → drawn). */
function useDrawnSignal(answer: DashboardAnswer | undefined, charts: number) {
  const root = useRef<HTMLDivElement>(null);
  const seen = useRef<{ answer: DashboardAnswer | undefined; ids: Set<string> }>({ answer: undefined, ids: new Set() });
  return {
    root,
    drawn: useCallback(
      (id: string) => {
        if (seen.current.answer !== answer) seen.current = { answer, ids: new Set() };
        const ids = seen.current.ids;
        if (ids.has(id)) return;
        ids.add(id);
        if (ids.size === charts && root.current) {
          performance.mark('analytics:drawn');
          root.current.dataset.drawn = String(Number(root.current.dataset.drawn ?? 0) + 1);
        }
      },
      [answer, charts],
    ),
  };
}

/** The analytics dashboard of one workspace, or (workspaceId null) of every workspace the user reads. */
export function AnalyticsDashboard({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation('analytics');
  const me = useSignedInUser();
  const [params, update] = useSearchParamsUpdate();
  const range = rangeFromParams(params);
  const compare = params.get('compare') !== '0';
  const channelIds = list(params.get('channels'));
  const networks = list(params.get('networks'));
  const workspaceIds = scope.workspaceId ? [] : list(params.get('workspaces'));
  const asked = params.get('metric');
  const metric = isMetric(asked) ? asked : 'engagement';
  const filter: DashboardFilter = useMemo(
    () => ({ from: range.from, to: range.to, channelIds, networks, workspaceIds, compare }),
    // The lists are new arrays each render; their text is what matters.
    [range.from, range.to, channelIds.join(), networks.join(), workspaceIds.join(), compare],
  );
  const dashboard = useDashboard(scope, filter);
  const answer = dashboard.data;
  const channelOptions = useChannelOptions(scope.workspaceId).data ?? [];
  const networkOptions = [...new Set([...(scope.workspaceId ? channelOptions.map((c) => c.network) : (answer?.channels ?? []).map((c) => c.network)), ...networks])].sort();
  const { root, drawn } = useDrawnSignal(answer, 4);

  const setPreset = (preset: PresetId) =>
    update(preset === 'custom' ? { range: 'custom', from: range.from, to: range.to } : { range: preset, from: null, to: null });

  return (
    <div className="an-dashboard" data-testid="analytics-dashboard" ref={root} data-loaded={answer && !dashboard.isPlaceholderData ? 'true' : 'false'} data-range={`${range.from}/${range.to}`}>
      <form className="an-controls card" aria-label={t('dashboard.controls')} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="an-presets">
          <legend className="visually-hidden">{t('range.legend')}</legend>
          {presets.map((p) => (
            <button key={p.id} type="button" className="an-preset" aria-pressed={range.preset === p.id} onClick={() => setPreset(p.id)}>
              {t(`range.presets.${p.id}`)}
            </button>
          ))}
        </fieldset>
        {range.preset === 'custom' ? <CustomRange from={params.get('from') ?? range.from} to={params.get('to') ?? range.to} problem={range.problem} onChange={(from, to) => update({ range: 'custom', from, to })} /> : null}
        <div className="an-filters">
          {scope.workspaceId ? (
            <Choice
              label={t('dashboard.filters.channels')}
              options={channelOptions.map((c) => ({ id: c.id, label: `${c.name} (${networkLabel(c.network)})` }))}
              chosen={channelIds}
              onChange={(ids) => update({ channels: ids.join(',') })}
            />
          ) : (
            <Choice label={t('dashboard.filters.workspaces')} options={me.workspaces.map((w) => ({ id: w.id, label: w.name }))} chosen={workspaceIds} onChange={(ids) => update({ workspaces: ids.join(',') })} />
          )}
          <Choice label={t('dashboard.filters.networks')} options={networkOptions.map((n) => ({ id: n, label: networkLabel(n) }))} chosen={networks} onChange={(ids) => update({ networks: ids.join(',') })} />
          <label className="an-compare">
            <input type="checkbox" checked={compare} onChange={(e) => update({ compare: e.target.checked ? null : '0' })} /> {t('dashboard.compare')}
          </label>
        </div>
        <p className="muted an-range-note" aria-live="polite">
          {answer
            ? t('dashboard.rangeNoteZone', { from: dayText(range.from), to: dayText(range.to), count: daysBetween(range.from, range.to), zone: answer.timeZone })
            : t('dashboard.rangeNote', { from: dayText(range.from), to: dayText(range.to), count: daysBetween(range.from, range.to) })}
          {answer?.previous ? t('dashboard.comparedWith', { from: dayText(answer.previous.from), to: dayText(answer.previous.to) }) : ''}
          {scope.workspaceId ? (
            <>
              {' · '}
              <Link to={`/w/${scope.workspaceId}/analytics/report?from=${range.from}&to=${range.to}`} data-testid="analytics-report-link">
                {t('dashboard.reportLink')}
              </Link>
            </>
          ) : null}
        </p>
      </form>

      {dashboard.error ? (
        <p className="field-error" role="alert">
          {dashboard.error instanceof ApiError ? dashboard.error.message : t('dashboard.loadError')}
        </p>
      ) : null}
      {!answer ? (
        <p className="muted" aria-busy="true">
          {t('dashboard.loading')}
        </p>
      ) : (
        <>
          <Summary answer={answer} />
          {answer.channels.length === 0 ? <p className="card muted">{t('dashboard.noChannels')}</p> : null}
          <Charts answer={answer} scope={scope} filter={filter} metric={metric} onMetric={(m) => update({ metric: m }, true)} drawn={drawn} />
          <TopPosts answer={answer} />
          <PostsTable scope={scope} filter={filter} channels={answer.channels} />
        </>
      )}
    </div>
  );
}

function CustomRange({ from, to, problem, onChange }: { from: string; to: string; problem: RangeProblem | null; onChange: (from: string, to: string) => void }) {
  const { t } = useTranslation('analytics');
  const [draft, setDraft] = useState({ from, to });
  useEffect(() => setDraft({ from, to }), [from, to]);
  return (
    <div className="an-custom">
      <label className="field">
        <span>{t('range.from')}</span>
        <input type="date" value={draft.from} max={draft.to} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('range.to')}</span>
        <input type="date" value={draft.to} min={draft.from} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
      </label>
      <button type="button" className="btn btn-sm" onClick={() => onChange(draft.from, draft.to)}>
        {t('range.apply')}
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {t('range.problemWithLimit', { problem: t(`range.problem.${problem}`, { max: MAX_RANGE_DAYS }), max: MAX_RANGE_DAYS })}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox list in a disclosure: none chosen = all. */
function Choice({ label, options, chosen, onChange }: { label: string; options: { id: string; label: string }[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('analytics');
  const set = new Set(chosen);
  return (
    <details className="an-choice">
      <summary className="btn btn-sm">
        {chosen.length ? t('dashboard.choice.some', { label, chosen: chosen.length, total: options.length }) : t('dashboard.choice.all', { label })}
      </summary>
      <div className="an-choice-list" role="group" aria-label={label}>
        {options.length === 0 ? <p className="muted">{t('dashboard.choice.none')}</p> : null}
        {options.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={set.has(o.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))} /> {o.label}
          </label>
        ))}
        {chosen.length ? (
          <button type="button" className="btn-text" onClick={() => onChange([])}>
            {t('dashboard.choice.showAll')}
          </button>
        ) : null}
      </div>
    </details>
  );
}

function Summary({ answer }: { answer: DashboardAnswer }) {
  const { t } = useTranslation('analytics');
  return (
    <section aria-labelledby="an-summary-title">
      <h2 id="an-summary-title" className="visually-hidden">
        {t('dashboard.summary.title')}
      </h2>
      <ul className="an-cards" data-testid="analytics-summary">
        {cards.map((key) => {
          const f = answer.summary[key];
          const format = formatOf(key);
          return (
            <li key={key} className="an-card card" data-metric={key}>
              <span className="an-card-label">{t(`metrics.${key}`)}</span>
              {f.value === null ? <span className="an-card-none">{t('dashboard.notReportedAny')}</span> : <span className="an-card-value">{format(f.value)}</span>}
              {f.change !== null ? (
                f.change === 0 ? (
                  <span className="an-change">{t('dashboard.summary.same', { value: format(f.previous!) })}</span>
                ) : (
                  <span className={f.change > 0 ? 'an-change an-up' : 'an-change an-down'}>
                    <span aria-hidden="true">{f.change > 0 ? '▲' : '▼'} </span>
                    {t(f.change > 0 ? 'dashboard.summary.up' : 'dashboard.summary.down', { change: percent(Math.abs(f.change)), value: format(f.previous!) })}
                  </span>
                )
              ) : answer.previous && f.value !== null ? (
                <span className="an-change">{f.previous === null ? t('dashboard.summary.nothingBefore') : t('dashboard.summary.was', { value: format(f.previous) })}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const channelLabel = (c: DashboardChannel, several: boolean) => `${c.name} (${networkLabel(c.network)}${several ? `, ${c.workspaceName}` : ''})`;

function Charts({
  answer,
  scope,
  filter,
  metric,
  onMetric,
  drawn,
}: {
  answer: DashboardAnswer;
  scope: DashboardScope;
  filter: DashboardFilter;
  metric: MetricOption;
  onMetric: (m: string) => void;
  drawn: (id: string) => void;
}) {
  const { t } = useTranslation('analytics');
  const several = new Set(answer.channels.map((c) => c.workspaceId)).size > 1;
  const byId = new Map(answer.channels.map((c) => [c.id, c]));
  const reports = (c: DashboardChannel | undefined) => !!c && (metric === 'posts' || metric === 'engagement' ? true : (c.supports.counters as readonly string[]).includes(metric));
  const perChannel: ChartSeries[] = useMemo(
    () =>
      answer.series
        .filter((s) => reports(byId.get(s.channelId)))
        .map((s, i) => ({ label: channelLabel(byId.get(s.channelId)!, several), values: s[metric] as (number | null)[], color: palette[i % palette.length]! })),
    [answer, metric],
  );
  const silent = answer.channels.filter((c) => !reports(c));
  const followers: ChartSeries[] = useMemo(
    () =>
      answer.series
        .filter((s) => s.followers.some((v) => v !== null))
        .map((s, i) => ({ label: channelLabel(byId.get(s.channelId)!, several), values: s.followers, color: palette[i % palette.length]! })),
    [answer],
  );
  const postsAndEngagement: ChartSeries[] = useMemo(
    () => [
      { label: t('metrics.posts'), values: totals(answer.days, answer.series, (s) => s.posts), color: '#91a7ff', kind: 'bars' },
      { label: t('charts.postsEngagement'), values: totals(answer.days, answer.series, (s) => s.engagement), color: '#e8590c', axis: 'right' },
    ],
    [answer, t],
  );
  const rate: ChartSeries[] = useMemo(() => [{ label: t('metrics.engagementRate'), values: dailyRates(answer, answer.series), color: '#2b8a3e' }], [answer, t]);
  const metricLabel = t(`metrics.${metric}`);

  return (
    <section className="an-charts" aria-label={t('charts.label')}>
      <div className="an-chart-wide">
        <label className="an-metric">
          <span>{t('charts.metric')}</span>
          <select value={metric} onChange={(e) => onMetric(e.target.value)}>
            {metricOptions.map((m) => (
              <option key={m} value={m}>
                {t(`metrics.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <DashboardChart
          testId="chart-metric"
          title={t('charts.perChannel', { metric: metricLabel })}
          days={answer.days}
          series={perChannel}
          format={number}
          csvUrl={seriesCsvUrl(scope, filter, metric)}
          empty={perChannel.length ? t(`charts.noMetric.${metric}`) : t('charts.metricNotReported', { metric: metricLabel })}
          onDrawn={() => drawn('metric')}
        />
        {silent.length && perChannel.length ? (
          <p className="muted an-note">
            {t('charts.silent', { metric: metricLabel, channels: new Intl.ListFormat(i18n.language, { type: 'unit' }).format(silent.map((c) => channelLabel(c, several))) })}
          </p>
        ) : null}
      </div>
      <DashboardChart
        wide
        testId="chart-posts"
        title={t('charts.postsTitle')}
        days={answer.days}
        series={postsAndEngagement}
        format={number}
        csvUrl={seriesCsvUrl(scope, filter, 'posts')}
        empty={t('charts.postsEmpty')}
        onDrawn={() => drawn('posts')}
      />
      <DashboardChart
        testId="chart-rate"
        title={t('charts.rateTitle')}
        days={answer.days}
        series={rate}
        format={percent}
        csvUrl={seriesCsvUrl(scope, filter, 'engagementRate')}
        empty={t('charts.rateEmpty')}
        onDrawn={() => drawn('rate')}
      />
      <DashboardChart
        testId="chart-followers"
        title={t('metrics.followers')}
        days={answer.days}
        series={followers}
        format={number}
        csvUrl={seriesCsvUrl(scope, filter, 'followers')}
        empty={t('charts.followersEmpty')}
        onDrawn={() => drawn('followers')}
      />
    </section>
  );
}

function Thumb({ post }: { post: PostRow }) {
  return post.thumbnailUrl ? <img className="an-thumb" src={post.thumbnailUrl} alt="" loading="lazy" /> : <span className="an-thumb an-thumb-empty" aria-hidden="true" />;
}

const postHref = (answerChannels: DashboardChannel[], post: PostRow) => {
  const ws = answerChannels.find((c) => c.id === post.channelId)?.workspaceId;
  return ws ? `/w/${ws}/posts/${post.postId}` : null;
};
const textOf = (post: PostRow, t: TFunction<'analytics'>) => post.text.trim() || t('posts.noText');

function TopPosts({ answer }: { answer: DashboardAnswer }) {
  const { t } = useTranslation('analytics');
  if (!answer.topPosts.length) return null;
  return (
    <section className="card an-top" aria-labelledby="an-top-title">
      <h2 id="an-top-title">{t('top.title')}</h2>
      <ol className="an-top-list">
        {answer.topPosts.slice(0, 5).map((p) => {
          const href = postHref(answer.channels, p);
          return (
            <li key={p.deliveryId}>
              <Thumb post={p} />
              <div className="an-top-text">
                {href ? <Link to={href}>{textOf(p, t)}</Link> : textOf(p, t)}
                <span className="muted">
                  {networkLabel(p.network)} · {new Date(p.publishedAt).toLocaleDateString(i18n.language)}
                </span>
              </div>
              <span className="an-top-figure">
                {number(p.engagement ?? 0)} <span className="muted">{p.engagementRate !== null ? t('top.engagementRate', { rate: percent(p.engagementRate) }) : t('top.engagement')}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Cell({ value, format }: { value: number | null; format: (v: number) => string }): ReactNode {
  const { t } = useTranslation('analytics');
  if (value === null)
    return (
      <span title={t('posts.notReported')}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('posts.notReportedShort')}</span>
      </span>
    );
  return format(value);
}

function PostsTable({ scope, filter, channels }: { scope: DashboardScope; filter: DashboardFilter; channels: DashboardChannel[] }) {
  const { t } = useTranslation('analytics');
  const [params, update] = useSearchParamsUpdate();
  const sort: PostsSort = isSort(params.get('sort')) ? (params.get('sort') as PostsSort) : 'publishedAt';
  const dir = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const posts = useAnalyticsPosts(scope, filter, sort, dir);
  const rows = posts.data?.pages.flatMap((p) => p.items) ?? [];
  const byId = new Map(channels.map((c) => [c.id, c]));
  const several = new Set(channels.map((c) => c.workspaceId)).size > 1;
  const sortBy = (id: PostsSort) => update({ sort: id === 'publishedAt' ? null : id, dir: sort === id && dir === 'desc' ? 'asc' : null }, true);
  const ariaSort = (id: PostsSort) => (sort === id ? (dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const header = (id: PostsSort, label: string) => (
    <th scope="col" aria-sort={ariaSort(id)} className="an-num">
      <button type="button" className="an-sort" onClick={() => sortBy(id)}>
        {label}
        <span aria-hidden="true">{sort === id ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}</span>
      </button>
    </th>
  );
  return (
    <section className="card an-posts" aria-labelledby="an-posts-title">
      <div className="an-chart-head">
        <h2 id="an-posts-title">{t('posts.title')}</h2>
        <a className="btn btn-ghost btn-sm" href={postsCsvUrl(scope, filter, sort, dir)} download data-testid="posts-csv">
          {t('charts.downloadCsv')}
        </a>
      </div>
      {posts.isLoading ? <p className="muted">{t('posts.loading')}</p> : null}
      {!posts.isLoading && rows.length === 0 ? <p className="muted">{t('posts.empty')}</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table an-posts-table" data-testid="analytics-posts">
            <thead>
              <tr>
                <th scope="col">{t('posts.columns.post')}</th>
                <th scope="col" aria-sort={ariaSort('publishedAt')}>
                  <button type="button" className="an-sort" onClick={() => sortBy('publishedAt')}>
                    {t('posts.columns.published')}<span aria-hidden="true">{sort === 'publishedAt' ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}</span>
                  </button>
                </th>
                {sortColumns.map((c) => header(c.id, t(c.label)))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const channel = byId.get(p.channelId);
                const href = postHref(channels, p);
                return (
                  <tr key={p.deliveryId}>
                    <td className="an-post-cell">
                      <Thumb post={p} />
                      <div>
                        {href ? (
                          <Link to={href} className="an-post-text">
                            {textOf(p, t)}
                          </Link>
                        ) : (
                          <span className="an-post-text">{textOf(p, t)}</span>
                        )}
                        <span className="an-post-meta muted">
                          {channel ? <ChannelAvatar network={channel.network} src={channel.avatarUrl} size="xs" /> : null} {channel ? `${channel.name}${several ? ` · ${channel.workspaceName}` : ''}` : networkLabel(p.network)}
                          {p.url ? (
                            <>
                              {' · '}
                              <a href={p.url} target="_blank" rel="noreferrer noopener">
                                {t('posts.openOn', { network: networkLabel(p.network) })}
                              </a>
                            </>
                          ) : null}
                        </span>
                      </div>
                    </td>
                    <td className="an-date">{new Date(p.publishedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    {sortColumns.map((c) => (
                      <td key={c.id} className="an-num">
                        <Cell value={p[c.id as Counter | 'engagement' | 'engagementRate']} format={c.id === 'engagementRate' ? percent : number} />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {posts.hasNextPage ? (
        <button type="button" className="btn" disabled={posts.isFetchingNextPage} onClick={() => posts.fetchNextPage()}>
          {posts.isFetchingNextPage ? t('posts.loadingMore') : t('posts.more')}
        </button>
      ) : null}
    </section>
  );
}
