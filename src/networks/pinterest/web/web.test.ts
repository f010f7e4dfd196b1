import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../web/i18n/i18n.ts';
import type { OptionsPanelProps, PreviewProps } from '../../web-types.ts';
import { web } from './index.ts';

// The Pinterest panel and pin preview as the composer renders them (server-side render: no browser).
const channel = { id: 'c1', workspaceId: 'w1', network: 'pinterest', displayName: 'Herald Tester', username: 'herald.tester', avatar: null, missingFeatures: [] } as unknown as OptionsPanelProps['channel'];
const boards = {
  boards: [
    { id: '11', name: 'Recipes', privacy: 'PUBLIC', description: null, sections: [{ id: '21', name: 'Salads' }] },
    { id: '12', name: 'Hidden', privacy: 'SECRET', description: null, sections: [] },
  ],
  avatar: null,
};
const read = { data: boards, error: null, isPending: false, enabled: true };
const panel = (settings: Record<string, unknown>, files: OptionsPanelProps['files'] = [], errors: Record<string, string> = {}) =>
  renderToStaticMarkup(createElement(web.OptionsPanel, { channel, settings, onChange: () => undefined, errorFor: (field) => errors[field], files, preflight: read }));
const upload = (key: string, kind: 'image' | 'video', width: number, height: number) =>
  ({ key, fileName: key, kind, previewUrl: `blob:${key}`, progress: 1, state: 'ready', error: null, resumable: false, media: { id: key, kind, url: `/media/${key}`, width, height } }) as unknown as PreviewProps['uploads'][string];
const preview = (settings: Record<string, unknown>, keys: string[], uploads: PreviewProps['uploads'], text = 'Ten minutes, one bowl') =>
  renderToStaticMarkup(
    createElement(web.Preview, { content: { channel, text, media: keys.map((key) => ({ key, altText: 'A bowl' })), threadParts: [], firstComment: null, settings }, uploads, preflight: read }),
  );

describe('Pinterest in the composer', () => {
  it('offers the boards, a new board, and the chosen board’s sections', () => {
    const none = panel({});
    expect(none).toContain('Choose a board…');
    expect(none).toContain('Recipes');
    expect(none).toContain('Hidden (secret)');
    expect(none).toContain('New board…');
    expect(none).not.toContain('Salads');
    expect(panel({ boardId: '11' })).toContain('Salads');
    expect(panel({}, [], { 'settings.boardId': 'Pinterest: choose the board to save the pin to' })).toContain('choose the board');
  });

  it('counts the title, and offers a cover only for a video', () => {
    expect(panel({ title: 'Salad' })).toContain('5/100');
    expect(panel({})).not.toContain('Cover');
    const video = panel({}, [{ id: 'v', kind: 'video', durationSeconds: 12 } as OptionsPanelProps['files'][number]]);
    expect(video).toContain('Cover');
    expect(video).toContain('add one under Media');
  });

  it('previews the pin in its shape with title, description, link domain and board', () => {
    const html = preview({ boardId: '11', title: 'Ten-minute salad', link: 'https://www.example.com/salad' }, ['a'], { a: upload('a', 'image', 1000, 1500) });
    expect(html).toContain('aspect-ratio:0.666');
    expect(html).toContain('Ten-minute salad');
    expect(html).toContain('Ten minutes, one bowl');
    expect(html).toContain('example.com');
    expect(html).toContain('Recipes');
    expect(html).toContain('alt="A bowl"');
    expect(preview({}, ['a', 'b'], { a: upload('a', 'image', 1000, 1000), b: upload('b', 'image', 1000, 1000) })).toContain('Carousel of 2');
    expect(preview({}, [], {})).toContain('choose one');
  });
});

describe('Pinterest in the composer, in French', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('speaks French in the panel and the pin, the frame’s second inside its sentence', async () => {
    await i18n.changeLanguage('fr');
    const video = panel({}, [{ id: 'v', kind: 'video', durationSeconds: 12 } as OptionsPanelProps['files'][number]]);
    expect(video).toContain('Choisir un tableau…');
    expect(video).toContain('Hidden (secret)');
    expect(video).toMatch(/<span>L’image à <input [^>]*aria-label="Seconde de la vidéo affichée en couverture"[^>]*\/> s<\/span>/);
    expect(preview({ boardId: '11' }, [], {})).toContain('enregistrée dans <strong>Recipes</strong>');
  });
});
