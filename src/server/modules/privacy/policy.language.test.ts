import { describe, expect, it } from 'vitest';
import { languageOfHeader } from '../../http/request-language.ts';
import { policyPageLanguage } from './policy.language.ts';

describe('the language of /privacy and /terms', () => {
  it('reads Accept-Language by weight, then by order, without * and refused languages', () => {
    expect(languageOfHeader('fr-CA;q=0.8, en;q=0.9, de')).toBe('en');
    expect(languageOfHeader('de, fr-FR;q=0.9, en;q=0.8')).toBe('fr');
    expect(languageOfHeader('en;q=0, fr')).toBe('fr');
    expect(languageOfHeader(undefined)).toBe('en');
    expect(languageOfHeader('*')).toBe('en');
  });

  it('takes ?lang= first, then the first language Herald speaks, then English', () => {
    expect(policyPageLanguage('fr', 'en')).toBe('fr');
    expect(policyPageLanguage('FR', 'en')).toBe('fr');
    expect(policyPageLanguage('en', 'fr-FR,fr')).toBe('en');
    // A language Herald does not speak is passed over, in the query as in the header.
    expect(policyPageLanguage('de', 'de-DE, fr-CA;q=0.9, en;q=0.8')).toBe('fr');
    expect(policyPageLanguage(undefined, 'de, en;q=0.5, fr;q=0.9')).toBe('fr');
    expect(policyPageLanguage(undefined, 'de')).toBe('en');
    expect(policyPageLanguage(undefined, undefined)).toBe('en');
    expect(policyPageLanguage(undefined, '*')).toBe('en');
  });
});
