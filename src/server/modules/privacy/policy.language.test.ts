import { describe, expect, it } from 'vitest';
import { acceptedLanguages, policyPageLanguage } from './policy.language.ts';

describe('the language of /privacy and /terms', () => {
  it('reads Accept-Language by weight, then by order, without * and refused languages', () => {
    expect(acceptedLanguages('fr-CA;q=0.8, en;q=0.9, de')).toEqual(['de', 'en', 'fr-CA']);
    expect(acceptedLanguages('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7,*;q=0.5')).toEqual(['fr-FR', 'fr', 'en-US', 'en']);
    expect(acceptedLanguages('en;q=0, fr')).toEqual(['fr']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('*')).toEqual([]);
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
