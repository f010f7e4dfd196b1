// Words and times for best-time suggestions, shared by the posting-times page and the composer.
import type { TFunction } from 'i18next';
import { nextFreeSlot } from '../../../shared/time-slots.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { BestTimes } from './best-times.api.ts';

// The sentences take the caller's `t` (any namespace: the keys name theirs); without one they are
// said in the interface's current language.
const currentT = (): TFunction => i18n.t;

/** ISO weekdays as the answer numbers them: 1 is Monday. */
export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;
/** "Monday" (or "Mon"), in the interface's language. 5 January 2026 was a Monday. */
export const weekdayName = (weekday: number, width: 'long' | 'short' = 'long') =>
  weekday >= 1 && weekday <= 7 ? new Date(Date.UTC(2026, 0, 4 + weekday)).toLocaleDateString(i18n.language, { weekday: width, timeZone: 'UTC' }) : '';
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The next time after `after` that is this weekday and hour in the workspace's zone. */
export function nextOccurrence(slot: { weekday: number; hour: number }, timeZone: string, after = new Date()): Date | null {
  return nextFreeSlot({ slots: [{ weekday: slot.weekday - 1, minute: slot.hour * 60 }], timeZone, after, occupied: [], horizonDays: 8 });
}

type Basis = Pick<BestTimes, 'basedOn' | 'minimumPosts' | 'minimumWeeks'>;

/** What is still missing before suggestions can be made, as one sentence. */
export function missingData(answer: Basis, t: TFunction = currentT()): string {
  const morePosts = Math.max(0, answer.minimumPosts - answer.basedOn.posts);
  const moreWeeks = Math.max(0, answer.minimumWeeks - answer.basedOn.weeks);
  if (morePosts > 0) {
    return moreWeeks > 0
      ? t('analytics:bestTimes.missing.postsAndWeeks', { count: morePosts, weeks: answer.minimumWeeks })
      : t('analytics:bestTimes.missing.posts', { count: morePosts });
  }
  return t('analytics:bestTimes.missing.weeks', { count: moreWeeks, weeks: answer.minimumWeeks });
}

/** "based on 40 posts over 8 weeks" */
export const basedOnText = (answer: Basis, t: TFunction = currentT()) =>
  t('analytics:bestTimes.basedOn', { count: answer.basedOn.posts, weeks: t('analytics:bestTimes.weeks', { count: answer.basedOn.weeks }) });
