import { describe, expect, it } from 'vitest';
import { NotAFeedError, parseFeedItems, plainText, renderTemplate, unknownPlaceholders } from './feed-items.ts';

describe('feed items', () => {
  it('keys an item by its guid, else its link, else its title and date', () => {
    const rss = (item: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>${item}</item></channel></rss>`;
    const [byGuid] = parseFeedItems(rss('<title>A</title><guid>g-1</guid><link>http://x.example/a</link>')).items;
    const [sameGuid] = parseFeedItems(rss('<title>A, edited</title><guid>g-1</guid><link>http://x.example/a2</link>')).items;
    const [byLink] = parseFeedItems(rss('<title>A</title><link>http://x.example/a</link>')).items;
    const [byTitle] = parseFeedItems(rss('<title>A</title><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>')).items;
    expect(sameGuid!.key).toBe(byGuid!.key);
    expect(new Set([byGuid!.key, byLink!.key, byTitle!.key]).size).toBe(3);
    expect(byTitle!.publishedAt?.toISOString()).toBe('2025-06-10T04:00:00.000Z');
  });

  it('keeps only http(s) links and makes plain text of HTML summaries', () => {
    const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'javascript:alert(1)', title: 'T', content_html: '<p>Fish &amp; chips<script>x()</script></p>' }] });
    const [item] = parseFeedItems(body).items;
    expect(item).toMatchObject({ link: null, summary: 'Fish & chips' });
    expect(plainText('a&#8217;b &#x1F600; &nosuch;')).toBe('a’b 😀 &nosuch;');
  });

  it('refuses what is not a feed', () => {
    expect(() => parseFeedItems('<html><body>Blog</body></html>')).toThrow(NotAFeedError);
    expect(() => parseFeedItems('')).toThrow(NotAFeedError);
  });

  it('fills the template and drops the lines a missing value empties', () => {
    expect(renderTemplate('{title}\n\n{summary}\n{link}', { title: 'Hello', link: null, summary: '' })).toBe('Hello');
    expect(renderTemplate('New: {title} {link}', { title: 'A {link} in a title', link: 'https://x.example/', summary: '' })).toBe('New: A {link} in a title https://x.example/');
    expect(unknownPlaceholders('{title} {author} {link}')).toEqual(['author']);
  });
});
