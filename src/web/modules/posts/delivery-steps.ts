// The delivery log's steps in words. The engine and each network name steps for machines
// (`status:0: sending`, `upload:1:<media id>`, `getJobStatus`); people read what happened. A table
// covers the names Herald's networks use; anything else is turned into words by its shape. The
// words are in the `posts` namespace under `steps.*`.
import type { PostsT } from './post-states.ts';

type Vars = { net: string; n: number | null; detail: string | null };

/** "part 3 of the thread" for a reply of a thread, else the thing the step made ("the post"). */
const part = (t: PostsT, v: Vars, thing = 'post') => (v.n !== null && v.n > 0 ? t('steps.things.threadPart', { n: v.n + 1 }) : t(`steps.things.${thing}`));
const file = (t: PostsT, v: Vars, none: 'aFile' | 'theFile') => (v.n !== null ? t('steps.things.fileN', { n: v.n + 1 }) : t(`steps.things.${none}`));

/** Creating calls whose words name the part of a thread they made. */
const withPart = new Set(['status', 'post', 'container', 'publish']);
/** Creating calls, by the step's name: each has a "sent" and a "created" sentence. */
const creations = new Set(['status', 'post', 'feed', 'submit', 'photo', 'video', 'reel_finish', 'pin', 'media', 'init', 'comment', 'container', 'item', 'publish', 'upload', 'thumbnail', 'playlistItem']);

function creation(t: PostsT, name: string, v: Vars, phase: 'sent' | 'created'): string | undefined {
  if (!creations.has(name)) return undefined;
  if (name === 'upload') return t(`steps.creations.upload.${phase}`, { net: v.net, file: file(t, v, phase === 'sent' ? 'aFile' : 'theFile') });
  return t(`steps.creations.${name}.${phase}`, { net: v.net, part: withPart.has(name) ? part(t, v) : '' });
}

/** Steps that are a single call or a note, by name. */
const notes = new Set(['uploadVideo', 'uploadCaptions', 'session', 'resume', 'media-status', 'getJobStatus', 'getServiceAuth', 'getUploadLimits', 'resolveHandle', 'permalink', 'listing', 'feed', 'comment']);

function note(t: PostsT, name: string, v: Vars): string | undefined {
  if (name === 'upload') return v.n !== null ? t('steps.notes.uploadN', { n: v.n + 1 }) : t('steps.notes.upload');
  if (name === 'uploadCaptions' && v.detail) return t('steps.notes.uploadCaptionsIn', { detail: v.detail });
  return notes.has(name) ? t(`steps.notes.${name}`, { net: v.net }) : undefined;
}

/** `upload.init`, `getJobStatus`, `reel_finish` → "Upload init", "Get job status", "Reel finish". */
export function wordsOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s._:/-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (!words.length) return name;
  const text = words.join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
}

const isIndex = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);

/** What a step makes, to say whether an unanswered call made it. */
const things: Record<string, string> = {
  feed: 'post',
  submit: 'post',
  photo: 'photo',
  video: 'video',
  init: 'video',
  media: 'video',
  reel_finish: 'reel',
  pin: 'pin',
  comment: 'firstComment',
  item: 'carouselItem',
  thumbnail: 'thumbnail',
  playlistItem: 'playlistEntry',
};

function thing(t: PostsT, name: string, v: Vars, base: string): string {
  if (withPart.has(name)) return part(t, v);
  if (name === 'upload') return file(t, v, 'theFile');
  return things[name] ? t(`steps.things.${things[name]}`) : t('steps.things.unknown', { name: wordsOf(base).toLowerCase() });
}

const phases = /: (sending|created|found at the network|not at the network, safe to send)$/;

/** A step of the delivery log in words, for a network named `networkLabel` (e.g. "TikTok"). */
export function stepInWords(t: PostsT, step: string, networkLabel: string): string {
  const phaseAt = step.search(phases);
  // Steps written for a person's action are already words ("retry requested").
  if (phaseAt < 0 && step.includes(' ')) return step[0]!.toUpperCase() + step.slice(1);
  const base = phaseAt >= 0 ? step.slice(0, phaseAt) : step;
  const phase = phaseAt >= 0 ? step.slice(phaseAt + 2) : null;
  // `item-2` (Instagram) and `item:0:1` (Threads) are both numbered items.
  const [name = base, ...rest] = base.replace(/^item-(\d+)$/, 'item:$1').split(':');
  const v: Vars = { net: networkLabel, n: isIndex(rest[0]) ? Number(rest[0]) : null, detail: !isIndex(rest[0]) && rest[0] ? rest[0] : null };

  if (phase === 'sending') return creation(t, name, v, 'sent') ?? t('steps.unknownSent', { step: wordsOf(base), net: networkLabel });
  if (phase === 'created') return creation(t, name, v, 'created') ?? t('steps.unknownCreated', { step: wordsOf(base), net: networkLabel });
  if (phase) {
    const what = thing(t, name, v, base);
    return phase === 'found at the network' ? t('steps.resolvedFound', { net: networkLabel, what }) : t('steps.resolvedAbsent', { net: networkLabel, what });
  }
  return note(t, name, v) ?? wordsOf(base);
}
