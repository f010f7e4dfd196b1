import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { moveBy, moveTo, queueDays } from './queue.model.ts';
import type { ChannelQueue } from './queue.api.ts';

const post = (postId: string, at: string) => ({ postId, deliveryId: `d-${postId}`, at, state: 'queued', text: postId, media: null, mediaCount: 0, pinned: false, channelCount: 1, movable: true });

describe('queue model', () => {
  it('groups posts and free slots by day in the workspace zone, not the reader’s', () => {
    // 23:30 UTC on the 7th is already the 8th in Berlin.
    const queue = { timeZone: 'Europe/Berlin', hasPostingTimes: true, posts: [post('a', '2026-12-07T08:00:00Z'), post('b', '2026-12-07T23:30:00Z')], freeSlots: ['2026-12-07T16:30:00Z'] } as unknown as ChannelQueue;
    const days = queueDays(i18n.getFixedT('en', 'queue'), 'en', queue, new Date('2026-12-01T00:00:00Z'));
    expect(days.map((d) => d.key)).toEqual(['2026-12-07', '2026-12-08']);
    expect(days.map((d) => d.label)).toEqual(['Monday, December 7', 'Tuesday, December 8']);
    expect(days[0]!.entries.map((e) => e.kind)).toEqual(['post', 'free']);
    expect(days[1]!.entries).toHaveLength(1);
  });

  it('names today and the days in the reader’s language', () => {
    const queue = { timeZone: 'Europe/Paris', hasPostingTimes: true, posts: [post('a', '2026-12-07T08:00:00Z'), post('b', '2026-12-08T08:00:00Z')], freeSlots: [] } as unknown as ChannelQueue;
    const now = new Date('2026-12-07T07:00:00Z');
    expect(queueDays(i18n.getFixedT('en', 'queue'), 'en', queue, now).map((d) => d.label)).toEqual(['Today, Monday, December 7', 'Tuesday, December 8']);
    expect(queueDays(i18n.getFixedT('fr', 'queue'), 'fr', queue, now).map((d) => d.label)).toEqual(['Aujourd’hui, lundi 7 décembre', 'mardi 8 décembre']);
  });

  it('moves a post to another place, or one step, keeping every other in order', () => {
    expect(moveTo(['a', 'b', 'c'], 'c', 'a')).toEqual(['c', 'a', 'b']);
    expect(moveTo(['a', 'b', 'c'], 'a', 'c')).toEqual(['b', 'c', 'a']);
    expect(moveTo(['a', 'b', 'c'], 'a', 'x')).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });
});
