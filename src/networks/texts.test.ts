import { describe, expect, it } from 'vitest';
import { localizeSentence, scopeKey } from './texts.ts';

describe('network texts in other languages', () => {
  it('makes scopes usable as keys', () => {
    expect(scopeKey('tweet.read')).toBe('tweet_read');
    expect(scopeKey('https://www.googleapis.com/auth/youtube.upload')).toBe('https___www_googleapis_com_auth_youtube_upload');
  });

  it('puts the sentence’s code parts where the translation names them, in any order', () => {
    const english = ['Media are fetched from ', { code: 'https://media.example' }, ' (set by ', { code: 'HERALD_MEDIA_PUBLIC_URL' }, ').'];
    expect(localizeSentence(english, '{{code1}} fixe l’adresse {{code0}} d’où les médias sont lus.')).toEqual([
      { code: 'HERALD_MEDIA_PUBLIC_URL' },
      ' fixe l’adresse ',
      { code: 'https://media.example' },
      ' d’où les médias sont lus.',
    ]);
    expect(localizeSentence(english, undefined)).toBe(english);
  });
});
