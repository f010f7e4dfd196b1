import { describe, expect, it } from 'vitest';
import { insertSnippet } from './insert-snippet.ts';

describe('insertSnippet', () => {
  const tags = { text: '#launch #herald', kind: 'hashtags' };
  it('puts hashtags at the caret with spaces where words would touch', () => {
    expect(insertSnippet('Hello world', { start: 5, end: 5 }, tags)).toEqual({ text: 'Hello #launch #herald world', caret: 21 });
    expect(insertSnippet('Hello ', { start: 6, end: 6 }, tags)).toEqual({ text: 'Hello #launch #herald', caret: 21 });
    expect(insertSnippet('', null, tags)).toEqual({ text: '#launch #herald', caret: 15 });
  });
  it('replaces a selection', () => {
    expect(insertSnippet('Hello TAGS here', { start: 6, end: 10 }, tags).text).toBe('Hello #launch #herald here');
  });
  it('appends a signature after a blank line, whatever the caret', () => {
    expect(insertSnippet('Hello world  \n', { start: 0, end: 0 }, { text: '— Team', kind: 'signature' })).toEqual({ text: 'Hello world\n\n— Team', caret: 19 });
    expect(insertSnippet('', null, { text: '— Team', kind: 'signature' }).text).toBe('— Team');
  });
});
