import { useMemo, type CSSProperties } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useMediaQuery } from '../../components/use-media-query.ts';
import { useSearchParamsUpdate } from '../../components/use-search-params-update.ts';
import { calendarViews, dayKey, parseDayKey, stepAnchor, userTimeZone, visibleRange, zoneOffsetLabel } from '../posts/calendar.dates.ts';
import { ListView } from '../posts/calendar.list.tsx';
import { MonthView } from '../posts/calendar.month.tsx';
import { CalendarContext, CalendarNav, parseView, useNow, viewLabels, type CalendarContextValue } from '../posts/calendar.parts.tsx';
import { WeekView } from '../posts/calendar.week.tsx';
import { useAgencyCalendar } from './agency.api.ts';
import { channelsOf, toAgencyPost } from './agency.adapt.ts';
import '../posts/calendar.css';



/**
 * One calendar over every workspace of the user, drawn by the workspace calendar's views; chips in
 * each workspace's colour narrow it to some of them. Nothing is moved from here: a post opens in
 * its own workspace, where the person's role there decides what they may do.
 */
export function AgencyCalendar() {
  const { t } = useTranslation('agency');
  const [params, update] = useSearchParamsUpdate();
  const phone = useMediaQuery('(max-width: 40em)');
  const now = useNow();
  const timeZone = userTimeZone();

  const view = parseView(params.get('view')) ?? (phone ? 'list' : 'month');
  const dateParam = params.get('date');
  const anchorKey = parseDayKey(dateParam) ? dateParam! : dayKey(now);
  const anchor = useMemo(() => parseDayKey(anchorKey)!, [anchorKey]);
  const range = useMemo(() => visibleRange(view, anchor), [view, anchor]);
  const wsParam = params.get('ws');
  const chosen = useMemo(() => new Set((wsParam ?? '').split(',').filter(Boolean)), [wsParam]);

  const query = useAgencyCalendar(range.from, range.to);
  const loaded = query.isSuccess && !query.isPlaceholderData;
  const workspaces = query.data?.workspaces ?? [];
  const items = query.data?.items;
  const posts = useMemo(() => (items ?? []).map((item) => toAgencyPost(item, t)), [items, t]);
  const hrefs = useMemo(() => new Map((items ?? []).map((i) => [i.id, i.href])), [items]);
  const visible = useMemo(() => (chosen.size ? posts.filter((p) => chosen.has(p.post.workspaceId)) : posts), [posts, chosen]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of posts) if (p.at >= range.from && p.at < range.to) map.set(p.post.workspaceId, (map.get(p.post.workspaceId) ?? 0) + 1);
    return map;
  }, [posts, range]);

  const context = useMemo<CalendarContextValue>(
    () => ({
      channelsById: channelsOf(items ?? []),
      canMove: false,
      postHref: (post) => hrefs.get(post.id) ?? `/w/${post.post.workspaceId}/posts/${post.id}`,
      composeHref: () => null,
      openMove: () => undefined,
      showDay: (day) => update({ view: 'day', date: dayKey(day) }),
    }),
    [items, hrefs, update],
  );

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update({ ws: [...next].join(',') || null }, true);
  };
  const showsToday = now >= range.from && now < range.to;

  return (
    <section className="card cal-card agency-calendar" aria-labelledby="cal-title">
      <div className="cal-toolbar">
        <CalendarNav view={view} label={range.label} todayDisabled={showsToday && !dateParam} loading={query.isFetching} onToday={() => update({ date: null })} onStep={(by) => update({ date: dayKey(stepAnchor(view, anchor, by)) })} />
        <div className="cal-controls">
          <div className="cal-views" role="group" aria-label={t('calendar.view')}>
            {calendarViews.map((v) => (
              <button key={v} type="button" className="cal-view-button" aria-pressed={v === view} onClick={() => update({ view: v })}>
                {viewLabels[v]}
              </button>
            ))}
          </div>
        </div>
      </div>

      <div className="cal-filterbar">
        <div className="cal-legend agency-chips" role="group" aria-label={t('calendar.showWorkspaces')}>
          {workspaces.map((w) => {
            const active = chosen.has(w.id);
            return (
              <button
                key={w.id}
                type="button"
                className={`cal-legend-item agency-chip${active ? ' is-active' : ''}${chosen.size && !active ? ' is-dimmed' : ''}`}
                style={{ '--ws': w.colour } as CSSProperties}
                aria-pressed={active}
                data-testid="workspace-filter"
                onClick={() => toggle(w.id)}
              >
                <span className="cal-ws-mark" aria-hidden="true" />
                {w.name}
                <span className="cal-legend-count" aria-label={t('calendar.inView', { count: counts.get(w.id) ?? 0 })}>
                  {counts.get(w.id) ?? 0}
                </span>
              </button>
            );
          })}
          {chosen.size ? (
            <button type="button" className="btn-text cal-clear" onClick={() => update({ ws: null }, true)}>
              {t('calendar.showAll')}
            </button>
          ) : null}
        </div>
        <p className="cal-hint">
          <Trans t={t} i18nKey="calendar.hint" values={{ zone: timeZone, offset: zoneOffsetLabel(timeZone, now) }} components={{ strong: <strong /> }} />
        </p>
      </div>

      {query.isError ? (
        <div className="cal-failure" role="alert">
          <div>
            <strong>{t('calendar.loadFailed')}</strong> {query.error.message}
          </div>
          <button type="button" className="btn btn-sm" onClick={() => void query.refetch()}>
            {t('calendar.retry')}
          </button>
        </div>
      ) : null}
      {query.data?.truncated ? (
        <p className="cal-failure" role="status">
          {t('calendar.truncated', { count: query.data.items.length })}
        </p>
      ) : null}

      <CalendarContext.Provider value={context}>
        <div
          className={`cal-body cal-body-${view}${loaded ? '' : ' is-loading'}`}
          data-testid="calendar"
          data-view={view}
          data-range={`${range.from.toISOString()}/${range.to.toISOString()}`}
          data-loaded={loaded ? 'true' : 'false'}
          data-count={visible.length}
          aria-busy={!loaded}
        >
          {view === 'month' ? <MonthView range={range} anchor={anchor} posts={visible} now={now} /> : null}
          {view === 'week' || view === 'day' ? <WeekView range={range} posts={visible} now={now} /> : null}
          {view === 'list' ? <ListView range={range} posts={visible} now={now} loading={!loaded} emptyAction={null} /> : null}
        </div>
      </CalendarContext.Provider>
    </section>
  );
}
