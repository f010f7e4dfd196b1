import { describe, expect, it } from 'vitest';
import { httpLinkOrNull, httpLinkProblem } from './web-links.ts';

describe('links that may become an href', () => {
  it('keeps absolute http and https links as they are', () => {
    for (const link of ['https://mastodon.social/@herald/113', 'http://127.0.0.1:3000/@a/1', 'https://www.tiktok.com/@herald.tester/video/7312345678901234567']) expect(httpLinkOrNull(link)).toBe(link);
  });

  it('drops every other scheme, relative links, control characters and non-strings', () => {
    const refused = ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.example/a', '/@herald/1', '//evil.example/x', 'https://a.example/\u0000', 'https://a.example/\n', ''];
    for (const value of refused) expect(httpLinkOrNull(value), JSON.stringify(value)).toBeNull();
    expect(httpLinkOrNull(null)).toBeNull();
    expect(httpLinkOrNull(undefined)).toBeNull();
  });

  it('says why a link is refused', () => {
    expect(httpLinkProblem('javascript:alert(1)')).toBe('must be an http or https link');
    expect(httpLinkProblem('/relative')).toBe('must be a link to the post (https://…)');
    expect(httpLinkProblem('https://a.example/\u0000')).toBe('must not contain control characters');
  });
});
