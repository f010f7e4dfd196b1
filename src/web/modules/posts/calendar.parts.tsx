import { createContext, memo, useContext, useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { i18n } from '../../i18n/i18n.ts';
import { NetworkMark } from '../../components/network-mark.tsx';
import { networkLabel } from '../../components/networks.ts';
import type { Channel } from '../channels/channels.api.ts';
import { calendarViews, fullDateTime, timeFormat, type CalendarView } from './calendar.dates.ts';
import { stateLabelOf, titleIn, type CalendarPost } from './calendar.model.ts';
import type { PostsT } from './post-states.ts';

/** What every cell and post needs and what changes rarely; kept out of props so memoised cells stay put. */
export type CalendarContextValue = {
  channelsById: Map<string, Channel>;
  postHref: (post: CalendarPost) => string;
  /** The composer prefilled with a time, or null for people who cannot write posts. */
  composeHref: (at: Date) => string | null;
  canMove: boolean;
  openMove: (postId: string) => void;
  showDay: (day: Date) => void;
};

export const CalendarContext = createContext<CalendarContextValue | null>(null);

export function useCalendar(): CalendarContextValue {
  const value = useContext(CalendarContext);
  if (!value) throw new Error('useCalendar outside CalendarContext');
  return value;
}


export function channelName(channelsById: Map<string, Channel>, channelId: string, network: string): string {
  const channel = channelsById.get(channelId);
  const name = channel?.displayName ?? channel?.username ?? null;
  return name ? `${name} (${networkLabel(network)})` : networkLabel(network);
}

/** The channel's picture as Herald serves it; without one, the network's mark. */
export function ChannelAvatar({ channelId, network, size = 'sm' }: { channelId: string; network: string; size?: 'sm' | 'md' }) {
  const { channelsById } = useCalendar();
  const src = channelsById.get(channelId)?.avatar;
  if (src) return <img className={`cal-avatar cal-avatar-${size}`} src={src} alt="" aria-hidden="true" loading="lazy" decoding="async" draggable={false} />;
  return (
    <span className={`cal-avatar cal-avatar-${size} cal-net`} aria-hidden="true">
      <NetworkMark network={network} />
    </span>
  );
}

export function AvatarStack({ post, max = 3, size = 'sm' }: { post: CalendarPost; max?: number; size?: 'sm' | 'md' }) {
  const deliveries = post.post.deliveries;
  const shown = deliveries.slice(0, deliveries.length > max ? max - 1 : max);
  return (
    <span className="cal-avatars" aria-hidden="true">
      {shown.map((d) => (
        <ChannelAvatar key={d.id} channelId={d.channelId} network={d.network} size={size} />
      ))}
      {deliveries.length > shown.length ? <span className={`cal-avatar cal-avatar-${size} cal-avatar-more`}>+{deliveries.length - shown.length}</span> : null}
    </span>
  );
}

/**
 * "9:00 AM, Launch day is here (Scheduled) on Herald (Mastodon)": time, workspace and text in the
 * order the chip shows them, so the name contains what is seen (WCAG 2.5.3, label in name).
 */
export function describePost(t: PostsT, post: CalendarPost, channelsById: Map<string, Channel>, withDay = false): string {
  const when = withDay ? fullDateTime.format(post.at) : timeFormat.format(post.at);
  const channels = post.post.deliveries.map((d) => channelName(channelsById, d.channelId, d.network)).join(', ');
  const title = titleIn(t, post);
  const state = `${stateLabelOf(t, post)}${post.paused ? t('calendar.post.pausedSuffix') : ''}${post.moving ? t('calendar.post.movingSuffix') : ''}`;
  const described = post.workspace ? t('calendar.post.describedInWorkspace', { when, workspace: post.workspace.name, state, title }) : t('calendar.post.described', { when, state, title });
  return `${described}${channels ? t('calendar.post.onChannels', { channels }) : ''}`;
}

/** The workspace of a post on a calendar of several, after a square in its colour. */
export function WorkspaceName({ name }: { name: string }) {
  return (
    <span className="cal-ws" data-testid="calendar-post-workspace">
      <span className="cal-ws-mark" aria-hidden="true" />
      {name}
    </span>
  );
}

/**
 * One post in the month, week and day views: a link to it, draggable when it can be moved. Drag
 * and keyboard events are handled once by the calendar around it, not per post.
 */
export const PostChip = memo(function PostChip({ post, showTime = true }: { post: CalendarPost; showTime?: boolean }) {
  const { t } = useTranslation('posts');
  const { postHref, channelsById, canMove } = useCalendar();
  const draggable = canMove && post.movable && !post.moving;
  const title = titleIn(t, post);
  return (
    <Link
      to={postHref(post)}
      className={`cal-post state-${post.state}${post.moving ? ' is-moving' : ''}${draggable ? ' is-draggable' : ''}${post.workspace ? ' has-workspace' : ''}`}
      style={post.workspace ? ({ '--ws': post.workspace.colour } as CSSProperties) : undefined}
      data-testid="calendar-post"
      data-post-id={post.id}
      data-state={post.state}
      data-movable={draggable ? 'true' : undefined}
      draggable={draggable}
      aria-label={describePost(t, post, channelsById)}
      aria-keyshortcuts={draggable ? 'M' : undefined}
      title={draggable ? `${title}\n${t('calendar.post.dragHint')}` : title}
    >
      <span className="cal-post-head">
        <AvatarStack post={post} max={3} />
        {showTime ? <span className="cal-post-time">{timeFormat.format(post.at)}</span> : null}
        {post.paused ? (
          <span className="cal-paused" data-testid="calendar-paused" aria-hidden="true">
            {t('calendar.post.paused')}
          </span>
        ) : null}
      </span>{' '}
      {post.workspace ? <WorkspaceName name={post.workspace.name} /> : null} <span className="cal-post-text">{title}</span>
    </Link>
  );
});

export const ChevronLeft = () => (
  <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="m15 18-6-6 6-6" />
  </svg>
);
export const ChevronRight = () => (
  <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="m9 18 6-6-6-6" />
  </svg>
);
export const PlusSmall = () => (
  <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" aria-hidden="true">
    <path d="M12 5v14M5 12h14" />
  </svg>
);

const stepUnit: Record<CalendarView, 'month' | 'week' | 'day'> = { month: 'month', week: 'week', day: 'day', list: 'month' };

/** Today, previous/next and the range's title: the same in a workspace's calendar and across workspaces. */
export function CalendarNav({ view, label, todayDisabled, loading, onToday, onStep }: { view: CalendarView; label: string; todayDisabled: boolean; loading: boolean; onToday: () => void; onStep: (by: 1 | -1) => void }) {
  const { t } = useTranslation('posts');
  const unit = stepUnit[view];
  return (
    <div className="cal-nav">
      <button type="button" className="btn btn-sm" onClick={onToday} disabled={todayDisabled}>
        {t('calendar.nav.today')}
      </button>
      <div className="cal-arrows">
        <button type="button" className="btn btn-ghost btn-icon" aria-label={t(`calendar.nav.previous.${unit}`)} onClick={() => onStep(-1)}>
          <ChevronLeft />
        </button>
        <button type="button" className="btn btn-ghost btn-icon" aria-label={t(`calendar.nav.next.${unit}`)} onClick={() => onStep(1)}>
          <ChevronRight />
        </button>
      </div>
      <h2 id="cal-title" className="cal-title" aria-live="polite">
        {label}
      </h2>
      {loading ? <span className="spinner cal-spinner" role="status" aria-label={t('calendar.loadingPosts')} /> : null}
    </div>
  );
}

/** The views' names in the interface's language, read when shown (the agency calendar reads them too). */
export const viewLabels: Record<CalendarView, string> = {
  get month() {
    return i18n.t('posts:calendar.views.month');
  },
  get week() {
    return i18n.t('posts:calendar.views.week');
  },
  get day() {
    return i18n.t('posts:calendar.views.day');
  },
  get list() {
    return i18n.t('posts:calendar.views.list');
  },
};

export const parseView = (value: string | null): CalendarView | null => (calendarViews.includes(value as CalendarView) ? (value as CalendarView) : null);

/** The minute, for "today", the past days and the now line; ticks once a minute. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
