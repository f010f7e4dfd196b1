import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { atMinute, dayKey, fullDay, dayMonthShort, isSameMonth, weekdayLong, weekdayShort, type VisibleRange } from './calendar.dates.ts';
import { byDay, useStableGroups, type CalendarPost } from './calendar.model.ts';
import { PlusSmall, PostChip, useCalendar } from './calendar.parts.tsx';

const shownPerDay = 3;
const empty: CalendarPost[] = [];

/** Where "new post" on an empty day starts: 9:00, or the next full hour when that has passed today. */
function composeTime(day: Date, now: Date): Date | null {
  const nine = atMinute(day, 9 * 60);
  if (nine > now) return nine;
  const nextHour = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours() + 1);
  return dayKey(nextHour) === dayKey(day) ? nextHour : null;
}

const DayCell = memo(function DayCell({ day, posts, outside, today, past, now }: { day: Date; posts: CalendarPost[]; outside: boolean; today: boolean; past: boolean; now: Date }) {
  const { t } = useTranslation('posts');
  const { composeHref, showDay } = useCalendar();
  const [expanded, setExpanded] = useState(false);
  const key = dayKey(day);
  const shown = expanded ? posts : posts.slice(0, posts.length > shownPerDay + 1 ? shownPerDay : shownPerDay + 1);
  const hidden = posts.length - shown.length;
  const at = past ? null : composeTime(day, now);
  const compose = at ? composeHref(at) : null;
  const label = fullDay.format(day);
  return (
    <li
      className={`cal-day${outside ? ' is-outside' : ''}${today ? ' is-today' : ''}${past ? ' is-past' : ''}`}
      data-drop-day={key}
      data-testid="calendar-day"
      data-day={key}
      aria-label={posts.length ? t('calendar.month.dayWithPosts', { day: label, count: posts.length }) : label}
    >
      <div className="cal-day-head">
        <button type="button" className="cal-day-number" onClick={() => showDay(day)} aria-label={t('calendar.month.openDay', { day: day.getDate() === 1 ? `${dayMonthShort.format(day)}, ${label}` : label })} aria-current={today ? 'date' : undefined}>
          {/* The first of a month names it, in the language's order ("Dec 1", "1 déc."); the name starts
              with what is shown (WCAG 2.5.3, label in name). */}
          {day.getDate() === 1
            ? dayMonthShort.formatToParts(day).map((part, i) => (part.type === 'month' ? <span key={i} className="cal-month-abbr">{part.value}</span> : part.value))
            : day.getDate()}
        </button>
        {compose ? (
          <Link to={compose} className="cal-day-add" aria-label={t('calendar.month.newPostOn', { day: label })} title={t('calendar.newPost')}>
            <PlusSmall />
          </Link>
        ) : null}
      </div>
      {posts.length ? (
        <ul className="cal-day-posts">
          {shown.map((post) => (
            <li key={post.id}>
              <PostChip post={post} />
            </li>
          ))}
        </ul>
      ) : null}
      {posts.length ? (
        <span className="cal-day-dots" aria-hidden="true">
          {posts.slice(0, 4).map((post) => (
            <span key={post.id} className={`cal-dot state-${post.state}`} />
          ))}
          {posts.length > 4 ? <span className="cal-dots-more">+{posts.length - 4}</span> : null}
        </span>
      ) : null}
      {hidden > 0 || expanded ? (
        <button type="button" className="cal-more" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
          {expanded ? t('calendar.month.showFewer') : t('calendar.month.more', { count: hidden })}
        </button>
      ) : null}
    </li>
  );
});

export function MonthView({ range, anchor, posts, now }: { range: VisibleRange; anchor: Date; posts: CalendarPost[]; now: Date }) {
  const groups = useStableGroups(posts, byDay);
  const todayKey = dayKey(now);
  return (
    <div className="cal-month">
      <div className="cal-weekdays" aria-hidden="true">
        {range.days.slice(0, 7).map((day) => (
          <div key={day.getDay()} title={weekdayLong.format(day)}>
            {weekdayShort.format(day)}
          </div>
        ))}
      </div>
      <ol className="cal-month-grid" aria-label={range.label}>
        {range.days.map((day) => {
          const key = dayKey(day);
          return (
            <DayCell key={key} day={day} posts={groups.get(key) ?? empty} outside={!isSameMonth(day, anchor)} today={key === todayKey} past={key < todayKey} now={key === todayKey ? now : range.from} />
          );
        })}
      </ol>
    </div>
  );
}
