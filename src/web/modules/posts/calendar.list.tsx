import { memo, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Loading } from '../../components/status.tsx';
import { dayKey, fullDay, timeFormat, type VisibleRange } from './calendar.dates.ts';
import { byDay, useStableGroups, type CalendarPost } from './calendar.model.ts';
import { AvatarStack, channelName, describePost, useCalendar, WorkspaceName } from './calendar.parts.tsx';

const ListRow = memo(function ListRow({ post }: { post: CalendarPost }) {
  const { postHref, channelsById, canMove, openMove } = useCalendar();
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
          aria-label={describePost(post, channelsById)}
          aria-keyshortcuts={movable ? 'M' : undefined}
        >
          {post.title}
        </Link>
        <span className="cal-row-sub">
          {post.workspace ? <WorkspaceName name={post.workspace.name} /> : null}
          <span className="cal-row-state">{post.stateLabel} · </span>
          {channels}
        </span>
      </div>
      <span className={`cal-badge state-${post.state}`}>{post.stateLabel}</span>
      {post.paused ? <span className="cal-badge cal-paused" data-testid="calendar-paused">Paused</span> : null}
      {movable ? (
        <button type="button" className="btn btn-sm btn-ghost cal-row-move" onClick={() => openMove(post.id)} aria-label={`Move “${post.title.slice(0, 60)}”…`}>
          Move…
        </button>
      ) : (
        <span className="cal-row-move" aria-hidden="true" />
      )}
    </li>
  );
});

/** An agenda of the month: only the days that have posts, each with its posts in time order. */
export function ListView({ range, posts, now, loading, emptyAction }: { range: VisibleRange; posts: CalendarPost[]; now: Date; loading: boolean; emptyAction: ReactNode }) {
  const groups = useStableGroups(posts, byDay);
  const todayKey = dayKey(now);
  const days = range.days.filter((day) => groups.has(dayKey(day)));
  if (!days.length && loading) return <Loading label="Loading posts…" />;
  if (!days.length) {
    return (
      <div className="cal-list-empty">
        <p className="empty-title">No posts in {range.label}</p>
        <p className="muted">Nothing matches for this month. Try another month or clear the filters.</p>
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
              {key === todayKey ? <span className="tag tag-accent">Today</span> : null}
              <span className="cal-list-count">
                {list.length} {list.length === 1 ? 'post' : 'posts'}
              </span>
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
