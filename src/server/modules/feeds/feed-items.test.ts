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

  it("finds an item's picture in the enclosure, Media RSS, iTunes, JSON Feed or its HTML, relative ones made absolute", () => {
    const rss = (item: string) =>
      `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><item><title>A</title><link>https://blog.example/posts/a</link>${item}</item></channel></rss>`;
    const image = (item: string) => parseFeedItems(rss(item)).items[0]!.imageUrl;
    expect(image('<enclosure url="https://cdn.example/a.jpg" type="image/jpeg" length="1"/>')).toBe('https://cdn.example/a.jpg');
    // A podcast's audio enclosure is not a picture; its iTunes image is.
    expect(image('<enclosure url="https://cdn.example/ep.mp3" type="audio/mpeg" length="1"/><itunes:image href="https://cdn.example/cover.png"/>')).toBe('https://cdn.example/cover.png');
    expect(image('<media:content url="https://cdn.example/v.mp4" type="video/mp4"/><media:content url="https://cdn.example/b.webp" medium="image"/>')).toBe('https://cdn.example/b.webp');
    expect(image('<media:group><media:content url="https://cdn.example/c.png"/></media:group>')).toBe('https://cdn.example/c.png');
    expect(image('<media:thumbnail url="https://cdn.example/t.jpg"/>')).toBe('https://cdn.example/t.jpg');
    expect(image('<content:encoded><![CDATA[<p>Hi <img src="/img/d.png" alt=""></p>]]></content:encoded>')).toBe('https://blog.example/img/d.png');
    expect(image('<description><![CDATA[<meta property="og:image" content="https://cdn.example/og.jpg"><img src="https://cdn.example/e.jpg">]]></description>')).toBe('https://cdn.example/og.jpg');
    expect(image('<description>No picture</description>')).toBeNull();
    expect(image('<enclosure url="javascript:alert(1)" type="image/png" length="1"/><content:encoded><![CDATA[<img src="data:image/png;base64,AAAA">]]></content:encoded>')).toBeNull();

    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id><updated>2025-01-01T00:00:00Z</updated><entry><title>A</title><id>1</id><updated>2025-01-01T00:00:00Z</updated><link rel="alternate" href="https://j.example/a"/><link rel="enclosure" type="image/png" href="https://cdn.example/atom.png"/></entry></feed>`;
    expect(parseFeedItems(atom).items[0]!.imageUrl).toBe('https://cdn.example/atom.png');
    const json = (item: object) => parseFeedItems(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://j.example/1', title: 'T', ...item }] })).items[0]!.imageUrl;
    expect(json({ image: 'https://cdn.example/j.jpg' })).toBe('https://cdn.example/j.jpg');
    expect(json({ attachments: [{ url: 'https://cdn.example/j.mp3', mime_type: 'audio/mpeg' }, { url: 'https://cdn.example/j.gif', mime_type: 'image/gif' }] })).toBe('https://cdn.example/j.gif');
    expect(json({ content_html: '<img src="pic.jpg">' })).toBe('https://j.example/pic.jpg');
  });
});
