// Expected instants were worked out outside this module, with GNU date and zdump on the tz
// database (e.g. `TZ=UTC date -d 'TZ="Europe/Berlin" 2026-03-28 09:00'`, and
// `zdump -v -c 2026,2027 Europe/Berlin` for the transitions), not from the code under test.
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, nextFreeSlot, nextFreeSlotAcross, type Slot, utcToZoned, zonedToUtc } from './time-slots.ts';

const at = (iso: string) => new Date(iso);
const local = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute });
const daily = (hour: number, minute = 0): Slot[] => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: hour * 60 + minute }));
const SUN = 6;
const MON = 0;

/** Successive "add to queue" results, each queued after the previous one. */
function queue(count: number, input: { slots: Slot[]; timeZone: string; after: Date; occupied?: Date[] }): string[] {
  const out: string[] = [];
  let after = input.after;
  for (let i = 0; i < count; i++) {
    const next = nextFreeSlot({ slots: input.slots, timeZone: input.timeZone, after, occupied: input.occupied ?? [] });
    if (!next) break;
    out.push(next.toISOString());
    after = next;
  }
  return out;
}

describe('zonedToUtc / utcToZoned', () => {
  it.each([
    ['UTC', local(2026, 7, 1, 12, 34), '2026-07-01T12:34:00.000Z', 2],
    ['Europe/Berlin', local(2026, 7, 1, 12, 34), '2026-07-01T10:34:00.000Z', 2],
    ['Europe/Berlin', local(2026, 1, 15, 23, 59), '2026-01-15T22:59:00.000Z', 3],
    ['America/New_York', local(2026, 3, 7, 9, 0), '2026-03-07T14:00:00.000Z', 5],
    ['America/New_York', local(2026, 3, 9, 9, 0), '2026-03-09T13:00:00.000Z', 0],
    ['Australia/Lord_Howe', local(2026, 1, 10, 12, 0), '2026-01-10T01:00:00.000Z', 5],
    ['Australia/Lord_Howe', local(2026, 7, 10, 12, 0), '2026-07-10T01:30:00.000Z', 4],
    ['Asia/Kolkata', local(2026, 6, 15, 9, 0), '2026-06-15T03:30:00.000Z', 0],
    ['Asia/Kolkata', local(2026, 1, 1, 3, 0), '2025-12-31T21:30:00.000Z', 3],
  ])('round-trips %s %o ↔ %s', (timeZone, wall, iso, weekday) => {
    expect(zonedToUtc(wall, timeZone).toISOString()).toBe(iso);
    expect(utcToZoned(at(iso), timeZone)).toEqual({ ...wall, weekday });
  });

  it('round-trips every hour of 2026 in each zone (outside the DST gaps)', () => {
    for (const timeZone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        const wall = utcToZoned(new Date(ms), timeZone);
        const { weekday: _weekday, ...rest } = wall;
        const back = zonedToUtc(rest, timeZone);
        // An instant in the second run of an ambiguous hour maps back to the first run.
        expect(utcToZoned(back, timeZone)).toEqual(wall);
        expect(back.getTime()).toBeLessThanOrEqual(ms);
      }
    }
  });

  it('shifts a time in the Berlin spring-forward gap forward: 02:30 → 01:30Z (03:30 CEST)', () => {
    const instant = zonedToUtc(local(2026, 3, 29, 2, 30), 'Europe/Berlin');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(utcToZoned(instant, 'Europe/Berlin')).toEqual({ ...local(2026, 3, 29, 3, 30), weekday: SUN });
  });

  it('takes the first occurrence of an ambiguous Berlin time: 02:30 → 00:30Z (CEST)', () => {
    expect(zonedToUtc(local(2026, 10, 25, 2, 30), 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // Both instants show 02:30; only the first is the answer.
    expect(utcToZoned(at('2026-10-25T00:30Z'), 'Europe/Berlin')).toEqual({ ...local(2026, 10, 25, 2, 30), weekday: SUN });
    expect(utcToZoned(at('2026-10-25T01:30Z'), 'Europe/Berlin')).toEqual({ ...local(2026, 10, 25, 2, 30), weekday: SUN });
  });

  it('applies the same rule in New York (2026-03-08, 2026-11-01)', () => {
    expect(zonedToUtc(local(2026, 3, 8, 2, 30), 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedToUtc(local(2026, 11, 1, 1, 30), 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('handles Lord Howe’s 30-minute DST shift', () => {
    // Fall-back 2026-04-05 02:00 +11 → 01:30 +10:30: 01:45 happens twice, first at +11.
    expect(zonedToUtc(local(2026, 4, 5, 1, 45), 'Australia/Lord_Howe').toISOString()).toBe('2026-04-04T14:45:00.000Z');
    // Spring-forward 2026-10-04 02:00 +10:30 → 02:30 +11: 02:15 is read as 02:45 +11.
    const shifted = zonedToUtc(local(2026, 10, 4, 2, 15), 'Australia/Lord_Howe');
    expect(shifted.toISOString()).toBe('2026-10-03T15:45:00.000Z');
    expect(utcToZoned(shifted, 'Australia/Lord_Howe')).toMatchObject({ hour: 2, minute: 45 });
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(() => zonedToUtc(local(2026, 2, 29, 9, 0), 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc(local(2026, 13, 1, 9, 0), 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc(local(2026, 1, 1, 24, 0), 'UTC')).toThrow(RangeError);
    expect(() => zonedToUtc(local(2026, 1, 1, 9, 0), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects anything else', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Australia/Lord_Howe')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('nextFreeSlot', () => {
  it('keeps a daily 09:00 Berlin slot at 09:00 local across the spring change', () => {
    const got = queue(3, { slots: daily(9), timeZone: 'Europe/Berlin', after: at('2026-03-27T12:00Z') });
    expect(got).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    for (const iso of got) expect(utcToZoned(at(iso), 'Europe/Berlin')).toMatchObject({ hour: 9, minute: 0 });
  });

  it('keeps a daily 09:00 Berlin slot at 09:00 local across the autumn change', () => {
    const got = queue(3, { slots: daily(9), timeZone: 'Europe/Berlin', after: at('2026-10-23T12:00Z') });
    expect(got).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('keeps a daily 09:00 New York slot at 09:00 local on 2026-03-08 and 2026-11-01', () => {
    expect(queue(3, { slots: daily(9), timeZone: 'America/New_York', after: at('2026-03-06T20:00Z') })).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(queue(3, { slots: daily(9), timeZone: 'America/New_York', after: at('2026-10-30T20:00Z') })).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('gives a 02:30 slot exactly one instant on the gap day and skips no day', () => {
    expect(queue(3, { slots: daily(2, 30), timeZone: 'Europe/Berlin', after: at('2026-03-27T12:00Z') })).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('does not give a second post to a slot that falls on the shifted gap time', () => {
    // On 2026-03-29 both 02:30 (shifted) and 03:30 are 01:30Z: one instant, so one post.
    const slots = [
      { weekday: SUN, minute: 150 },
      { weekday: SUN, minute: 210 },
    ];
    const got = queue(3, { slots, timeZone: 'Europe/Berlin', after: at('2026-03-28T12:00Z') });
    expect(got).toEqual(['2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z', '2026-04-05T01:30:00.000Z']);
  });

  it('orders a shifted gap slot by its instant, after a later slot that exists', () => {
    // 02:30 becomes 03:30 CEST (01:30Z), which is after 03:15 CEST (01:15Z).
    const slots = [
      { weekday: SUN, minute: 150 },
      { weekday: SUN, minute: 195 },
    ];
    expect(queue(2, { slots, timeZone: 'Europe/Berlin', after: at('2026-03-28T12:00Z') })).toEqual([
      '2026-03-29T01:15:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });

  it('gives an ambiguous slot only its first occurrence', () => {
    const slots = [{ weekday: SUN, minute: 150 }];
    expect(queue(2, { slots, timeZone: 'Europe/Berlin', after: at('2026-10-24T12:00Z') })).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-11-01T01:30:00.000Z',
    ]);
    const nySlots = [{ weekday: SUN, minute: 90 }];
    expect(queue(2, { slots: nySlots, timeZone: 'America/New_York', after: at('2026-10-31T12:00Z') })).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-08T06:30:00.000Z',
    ]);
  });

  it('skips occupied slots, comparing to the minute', () => {
    const next = nextFreeSlot({
      slots: daily(9),
      timeZone: 'Europe/Berlin',
      after: at('2026-03-27T12:00Z'),
      occupied: [at('2026-03-28T08:00:30Z'), at('2026-03-29T07:00Z')],
    });
    expect(next?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('is strictly after `after`: a slot at exactly that instant is skipped', () => {
    const next = nextFreeSlot({ slots: daily(9), timeZone: 'Europe/Berlin', after: at('2026-03-28T08:00Z'), occupied: [] });
    expect(next?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('returns null without slots, or when every slot in the horizon is taken', () => {
    expect(nextFreeSlot({ slots: [], timeZone: 'Europe/Berlin', after: at('2026-03-28T08:00Z'), occupied: [] })).toBeNull();
    const sundays = [{ weekday: SUN, minute: 600 }];
    expect(
      nextFreeSlot({ slots: sundays, timeZone: 'Europe/Berlin', after: at('2026-03-30T00:00Z'), occupied: [], horizonDays: 5 }),
    ).toBeNull();
    expect(
      nextFreeSlot({
        slots: sundays,
        timeZone: 'Europe/Berlin',
        after: at('2026-03-30T00:00Z'),
        occupied: [at('2026-04-05T08:00Z')],
        horizonDays: 7,
      }),
    ).toBeNull();
  });

  it('finds a Sunday-only slot from any day of the week (0 = Monday … 6 = Sunday)', () => {
    const sundays = [{ weekday: SUN, minute: 600 }];
    const base = { slots: sundays, timeZone: 'Europe/Berlin', occupied: [] };
    expect(nextFreeSlot({ ...base, after: at('2026-03-30T00:00Z') })?.toISOString()).toBe('2026-04-05T08:00:00.000Z');
    expect(nextFreeSlot({ ...base, after: at('2026-04-05T07:59Z') })?.toISOString()).toBe('2026-04-05T08:00:00.000Z');
    expect(nextFreeSlot({ ...base, after: at('2026-04-05T08:00Z') })?.toISOString()).toBe('2026-04-12T08:00:00.000Z');
    const mondays = [{ weekday: MON, minute: 540 }];
    expect(nextFreeSlot({ ...base, slots: mondays, after: at('2026-03-29T12:00Z') })?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('starts from the local date of `after`, not its UTC date', () => {
    // 2025-12-31T20:00Z is already Thursday 2026-01-01 01:30 in Kolkata.
    const slots = [{ weekday: 3, minute: 120 }];
    const next = nextFreeSlot({ slots, timeZone: 'Asia/Kolkata', after: at('2025-12-31T20:00Z'), occupied: [] });
    expect(next?.toISOString()).toBe('2025-12-31T20:30:00.000Z');
  });

  it('rejects slots outside the week or the day', () => {
    const after = at('2026-03-28T08:00Z');
    expect(() => nextFreeSlot({ slots: [{ weekday: 7, minute: 0 }], timeZone: 'UTC', after, occupied: [] })).toThrow(RangeError);
    expect(() => nextFreeSlot({ slots: [{ weekday: 0, minute: 1440 }], timeZone: 'UTC', after, occupied: [] })).toThrow(
      RangeError,
    );
  });
});

describe('nextFreeSlotAcross', () => {
  const after = at('2026-03-29T12:00Z');

  it('picks the earliest slot free on every channel', () => {
    const a = { channelId: 'a', slots: [{ weekday: MON, minute: 540 }, { weekday: MON, minute: 600 }], occupied: [] };
    const b = { channelId: 'b', slots: [{ weekday: MON, minute: 600 }], occupied: [] };
    expect(nextFreeSlotAcross([a, b], 'Europe/Berlin', after)?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    const aBusy = { ...a, occupied: [at('2026-03-30T08:00Z')] };
    expect(nextFreeSlotAcross([aBusy, b], 'Europe/Berlin', after)?.toISOString()).toBe('2026-04-06T08:00:00.000Z');
  });

  it('agrees with nextFreeSlot for one channel', () => {
    const occupied = [at('2026-03-30T07:00Z')];
    const one = [{ channelId: 'a', slots: daily(9), occupied }];
    expect(nextFreeSlotAcross(one, 'Europe/Berlin', after)).toEqual(
      nextFreeSlot({ slots: daily(9), timeZone: 'Europe/Berlin', after, occupied }),
    );
  });

  it('returns null when the channels share no free slot in the horizon, or none is given', () => {
    const a = { channelId: 'a', slots: [{ weekday: MON, minute: 540 }], occupied: [] };
    const b = { channelId: 'b', slots: [{ weekday: MON, minute: 600 }], occupied: [] };
    expect(nextFreeSlotAcross([a, b], 'Europe/Berlin', after)).toBeNull();
    expect(nextFreeSlotAcross([a, { ...b, slots: [] }], 'Europe/Berlin', after)).toBeNull();
    expect(nextFreeSlotAcross([], 'Europe/Berlin', after)).toBeNull();
  });

  it('compares instants, so a shifted gap slot meets the slot it lands on', () => {
    const a = { channelId: 'a', slots: [{ weekday: SUN, minute: 150 }], occupied: [] };
    const b = { channelId: 'b', slots: [{ weekday: SUN, minute: 210 }], occupied: [] };
    expect(nextFreeSlotAcross([a, b], 'Europe/Berlin', at('2026-03-28T12:00Z'))?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});
