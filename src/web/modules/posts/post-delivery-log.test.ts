import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import type { Attempt } from './posts.api.ts';
import { AttemptItem } from './post-delivery-log.tsx';

// A network that processes after accepting (TikTok, YouTube): the first attempt ends "processing"
// with the time of the status check; the check that follows publishes.
const accepted = {
  id: 'a1',
  kind: 'publish',
  outcome: 'processing',
  startedAt: '2026-12-05T10:00:00.000Z',
  endedAt: '2026-12-05T10:00:02.000Z',
  retryAt: '2026-12-05T10:00:32.000Z',
  errorCode: null,
  errorMessage: null,
  steps: [],
} as unknown as Attempt;
const render = (current: boolean) => renderToStaticMarkup(createElement(AttemptItem, { attempt: accepted, index: 0, current }));

describe('the delivery log', () => {
  // The log in English, whatever language the machine running the tests prefers.
  beforeAll(() => i18n.changeLanguage('en'));

  it('shows the next check only while the attempt is the one the engine is still on', () => {
    const ongoing = render(true);
    expect(ongoing).toContain('Processing');
    expect(ongoing).toContain('Next check');
    const later = render(false);
    expect(later).toContain('Accepted, processing');
    expect(later).not.toContain('Next');
    expect(later).not.toContain('>Processing<');
  });

  it('names each step in words, with the network, and keeps the machine name out of sight', () => {
    const withSteps = { ...accepted, steps: [{ at: '2026-12-05T10:00:01.000Z', step: 'init: sending' }, { at: '2026-12-05T10:00:02.000Z', step: 'init: created' }] } as unknown as Attempt;
    const html = renderToStaticMarkup(createElement(AttemptItem, { attempt: withSteps, index: 0, current: false, network: 'TikTok' }));
    expect(html).toContain('>Asked TikTok to take the video<');
    expect(html).toContain('>TikTok accepted the video and is processing it<');
    expect(html).not.toContain('>init: sending<');
  });
});
