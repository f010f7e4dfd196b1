import { describe, expect, it } from 'vitest';
import { firstLinkIn, linksIn, textWithUtm, withUtm } from './link-cards.ts';

describe('links in a text', () => {
  it('finds http(s) links and leaves sentence punctuation out', () => {
    expect(linksIn('Read https://a.example/x, then http://b.example/y?q=1. (see https://c.example/z)')).toEqual([
      { url: 'https://a.example/x', index: 5 },
      { url: 'http://b.example/y?q=1', index: 31 },
      { url: 'https://c.example/z', index: 60 },
    ]);
    expect(firstLinkIn('https://en.wikipedia.org/wiki/Foo_(bar) is it')).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(firstLinkIn('no link, ftp://x.example or mailto:a@b.example')).toBeNull();
  });
});

describe('UTM tags', () => {
  it('adds source (the network by default), medium and campaign', () => {
    expect(withUtm('https://shop.example/p?id=3#top', { medium: 'social', campaign: 'spring sale' }, 'bluesky')).toBe(
      'https://shop.example/p?id=3&utm_source=bluesky&utm_medium=social&utm_campaign=spring+sale#top',
    );
    expect(withUtm('https://shop.example/', { source: 'newsletter' }, 'bluesky')).toBe('https://shop.example/?utm_source=newsletter');
  });

  it('keeps tags a link already has and skips empty values', () => {
    expect(withUtm('https://shop.example/?utm_source=mail', { source: 'x', medium: ' ', campaign: 'c' }, 'linkedin')).toBe('https://shop.example/?utm_source=mail&utm_campaign=c');
  });

  it('tags every link of a text and nothing else; no tags leaves the text alone', () => {
    const text = 'New: https://a.example/post. Also https://b.example!';
    expect(textWithUtm(text, { campaign: 'launch' }, 'facebook')).toBe(
      'New: https://a.example/post?utm_source=facebook&utm_campaign=launch. Also https://b.example/?utm_source=facebook&utm_campaign=launch!',
    );
    expect(textWithUtm(text, null, 'facebook')).toBe(text);
    expect(textWithUtm('no links here', { campaign: 'x' }, 'facebook')).toBe('no links here');
  });
});
