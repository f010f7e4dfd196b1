import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PreviewProps } from '../../web-types.ts';
import { InstagramPreview } from './preview.tsx';

const channel = { id: 'c1', network: 'instagram', username: 'herald.studio', displayName: 'Herald Studio', avatar: null } as unknown as PreviewProps['content']['channel'];
const upload = (key: string, kind: 'image' | 'video', width: number, height: number) =>
  ({ key, fileName: key, kind, previewUrl: `blob:${key}`, progress: 1, state: 'ready', error: null, resumable: false, media: { id: key, kind, url: `/media/${key}`, width, height } }) as unknown as PreviewProps['uploads'][string];

function render(settings: Record<string, unknown>, keys: string[], uploads: PreviewProps['uploads'], firstComment: string | null = null) {
  const content = { channel, text: 'Caption #herald', media: keys.map((key) => ({ key })), threadParts: [], firstComment, settings } as unknown as PreviewProps['content'];
  return renderToStaticMarkup(createElement(InstagramPreview, { content, uploads, preflight: { error: null, isPending: false, enabled: false } }));
}

describe('Instagram preview', () => {
  it('shows a carousel cropped to the first item, with its counter, dots, caption and first comment', () => {
    const html = render({ format: 'feed' }, ['a', 'b'], { a: upload('a', 'image', 1080, 1350), b: upload('b', 'video', 1080, 1350) }, 'First!');
    expect(html).toContain('aspect-ratio:0.8');
    expect(html).toContain('1/2');
    expect(html).toContain('Carousel of 2');
    expect(html).toContain('First!');
    expect(html).toContain('herald.studio');
  });
  it('shows a Reel and a story full height', () => {
    expect(render({ format: 'reel' }, ['v'], { v: upload('v', 'video', 1080, 1920) })).toContain('pv-ig-reel');
    const story = render({ format: 'story' }, ['v'], { v: upload('v', 'video', 1080, 1920) });
    expect(story).toContain('pv-ig-bars');
    expect(story).not.toContain('Caption');
  });
});
