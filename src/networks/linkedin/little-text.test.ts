import { describe, expect, it } from 'vitest';
import { checkLinkedInMedia, linkedin } from './descriptor.ts';
import { firstUnescapedReserved, mentionsIn, readLittleText, toLittleText, visibleText } from './little-text.ts';
import type { MediaFacts } from '../rules.ts';
import { descriptorEnglish, descriptorTranslations, ruleIn } from '../../../test/helpers/network-texts.ts';

// The media rules' English words (each problem also carries its translation key).
const mediaProblems = (media: MediaFacts[], settings: Record<string, unknown>) => checkLinkedInMedia(media, settings).map((p) => p.message);

describe('LinkedIn little text', () => {
  it('escapes every reserved character, so LinkedIn shows the text as written', () => {
    expect(toLittleText('a\\b|c{d}e@f[g]h(i)j<k>l*m_n~o')).toBe('a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\*m\\_n\\~o');
    const text = 'Q&A (part 1) [draft] *bold* me@home 100% <3 ~ok~';
    const sent = toLittleText(text);
    expect(firstUnescapedReserved(sent)).toBeNull();
    expect(readLittleText(sent).text).toBe(text);
  });

  it('keeps hashtags; a lone # or one inside a word is escaped', () => {
    expect(toLittleText('#Launch2026 and #café, C# and issue#4 and # alone')).toBe('#Launch2026 and #café, C\\# and issue\\#4 and \\# alone');
    expect(readLittleText(toLittleText('Go #team')).hashtags).toEqual(['team']);
  });

  it('sends mentions of people and Pages as little-text mentions, their names escaped', () => {
    const text = 'Thanks @[Ada (CTO)](urn:li:person:AbC-12_x) and @[Herald Bakery](urn:li:organization:2414183)!';
    const sent = toLittleText(text);
    expect(sent).toBe('Thanks @[Ada \\(CTO\\)](urn:li:person:AbC-12_x) and @[Herald Bakery](urn:li:organization:2414183)!');
    expect(firstUnescapedReserved(sent)).toBeNull();
    expect(readLittleText(sent)).toMatchObject({ text: 'Thanks Ada (CTO) and Herald Bakery!', mentions: mentionsIn(text) });
    expect(visibleText(text)).toBe('Thanks Ada (CTO) and Herald Bakery!');
    // Not a mention: another kind of URN is plain text, escaped.
    expect(toLittleText('@[X](urn:li:share:1)')).toBe('\\@\\[X\\]\\(urn:li:share:1\\)');
  });

  it('finds where LinkedIn would cut unescaped text', () => {
    expect(firstUnescapedReserved('Hello (world)')).toBe(6);
    expect(firstUnescapedReserved('#tag ok')).toBeNull();
  });

  it('counts the text as shown: a mention counts as its name', () => {
    const { count, max } = linkedin.rules.textLimit({});
    expect(max).toBe(3000);
    expect(count('@[Ada](urn:li:person:abc) hi')).toBe(6);
  });
});

describe('LinkedIn media rules', () => {
  const file = (fields: Partial<MediaFacts>): MediaFacts => ({ id: 'm', kind: 'image', mimeType: 'image/jpeg', size: 1000, width: 100, height: 100, durationSeconds: null, frameRate: null, ...fields });
  const pdf = (fields: Partial<MediaFacts> = {}) => file({ kind: 'document', mimeType: 'application/pdf', width: null, height: null, pageCount: 10, ...fields });

  it('takes a document alone, up to 100 MB and 300 pages, with a title', () => {
    expect(linkedin.rules.mediaKinds).toEqual(['image', 'video', 'document']);
    expect(mediaProblems([pdf()], { documentTitle: 'Report' })).toEqual([]);
    expect(mediaProblems([pdf()], {})).toEqual(['LinkedIn: a document needs a title (LinkedIn shows it on the document)']);
    expect(mediaProblems([pdf({ pageCount: 301 })], { documentTitle: 'R' })[0]).toContain('at most 300 pages');
    expect(mediaProblems([pdf({ pageCount: null })], { documentTitle: 'R' })).toEqual([]);
    expect(mediaProblems([pdf({ size: 101 * 1024 * 1024 })], { documentTitle: 'R' })[0]).toContain('100 MB');
    expect(mediaProblems([pdf(), file({})], { documentTitle: 'R' })[0]).toContain('posted alone');
  });

  it('a video goes alone; a link post carries at most one photo', () => {
    const video = file({ kind: 'video', mimeType: 'video/mp4', size: 2_000_000, durationSeconds: 10 });
    expect(mediaProblems([video], {})).toEqual([]);
    expect(mediaProblems([video, file({})], {})[0]).toContain('video is posted alone');
    expect(mediaProblems([file({}), file({})], { linkUrl: 'https://a.example', linkTitle: 'A' })[0]).toContain('one photo only');
  });
});

describe('LinkedIn in French', () => {
  const file = (fields: Partial<MediaFacts>): MediaFacts => ({ id: 'm', kind: 'image', mimeType: 'image/webp', size: 1000, width: 7000, height: 7000, durationSeconds: null, frameRate: null, ...fields });
  it('reads each rule through its key: the English as its message, and the French', () => {
    const pdf = file({ kind: 'document', mimeType: 'application/zip', size: 101 * 1024 * 1024, width: null, height: null, pageCount: 301 });
    const video = file({ kind: 'video', mimeType: 'video/webm', size: 501 * 1024 * 1024, durationSeconds: 2 });
    const tiny = file({ kind: 'video', mimeType: 'video/mp4', size: 10, durationSeconds: 10 });
    const problems = [
      ...checkLinkedInMedia([pdf, video], { linkUrl: 'https://a.example', linkTitle: 'A' }),
      ...checkLinkedInMedia([tiny, ...Array.from({ length: 21 }, () => file({}))], {}),
      ...linkedin.rules.checkForPublishing({ parts: [{ text: 'x', media: [] }], settings: { linkDescription: 'd' } }, {}),
      ...linkedin.rules.checkForPublishing({ parts: [{ text: 'x', media: [] }], settings: { linkUrl: 'https://a.example' } }, {}),
    ];
    expect(new Set(problems.map((p) => p.key)).size).toBe(16);
    for (const problem of problems) expect(ruleIn('en', problem)).toBe(problem.message);
    expect(problems.map((p) => ruleIn('fr', p))).toContain('LinkedIn\u00a0: un document peut avoir au plus 300 pages (celui-ci en a 301)');
  });

  it('keeps the descriptor’s English in its translations', () => {
    expect(descriptorTranslations(linkedin, 'en')).toEqual(descriptorEnglish(linkedin));
  });
});
