import { describe, expect, it } from 'vitest';
import { pickLanguage } from './languages.ts';

describe('pickLanguage', () => {
  it('takes the first preferred language Herald speaks, by its base language', () => {
    expect(pickLanguage(['fr-CA', 'en-US'])).toBe('fr');
    expect(pickLanguage(['de-DE', 'FR'])).toBe('fr');
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
  });
  it('falls back to English', () => {
    expect(pickLanguage(['de', 'ja'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
