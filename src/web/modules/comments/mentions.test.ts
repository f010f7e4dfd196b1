import { describe, expect, it } from 'vitest';
import { insertMention, matchingMembers, mentionQueryAt, mentionsStillIn, splitMentions } from './mentions.ts';

const ada = { userId: 'u1', name: 'Ada Lovelace' };
const alan = { userId: 'u2', name: 'Alan Turing' };
const grace = { userId: 'u3', name: 'Grace Hopper' };

describe('mentions in a comment', () => {
  it('finds the @word being typed, not an e-mail address', () => {
    expect(mentionQueryAt('Hi @Al', 6)).toEqual({ start: 3, query: 'Al' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail me at a@b.c', 16)).toBeNull();
    expect(mentionQueryAt('Hi @Al there', 12)).toBeNull();
  });

  it('lists members whose name or any word of it starts with what was typed', () => {
    expect(matchingMembers([ada, alan, grace], 'a').map((m) => m.name)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(matchingMembers([ada, alan, grace], 'hop').map((m) => m.name)).toEqual(['Grace Hopper']);
  });

  it('inserts the full name and keeps only the mentions still in the text', () => {
    const next = insertMention('Hi @Ad, see', { start: 3, query: 'Ad' }, ada);
    expect(next).toEqual({ text: 'Hi @Ada Lovelace , see', caret: 17 });
    expect(mentionsStillIn('Hi @Ada Lovelace', [ada, alan, ada])).toEqual(['u1']);
  });

  it('splits a body into text and mentions, longest name first', () => {
    expect(splitMentions('@Ada Lovelace and @Ada', [{ userId: 'x', name: 'Ada' }, ada])).toEqual([
      { mention: ada },
      { text: ' and ' },
      { mention: { userId: 'x', name: 'Ada' } },
    ]);
  });
});
