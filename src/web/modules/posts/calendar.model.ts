import { useRef } from 'react';
import { dayKey, minuteOfDay } from './calendar.dates.ts';
import type { PostDisplayState, PostsT } from './post-states.ts';
import type { Post } from './posts.api.ts';

/**
 * What the calendar colours and filters a post by: one state per post, the most urgent of its
 * deliveries. A partly failed post is coloured and filtered as failed, and called "Partly failed".
 */
export type DisplayState = 'draft' | 'in_review' | 'changes_requested' | 'scheduled' | 'publishing' | 'published' | 'failed' | 'unconfirmed' | 'cancelled';

/** The legend and state filter, in the order they are shown. */
export const displayStates: DisplayState[] = ['draft', 'in_review', 'changes_requested', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled'];

/** A legend entry in the words of the one state table (failed includes partly failed). */
export function displayStateWords(t: PostsT, state: DisplayState): { label: string; description: string } {
  const description = t(`states.post.${state}.description`);
  return {
    label: t(`states.post.${state}.label`),
    description: state === 'failed' ? t('calendar.legend.failedOrPartly', { failed: description, partly: t('states.post.partially_failed.label').toLowerCase() }) : description,
  };
}

/** The post's state in words ("Partly failed" where `state` says failed), unless an adapter named it already. */
export const stateLabelOf = (t: PostsT, post: CalendarPost) => post.stateLabel ?? t(`states.post.${post.stateWords}.label`);

/** A post as the calendar draws it; made once per Post object (query data keeps unchanged posts identical). */
export type CalendarPost = {
  post: Post;
  id: string;
  at: Date;
  day: string;
  /** Half-hour slot of the day, 0–47: the week view's row. */
  slot: number;
  state: DisplayState;
  /** Which state's words name it ("partially_failed" where `state` says failed): see stateLabelOf. */
  stateWords: PostDisplayState;
  /** A state in words set by the one who adapted the post (the agency calendar's approval words). */
  stateLabel?: string;
  /** First line of the text; empty when it has none (see untitled). */
  title: string;
  /** Without text: how many attachments it carries instead (0: none). */
  untitled: { attachments: number } | null;
  channelIds: string[];
  /** Scheduled and every delivery still waiting: the only posts a drag may move. */
  movable: boolean;
  /** Shown at a time the server has not confirmed yet. */
  moving: boolean;
  /** Waiting because the person who connected a channel paused processing (GDPR restriction). */
  paused: boolean;
  /** Its workspace, where one calendar shows several (the agency view); absent in a workspace's own calendar. */
  workspace?: { name: string; colour: string };
};

export function displayStateOf(post: Post): DisplayState {
  if (post.deliveries.some((d) => d.state === 'unconfirmed')) return 'unconfirmed';
  if (post.state === 'partially_failed') return 'failed';
  return post.state;
}

function stateWordsOf(post: Post): PostDisplayState {
  const shown = displayStateOf(post);
  return shown === 'failed' && post.state === 'partially_failed' ? 'partially_failed' : shown;
}

function titleOf(post: Post): string {
  const text = post.content.text || post.deliveries.find((d) => d.content?.text)?.content.text || '';
  return (text.split('\n').find((l) => l.trim()) ?? '').trim();
}

/** The first line of the text, or what the post carries instead: "(2 attachments, no text)". */
export const titleIn = (t: PostsT, post: CalendarPost) => (post.untitled ? (post.untitled.attachments ? t('calendar.untitledWithMedia', { count: post.untitled.attachments }) : t('calendar.untitled')) : post.title);

const cache = new WeakMap<Post, CalendarPost>();

export function toCalendarPost(post: Post, movedTo?: Date): CalendarPost {
  const cached = movedTo ? undefined : cache.get(post);
  if (cached) return cached;
  const at = movedTo ?? new Date(post.publishAt ?? post.createdAt);
  const view: CalendarPost = {
    post,
    id: post.id,
    at,
    day: dayKey(at),
    slot: Math.floor(minuteOfDay(at) / 30),
    state: displayStateOf(post),
    stateWords: stateWordsOf(post),
    title: titleOf(post),
    untitled: titleOf(post) ? null : { attachments: post.content.media.length },
    channelIds: post.deliveries.map((d) => d.channelId),
    movable: post.state === 'scheduled' && post.deliveries.length > 0 && post.deliveries.every((d) => d.state === 'queued'),
    moving: !!movedTo,
    paused: post.deliveries.some((d) => d.paused),
  };
  if (!movedTo) cache.set(post, view);
  return view;
}

export type CalendarFilters = { states: DisplayState[]; channelId: string | null };

export function matchesFilters(post: CalendarPost, filters: CalendarFilters): boolean {
  if (filters.states.length && !filters.states.includes(post.state)) return false;
  if (filters.channelId && !post.channelIds.includes(filters.channelId)) return false;
  return true;
}

const byTime = (a: CalendarPost, b: CalendarPost) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1);
const sameItems = <T>(a: readonly T[] | undefined, b: readonly T[]) => !!a && a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Groups posts by a key and hands back the previous render's array for every group whose posts
 * did not change, so memoised day cells and slots skip re-rendering when one post moves.
 */
export function useStableGroups(posts: CalendarPost[], keyOf: (post: CalendarPost) => string): Map<string, CalendarPost[]> {
  const previous = useRef<{ posts: CalendarPost[]; keyOf: (post: CalendarPost) => string; groups: Map<string, CalendarPost[]> } | null>(null);
  if (previous.current && previous.current.posts === posts && previous.current.keyOf === keyOf) return previous.current.groups;
  const groups = new Map<string, CalendarPost[]>();
  for (const post of posts) {
    const key = keyOf(post);
    const list = groups.get(key);
    if (list) list.push(post);
    else groups.set(key, [post]);
  }
  const before = previous.current?.groups;
  for (const [key, list] of groups) {
    list.sort(byTime);
    const old = before?.get(key);
    if (old && sameItems(old, list)) groups.set(key, old);
  }
  previous.current = { posts, keyOf, groups };
  return groups;
}

export const byDay = (post: CalendarPost) => post.day;
export const byDaySlot = (post: CalendarPost) => `${post.day}/${post.slot}`;
