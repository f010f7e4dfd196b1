import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown, safeHref } from './policy.markdown.ts';

describe('policy Markdown renderer', () => {
  it('renders headings, paragraphs and lists, shifting the top heading to h2', () => {
    const { html, headings } = renderMarkdown('# Cookies\n\nWe set one\ncookie.\n\n## Which\n\n- session\n- csrf\n\n1. first\n2. second');
    expect(html).toBe(
      '<h2 id="md-cookies">Cookies</h2>\n<p>We set one cookie.</p>\n<h3 id="md-which">Which</h3>\n<ul><li>session</li><li>csrf</li></ul>\n<ol><li>first</li><li>second</li></ol>',
    );
    expect(headings).toEqual([
      { level: 2, id: 'md-cookies', labelHtml: 'Cookies' },
      { level: 3, id: 'md-which', labelHtml: 'Which' },
    ]);
  });

  it('keeps heading ids unique and joins indented continuation lines to the list item', () => {
    const { html } = renderMarkdown('## A\n## A\n- one\n  more\n- two', { idPrefix: 'x-' });
    expect(html).toBe('<h2 id="x-a">A</h2>\n<h2 id="x-a-2">A</h2>\n<ul><li>one more</li><li>two</li></ul>');
  });

  it('makes heading ids of accented words without their accents', () => {
    expect(renderMarkdown('## Témoins de connexion\n## Données à caractère personnel', { idPrefix: 'operator-' }).headings.map((h) => h.id)).toEqual([
      'operator-temoins-de-connexion',
      'operator-donnees-a-caractere-personnel',
    ]);
  });

  it('renders emphasis, strong, code and links', () => {
    expect(renderInline('*a* _b_ **c** __d__ `<e>` snake_case_name')).toBe('<em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <code>&lt;e&gt;</code> snake_case_name');
    expect(renderInline('[DPA](https://example.com/dpa?a=1&b=2) <mailto:dpo@example.com>')).toBe(
      '<a href="https://example.com/dpa?a=1&amp;b=2" rel="nofollow noopener noreferrer">DPA</a> <a href="mailto:dpo@example.com" rel="nofollow noopener noreferrer">dpo@example.com</a>',
    );
    expect(renderInline('**[bold link](http://example.com)**')).toBe('<strong><a href="http://example.com" rel="nofollow noopener noreferrer">bold link</a></strong>');
  });

  it('escapes raw HTML everywhere, including headings and list items', () => {
    const { html, headings } = renderMarkdown('# <script>alert(1)</script>\n\n- <img src=x onerror=alert(1)>\n\n"quoted" & \'single\'');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;</li>');
    expect(html).toContain('<p>&quot;quoted&quot; &amp; &#39;single&#39;</p>');
    expect(headings[0]!.labelHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops links that are not http(s) or mailto, keeping their text', () => {
    expect(renderInline('[click](javascript:alert(1))')).toBe('click');
    expect(renderInline('[wiki](https://en.wikipedia.org/wiki/Cookie_(disambiguation))')).toContain('href="https://en.wikipedia.org/wiki/Cookie_(disambiguation)"');
    expect(renderInline('[click](javascript:alert%281%29)')).toBe('click');
    expect(renderInline('[x](data:text/html,hi)')).toBe('x');
    expect(renderInline('[x](/relative)')).toBe('x');
    expect(renderInline('[x](https://a.example/"onmouseover="y)')).toBe('<a href="https://a.example/&quot;onmouseover=&quot;y" rel="nofollow noopener noreferrer">x</a>');
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('https://ok.example/')).toBe('https://ok.example/');
  });

  it('honours backslash escapes and leaves unmatched markers as text', () => {
    expect(renderInline('\\*not em\\* 2 * 3 * 4 and a_b')).toBe('*not em* 2 * 3 * 4 and a_b');
  });
});
