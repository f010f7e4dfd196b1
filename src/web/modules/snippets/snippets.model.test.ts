import { describe, expect, it } from 'vitest';
import { snippetSections } from './snippets.model.ts';

describe('snippet sections', () => {
  it('groups by kind in a fixed order, names A to Z whatever their case, and leaves out empty kinds', () => {
    const sections = snippetSections([
      { kind: 'signature', name: 'sign-off' },
      { kind: 'hashtags', name: 'Launch' },
      { kind: 'hashtags', name: 'bakery' },
      { kind: 'signature', name: 'Formal' },
    ]);
    expect(sections.map((s) => [s.heading, s.items.map((i) => i.name)])).toEqual([
      ['Hashtag groups', ['bakery', 'Launch']],
      ['Signatures', ['Formal', 'sign-off']],
    ]);
    expect(snippetSections([])).toEqual([]);
  });
});
