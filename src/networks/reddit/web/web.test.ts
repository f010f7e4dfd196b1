import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
// The app's i18next instance, as the composer has it: the panel and the card speak through it.
import { i18n } from '../../../web/i18n/i18n.ts';
import type { OptionsPanelProps, PreviewProps } from '../../web-types.ts';
import { requirementsOf, type SubredditRules } from '../requirements.ts';
import { web } from './index.ts';

// The Reddit panel and post card as the composer renders them (server-side render: no browser),
// with the subreddit's rules already read (the query the panel and the preview share).
const channel = { id: 'c1', workspaceId: 'w1', network: 'reddit', displayName: 'Herald Tester', username: 'herald_tester', avatar: null, missingFeatures: [], scopesGranted: ['mysubreddits'] } as unknown as OptionsPanelProps['channel'];
const rules: SubredditRules = {
  name: 'AskHerald',
  submissionType: 'any',
  allowImages: true,
  allowVideos: false,
  allowGalleries: true,
  over18: false,
  requirements: requirementsOf({ is_flair_required: true, title_text_max_length: 120, guidelines_text: 'Every post needs a flair.' }),
  flairs: [
    { id: 'f1', text: 'Question', textEditable: false, modOnly: false, backgroundColor: '#ff4500', textColor: 'light' },
    { id: 'f2', text: 'Showcase', textEditable: true, modOnly: false, backgroundColor: null, textColor: 'dark' },
    { id: 'f3', text: 'Mods only', textEditable: false, modOnly: true, backgroundColor: null, textColor: 'dark' },
  ],
  readAt: new Date().toISOString(),
};
const read = { data: { subreddits: [{ name: 'AskHerald', title: 'Ask Herald', subscribers: 88_412, over18: false, icon: null, relation: 'subscriber' }], avatar: null }, error: null, isPending: false, enabled: true };

function render(element: ReactElement) {
  const client = new QueryClient();
  client.setQueryData(['workspaces', 'w1', 'channels', 'c1', 'reddit-subreddit', 'askherald'], { subreddit: rules });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, element));
}
const panel = (settings: Record<string, unknown>, files: OptionsPanelProps['files'] = [], errors: Record<string, string> = {}) =>
  render(createElement(web.OptionsPanel, { channel, settings, onChange: () => undefined, errorFor: (field) => errors[field], files, preflight: read }));
const upload = (key: string, kind: 'image' | 'video') =>
  ({ key, fileName: key, kind, previewUrl: `blob:${key}`, progress: 1, state: 'ready', error: null, resumable: false, media: { id: key, kind, url: `/media/${key}`, width: 1200, height: 900 } }) as unknown as PreviewProps['uploads'][string];
const preview = (settings: Record<string, unknown>, text: string, keys: string[] = [], uploads: PreviewProps['uploads'] = {}) =>
  render(createElement(web.Preview, { content: { channel, text, media: keys.map((key) => ({ key, altText: 'A chart' })), threadParts: [], firstComment: null, settings }, uploads, preflight: read }));

describe('Reddit in the composer', () => {
  it('shows the subreddit’s requirements, its flairs (required, without mod-only ones) and the title counter against its limit', () => {
    const html = panel({ subreddit: 'AskHerald', title: 'How do you plan?' }, [], { 'settings.flairId': 'Reddit: r/AskHerald requires a flair on every post' });
    expect(html).toContain('r/AskHerald asks:');
    expect(html).toContain('A flair is required.');
    expect(html).toContain('Every post needs a flair.');
    expect(html).toContain('required');
    expect(html).toContain('Question');
    expect(html).not.toContain('Mods only');
    expect(html).toContain('16/120');
    expect(html).toContain('r/AskHerald requires a flair on every post');
    expect(html).toContain('Text (the post’s text is its Markdown body)');
    // An editable flair offers its text.
    expect(panel({ subreddit: 'AskHerald', flairId: 'f2' })).toContain('Flair text');
  });

  it('draws the post card in its subreddit: r/name, u/author, title, flair pill, NSFW and spoiler tags, the body', () => {
    const html = preview({ subreddit: 'askherald', title: 'How do you plan a week?', flairId: 'f1', nsfw: true, spoiler: true }, 'We use **Herald**.');
    expect(html).toContain('r/AskHerald');
    expect(html).toContain('u/herald_tester');
    expect(html).toContain('How do you plan a week?');
    expect(html).toContain('pv-rd-flair is-light');
    expect(html).toContain('background:#ff4500');
    expect(html).toContain('>Question<');
    expect(html).toContain('NSFW');
    expect(html).toContain('Spoiler');
    expect(html).toContain('Herald');
  });

  it('shows a link post as its domain, and a gallery with its count', () => {
    expect(preview({ subreddit: 'AskHerald', title: 'Read this', kind: 'link' }, 'https://www.example.com/post')).toContain('example.com');
    const gallery = preview({ subreddit: 'AskHerald', title: 'Charts' }, '', ['a', 'b', 'c'], { a: upload('a', 'image'), b: upload('b', 'image'), c: upload('c', 'image') });
    expect(gallery).toContain('1 / 3');
    expect(gallery).toContain('/media/a');
  });

  it('speaks French when the interface does', async () => {
    await i18n.changeLanguage('fr');
    try {
      const html = panel({ subreddit: 'AskHerald', title: 'Comment planifier ?' });
      expect(html).toContain('r/AskHerald demande\u00a0:');
      expect(html).toContain('Un flair est obligatoire.');
      expect(html).toContain('Texte (le texte de la publication en est le corps, en Markdown)');
      expect(preview({ subreddit: 'AskHerald', nsfw: true }, 'Bonjour')).toContain('Publié par u/herald_tester');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
