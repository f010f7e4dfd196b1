// The one table of post and delivery state words and colours in the web app: the calendar, the
// post page, the needs-attention list and the delivery log all read it, so one post is called
// the same everywhere. Tones name the colours in post.css (state-<tone>).
import type { DeliveryState, PostState } from './posts.api.ts';

export type Tone = 'draft' | 'review' | 'changes' | 'scheduled' | 'busy' | 'published' | 'failed' | 'unconfirmed' | 'cancelled';
export type StateWords = { label: string; tone: Tone; description: string };

export const deliveryStates: Record<DeliveryState, StateWords> = {
  draft: { label: 'Draft', tone: 'draft', description: 'Saved, not scheduled' },
  queued: { label: 'Scheduled', tone: 'scheduled', description: 'Waiting for its time' },
  publishing: { label: 'Publishing', tone: 'busy', description: 'Being sent to the network' },
  processing: { label: 'Processing', tone: 'busy', description: 'The network is still working on it' },
  published: { label: 'Published', tone: 'published', description: 'Live on the network' },
  failed: { label: 'Failed', tone: 'failed', description: 'The network refused it or could not be reached' },
  unconfirmed: { label: 'Unconfirmed', tone: 'unconfirmed', description: 'Sent, but the network did not say whether it was posted' },
  cancelled: { label: 'Cancelled', tone: 'cancelled', description: 'Will not be sent' },
};

/** Post states; `unconfirmed` is a publishing post that waits only for a person to check a delivery. */
export type PostDisplayState = PostState | 'unconfirmed';

export const postStates: Record<PostDisplayState, StateWords> = {
  draft: { label: 'Draft', tone: 'draft', description: 'Saved, not scheduled' },
  in_review: { label: 'In review', tone: 'review', description: 'Waiting for approval; nothing is sent until it is approved' },
  changes_requested: { label: 'Changes requested', tone: 'changes', description: 'Sent back to its author with a comment' },
  scheduled: { label: 'Scheduled', tone: 'scheduled', description: 'Waiting for its time' },
  publishing: { label: 'Publishing', tone: 'busy', description: 'Being sent' },
  published: { label: 'Published', tone: 'published', description: 'Live on every channel' },
  partially_failed: { label: 'Partly failed', tone: 'failed', description: 'Published on some channels, failed on others' },
  unconfirmed: { label: 'Unconfirmed', tone: 'unconfirmed', description: 'A network did not say whether it was posted' },
  failed: { label: 'Failed', tone: 'failed', description: 'Failed on every channel' },
  cancelled: { label: 'Cancelled', tone: 'cancelled', description: 'Will not be sent' },
};

/** What one attempt in the delivery log ended with. */
export const attemptOutcomes: Record<string, { label: string; tone: Tone }> = {
  published: { label: 'Published', tone: 'published' },
  processing: { label: 'Processing', tone: 'busy' },
  retry: { label: 'Will retry', tone: 'busy' },
  check: { label: 'Check requested', tone: 'scheduled' },
  failed: { label: 'Failed', tone: 'failed' },
  unconfirmed: { label: 'Unconfirmed', tone: 'unconfirmed' },
  interrupted: { label: 'Interrupted', tone: 'unconfirmed' },
};

/**
 * An attempt's outcome as the log shows it once later entries exist or the delivery is settled:
 * "Processing" then was true only at the time (the network had accepted the upload and was still
 * working on it); read later next to "Published", it looked as if nothing had finished.
 */
export const settledAttemptOutcomes: Record<string, { label: string; tone: Tone }> = {
  processing: { label: 'Accepted, processing', tone: 'scheduled' },
  retry: { label: 'Retried', tone: 'scheduled' },
};

/** A person's action records what they asked for, not what the engine then did. */
export const manualOutcomes: Record<string, { label: string; tone: Tone }> = {
  retry: { label: 'Retry requested', tone: 'scheduled' },
  check: { label: 'Check requested', tone: 'scheduled' },
  published: { label: 'Marked as published', tone: 'published' },
};

export const deliveryStateWords = (state: string): StateWords | undefined => deliveryStates[state as DeliveryState];
export const postStateWords = (state: string): StateWords | undefined => postStates[state as PostDisplayState];
