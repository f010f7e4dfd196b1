import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { stepInWords as stepIn, wordsOf } from './delivery-steps.ts';

// The English words, as the log shows them (the French ones are checked for completeness by test/lint/locales).
const t = i18n.getFixedT('en', 'posts');
const stepInWords = (step: string, network: string) => stepIn(t, step, network);

describe('delivery log steps in words', () => {
  it('says what each known step did, naming the network', () => {
    expect(stepInWords('init: sending', 'TikTok')).toBe('Asked TikTok to take the video');
    expect(stepInWords('init: created', 'TikTok')).toBe('TikTok accepted the video and is processing it');
    expect(stepInWords('status:0: sending', 'Mastodon')).toBe('Sent the post to Mastodon');
    expect(stepInWords('status:2: created', 'Mastodon')).toBe('Mastodon published part 3 of the thread');
    expect(stepInWords('upload:0:9f1c2d3e-aaaa-bbbb-cccc-111122223333', 'Bluesky')).toBe('Uploaded file 1');
    expect(stepInWords('getJobStatus', 'Bluesky')).toBe("Asked Bluesky for the video's status");
    expect(stepInWords('uploadCaptions:en', 'Bluesky')).toBe('Uploaded the captions (en)');
    expect(stepInWords('item-2: created', 'Instagram')).toBe('Instagram prepared a carousel item');
    expect(stepInWords('media-status', 'Pinterest')).toBe('Asked Pinterest whether the video is ready');
  });

  it('explains the check of a call whose answer was lost', () => {
    expect(stepInWords('post:0: found at the network', 'X')).toBe('Asked X about a call left unanswered: the post is there, so it is not sent again');
    expect(stepInWords('pin: not at the network, safe to send', 'Pinterest')).toBe('Asked Pinterest about a call left unanswered: the pin is not there, safe to send');
  });

  it('keeps steps already in words and turns unknown names into words', () => {
    expect(stepInWords('retry requested', 'X')).toBe('Retry requested');
    expect(stepInWords('upload.init', 'X')).toBe('Upload init');
    expect(stepInWords('finalizeUpload', 'X')).toBe('Finalize upload');
    expect(stepInWords('chunk_append:3: sending', 'X')).toBe('Chunk append 3: sent to X');
    expect(wordsOf('reel_finish')).toBe('Reel finish');
    expect(wordsOf('')).toBe('');
  });

  it('speaks French when the interface does', () => {
    const fr = i18n.getFixedT('fr', 'posts');
    expect(stepIn(fr, 'status:2: created', 'Mastodon')).toBe('Mastodon a publié la partie 3 du fil');
    expect(stepIn(fr, 'init: sending', 'TikTok')).toBe('Demande à TikTok de prendre la vidéo');
  });
});
