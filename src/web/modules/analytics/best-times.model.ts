// Words and times for best-time suggestions, shared by the posting-times page and the composer.
import { nextFreeSlot } from '../../../shared/time-slots.ts';
import type { BestTimes } from './best-times.api.ts';

/** ISO weekdays as the answer numbers them: 1 is Monday. */
export const isoWeekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const weekdayName = (weekday: number) => isoWeekdays[weekday - 1] ?? '';
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** The next time after `after` that is this weekday and hour in the workspace's zone. */
export function nextOccurrence(slot: { weekday: number; hour: number }, timeZone: string, after = new Date()): Date | null {
  return nextFreeSlot({ slots: [{ weekday: slot.weekday - 1, minute: slot.hour * 60 }], timeZone, after, occupied: [], horizonDays: 8 });
}

type Basis = Pick<BestTimes, 'basedOn' | 'minimumPosts' | 'minimumWeeks'>;

/** What is still missing before suggestions can be made, as one sentence. */
export function missingData(answer: Basis): string {
  const morePosts = Math.max(0, answer.minimumPosts - answer.basedOn.posts);
  const moreWeeks = Math.max(0, answer.minimumWeeks - answer.basedOn.weeks);
  if (morePosts > 0) return `Publish about ${morePosts} more post${morePosts === 1 ? '' : 's'} with analytics on to get suggestions${moreWeeks > 0 ? `, spread over at least ${answer.minimumWeeks} weeks` : ''}.`;
  return `Keep publishing with analytics on: suggestions need posts from at least ${answer.minimumWeeks} different weeks (${moreWeeks} more to go).`;
}

/** "based on 40 posts over 8 weeks" */
export const basedOnText = (answer: Basis) =>
  `based on ${answer.basedOn.posts} post${answer.basedOn.posts === 1 ? '' : 's'} over ${answer.basedOn.weeks} week${answer.basedOn.weeks === 1 ? '' : 's'}`;
