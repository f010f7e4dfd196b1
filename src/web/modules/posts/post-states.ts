// The one table of post and delivery state tones in the web app: the calendar, the post page,
// the needs-attention list and the delivery log all read it, so one post is called the same
// everywhere. The words are in the `posts` namespace (states.*, outcomes.*); tones name the colours
// in post.css (state-<tone>).
import type { TFunction } from 'i18next';
import type { DeliveryState, PostState } from './posts.api.ts';

export type Tone = 'draft' | 'review' | 'changes' | 'scheduled' | 'busy' | 'published' | 'failed' | 'unconfirmed' | 'cancelled';
export type StateWords = { label: string; tone: Tone; description: string };
/** The translation function of the `posts` namespace, as model files take it. */
export type PostsT = TFunction<'posts'>;

export const deliveryTones: Record<DeliveryState, Tone> = {
  draft: 'draft',
  queued: 'scheduled',
  publishing: 'busy',
  processing: 'busy',
  published: 'published',
  failed: 'failed',
  unconfirmed: 'unconfirmed',
  cancelled: 'cancelled',
};

/** Post states; `unconfirmed` is a publishing post that waits only for a person to check a delivery. */
export type PostDisplayState = PostState | 'unconfirmed';

export const postTones: Record<PostDisplayState, Tone> = {
  draft: 'draft',
  in_review: 'review',
  changes_requested: 'changes',
  scheduled: 'scheduled',
  publishing: 'busy',
  published: 'published',
  partially_failed: 'failed',
  unconfirmed: 'unconfirmed',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** What one attempt in the delivery log ended with. */
export const attemptTones: Record<string, Tone> = {
  published: 'published',
  processing: 'busy',
  retry: 'busy',
  check: 'scheduled',
  failed: 'failed',
  unconfirmed: 'unconfirmed',
  interrupted: 'unconfirmed',
};

/**
 * An attempt's outcome as the log shows it once later entries exist or the delivery is settled:
 * "Processing" then was true only at the time (the network had accepted the upload and was still
 * working on it); read later next to "Published", it looked as if nothing had finished.
 */
export const settledAttemptTones: Record<string, Tone> = { processing: 'scheduled', retry: 'scheduled' };

/** A person's action records what they asked for, not what the engine then did. */
export const manualTones: Record<string, Tone> = { retry: 'scheduled', check: 'scheduled', published: 'published' };

export const deliveryStateWords = (t: PostsT, state: string): StateWords | undefined => {
  const tone = deliveryTones[state as DeliveryState];
  return tone ? { tone, label: t(`states.delivery.${state}.label`), description: t(`states.delivery.${state}.description`) } : undefined;
};

export const postStateWords = (t: PostsT, state: string): StateWords | undefined => {
  const tone = postTones[state as PostDisplayState];
  return tone ? { tone, label: t(`states.post.${state}.label`), description: t(`states.post.${state}.description`) } : undefined;
};

/** An attempt's outcome in words: `table` says which of the three readings applies. */
export function attemptOutcome(t: PostsT, outcome: string, table: 'attempt' | 'settled' | 'manual'): { label: string; tone: Tone } | undefined {
  if (table === 'manual' && manualTones[outcome]) return { label: t(`outcomes.manual.${outcome}`), tone: manualTones[outcome] };
  if (table === 'settled' && settledAttemptTones[outcome]) return { label: t(`outcomes.settled.${outcome}`), tone: settledAttemptTones[outcome] };
  return attemptTones[outcome] ? { label: t(`outcomes.attempt.${outcome}`), tone: attemptTones[outcome] } : undefined;
}
