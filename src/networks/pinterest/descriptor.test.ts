import { describe, expect, it } from 'vitest';
import type { MediaFacts } from '../rules.ts';
import { defaultSettings } from '../index.ts';
import { pinShape, pinterest } from './descriptor.ts';
import { descriptorEnglish, descriptorTranslations, ruleIn } from '../../../test/helpers/network-texts.ts';
import type { Config } from '../../server/config/config.ts';
import { endpointsOf } from './server/pinterest-api.ts';
import { scopesOf } from './server/pinterest.provider.ts';

const facts = (id: string, kind: 'image' | 'video', extra: Partial<MediaFacts> = {}): MediaFacts => ({
  id,
  kind,
  mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
  size: 1000,
  width: 1000,
  height: 1500,
  durationSeconds: kind === 'video' ? 30 : null,
  frameRate: kind === 'video' ? 30 : null,
  ...extra,
});
// The rules' English words (each problem also carries its translation key).
const check = (media: MediaFacts[], settings: Record<string, unknown> = {}) => pinterest.rules.checkMedia(media, {}, settings).map((p) => (typeof p === 'string' ? p : p.message));
const variant = (settings: Record<string, unknown>, media: { mediaId: string; altText?: string }[] = [{ mediaId: 'a' }]) => ({ parts: [{ text: 'A pin', media }], settings });

describe('Pinterest rules', () => {
  it('starts with no board, and takes title ≤ 100, http(s) links and digit ids only', () => {
    expect(defaultSettings('pinterest')).toEqual({});
    const settings = pinterest.rules.settings;
    expect(settings.safeParse({ boardId: '549755885175', title: 't'.repeat(100), link: 'https://example.com' }).success).toBe(true);
    expect(settings.safeParse({ title: 't'.repeat(101) }).success).toBe(false);
    expect(settings.safeParse({ link: 'javascript:alert(1)' }).success).toBe(false);
    expect(settings.safeParse({ boardId: 'recipes' }).success).toBe(false);
    expect(settings.safeParse({ colour: 'red' }).success).toBe(false);
    expect(pinterest.rules.textLimit({}).max).toBe(800);
  });

  it('needs a board to publish, a cover among the post’s images, and alt text of at most 500', () => {
    expect(pinterest.rules.checkForPublishing(variant({}), {}).map((i) => i.field)).toEqual(['settings.boardId']);
    expect(pinterest.rules.checkForPublishing(variant({ boardId: '1' }), {})).toEqual([]);
    expect(pinterest.rules.checkForPublishing(variant({ boardId: '1', coverMediaId: 'zzz' }), {})[0]?.field).toBe('settings.coverMediaId');
    expect(pinterest.rules.checkForPublishing(variant({ boardId: '1' }, [{ mediaId: 'a', altText: 'x'.repeat(501) }]), {})[0]?.field).toBe('media.0.altText');
  });

  it('tells the shapes apart: one image, a carousel, a video with its cover, and mixtures it refuses', () => {
    expect(pinShape([{ id: 'a', kind: 'image' }], {})).toBe('image');
    expect(pinShape([{ id: 'a', kind: 'image' }, { id: 'b', kind: 'image' }], {})).toBe('carousel');
    expect(pinShape([{ id: 'v', kind: 'video' }], {})).toBe('video');
    expect(pinShape([{ id: 'v', kind: 'video' }, { id: 'c', kind: 'image' }], { coverMediaId: 'c' })).toBe('video');
    expect(pinShape([{ id: 'v', kind: 'video' }, { id: 'c', kind: 'image' }], {})).toBe('mixed');
    expect(check([facts('v', 'video'), facts('c', 'image')])[0]).toContain('not both');
  });

  it('checks files against Pinterest’s limits', () => {
    expect(check([facts('a', 'image')])).toEqual([]);
    expect(check([facts('a', 'image', { mimeType: 'image/webp' })])[0]).toContain('JPEG or PNG');
    expect(check([facts('a', 'image'), facts('b', 'image', { width: 1000, height: 1000 })])[0]).toContain('same shape');
    expect(check(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => facts(id, 'image')))[0]).toContain('at most 5');
    expect(check([facts('v', 'video', { durationSeconds: 3 })])[0]).toContain('at least 4 seconds');
    expect(check([facts('v', 'video', { durationSeconds: 16 * 60 })])[0]).toContain('15 minutes');
    expect(check([facts('v', 'video', { width: 1920, height: 800 })])[0]).toContain('1.91:1');
    expect(check([facts('v', 'video', { width: 1920, height: 1080 })])).toEqual([]);
  });

  it('reads granted scopes separated by commas or spaces', () => {
    expect(scopesOf('boards:read,pins:write')).toEqual(['boards:read', 'pins:write']);
    expect(scopesOf('boards:read pins:write')).toEqual(['boards:read', 'pins:write']);
    expect(scopesOf(undefined)).toEqual([]);
  });

  it('sends pins to the sandbox for Trial apps, while tokens stay on the production API; a fake wins over both', () => {
    const config = (values: Record<string, unknown>) => ({ pinterestApiUrl: 'https://api.pinterest.com', pinterestAuthUrl: 'https://www.pinterest.com', pinterestSandbox: false, ...values }) as unknown as Config;
    expect(endpointsOf(config({}))).toEqual({ apiUrl: 'https://api.pinterest.com', tokenApiUrl: 'https://api.pinterest.com', authUrl: 'https://www.pinterest.com' });
    expect(endpointsOf(config({ pinterestSandbox: true }))).toMatchObject({ apiUrl: 'https://api-sandbox.pinterest.com', tokenApiUrl: 'https://api.pinterest.com' });
    expect(endpointsOf(config({ pinterestSandbox: true, pinterestApiUrl: 'http://127.0.0.1:9999/' }))).toMatchObject({ apiUrl: 'http://127.0.0.1:9999', tokenApiUrl: 'http://127.0.0.1:9999' });
  });
});

describe('Pinterest in French', () => {
  it('reads each rule through its key: the English as its message, and the French', () => {
    const images = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => facts(id, 'image', { mimeType: 'image/webp', size: 21 * 1024 * 1024, width: 1000 + i * 100 }));
    const problems = [
      ...pinterest.rules.checkMedia(images, {}, {}),
      ...pinterest.rules.checkMedia([facts('v', 'video', { mimeType: 'video/webm', size: 3 * 1024 * 1024 * 1024, durationSeconds: 2, width: 3000, height: 1000 }), facts('a', 'image')], {}, {}),
      ...pinterest.rules.checkMedia([facts('v', 'video', { durationSeconds: 16 * 60 })], {}, {}),
      ...pinterest.rules.checkForPublishing(variant({ boardSectionId: '2', coverMediaId: 'z', coverKeyFrameSeconds: 1 }, [{ mediaId: 'a', altText: 'x'.repeat(501) }]), {}),
    ];
    expect(new Set(problems.map((p) => (typeof p === 'string' ? p : p.key))).size).toBe(15);
    for (const problem of problems) expect(ruleIn('en', problem)).toBe(typeof problem === 'string' ? problem : problem.message);
    expect(problems.map((p) => ruleIn('fr', p))).toContain('Pinterest\u00a0: choisissez le tableau où enregistrer l’épingle');
  });

  it('keeps the descriptor’s English in its translations', () => {
    expect(descriptorTranslations(pinterest, 'en')).toEqual(descriptorEnglish(pinterest));
  });
});
