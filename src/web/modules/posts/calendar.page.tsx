import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useToast } from '../../components/toast.tsx';
import { useMediaQuery } from '../../components/use-media-query.ts';
import { useSearchParamsUpdate } from '../../components/use-search-params-update.ts';
import { useChannels } from '../channels/channels.api.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { OnboardingChecklist } from '../onboarding/onboarding-checklist.tsx';
import { calendarViews, dayKey, fullDateTime, parseDayKey, stepAnchor, userTimeZone, visibleRange, zoneOffsetLabel } from './calendar.dates.ts';
import { ListView } from './calendar.list.tsx';
import { displayStates, displayStateWords, matchesFilters, titleIn, toCalendarPost, type CalendarFilters, type CalendarPost, type DisplayState } from './calendar.model.ts';
import { MonthView } from './calendar.month.tsx';
import { MoveDialog, useDragAndDrop, useMovePost } from './calendar.move.tsx';
import { CalendarContext, CalendarNav, parseView, useNow, viewLabels, type CalendarContextValue } from './calendar.parts.tsx';
import { WeekView } from './calendar.week.tsx';
import { usePostsInRange } from './posts.api.ts';
import './calendar.css';
import { ShareForReviewButton } from '../approvals/share-dialog.tsx';


const parseStates = (value: string | null): DisplayState[] => (value ?? '').split(',').filter((s): s is DisplayState => displayStates.includes(s as DisplayState));

/** Reads the pages before and after the visible one into the cache, so stepping there draws at once. */
function PrefetchNeighbours({ workspaceId, ranges }: { workspaceId: string; ranges: { from: Date; to: Date }[] }) {
  usePostsInRange(workspaceId, ranges[1]!.from, ranges[1]!.to);
  usePostsInRange(workspaceId, ranges[0]!.from, ranges[0]!.to);
  return null;
}


export function CalendarPage() {
  const { t } = useTranslation('posts');
  const workspace = useWorkspace();
  const toast = useToast();
  const [params, update] = useSearchParamsUpdate();
  const phone = useMediaQuery('(max-width: 40em)');
  const now = useNow();
  const timeZone = userTimeZone();

  // Everything that names what is shown lives in the URL: reload, links and Back keep it.
  const view = parseView(params.get('view')) ?? (phone ? 'list' : 'month');
  const dateParam = params.get('date');
  const anchorKey = parseDayKey(dateParam) ? dateParam! : dayKey(now);
  const anchor = useMemo(() => parseDayKey(anchorKey)!, [anchorKey]);
  const range = useMemo(() => visibleRange(view, anchor), [view, anchor]);
  const neighbours = useMemo(() => [visibleRange(view, stepAnchor(view, anchor, -1)), visibleRange(view, stepAnchor(view, anchor, 1))], [view, anchor]);
  const stateParam = params.get('state');
  const channelParam = params.get('channel');
  const filters = useMemo<CalendarFilters>(() => ({ states: parseStates(stateParam), channelId: channelParam || null }), [stateParam, channelParam]);

  const query = usePostsInRange(workspace.id, range.from, range.to);
  const loaded = query.isSuccess && !query.isPlaceholderData;
  const channels = useChannels(workspace.id).data?.items;
  const channelsById = useMemo(() => new Map((channels ?? []).map((c) => [c.id, c])), [channels]);

  const { moves, move } = useMovePost(workspace.id);
  const posts = useMemo(() => (query.data ?? []).map((p) => toCalendarPost(p, moves.get(p.id))), [query.data, moves]);
  const channelMatches = useMemo(() => (filters.channelId ? posts.filter((p) => matchesFilters(p, { states: [], channelId: filters.channelId })) : posts), [posts, filters.channelId]);
  const visible = useMemo(() => (filters.states.length ? channelMatches.filter((p) => filters.states.includes(p.state)) : channelMatches), [channelMatches, filters.states]);
  const counts = useMemo(() => {
    const inRange = channelMatches.filter((p) => p.at >= range.from && p.at < range.to);
    return Object.fromEntries(displayStates.map((state) => [state, inRange.filter((p) => p.state === state).length])) as Record<DisplayState, number>;
  }, [channelMatches, range]);

  const postsById = useRef(new Map<string, CalendarPost>());
  postsById.current = useMemo(() => new Map(posts.map((p) => [p.id, p])), [posts]);
  const findPost = useCallback((id: string) => postsById.current.get(id), []);

  const canEdit = hasPermission(workspace, 'posts.edit');
  const canMove = canEdit && hasPermission(workspace, 'posts.schedule');
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const [moving, setMoving] = useState<CalendarPost | null>(null);

  const moveAndReport = useCallback(
    async (post: CalendarPost, to: Date, fromDialog = false) => {
      setFailure(null);
      const result = await move(post, to);
      const title = titleIn(t, post);
      if (result.ok) toast(t('calendar.moved', { title: title.slice(0, 40), when: fullDateTime.format(to) }));
      else if (!fromDialog) setFailure({ title, message: result.message });
      return result;
    },
    [move, toast, t],
  );
  const restoreFocus = (postId: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-post-id="${postId}"]`)?.focus());
  // The server's answer re-renders the moved post (its old place, then its new one): a focus given
  // back before that is lost to the page. For a few seconds, a focus that fell to the page goes back.
  const keepFocusOn = useRef<{ id: string; until: number } | null>(null);
  useEffect(() => {
    const want = keepFocusOn.current;
    if (!want) return;
    if (Date.now() > want.until) keepFocusOn.current = null;
    else if (!document.activeElement || document.activeElement === document.body) restoreFocus(want.id);
  });

  const dnd = useDragAndDrop(findPost, (post, to) => void moveAndReport(post, to), setMoving);

  const context = useMemo<CalendarContextValue>(
    () => ({
      channelsById,
      canMove,
      postHref: (post) => `/w/${workspace.id}/posts/${post.id}${canEdit && (post.state === 'draft' || post.state === 'scheduled') ? '/edit' : ''}`,
      composeHref: (at) => (canEdit ? `/w/${workspace.id}/compose?at=${encodeURIComponent(at.toISOString())}` : null),
      openMove: (postId) => setMoving(postsById.current.get(postId) ?? null),
      showDay: (day) => update({ view: 'day', date: dayKey(day) }),
    }),
    [channelsById, canMove, canEdit, workspace.id, update],
  );

  const showsToday = now >= range.from && now < range.to;
  const composeLink = canEdit ? (
    <Link to={`/w/${workspace.id}/compose`} className="btn btn-primary">
      <PlusIcon /> {t('calendar.newPost')}
    </Link>
  ) : null;

  return (
    <div className="page page-wide cal-page">
      <PageHeader
        title={t('calendar.title')}
        description={
          <Trans
            t={t}
            i18nKey="calendar.timesIn"
            values={{ zone: timeZone, offset: zoneOffsetLabel(timeZone, now) }}
            components={{ zone: <strong data-testid="calendar-timezone" />, offset: <span className="cal-offset" /> }}
          />
        }
        actions={composeLink}
      />
      <OnboardingChecklist compact />
      <section className="card cal-card" aria-labelledby="cal-title">
        <div className="cal-toolbar">
          <CalendarNav view={view} label={range.label} todayDisabled={showsToday && !dateParam} loading={query.isFetching} onToday={() => update({ date: null })} onStep={(by) => update({ date: dayKey(stepAnchor(view, anchor, by)) })} />
          <div className="cal-controls">
            {hasPermission(workspace, 'posts.approve') ? <ShareForReviewButton range={range} label={t('calendar.shareForReview')} /> : null}
            <label className="cal-channel">
              <span className="visually-hidden">{t('calendar.channel')}</span>
              <select value={filters.channelId ?? ''} onChange={(e) => update({ channel: e.target.value || null }, true)}>
                <option value="">{t('calendar.allChannels')}</option>
                {(channels ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.displayName ?? c.username ?? c.network}
                    {c.username ? ` · @${c.username.split('@')[0]}` : ''}
                  </option>
                ))}
              </select>
            </label>
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
          <div className="cal-legend" role="group" aria-label={t('calendar.legend.label')}>
            {displayStates.map((state) => {
              const { label, description } = displayStateWords(t, state);
              const active = filters.states.includes(state);
              return (
                <button
                  key={state}
                  type="button"
                  className={`cal-legend-item${active ? ' is-active' : ''}${filters.states.length && !active ? ' is-dimmed' : ''}`}
                  aria-pressed={active}
                  title={description}
                  onClick={() => update({ state: (active ? filters.states.filter((s) => s !== state) : [...filters.states, state]).join(',') || null }, true)}
                >
                  <span className={`cal-dot state-${state}`} aria-hidden="true" />
                  {label}
                  <span className="cal-legend-count" aria-label={t('calendar.legend.inView', { count: counts[state] })}>
                    {counts[state]}
                  </span>
                </button>
              );
            })}
            {filters.states.length || filters.channelId ? (
              <button type="button" className="btn-text cal-clear" onClick={() => update({ state: null, channel: null }, true)}>
                {t('calendar.legend.clear')}
              </button>
            ) : null}
          </div>
          {filters.states.includes('draft') ? (
            // The calendar places posts by time: a draft without one can only be listed elsewhere.
            <p className="cal-hint" data-testid="calendar-drafts-hint">
              <Trans t={t} i18nKey="calendar.draftsHint" components={{ drafts: <Link to={`/w/${workspace.id}/drafts`} /> }} />
            </p>
          ) : canMove && view !== 'list' ? (
            <p className="cal-hint">{t('calendar.dragHint')}</p>
          ) : null}
        </div>

        {failure ? (
          <div className="cal-failure" role="alert" data-testid="move-failure">
            <div>
              <strong>{t('calendar.notMoved', { title: failure.title.slice(0, 60) })}</strong> {failure.message}
            </div>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setFailure(null)}>
              {t('calendar.dismiss')}
            </button>
          </div>
        ) : null}
        {query.isError ? (
          <div className="cal-failure" role="alert">
            <div>
              <strong>{t('calendar.loadFailed')}</strong> {query.error.message}
            </div>
            <button type="button" className="btn btn-sm" onClick={() => void query.refetch()}>
              {t('actions.tryAgain')}
            </button>
          </div>
        ) : null}

        <CalendarContext.Provider value={context}>
          <div
            {...dnd}
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
            {view === 'list' ? <ListView range={range} posts={visible} now={now} loading={!loaded} emptyAction={composeLink} /> : null}
          </div>
        </CalendarContext.Provider>
      </section>

      <MoveDialog
        post={moving}
        onClose={() => {
          const id = moving?.id;
          setMoving(null);
          if (id) {
            restoreFocus(id);
            keepFocusOn.current = { id, until: Date.now() + 5000 };
          }
        }}
        onMove={(post, to) => moveAndReport(post, to, true)}
      />
      {loaded ? <PrefetchNeighbours workspaceId={workspace.id} ranges={neighbours} /> : null}
    </div>
  );
}
