import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OptionsPanelProps, PreviewContent } from '../../web-types.ts';
import { web } from './index.ts';

// The Facebook panel and preview as the composer renders them (server-side render: no browser).
const channel = { id: 'c1', network: 'facebook', displayName: 'Herald Books', username: null, avatar: null, missingFeatures: [] } as unknown as OptionsPanelProps['channel'];
const preflight = { error: null, isPending: false, enabled: false };
const panel = (settings: Record<string, unknown>, files: OptionsPanelProps['files'] = [], errors: Record<string, string> = {}) =>
  renderToStaticMarkup(createElement(web.OptionsPanel, { channel, settings, onChange: () => undefined, errorFor: (field) => errors[field], files, preflight }));
const preview = (content: Partial<PreviewContent>) =>
  renderToStaticMarkup(createElement(web.Preview, { content: { channel, text: '', media: [], threadParts: [], firstComment: null, settings: { format: 'post' }, ...content }, uploads: {}, preflight }));

describe('Facebook in the composer', () => {
  it('shows the Page by its name, the format, and the link field for feed posts only', () => {
    const html = panel({ format: 'post' });
    expect(html).toContain('Herald Books');
    expect(html).not.toContain('@null');
    expect(html).toContain('Feed post');
    expect(html).toContain('Link');
    expect(panel({ format: 'reel' })).not.toContain('Facebook shows a preview');
  });

  it('shows a link refusal beside the field, and the video title only with a video', () => {
    expect(panel({ format: 'post', link: 'x' }, [], { 'settings.link': 'must be an http(s) address' })).toContain('must be an http(s) address');
    expect(panel({ format: 'post' }, [{ kind: 'video' } as OptionsPanelProps['files'][number]])).toContain('Video title');
    expect(panel({ format: 'post' })).not.toContain('Video title');
  });

  it('previews a Page post with its link card and first comment, and a Reel as a Reel', () => {
    const html = preview({ text: 'Fresh bread', settings: { format: 'post', link: 'https://www.bakery.example/menu' }, firstComment: 'Order online' });
    expect(html).toContain('Fresh bread');
    expect(html).toContain('BAKERY.EXAMPLE');
    expect(html).toContain('First comment');
    expect(html).toContain('Order online');
    expect(preview({ text: 'Spin', settings: { format: 'reel' } })).toContain('Reel · Just now');
  });
});
