// The delivery log's steps in words. The engine and each network name steps for machines
// (`status:0: sending`, `upload:1:<media id>`, `getJobStatus`); people read what happened. A table
// covers the names Herald's networks use; anything else is turned into words by its shape.

type Said = { sent: string; created: string };
type Vars = { net: string; n: number | null; detail: string | null };

const part = (v: Vars, thing = 'the post') => (v.n !== null && v.n > 0 ? `part ${v.n + 1} of the thread` : thing);

/** What a creating call makes ("sent …", "… created"), by the step's name. */
const creations: Record<string, (v: Vars) => Said> = {
  status: (v) => ({ sent: `Sent ${part(v)} to ${v.net}`, created: `${v.net} published ${part(v)}` }),
  post: (v) => ({ sent: `Sent ${part(v)} to ${v.net}`, created: `${v.net} published ${part(v)}` }),
  feed: (v) => ({ sent: `Sent the post to ${v.net}`, created: `${v.net} published the post` }),
  submit: (v) => ({ sent: `Sent the post to ${v.net}`, created: `${v.net} accepted the post` }),
  photo: (v) => ({ sent: `Sent the photo to ${v.net}`, created: `${v.net} published the photo` }),
  video: (v) => ({ sent: `Uploaded the video to ${v.net}`, created: `${v.net} received the video` }),
  reel_finish: (v) => ({ sent: `Asked ${v.net} to publish the reel`, created: `${v.net} accepted the reel` }),
  pin: (v) => ({ sent: `Sent the pin to ${v.net}`, created: `${v.net} created the pin` }),
  media: (v) => ({ sent: `Asked ${v.net} to register the video`, created: `${v.net} registered the video` }),
  init: (v) => ({ sent: `Asked ${v.net} to take the video`, created: `${v.net} accepted the video and is processing it` }),
  comment: (v) => ({ sent: `Sent the first comment to ${v.net}`, created: `${v.net} added the first comment` }),
  container: (v) => ({ sent: `Prepared ${part(v)} at ${v.net}`, created: `${v.net} prepared ${part(v)}` }),
  item: (v) => ({ sent: `Prepared a carousel item at ${v.net}`, created: `${v.net} prepared a carousel item` }),
  publish: (v) => ({ sent: `Asked ${v.net} to publish ${part(v)}`, created: `${v.net} published ${part(v)}` }),
  upload: (v) => ({ sent: `Uploaded ${v.n !== null ? `file ${v.n + 1}` : 'a file'} to ${v.net}`, created: `${v.net} received ${v.n !== null ? `file ${v.n + 1}` : 'the file'}` }),
  thumbnail: (v) => ({ sent: `Uploaded the thumbnail to ${v.net}`, created: `${v.net} set the thumbnail` }),
  playlistItem: (v) => ({ sent: `Asked ${v.net} to add the video to the playlist`, created: `${v.net} added the video to the playlist` }),
};

/** Steps that are a single call or a note, by name. */
const notes: Record<string, (v: Vars) => string> = {
  upload: (v) => (v.n !== null ? `Uploaded file ${v.n + 1}` : 'Uploaded the media'),
  uploadVideo: () => 'Uploaded the video',
  uploadCaptions: (v) => `Uploaded the captions${v.detail ? ` (${v.detail})` : ''}`,
  session: (v) => `Started the video upload at ${v.net}`,
  resume: () => 'Resumed the video upload where it stopped',
  'media-status': (v) => `Asked ${v.net} whether the video is ready`,
  getJobStatus: (v) => `Asked ${v.net} for the video's status`,
  getServiceAuth: (v) => `Got permission from ${v.net} to upload the video`,
  getUploadLimits: (v) => `Checked ${v.net}'s daily video limit`,
  resolveHandle: () => 'Looked up a mentioned account',
  permalink: (v) => `Asked ${v.net} for the post's link`,
  listing: (v) => `Looked for the post on ${v.net}`,
  feed: (v) => `Found the post already on ${v.net} (not sent again)`,
  comment: (v) => `Skipped the first comment: ${v.net} refused it`,
};

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
const things: Record<string, (v: Vars) => string> = {
  status: (v) => part(v),
  post: (v) => part(v),
  publish: (v) => part(v),
  container: (v) => part(v),
  feed: () => 'the post',
  submit: () => 'the post',
  photo: () => 'the photo',
  video: () => 'the video',
  init: () => 'the video',
  media: () => 'the video',
  reel_finish: () => 'the reel',
  pin: () => 'the pin',
  comment: () => 'the first comment',
  item: () => 'the carousel item',
  upload: (v) => (v.n !== null ? `file ${v.n + 1}` : 'the file'),
  thumbnail: () => 'the thumbnail',
  playlistItem: () => 'the playlist entry',
};

const phases = /: (sending|created|found at the network|not at the network, safe to send)$/;

/** A step of the delivery log in words, for a network named `networkLabel` (e.g. "TikTok"). */
export function stepInWords(step: string, networkLabel: string): string {
  const phaseAt = step.search(phases);
  // Steps written for a person's action are already words ("retry requested").
  if (phaseAt < 0 && step.includes(' ')) return step[0]!.toUpperCase() + step.slice(1);
  const base = phaseAt >= 0 ? step.slice(0, phaseAt) : step;
  const phase = phaseAt >= 0 ? step.slice(phaseAt + 2) : null;
  // `item-2` (Instagram) and `item:0:1` (Threads) are both numbered items.
  const [name = base, ...rest] = base.replace(/^item-(\d+)$/, 'item:$1').split(':');
  const v: Vars = { net: networkLabel, n: isIndex(rest[0]) ? Number(rest[0]) : null, detail: !isIndex(rest[0]) && rest[0] ? rest[0] : null };

  if (phase === 'sending') return creations[name]?.(v).sent ?? `${wordsOf(base)}: sent to ${networkLabel}`;
  if (phase === 'created') return creations[name]?.(v).created ?? `${wordsOf(base)}: done at ${networkLabel}`;
  if (phase) {
    const what = things[name]?.(v) ?? `“${wordsOf(base).toLowerCase()}”`;
    return phase === 'found at the network'
      ? `Asked ${networkLabel} about a call left unanswered: ${what} is there, so it is not sent again`
      : `Asked ${networkLabel} about a call left unanswered: ${what} is not there, safe to send`;
  }
  return notes[name]?.(v) ?? wordsOf(base);
}
