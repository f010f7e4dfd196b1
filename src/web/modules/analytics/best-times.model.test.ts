import { describe, expect, it } from 'vitest';
import { basedOnText, missingData, nextOccurrence } from './best-times.model.ts';

describe('best-times words and times', () => {
  it('finds the next weekday and hour in the workspace zone, across a DST change and within the hour', () => {
    // Sunday 25 October 2026, 12:00 UTC: Berlin has just left summer time.
    const after = new Date('2026-10-25T12:00:00Z');
    expect(nextOccurrence({ weekday: 2, hour: 9 }, 'Europe/Berlin', after)?.toISOString()).toBe('2026-10-27T08:00:00.000Z');
    // The same Sunday, 13:00 Berlin (12:00 UTC): already there, so next week's.
    expect(nextOccurrence({ weekday: 7, hour: 13 }, 'Europe/Berlin', after)?.toISOString()).toBe('2026-11-01T12:00:00.000Z');
    expect(nextOccurrence({ weekday: 7, hour: 14 }, 'Europe/Berlin', after)?.toISOString()).toBe('2026-10-25T13:00:00.000Z');
    expect(nextOccurrence({ weekday: 1, hour: 0 }, 'America/New_York', after)?.toISOString()).toBe('2026-10-26T04:00:00.000Z');
  });

  it('says how much data is missing, and what it rests on', () => {
    const basis = (posts: number, weeks: number) => ({ basedOn: { posts, weeks }, minimumPosts: 20, minimumWeeks: 3 });
    expect(missingData(basis(0, 0))).toBe('Publish about 20 more posts with analytics on to get suggestions, spread over at least 3 weeks.');
    expect(missingData(basis(19, 4))).toBe('Publish about 1 more post with analytics on to get suggestions.');
    expect(missingData(basis(30, 2))).toBe('Keep publishing with analytics on: suggestions need posts from at least 3 different weeks (1 more to go).');
    expect(basedOnText(basis(1, 1))).toBe('based on 1 post over 1 week');
    expect(basedOnText(basis(40, 8))).toBe('based on 40 posts over 8 weeks');
  });
});
