import { expect } from 'vitest';
import { englishOf } from '../server/i18n/stored-words.ts';
import { sayMessage } from '../server/modules/notifications/notification-message.ts';
import { ProviderError } from '../server/providers/provider.ts';

// For the networks' error-words tests: an error's words must say exactly its English message (what
// the engine stores and API clients read) and, to a French reader, the French the test pins.

/** The non-breaking space French puts before : ; ! ? and inside « ». */
export const NB = '\u00a0';

/** The error is a ProviderError whose words say its message, which is `english`; in French they say `french`. */
export function expectWorded(error: unknown, english: string, french: string) {
  expect(error).toBeInstanceOf(ProviderError);
  const worded = error as ProviderError;
  expect(worded.message).toBe(english);
  expect(worded.words, english).toBeDefined();
  expect(englishOf('delivery', worded.words!)).toBe(worded.message);
  expect(sayMessage('delivery', worded.words!, 'fr')).toBe(french);
}

/** Words whose English is `english` (sentences made where no function can be called alone). */
export function expectWords(words: Parameters<typeof englishOf>[1], english: string, french: string) {
  expect(englishOf('delivery', words)).toBe(english);
  expect(sayMessage('delivery', words, 'fr')).toBe(french);
}
