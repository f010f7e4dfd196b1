import { describe, expect, it } from 'vitest';
import { checkVariant } from '../../shared/publishing-rules.ts';
import { defaultSettings } from '../index.ts';
import type { RuleProblem } from '../rules.ts';
import { descriptorEnglish, descriptorTranslations, ruleIn } from '../../../test/helpers/network-texts.ts';
import { countThreads, linksOf, threads } from './descriptor.ts';
import { readRefreshToken, refreshTokenFor } from './server/threads.provider.ts';

const variant = (texts: string[], settings: Record<string, unknown> = {}, media: { mediaId: string }[] = []) => ({
  parts: texts.map((text, i) => ({ text, media: i === 0 ? media : [] })),
  settings,
});

// A media problem's English words (it also carries its translation key).
const messageOf = (problem: RuleProblem | undefined) => (typeof problem === 'string' ? problem : problem?.message);

describe('Threads rules', () => {
  it('counts an emoji as its UTF-8 bytes and everything else as one character', () => {
    expect(countThreads('hello')).toBe(5);
    expect(countThreads('hi 😀')).toBe(3 + 4);
    expect(countThreads('🇫🇷')).toBe(8);
    expect(countThreads('👨‍👩‍👧')).toBe(18);
    expect(countThreads('é')).toBe(1);
    // Links count in full: Threads does not shorten them.
    expect(countThreads('https://example.com/a/long/path')).toBe(31);
    expect(threads.rules.textLimit({}).max).toBe(500);
  });

  it('defaults every setting and refuses a topic with a period', () => {
    expect(defaultSettings('threads')).toEqual({ replyControl: 'everyone' });
    expect(threads.rules.settings.safeParse({ topicTag: 'a.b' }).success).toBe(false);
    expect(threads.rules.settings.safeParse({ topicTag: 'Photography', linkAttachment: 'https://example.com' }).success).toBe(true);
    expect(threads.rules.settings.safeParse({ linkAttachment: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('allows five different links per post, the link preview included', () => {
    const five = [1, 2, 3, 4, 5].map((n) => `https://example.com/${n}`).join(' ');
    expect(linksOf(five).size).toBe(5);
    expect(threads.rules.checkForPublishing(variant([five]), {})).toEqual([]);
    expect(threads.rules.checkForPublishing(variant([five], { linkAttachment: 'https://example.org' }), {})[0]?.message).toContain('at most 5 different links');
    expect(threads.rules.checkForPublishing(variant([five], { linkAttachment: 'https://example.com/1' }), {})).toEqual([]);
  });

  it('keeps link previews to posts without media, and says when media cannot reach Threads', () => {
    const issues = threads.rules.checkForPublishing(variant(['look'], { linkAttachment: 'https://example.com' }, [{ mediaId: 'm1' }]), {});
    expect(issues).toEqual([{ field: 'settings.linkAttachment', key: 'network-threads:rules.linkPreviewWithMedia', message: expect.stringContaining('without photos or videos') }]);
    const image = { id: 'm1', kind: 'image' as const, mimeType: 'image/jpeg', size: 1000, width: 1080, height: 1080, durationSeconds: null, frameRate: null };
    expect(messageOf(threads.rules.checkMedia([image], {}, {}, { mediaByUrl: false })[0])).toContain('operator of this Herald must set up first');
    expect(threads.rules.checkMedia([image], {}, {}, { mediaByUrl: true })).toEqual([]);
    expect(messageOf(threads.rules.checkMedia([{ ...image, mimeType: 'image/gif' }], {}, {}, { mediaByUrl: true })[0])).toContain('JPEG or PNG');
  });

  it('accepts a chain and a carousel of up to 20 items through the shared checks', () => {
    const issues = checkVariant('threads', variant(['first', 'second', 'third']), new Map(), {}, { forPublishing: true });
    expect(issues).toEqual([]);
  });
});

describe('Threads without a revoke endpoint', () => {
  it('tells the disconnect dialog where the person removes Herald themselves', () => {
    expect(threads.noRevoke).toContain('Settings › Account › Website permissions');
  });
});

describe('the stored refresh token', () => {
  it('carries the time the token was issued, and reads a plain one as of unknown age', () => {
    expect(readRefreshToken(refreshTokenFor('THAAtoken:with:colons', 1700000000000))).toEqual({ token: 'THAAtoken:with:colons', issuedAt: 1700000000000 });
    expect(readRefreshToken('THAAplain')).toEqual({ token: 'THAAplain', issuedAt: null });
  });
});

describe('Threads in French', () => {
  const video = { id: 'v', kind: 'video' as const, mimeType: 'video/webm', size: 2048 * 1024 * 1024, width: 3840, height: 2160, durationSeconds: 400, frameRate: 120 };
  const image = { id: 'i', kind: 'image' as const, mimeType: 'image/gif', size: 9 * 1024 * 1024, width: 2200, height: 200, durationSeconds: null, frameRate: null };
  it('reads each rule through its key: the English as its message, and the French', () => {
    const links = Array.from({ length: 6 }, (_, i) => `https://example.com/${i}`).join(' ');
    const problems = [
      ...threads.rules.checkMedia([image, video], {}, {}, { mediaByUrl: false }),
      ...threads.rules.checkForPublishing(variant([links], { linkAttachment: 'https://example.com' }, [{ mediaId: 'i' }]), {}),
    ];
    expect(problems.length).toBe(11);
    for (const problem of problems) expect(ruleIn('en', problem)).toBe(messageOf(problem));
    expect(problems.map((p) => ruleIn('fr', p))).toContain('Threads\u00a0: la fréquence d’images doit être de 23 à 60 images par seconde (cette vidéo en a 120)');
  });

  it('keeps the descriptor’s English in its translations', () => {
    expect(descriptorTranslations(threads, 'en')).toEqual(descriptorEnglish(threads, { mediaPublicUrl: 'https://media.example' }));
  });
});
