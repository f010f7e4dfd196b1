import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { basedOnText, missingData, nextOccurrence, weekdayName } from './best-times.model.ts';

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

  const basis = (posts: number, weeks: number) => ({ basedOn: { posts, weeks }, minimumPosts: 20, minimumWeeks: 3 });

  it('says how much data is missing, and what it rests on', () => {
    const t = i18n.getFixedT('en');
    expect(missingData(basis(0, 0), t)).toBe('Publish about 20 more posts with analytics on to get suggestions, spread over at least 3 weeks.');
    expect(missingData(basis(19, 4), t)).toBe('Publish about 1 more post with analytics on to get suggestions.');
    expect(missingData(basis(30, 2), t)).toBe('Keep publishing with analytics on: suggestions need posts from at least 3 different weeks (1 more to go).');
    expect(basedOnText(basis(1, 1), t)).toBe('based on 1 post over 1 week');
    expect(basedOnText(basis(40, 8), t)).toBe('based on 40 posts over 8 weeks');
  });

  it('says it in French, with French plurals', () => {
    const t = i18n.getFixedT('fr');
    expect(missingData(basis(19, 4), t)).toBe('Publiez encore environ 1 publication avec les statistiques activées pour obtenir des suggestions.');
    expect(missingData(basis(0, 0), t)).toContain('20 publications');
    expect(missingData(basis(30, 2), t)).toContain('3 semaines différentes');
    expect(basedOnText(basis(1, 1), t)).toBe('d’après 1 publication sur 1 semaine');
    expect(basedOnText(basis(40, 8), t)).toBe('d’après 40 publications sur 8 semaines');
  });

  it('names weekdays in the interface language, Monday first', async () => {
    expect([1, 2, 7].map((d) => weekdayName(d))).toEqual(['Monday', 'Tuesday', 'Sunday']);
    expect(weekdayName(3, 'short')).toBe('Wed');
    expect(weekdayName(0)).toBe('');
    await i18n.changeLanguage('fr');
    try {
      expect(weekdayName(1)).toBe('lundi');
      expect(missingData(basis(19, 4))).toContain('1 publication');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
