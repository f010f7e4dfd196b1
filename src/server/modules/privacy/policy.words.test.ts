import { describe, expect, it } from 'vitest';
import { descriptorKeys } from '../../../networks/texts.ts';
import { languageNames, policyWords } from './policy.words.ts';

describe('the words of the policy pages', () => {
  it('escapes the values of a translation, not the HTML the page built', () => {
    const en = policyWords('en');
    expect(en.html('operator.runBy', { name: 'A <b> & Co' })).toContain('<strong>A &lt;b&gt; &amp; Co</strong>');
    expect(en.html('rights.byOperator', { contactHtml: '<a href="mailto:x@y.example">x@y.example</a>' })).toBe('by writing to the operator: <a href="mailto:x@y.example">x@y.example</a>');
  });

  it('counts days in each language, with a non-breaking space in French', () => {
    expect([policyWords('en').days(1), policyWords('en').days(30)]).toEqual(['1 day', '30 days']);
    expect([policyWords('fr').days(1), policyWords('fr').days(30)]).toEqual(['1\u00a0jour', '30\u00a0jours']);
  });

  it('writes the day the page was generated in each language', () => {
    expect(policyWords('en').date('2026-12-01T03:04:05.000Z')).toBe('2026-12-01');
    expect(policyWords('fr').date('2026-12-01T03:04:05.000Z')).toBe('1er décembre 2026');
    expect(policyWords('fr').date('2026-01-02T23:59:00.000Z')).toBe('2 janvier 2026');
  });

  it("keeps a network's English where the network has no translation of a text", () => {
    const fr = policyWords('fr');
    expect(fr.networkText('bluesky', descriptorKeys.scopeMeaning('no.such.scope'), 'the English meaning')).toBe('the English meaning');
    const sentence = ['Reads ', { code: 'https://resolver.example' }, '.'];
    expect(fr.networkSentence('bluesky', descriptorKeys.outgoing(99), sentence)).toEqual(sentence);
    expect(fr.networkText('no-such-network', descriptorKeys.termsLabel(0), 'Terms')).toBe('Terms');
  });

  it('names each language in itself', () => {
    expect(languageNames).toEqual({ en: 'English', fr: 'Français' });
  });
});
