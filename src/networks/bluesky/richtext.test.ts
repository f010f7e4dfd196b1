import { describe, expect, it } from 'vitest';
import { detectFacets, type ByteSlice } from './richtext.ts';

/** The substring a facet selects, read the way Bluesky reads it: from the UTF-8 bytes. */
const slice = (text: string, { byteStart, byteEnd }: ByteSlice) => Buffer.from(text, 'utf8').subarray(byteStart, byteEnd).toString('utf8');

describe('detectFacets', () => {
  it('counts UTF-8 bytes, not UTF-16 units, after accents and emoji with modifiers', () => {
    const text = 'héllo 👋🏽 #tag https://example.com/a?b=c. @alice.test';
    const { facets, mentions } = detectFacets(text);
    expect(facets).toEqual([
      { index: { byteStart: Buffer.byteLength('héllo 👋🏽 '), byteEnd: Buffer.byteLength('héllo 👋🏽 #tag') }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'tag' }] },
      {
        index: { byteStart: Buffer.byteLength('héllo 👋🏽 #tag '), byteEnd: Buffer.byteLength('héllo 👋🏽 #tag https://example.com/a?b=c') },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/a?b=c' }],
      },
    ]);
    expect(mentions).toEqual([{ handle: 'alice.test', byteStart: Buffer.byteLength('héllo 👋🏽 #tag https://example.com/a?b=c. '), byteEnd: Buffer.byteLength(text) }]);
    expect(facets.map((f) => slice(text, f.index))).toEqual(['#tag', 'https://example.com/a?b=c']);
    expect(slice(text, mentions[0]!)).toBe('@alice.test');
    // 'é' is one UTF-16 unit but two bytes; '👋🏽' four units and eight bytes.
    expect(facets[0]!.index.byteStart).toBe(text.indexOf('#tag') + 1 + 4);
  });

  it('keeps balanced brackets in links and drops trailing punctuation', () => {
    const text = 'Voir (https://fr.wikipedia.org/wiki/Café_(boisson)), et https://example.com/x! puis https://a.example/b," fin';
    const { facets } = detectFacets(text);
    expect(facets.map((f) => (f.features[0] as { uri: string }).uri)).toEqual(['https://fr.wikipedia.org/wiki/Café_(boisson)', 'https://example.com/x', 'https://a.example/b']);
    for (const facet of facets) expect(slice(text, facet.index)).toBe((facet.features[0] as { uri: string }).uri);
  });

  it('finds only links that start a word, with a host, over http or https', () => {
    const { facets } = detectFacets('xhttps://a.example ftp://b.example https:// HTTP://C.example/Path');
    expect(facets.map((f) => f.features[0])).toEqual([{ $type: 'app.bsky.richtext.facet#link', uri: 'HTTP://C.example/Path' }]);
  });

  it('takes hashtags without the #, never numbers, fragments of URLs or tags over 64 graphemes', () => {
    const long = 'a'.repeat(65);
    const text = `#début #2024 #4ever https://example.com/page#section ${`#${long}`} #ok. (#no) ＃全角 #️⃣ #🎉party`;
    const tags = detectFacets(text).facets.flatMap((f) => f.features.filter((x) => x.$type === 'app.bsky.richtext.facet#tag').map((x) => [x.tag, slice(text, f.index)]));
    expect(tags).toEqual([
      ['début', '#début'],
      ['4ever', '#4ever'],
      ['ok', '#ok'],
      ['全角', '＃全角'],
      ['🎉party', '#🎉party'],
    ]);
    // 64 graphemes is still a tag, even when each is several code points.
    const family = '👨‍👩‍👧'.repeat(64);
    expect(detectFacets(`#${family}`).facets).toHaveLength(1);
    expect(detectFacets(`#${family}👨‍👩‍👧`).facets).toHaveLength(0);
  });

  it('reports mentions with their handle lower-cased and the @ inside the range; e-mail addresses are not mentions', () => {
    const text = 'Merci @Bob.Example.COM, cc (@carol.test) et bob@example.com @nohandle @alice.testé @dave.test.';
    const { mentions, facets } = detectFacets(text);
    expect(facets).toEqual([]);
    expect(mentions.map((m) => [m.handle, slice(text, m)])).toEqual([
      ['bob.example.com', '@Bob.Example.COM'],
      ['carol.test', '@carol.test'],
      ['dave.test', '@dave.test'],
    ]);
  });

  it('returns facets in text order and nothing for plain text', () => {
    expect(detectFacets('nothing to see here. #')).toEqual({ facets: [], mentions: [] });
    const { facets } = detectFacets('#one https://x.example #two');
    expect(facets.map((f) => f.index.byteStart)).toEqual([0, 5, 23]);
  });
});
