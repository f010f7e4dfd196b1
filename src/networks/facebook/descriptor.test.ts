import { describe, expect, it } from 'vitest';
import { defaultSettings, missingFeatures } from '../index.ts';
import type { MediaFacts } from '../rules.ts';
import { facebook } from './descriptor.ts';
import { descriptorEnglish, descriptorTranslations, ruleIn } from '../../../test/helpers/network-texts.ts';

const MB = 1024 * 1024;
const image = (fields: Partial<MediaFacts> = {}): MediaFacts => ({ id: 'i', kind: 'image', mimeType: 'image/jpeg', size: MB, width: 1080, height: 1080, durationSeconds: null, frameRate: null, ...fields });
const video = (fields: Partial<MediaFacts> = {}): MediaFacts => ({ id: 'v', kind: 'video', mimeType: 'video/mp4', size: 20 * MB, width: 1080, height: 1920, durationSeconds: 20, frameRate: 30, ...fields });
// The rules' English words (each problem also carries its translation key).
const check = (media: MediaFacts[], settings: Record<string, unknown> = {}) => facebook.rules.checkMedia(media, {}, settings).map((p) => (typeof p === 'string' ? p : p.message));

describe('Facebook descriptor', () => {
  it('starts a post as a feed post, counts 63,206 characters, allows a first comment but no thread', () => {
    expect(defaultSettings('facebook')).toEqual({ format: 'post' });
    const limit = facebook.rules.textLimit({});
    expect([limit.max, limit.count('héllo 👋')]).toEqual([63_206, 'héllo 👋'.length]);
    expect([facebook.rules.replyChains, facebook.rules.firstComment, facebook.rules.needsMedia]).toEqual([false, true, false]);
    expect(() => facebook.rules.settings.parse({ link: 'javascript:alert(1)' })).toThrow();
    expect(() => facebook.rules.settings.parse({ unknown: true })).toThrow();
  });

  it('takes JPEG or PNG photos up to 4 MB, or one MP4/MOV video, never both', () => {
    expect(check([image(), image({ mimeType: 'image/png' })])).toEqual([]);
    expect(check([image({ mimeType: 'image/gif' })])).toEqual(['Facebook: photos must be JPEG or PNG (this one is image/gif)']);
    expect(check([image({ size: 5 * MB })])).toEqual(['Facebook: photos can be at most 4 MB']);
    expect(check([image(), video()])).toContain('Facebook: a post is photos or one video, not both');
    expect(check([video(), video()])).toContain('Facebook: one video per post');
    expect(facebook.rules.maxMedia({})).toBe(10);
  });

  it('wants a Reel to be one vertical video of 3 to 90 seconds', () => {
    expect(check([video()], { format: 'reel' })).toEqual([]);
    expect(check([video({ width: 1920, height: 1080 })], { format: 'reel' })).toEqual(['Facebook: a Reel must be vertical, 9:16 (1080 × 1920 recommended)']);
    expect(check([video({ durationSeconds: 95 })], { format: 'reel' })).toEqual(['Facebook: a Reel lasts 3 to 90 seconds (this video lasts 95 s)']);
    expect(check([image()], { format: 'reel' })).toEqual(['Facebook: a Reel is one video and nothing else']);
    expect(check([video({ width: 360, height: 640 })], { format: 'reel' })).toEqual(['Facebook: a Reel must be at least 540 × 960 pixels']);
  });

  it('refuses an empty post and a Reel with a link preview when scheduling', () => {
    const variant = (text: string, settings: Record<string, unknown>) => ({ parts: [{ text, media: [] }], settings });
    expect(facebook.rules.checkForPublishing(variant('', { format: 'post' }), {})).toEqual([expect.objectContaining({ field: 'parts.0.text', code: 'empty' })]);
    expect(facebook.rules.checkForPublishing(variant('', { format: 'post', link: 'https://example.com/' }), {})).toEqual([]);
    expect(facebook.rules.checkForPublishing(variant('Hi', { format: 'reel', link: 'https://example.com/' }), {})).toEqual([expect.objectContaining({ field: 'settings.link' })]);
  });

  it('turns analytics off without read_insights, and publishing off without pages_manage_posts', () => {
    expect(missingFeatures('facebook', [...facebook.scopes])).toEqual([]);
    expect(missingFeatures('facebook', ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'])).toEqual(['analytics']);
    expect(missingFeatures('facebook', ['pages_show_list', 'pages_read_engagement', 'read_insights'])).toEqual(['publish', 'drafts']);
    for (const scope of facebook.scopes) expect(facebook.scopeMeanings[scope]).toBeTruthy();
  });

  it('is offered only with an app id and secret; hosts default to Meta’s', () => {
    const base = Object.fromEntries(Object.entries(facebook.settings).map(([key, s]) => [key, s.schema.parse(s.default)])) as Parameters<typeof facebook.enabled>[0];
    expect(facebook.enabled(base)).toBe(false);
    expect(facebook.enabled({ ...base, facebookAppId: '1783920475561234', facebookAppSecret: 's' })).toBe(true);
    expect(base).toMatchObject({ facebookGraphUrl: 'https://graph.facebook.com', facebookGraphVideoUrl: 'https://graph-video.facebook.com', facebookRuploadUrl: 'https://rupload.facebook.com', facebookDialogUrl: 'https://www.facebook.com', facebookGraphVersion: 'v23.0' });
    expect(() => facebook.settings.facebookAppId.schema.parse('not-a-number')).toThrow();
  });
});

describe('Facebook in French', () => {
  it('reads each rule through its key: the English as its message, and the French', () => {
    const problems = [
      ...facebook.rules.checkMedia([image({ mimeType: 'image/gif', size: 5 * MB }), video({ mimeType: 'video/webm', size: 11 * 1024 * MB, durationSeconds: 95, width: 400, height: 400 }), video()], {}, { format: 'reel' }),
      ...facebook.rules.checkForPublishing({ parts: [{ text: '', media: [] }], settings: { format: 'post' } }, {}),
      ...facebook.rules.checkForPublishing({ parts: [{ text: 'x', media: [] }], settings: { format: 'reel', link: 'https://a.example' } }, {}),
    ];
    expect(problems.length).toBe(12);
    for (const problem of problems) expect(ruleIn('en', problem)).toBe(typeof problem === 'string' ? problem : problem.message);
    expect(problems.map((p) => ruleIn('fr', p))).toContain('Facebook\u00a0: un Reel dure de 3 à 90 secondes (cette vidéo dure 95 s)');
  });

  it('keeps the descriptor’s English in its translations', () => {
    expect(descriptorTranslations(facebook, 'en')).toEqual(descriptorEnglish(facebook));
  });
});
