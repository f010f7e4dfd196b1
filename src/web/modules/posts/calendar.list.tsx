import { memo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/status.tsx';
import { dayKey, fullDay, timeFormat, type VisibleRange } from './calendar.dates.ts';
import { byDay, stateLabelOf, titleIn, useStableGroups, type CalendarPost } from './calendar.model.ts';
import { AvatarStack, channelName, describePost, useCalendar, WorkspaceName } from './calendar.parts.tsx';

const ListRow = memo(function ListRow({ post }: { post: CalendarPost }) {
  const { t } = useTranslation('posts');
  const { postHref, channelsById, canMove, openMove } = useCalendar();
  const title = titleIn(t, post);
  const stateLabel = stateLabelOf(t, post);
  const movable = canMove && post.movable && !post.moving;
  const channels = post.post.deliveries.map((d) => channelName(channelsById, d.channelId, d.network)).join(', ');
  return (
    <li className={`cal-row state-${post.state}${post.moving ? ' is-moving' : ''}${post.workspace ? ' has-workspace' : ''}`} style={post.workspace ? ({ '--ws': post.workspace.colour } as CSSProperties) : undefined}>
      <span className="cal-row-time">{timeFormat.format(post.at)}</span>
      <AvatarStack post={post} max={3} size="md" />
      <div className="cal-row-main">
        <Link
          to={postHref(post)}
          className="cal-row-link"
          data-testid="calendar-post"
          data-post-id={post.id}
          data-state={post.state}
          data-movable={movable ? 'true' : undefined}
          aria-label={describePost(t, post, channelsById)}
          aria-keyshortcuts={movable ? 'M' : undefined}
        >
          {title}
        </Link>
        <span className="cal-row-sub">
          {post.workspace ? <WorkspaceName name={post.workspace.name} /> : null}
          <span className="cal-row-state">{stateLabel} · </span>
          {channels}
        </span>
      </div>
      <span className={`cal-badge state-${post.state}`}>{stateLabel}</span>
      {post.paused ? (
        <span className="cal-badge cal-paused" data-testid="calendar-paused">
          {t('calendar.post.paused')}
        </span>
      ) : null}
      {movable ? (
        <button type="button" className="btn btn-sm btn-ghost cal-row-move" onClick={() => openMove(post.id)} aria-label={t('calendar.list.moveLabel', { title: title.slice(0, 60) })}>
          {t('calendar.list.move')}
        </button>
      ) : (
        <span className="cal-row-move" aria-hidden="true" />
      )}
    </li>
  );
});

/** An agenda of the month: only the days that have posts, each with its posts in time order. */
export function ListView({ range, posts, now, loading, emptyAction }: { range: VisibleRange; posts: CalendarPost[]; now: Date; loading: boolean; emptyAction: ReactNode }) {
  const { t } = useTranslation('posts');
  const groups = useStableGroups(posts, byDay);
  const todayKey = dayKey(now);
  const days = range.days.filter((day) => groups.has(dayKey(day)));
  if (!days.length && loading) return <Loading label={t('calendar.loadingPostsEllipsis')} />;
  if (!days.length) {
    return (
      <div className="cal-list-empty">
        <p className="empty-title">{t('calendar.list.emptyTitle', { range: range.label })}</p>
        <p className="muted">{t('calendar.list.emptyBody')}</p>
        {emptyAction}
      </div>
    );
  }
  return (
    <div className="cal-list">
      {days.map((day) => {
        const key = dayKey(day);
        const list = groups.get(key)!;
        return (
          <section key={key} className={`cal-list-day${key === todayKey ? ' is-today' : ''}${key < todayKey ? ' is-past' : ''}`} aria-labelledby={`cal-list-${key}`} data-drop-day={key}>
            <h3 id={`cal-list-${key}`} className="cal-list-heading">
              <span className="cal-list-date">{fullDay.format(day)}</span>
              {key === todayKey ? <span className="tag tag-accent">{t('calendar.nav.today')}</span> : null}
              <span className="cal-list-count">{t('calendar.postCount', { count: list.length })}</span>
            </h3>
            <ul className="cal-rows">
              {list.map((post) => (
                <ListRow key={post.id} post={post} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
