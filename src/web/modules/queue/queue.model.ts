import type { TFunction } from 'i18next';
import type { ChannelQueue, QueuedPost } from './queue.api.ts';
import { writeDate } from '../../components/format.ts';

export type QueueEntry = { kind: 'post'; at: Date; post: QueuedPost } | { kind: 'free'; at: Date };
export type QueueDay = { key: string; label: string; entries: QueueEntry[] };

const dayKeyFormats = new Map<string, Intl.DateTimeFormat>();
/** YYYY-MM-DD of an instant in the zone (en-CA writes dates that way). */
function dayKeyIn(at: Date, timeZone: string) {
  let format = dayKeyFormats.get(timeZone);
  if (!format) dayKeyFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(at);
}

/** Posts and free slots in time order, grouped by day in the workspace's zone (not the reader's), named in `t`'s language. */
export function queueDays(t: TFunction<'queue'>, language: string, queue: ChannelQueue, now = new Date()): QueueDay[] {
  const entries: QueueEntry[] = [
    ...queue.posts.map((post) => ({ kind: 'post' as const, at: new Date(post.at), post })),
    ...queue.freeSlots.map((at) => ({ kind: 'free' as const, at: new Date(at) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === 'post' ? -1 : 1));
  const thisYear = dayKeyIn(now, queue.timeZone).slice(0, 4);
  const today = dayKeyIn(now, queue.timeZone);
  const days: QueueDay[] = [];
  for (const entry of entries) {
    const key = dayKeyIn(entry.at, queue.timeZone);
    let day = days.at(-1);
    if (day?.key !== key) {
      const label = writeDate(new Intl.DateTimeFormat(language, { timeZone: queue.timeZone, weekday: 'long', day: 'numeric', month: 'long', ...(key.slice(0, 4) === thisYear ? {} : { year: 'numeric' }) }), entry.at, language);
      day = { key, label: key === today ? t('today', { day: label }) : label, entries: [] };
      days.push(day);
    }
    day.entries.push(entry);
  }
  return days;
}

/** The new order of the movable posts after `postId` moves to where `targetId` is. */
export function moveTo(order: string[], postId: string, targetId: string): string[] {
  const from = order.indexOf(postId);
  const to = order.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return order;
  const next = order.filter((id) => id !== postId);
  next.splice(to, 0, postId);
  return next;
}

/** One step earlier (-1) or later (+1) among the movable posts: the two swap times. */
export function moveBy(order: string[], postId: string, step: -1 | 1): string[] {
  const from = order.indexOf(postId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return order;
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
