import { memo, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { atMinute, dayKey, fullDay, hourFormat, minuteOfDay, weekdayShort, type VisibleRange } from './calendar.dates.ts';
import { byDaySlot, useStableGroups, type CalendarPost } from './calendar.model.ts';
import { PostChip, useCalendar } from './calendar.parts.tsx';

const hours = Array.from({ length: 24 }, (_, h) => h);
const empty: CalendarPost[] = [];

/** One half hour of one day: a drop target, with the posts due in it. */
const Slot = memo(function Slot({ day, minute, posts, past, nowOffset }: { day: Date; minute: number; posts: CalendarPost[]; past: boolean; nowOffset: number | null }) {
  const at = atMinute(day, minute);
  return (
    <div
      className={`cal-slot${minute % 60 ? ' is-half' : ''}${past ? ' is-past' : ''}`}
      data-drop-day={dayKey(day)}
      data-drop-minute={minute}
      data-testid="calendar-slot"
      data-at={at.toISOString()}
    >
      {nowOffset !== null ? <span className="cal-now" style={{ top: `${nowOffset}%` }} aria-hidden="true" /> : null}
      {posts.map((post) => (
        <PostChip key={post.id} post={post} />
      ))}
    </div>
  );
});

/** Week (7 columns) and day (1 column) views: hour rows split into half-hour slots. */
export function WeekView({ range, posts, now }: { range: VisibleRange; posts: CalendarPost[]; now: Date }) {
  const { t } = useTranslation('posts');
  const { showDay } = useCalendar();
  const groups = useStableGroups(posts, byDaySlot);
  const scroller = useRef<HTMLDivElement>(null);
  const todayKey = dayKey(now);
  const nowMinute = minuteOfDay(now);
  const firstKey = range.days[0] ? dayKey(range.days[0]) : '';
  // Opens on the hour before now when today is shown, else on the working day or the first post when it is earlier.
  const showsToday = range.days.some((d) => dayKey(d) === todayKey);
  const earliestHour = showsToday ? Math.max(0, now.getHours() - 1) : posts.reduce((h, p) => Math.min(h, p.at.getHours()), 8);
  useLayoutEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-hour="${Math.max(0, earliestHour)}"]`);
    const head = scroller.current?.querySelector<HTMLElement>('.cal-week-head');
    // A little above the row, so its hour label is not cut.
    if (scroller.current && row) scroller.current.scrollTop = row.offsetTop - (head?.offsetHeight ?? 0) - 12;
    // Only when the range changes: a post loading later must not yank the view.
  }, [firstKey]);
  return (
    <div className="cal-week" ref={scroller} style={{ ['--days' as string]: range.days.length }}>
      <div className="cal-week-head">
        <div className="cal-week-corner" />
        {range.days.map((day) => {
          const key = dayKey(day);
          return (
            <button
              type="button"
              key={key}
              className={`cal-week-day${key === todayKey ? ' is-today' : ''}`}
              onClick={() => showDay(day)}
              disabled={range.days.length === 1}
              // The name starts with what the button shows ("Mon 7"), as WCAG 2.5.3 (label in name) asks.
              aria-label={range.days.length > 1 ? t('calendar.week.openDay', { short: `${weekdayShort.format(day)} ${day.getDate()}`, day: fullDay.format(day) }) : `${weekdayShort.format(day)} ${day.getDate()} (${fullDay.format(day)})`}
              aria-current={key === todayKey ? 'date' : undefined}
            >
              <span className="cal-week-dayname">{weekdayShort.format(day)}</span>{' '}
              <span className="cal-week-date">{day.getDate()}</span>
            </button>
          );
        })}
      </div>
      <div className="cal-week-body">
        {hours.map((hour) => (
          <div className="cal-hour" key={hour} data-hour={hour} role="group" aria-label={hourFormat.format(atMinute(range.from, hour * 60))}>
            <div className="cal-hour-label" aria-hidden="true">
              {hour === 0 ? '' : hourFormat.format(atMinute(range.from, hour * 60))}
            </div>
            {range.days.map((day) => {
              const key = dayKey(day);
              return (
                <div className={`cal-hour-cell${key === todayKey ? ' is-today' : ''}`} key={key}>
                  {[0, 1].map((half) => {
                    const slot = hour * 2 + half;
                    const minute = slot * 30;
                    const isNow = key === todayKey && nowMinute >= minute && nowMinute < minute + 30;
                    return (
                      <Slot
                        key={half}
                        day={day}
                        minute={minute}
                        posts={groups.get(`${key}/${slot}`) ?? empty}
                        past={key < todayKey || (key === todayKey && minute + 30 <= nowMinute)}
                        nowOffset={isNow ? ((nowMinute - minute) / 30) * 100 : null}
                      />
                    );
                  })}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
