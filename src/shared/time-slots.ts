// Weekly posting slots and "add to queue", shared by the API and the web app, so the composer
// shows the same instant the server stores. Pure: time-zone maths goes through Intl only (no date
// library, no Node APIs), and every wall-clock time is resolved with one DST rule, see zonedToUtc.

/** A weekly slot in the workspace's time zone. */
export type Slot = {
  /** 0 = Monday … 6 = Sunday (ISO order, unlike Date#getDay). */
  weekday: number;
  /** Minutes after local midnight, 0–1439. */
  minute: number;
};

export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number };
export type ZonedDateTime = LocalDateTime & { weekday: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Instants are compared to the minute: two times in the same minute are the same slot. */
const minuteKey = (ms: number) => Math.floor(ms / MINUTE_MS);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23 avoids the "24:00" some engines print for midnight; the era tells 5 BC from AD 5.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds for a calendar date and time read as UTC; valid for years below 100 too. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** ISO weekday (0 = Monday) of a calendar date. */
function weekdayOf(year: number, month: number, day: number): number {
  return (new Date(utcMs(year, month, day)).getUTCDay() + 6) % 7;
}

function wallClock(instantMs: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) parts[p.type] = p.value;
  const yearOfEra = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's UTC offset at an instant, in ms (wall clock minus UTC). */
function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const wallMs = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
  // Intl drops milliseconds, so compare against the instant truncated to the second.
  return wallMs - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

function assertInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/**
 * The instant a wall-clock time names in an IANA time zone.
 *
 * DST rule (the one calendar apps and Temporal's "compatible" disambiguation use):
 * - a time in a spring-forward gap does not exist; it is read with the offset in force just before
 *   the gap, which lands it as far past the gap as it was into it (Berlin, 2026-03-29: 02:30 is
 *   read as +01:00, i.e. 01:30Z = 03:30 CEST);
 * - a time in a fall-back overlap happens twice; the first occurrence wins (Berlin, 2026-10-25:
 *   02:30 is 00:30Z, CEST, not 01:30Z).
 * So every wall-clock time maps to exactly one instant. Assumes at most one offset change within a
 * day of the given time, true of every zone in the tz database.
 */
export function zonedToUtc(local: LocalDateTime, timeZone: string): Date {
  assertInt('month', local.month, 1, 12);
  assertInt('day', local.day, 1, new Date(utcMs(local.year, local.month + 1, 0)).getUTCDate());
  assertInt('hour', local.hour, 0, 23);
  assertInt('minute', local.minute, 0, 59);
  assertInt('year', local.year, -271820, 275759);

  // The wall time read as if it were UTC; the true instant lies within a day of it either way.
  const wallMs = utcMs(local.year, local.month, local.day, local.hour, local.minute);
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone);

  const matches = [offsetBefore, offsetAfter]
    .map((offset) => wallMs - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === wallMs)
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first !== undefined) return new Date(first);
  // No instant shows this wall time: it lies in a gap, so use the offset from before the gap.
  return new Date(wallMs - offsetBefore);
}

/** The wall-clock time (and ISO weekday, 0 = Monday) an instant shows in an IANA time zone. */
export function utcToZoned(instant: Date, timeZone: string): ZonedDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('instant is an invalid Date');
  const { year, month, day, hour, minute } = wallClock(ms, timeZone);
  return { year, month, day, hour, minute, weekday: weekdayOf(year, month, day) };
}

/** Whether the runtime knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function slotsByWeekday(slots: Slot[]): number[][] {
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  for (const slot of slots) {
    assertInt('slot weekday', slot.weekday, 0, 6);
    assertInt('slot minute', slot.minute, 0, 1439);
    byWeekday[slot.weekday]?.push(slot.minute);
  }
  return byWeekday.map((minutes) => [...new Set(minutes)].sort((a, b) => a - b));
}

/**
 * The free slot instants (ms) on one local date, ascending, at most one per minute.
 * Sorted by instant rather than by slot minute because a slot shifted out of a DST gap (02:30 →
 * 03:30) can land after a later slot (03:15), or on one (03:30); such a collision counts once.
 */
function freeInstantsOnDay(
  date: { year: number; month: number; day: number },
  minutesOfDay: number[],
  timeZone: string,
  afterMs: number,
  occupied: Set<number>,
): number[] {
  const free = new Map<number, number>();
  for (const m of minutesOfDay) {
    const instant = zonedToUtc({ ...date, hour: Math.floor(m / 60), minute: m % 60 }, timeZone).getTime();
    const key = minuteKey(instant);
    if (instant > afterMs && !occupied.has(key)) free.set(key, instant);
  }
  return [...free.values()].sort((a, b) => a - b);
}

function toMinuteKeys(instants: Date[]): Set<number> {
  return new Set(instants.map((d) => minuteKey(d.getTime())));
}

/** Local calendar dates from the one `after` falls on, through `horizonDays` days later. */
function* localDates(after: Date, timeZone: string, horizonDays: number) {
  const start = utcToZoned(after, timeZone);
  for (let i = 0; i <= horizonDays; i++) {
    const d = new Date(utcMs(start.year, start.month, start.day + i));
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    yield { date, weekday: weekdayOf(date.year, date.month, date.day) };
  }
}

/**
 * The earliest slot instant strictly after `after` that is not already taken ("add to queue"),
 * or null when none falls within the local date of `after` and the `horizonDays` days after it.
 * `occupied` is compared to the minute. Each slot yields one instant per matching day, DST or not:
 * see zonedToUtc for gap and overlap handling.
 */
export function nextFreeSlot(input: {
  slots: Slot[];
  timeZone: string;
  after: Date;
  occupied: Date[];
  horizonDays?: number;
}): Date | null {
  const { slots, timeZone, after, occupied, horizonDays = 366 } = input;
  const byWeekday = slotsByWeekday(slots);
  if (slots.length === 0) return null;
  const taken = toMinuteKeys(occupied);
  for (const { date, weekday } of localDates(after, timeZone, horizonDays)) {
    const minutes = byWeekday[weekday] ?? [];
    if (minutes.length === 0) continue;
    const first = freeInstantsOnDay(date, minutes, timeZone, after.getTime(), taken)[0];
    if (first !== undefined) return new Date(first);
  }
  return null;
}

/**
 * "Add to queue" for a post going to several channels at once: the earliest instant strictly
 * after `after` that is a free slot of EVERY channel, or null if there is none within the horizon
 * (or no channel is given). It does not fall back to a per-channel time: one post keeps one time,
 * so the caller should ask the user to pick one, or queue each channel separately, on null.
 */
export function nextFreeSlotAcross(
  channels: { channelId: string; slots: Slot[]; occupied: Date[] }[],
  timeZone: string,
  after: Date,
  horizonDays = 366,
): Date | null {
  if (channels.length === 0) return null;
  const prepared = channels.map((c) => ({ byWeekday: slotsByWeekday(c.slots), taken: toMinuteKeys(c.occupied) }));
  if (channels.some((c) => c.slots.length === 0)) return null;
  for (const { date, weekday } of localDates(after, timeZone, horizonDays)) {
    const perChannel = prepared.map((c) =>
      freeInstantsOnDay(date, c.byWeekday[weekday] ?? [], timeZone, after.getTime(), c.taken),
    );
    const [firstChannel = [], ...others] = perChannel;
    const otherKeys = others.map((instants) => new Set(instants.map(minuteKey)));
    const common = firstChannel.find((instant) => otherKeys.every((keys) => keys.has(minuteKey(instant))));
    if (common !== undefined) return new Date(common);
  }
  return null;
}
