import { describe, expect, it } from 'vitest';
import { checkVariant, type MediaFacts } from '../../shared/publishing-rules.ts';
import { descriptorEnglish, descriptorTranslations, ruleIn } from '../../../test/helpers/network-texts.ts';
import { defaultSettings, missingFeatures } from '../index.ts';
import { hashtagsIn, instagram, mentionsIn } from './descriptor.ts';

const photo = (id: string, width = 1080, height = 1350, extra: Partial<MediaFacts> = {}): MediaFacts => ({ id, kind: 'image', mimeType: 'image/jpeg', size: 400_000, width, height, durationSeconds: null, frameRate: null, ...extra });
const video = (id: string, width = 1080, height = 1920, seconds = 12, extra: Partial<MediaFacts> = {}): MediaFacts => ({ id, kind: 'video', mimeType: 'video/mp4', size: 8_000_000, width, height, durationSeconds: seconds, frameRate: 30, ...extra });

function check(media: MediaFacts[], settings: Record<string, unknown> = {}, text = 'Hello', options: { mediaByUrl?: boolean; firstComment?: string } = {}) {
  const facts = new Map(media.map((m) => [m.id, m]));
  const variant = { parts: [{ text, media: media.map((m) => ({ mediaId: m.id })) }], firstComment: options.firstComment ?? null, settings };
  return checkVariant('instagram', variant, facts, {}, { forPublishing: true, instance: { mediaByUrl: options.mediaByUrl ?? true } }).map((i) => i.message);
}

describe('Instagram rules', () => {
  it('starts a post as a feed post that a Reel shares to the feed', () => {
    expect(defaultSettings('instagram')).toEqual({ format: 'feed', shareToFeed: true });
  });

  it('counts the caption in characters (an emoji is one) against 2,200', () => {
    expect(instagram.rules.textLimit({}).count('👋🏽é')).toBe(3);
    expect(check([photo('a')], {}, 'x'.repeat(2200))).toEqual([]);
    expect(check([photo('a')], {}, 'x'.repeat(2201)).join()).toContain('2201 of 2200');
  });

  it('counts hashtags and mentions as Instagram does, refusing 31 hashtags and 21 mentions', () => {
    expect(hashtagsIn('#one two#not #two_2 &#38; #ünï')).toBe(3);
    expect(mentionsIn('@a.b hi mail@example.com @c_d')).toBe(2);
    const tags = Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ');
    expect(check([photo('a')], {}, tags)).toEqual(['Instagram: at most 30 hashtags (this has 31)']);
    const mentions = Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' ');
    expect(check([photo('a')], {}, 'ok', { firstComment: mentions })).toEqual(['Instagram: at most 20 @mentions (this has 21)']);
  });

  it('checks each format: JPEG feed photos between 4:5 and 1.91:1, Reels 9:16 of 3 s to 15 min, stories up to 60 s', () => {
    expect(check([photo('a', 1080, 1920)]).join()).toContain('between 4:5');
    expect(check([photo('a', 1080, 1350, { mimeType: 'image/png' })]).join()).toContain('must be a JPEG');
    expect(check([video('v')], { format: 'reel' })).toEqual([]);
    expect(check([video('v', 1920, 1080)], { format: 'reel' }).join()).toContain('9:16');
    expect(check([video('v', 1080, 1920, 2)], { format: 'reel' }).join()).toContain('at least 3 seconds');
    expect(check([photo('a')], { format: 'reel' })).toEqual(['Instagram: a Reel is exactly one video']);
    expect(check([video('v', 1080, 1920, 61)], { format: 'story' }).join()).toContain('at most 60 seconds');
    expect(check([photo('a', 1080, 1920)], { format: 'story' })).toEqual([]);
    expect(check([photo('a'), photo('b')], { format: 'story' })).toEqual(['Instagram: a story is one photo or one video']);
  });

  it('wants every carousel item in the first one’s shape, at most 10', () => {
    expect(check([photo('a'), video('v', 1080, 1350, 10), photo('b')])).toEqual([]);
    expect(check([photo('a', 1080, 1080), photo('b', 1080, 1350)]).join()).toContain('same shape as the first');
    const eleven = Array.from({ length: 11 }, (_, i) => photo(`p${i}`));
    expect(check(eleven).join()).toContain('at most 10');
  });

  it('says in plain words when photos cannot be sent because no public media address is set up', () => {
    expect(check([photo('a')], {}, 'x', { mediaByUrl: false }).join()).toContain('operator of this Herald must set up first');
    // Videos are uploaded, so they need no public address.
    expect(check([video('v')], { format: 'reel' }, 'x', { mediaByUrl: false })).toEqual([]);
  });

  it('needs the publish permission to publish and the insights permission for analytics', () => {
    expect(missingFeatures('instagram', ['instagram_business_basic', 'instagram_business_content_publish'])).toEqual(['analytics']);
    expect(missingFeatures('instagram', ['instagram_business_basic'])).toEqual(['publish', 'drafts', 'analytics']);
  });

  it('is offered only with an app id and secret', () => {
    const base = { instagramLogin: 'instagram' as const, instagramGraphVersion: 'v23.0', instagramPollSeconds: 10 } as Parameters<typeof instagram.enabled>[0];
    expect(instagram.enabled({ ...base, instagramAppId: undefined, instagramAppSecret: undefined })).toBe(false);
    expect(instagram.enabled({ ...base, instagramAppId: '1', instagramAppSecret: 's' })).toBe(true);
  });
});

describe('Instagram in French', () => {
  const issuesOf = (media: MediaFacts[], settings: Record<string, unknown>, firstComment: string | null = null) => {
    const facts = new Map(media.map((m) => [m.id, m]));
    const variant = { parts: [{ text: '#a '.repeat(31), media: media.map((m) => ({ mediaId: m.id })) }], firstComment, settings };
    return checkVariant('instagram', variant, facts, {}, { forPublishing: true, instance: { mediaByUrl: false } }).filter((i) => i.key?.startsWith('network-instagram:'));
  };

  it('names the file a rule is about in French too (rules.where), and reads each rule in English as its message', () => {
    const carousel = issuesOf([photo('a'), photo('b', 1080, 1350, { mimeType: 'image/png', size: 9 * 1024 * 1024 })], {});
    expect(carousel.map((issue) => ruleIn('fr', issue))).toContain('Instagram\u00a0: l’élément 2 du carrousel doit être une photo JPEG (ce fichier est au format image/png)');
    expect(carousel.map((issue) => ruleIn('fr', issue))).toContain('Instagram\u00a0: l’élément 2 du carrousel ne doit pas dépasser 8 Mo');
    const all = [
      ...carousel,
      ...issuesOf([video('v', 1920, 1080, 16 * 60, { frameRate: 90, mimeType: 'video/webm', size: 400 * 1024 * 1024 })], { format: 'reel' }),
      ...issuesOf([video('v', 1080, 1920, 61), photo('a')], { format: 'story' }),
      ...issuesOf([video('v', 1080, 1920, 90)], { format: 'story' }, 'hi'),
      ...issuesOf([photo('a')], { format: 'reel' }),
    ];
    expect(all.length).toBeGreaterThan(10);
    for (const issue of all) expect(ruleIn('en', issue)).toBe(issue.message);
  });

  it('keeps the descriptor’s English in its translations', () => {
    expect(descriptorTranslations(instagram, 'en')).toEqual(descriptorEnglish(instagram, { mediaPublicUrl: 'https://media.example' }));
  });
});
