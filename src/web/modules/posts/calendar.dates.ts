// Calendar arithmetic in the browser's own time zone: the calendar shows the user's local days, so
// the Date object's local getters and setters are the zone's, DST included. Names of days and
// months come from Intl in the interface's language.
import { dateParts, writeDate } from '../../components/format.ts';
import { i18n } from '../../i18n/i18n.ts';

export type CalendarView = 'month' | 'week' | 'day' | 'list';
export const calendarViews: CalendarView[] = ['month', 'week', 'day', 'list'];

export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** 0 = Sunday … 6 = Saturday, as the locale has it (Chromium knows it; others get Monday). */
export const weekStartsOn: number = (() => {
  try {
    const locale = new Intl.Locale(navigator.language) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
    return firstDay ? firstDay % 7 : 1;
  } catch {
    return 1;
  }
})();

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-05-14`: the local day a moment falls on; the calendar's grouping key. */
export const dayKey = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export function parseDayKey(value: string | null): Date | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

export const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
export const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
export const addMonths = (date: Date, months: number) => {
  // 31 January + 1 month is the end of February, not 3 March.
  const target = new Date(date.getFullYear(), date.getMonth() + months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(date.getDate(), lastDay));
};
export const startOfWeek = (date: Date) => addDays(startOfDay(date), -((date.getDay() - weekStartsOn + 7) % 7));
export const startOfMonth = (date: Date) => new Date(date.getFullYear(), date.getMonth(), 1);
export const isSameMonth = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth();

/** Minutes after local midnight of a moment. */
export const minuteOfDay = (date: Date) => date.getHours() * 60 + date.getMinutes();
export const atMinute = (day: Date, minute: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minute / 60), minute % 60);

export type VisibleRange = { from: Date; to: Date; days: Date[]; label: string };

/** A date format in the interface's language at the time of the call (one formatter per language). */
export function localeFormat(options: Intl.DateTimeFormatOptions): Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'> {
  const byLanguage = new Map<string, Intl.DateTimeFormat>();
  const current = () => {
    const language = i18n.language;
    let format = byLanguage.get(language);
    if (!format) byLanguage.set(language, (format = new Intl.DateTimeFormat(language, options)));
    return format;
  };
  return { format: (date) => writeDate(current(), new Date(date ?? Date.now()), i18n.language), formatToParts: (date) => dateParts(current(), new Date(date ?? Date.now()), i18n.language) };
}

const monthLabel = localeFormat({ month: 'long', year: 'numeric' });
const dayLabel = localeFormat({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
const shortDay = localeFormat({ month: 'short', day: 'numeric' });
const shortDayYear = localeFormat({ month: 'short', day: 'numeric', year: 'numeric' });

/** The days a view shows around `anchor`, and the [from, to) instants the posts are read for. */
export function visibleRange(view: CalendarView, anchor: Date): VisibleRange {
  if (view === 'day') {
    const from = startOfDay(anchor);
    return { from, to: addDays(from, 1), days: [from], label: dayLabel.format(from) };
  }
  if (view === 'week') {
    const from = startOfWeek(anchor);
    const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
    const last = days[6]!;
    return { from, to: addDays(from, 7), days, label: `${shortDay.format(from)} – ${shortDayYear.format(last)}` };
  }
  const first = startOfMonth(anchor);
  const next = new Date(first.getFullYear(), first.getMonth() + 1, 1);
  if (view === 'list') {
    const count = Math.round((next.getTime() - first.getTime()) / 86_400_000);
    return { from: first, to: next, days: Array.from({ length: count }, (_, i) => addDays(first, i)), label: monthLabel.format(first) };
  }
  // Whole weeks, so the first and last rows show the neighbouring months' days (and their posts).
  const from = startOfWeek(first);
  const weeks = Math.ceil(Math.round((next.getTime() - from.getTime()) / 86_400_000) / 7);
  const days = Array.from({ length: weeks * 7 }, (_, i) => addDays(from, i));
  return { from, to: addDays(from, weeks * 7), days, label: monthLabel.format(first) };
}

/** The anchor one page earlier (-1) or later (+1) in a view. */
export function stepAnchor(view: CalendarView, anchor: Date, direction: -1 | 1): Date {
  if (view === 'day') return addDays(anchor, direction);
  if (view === 'week') return addDays(anchor, 7 * direction);
  return addMonths(startOfMonth(anchor), direction);
}

export const timeFormat = localeFormat({ hour: 'numeric', minute: '2-digit' });
export const hourFormat = localeFormat({ hour: 'numeric' });
export const weekdayShort = localeFormat({ weekday: 'short' });
export const weekdayLong = localeFormat({ weekday: 'long' });
export const dayMonthShort = localeFormat({ month: 'short', day: 'numeric' });
export const fullDay = dayLabel;
export const fullDateTime = localeFormat({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** `GMT+2`, to show next to the zone's name. */
export function zoneOffsetLabel(timeZone: string, at = new Date()): string {
  try {
    return new Intl.DateTimeFormat(i18n.language, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/** The value of an <input type="datetime-local"> for a moment, and back. */
export const toLocalInput = (date: Date) => `${dayKey(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
export function fromLocalInput(value: string): Date | null {
  const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}
