import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { snippetKinds, snippetSections } from './snippets.model.ts';

describe('snippet sections', () => {
  it('groups by kind in a fixed order, names A to Z whatever their case, and leaves out empty kinds', () => {
    const sections = snippetSections([
      { kind: 'signature', name: 'sign-off' },
      { kind: 'hashtags', name: 'Launch' },
      { kind: 'hashtags', name: 'bakery' },
      { kind: 'signature', name: 'Formal' },
    ]);
    const t = i18n.getFixedT('en', 'snippets');
    expect(sections.map((s) => [t(s.heading), s.items.map((i) => i.name)])).toEqual([
      ['Hashtag groups', ['bakery', 'Launch']],
      ['Signatures', ['Formal', 'sign-off']],
    ]);
    expect(snippetSections([])).toEqual([]);
  });

  it('sorts names as the interface language does', () => {
    const names = (locale: string) => snippetSections([{ kind: 'other', name: 'Zoé' }, { kind: 'other', name: 'été' }, { kind: 'other', name: 'Avril' }], locale)[0]!.items.map((i) => i.name);
    expect(names('fr')).toEqual(['Avril', 'été', 'Zoé']);
  });

  it('names every kind in English and in French', () => {
    const en = i18n.getFixedT('en', 'snippets');
    const fr = i18n.getFixedT('fr', 'snippets');
    expect(snippetKinds.map((k) => en(k.label))).toEqual(['Hashtags', 'Signature', 'Other text']);
    expect(snippetKinds.map((k) => fr(k.heading))).toEqual(['Groupes de hashtags', 'Signatures', 'Autres textes']);
  });
});
